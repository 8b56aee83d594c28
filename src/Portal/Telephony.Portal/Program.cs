using Telephony.Portal;
using Telephony.ServiceDefaults;
using Telephony.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPortal();
builder.AddMessageBus();

var app = builder.Build();
app.UsePortal();
app.MapPortal();
await app.RunAsync();
