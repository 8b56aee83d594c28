using Telephony.CallControl;
using Telephony.ServiceDefaults;
using Telephony.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCallControl();
builder.AddMessageBus();

var app = builder.Build();
app.MapCallControl();
await app.RunAsync();
