using System.Net;
using Microsoft.Extensions.Configuration.Memory;
using Telephony.CallControl;
using Telephony.CallControl.Sip;
using Telephony.Embedded;
using Telephony.MediaServer;
using Telephony.Portal;
using Telephony.Provisioning;
using Telephony.ServiceDefaults;
using Telephony.ServiceDefaults.Messaging;

// The embedded default: the four services in one process on SQLite files in the data folder
// and MassTransit's in-memory bus, each service on its own HTTP port as in production.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    // Lowest priority: appsettings, environment variables and arguments override these.
    InitialData = new Dictionary<string, string?>
    {
        ["RunMode"] = "Embedded",
        ["Database:Provider"] = "Sqlite",
        ["Messaging:Transport"] = "InMemory",
        ["Portal:SeedDemo"] = "true",
        // The demo's operator; the invitation to choose its password lands in the mail folder.
        ["Portal:OperatorEmail"] = "operator@platform.localhost",
        ["Sip:ListenAddress"] = "127.0.0.1",
        ["Logging:PlainConsole"] = "true",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        ["Logging:LogLevel:MassTransit"] = "Warning",
        // Keys live unencrypted in ./data on a single machine; the warning says nothing new.
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
    },
});

var ports = builder.Configuration.GetSection(EmbeddedOptions.SectionName).Get<EmbeddedOptions>() ?? new EmbeddedOptions();
if (string.IsNullOrEmpty(builder.Configuration["Portal:SipServer"]))
{
    // Show people the address CallControl actually listens on.
    var sip = builder.Configuration.GetSection(SipOptions.SectionName).Get<SipOptions>() ?? new SipOptions();
    var host = sip.ListenAddress is "0.0.0.0" or "::" ? "127.0.0.1" : sip.ListenAddress;
    builder.Configuration["Portal:SipServer"] = $"{host}:{sip.Port}";
}

if (string.IsNullOrEmpty(builder.Configuration["Portal:PublicUrl"]))
{
    // Links in e-mails point at the portal where this host serves it.
    var host = ports.BindAddress is "0.0.0.0" or "::" ? "127.0.0.1" : ports.BindAddress;
    builder.Configuration["Portal:PublicUrl"] = $"http://{host}:{ports.PortalPort}";
}

if (string.IsNullOrEmpty(builder.Configuration["Provisioning:PublicUrl"]))
{
    // Lab mode on one machine: phones on the local network fetch over plain HTTP and register
    // to the same SIP address the portal shows.
    var host = ports.BindAddress is "0.0.0.0" or "::" ? "127.0.0.1" : ports.BindAddress;
    builder.Configuration["Provisioning:PublicUrl"] = $"http://{host}:{ports.ProvisioningPort}";
    builder.Configuration["Provisioning:AllowPlainHttp"] ??= "true";
}

builder.Configuration["Provisioning:SipServer"] ??= builder.Configuration["Portal:SipServer"];

if (string.IsNullOrEmpty(builder.Configuration["Portal:MediaServerUrl"]))
{
    // The Portal fetches converted announcements and speech from the media server's HTTP port.
    var host = ports.BindAddress is "0.0.0.0" or "::" ? "127.0.0.1" : ports.BindAddress;
    builder.Configuration["Portal:MediaServerUrl"] = $"http://{host}:{ports.MediaServerPort}";
}

// The media server beside CallControl on the same address, ten ports up (5070 by default).
var callControlSip = builder.Configuration.GetSection(SipOptions.SectionName).Get<SipOptions>() ?? new SipOptions();
builder.Configuration["Media:ListenAddress"] ??= callControlSip.ListenAddress;
builder.Configuration["Media:SipPort"] ??= (callControlSip.Port + 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
var mediaAddress = IPAddress.Parse(builder.Configuration["Media:ListenAddress"]!);
builder.Configuration["Sip:MediaServers"] ??= new IPEndPoint(
    mediaAddress.Equals(IPAddress.Any) ? IPAddress.Loopback : mediaAddress.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : mediaAddress,
    int.Parse(builder.Configuration["Media:SipPort"]!, System.Globalization.CultureInfo.InvariantCulture)).ToString();

builder.WebHost.ConfigureKestrel(kestrel =>
{
    var address = IPAddress.Parse(ports.BindAddress);
    foreach (var port in new[] { ports.PortalPort, ports.ProvisioningPort, ports.CallControlPort, ports.MediaServerPort })
    {
        kestrel.Listen(address, port);
    }
});

builder.AddServiceDefaults();
builder.AddPortal();
builder.AddProvisioning();
builder.AddCallControl();
builder.AddMediaServer();
builder.AddMessageBus();

var app = builder.Build();
app.UsePortal();
// Each service answers on its own port only, as it would in its own process.
app.MapGroup("").RequireHost($"*:{ports.PortalPort}").MapPortal();
app.MapGroup("").RequireHost($"*:{ports.ProvisioningPort}").MapProvisioning();
app.MapGroup("").RequireHost($"*:{ports.CallControlPort}").MapCallControl();
app.MapGroup("").RequireHost($"*:{ports.MediaServerPort}").MapMediaServer();

await app.StartAsync();
await EmbeddedBanner.PrintAsync(app.Services, ports, app.Lifetime.ApplicationStopping);
await app.WaitForShutdownAsync();
