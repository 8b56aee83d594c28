using Telephony.MediaServer;
using Telephony.ServiceDefaults;
using Telephony.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMediaServer();
builder.AddMessageBus();

var app = builder.Build();
app.MapMediaServer();
await app.RunAsync();
