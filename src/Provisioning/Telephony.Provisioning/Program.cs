using Telephony.Provisioning;
using Telephony.ServiceDefaults;
using Telephony.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProvisioning();
builder.AddMessageBus();

var app = builder.Build();
app.MapProvisioning();
await app.RunAsync();
