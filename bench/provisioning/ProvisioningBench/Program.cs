using System.Text.Json;
using MassTransit;
using Telephony.Contracts.Devices;
using Telephony.Provisioning;
using Telephony.Provisioning.Devices;
using Telephony.ServiceDefaults;
using Telephony.ServiceDefaults.Messaging;

// The Provisioning service as its own host runs it (Kestrel, lab mode HTTP on loopback, SQLite,
// the in-memory bus), given one Yealink T46U with 3 supervision keys, 2 speed dials and the
// pickup key through a device snapshot, as the Portal sends it. Prints one JSON line saying
// where and how to fetch the phone's configuration, then serves until stdin closes.
var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var dataFolder = Directory.CreateTempSubdirectory("provisioning-bench").FullName;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Sqlite",
    ["Database:DataFolder"] = dataFolder,
    ["Messaging:Transport"] = "InMemory",
    ["Provisioning:PublicUrl"] = $"http://127.0.0.1:{port}",
    ["Provisioning:SipServer"] = "sip.example.net:5060",
    ["Provisioning:AllowPlainHttp"] = "true",
    ["Logging:LogLevel:Default"] = "Warning",
});
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.AddServiceDefaults();
builder.AddProvisioning();
builder.AddMessageBus();
var app = builder.Build();
app.MapProvisioning();
await app.StartAsync();

const string mac = "805ec0b00001";
var tenantId = Guid.NewGuid();
DeviceKey Watch(string name, string number) => new("Supervision", name, number);
await app.Services.GetRequiredService<IBus>().Publish(new TenantDevicesChanged
{
    TenantId = tenantId,
    MessageId = Guid.NewGuid(),
    Version = 1,
    Suspended = false,
    SipDomain = "demo.sip.example.net",
    Language = "fr",
    TimeZone = "Europe/Paris",
    Devices =
    [
        new AssignedDevice
        {
            LineId = Guid.NewGuid(),
            Mac = mac,
            Vendor = "Yealink",
            Model = "T46U",
            Kind = "DeskPhone",
            DisplayName = "Alice Martin",
            PublicNumber = "+33199000201",
            ShortNumber = "201",
            SipUsername = "33199000201",
            SipPassword = "b3nch-Pa55word-0123456789",
            DistinctiveRing = true,
            Keys =
            [
                Watch("Bruno Petit", "202"), Watch("Chloé Durand", "203"), Watch("Reception", "204"),
                new DeviceKey("Shortcut", "Home", "0612345678"), new DeviceKey("Shortcut", "Plumber", "0140000000"),
                new DeviceKey("Pickup", "Pickup", "*98"),
            ],
        },
    ],
    Directory = [new DirectoryListing("Alice Martin", "201", true), new DirectoryListing("Bruno Petit", "202", true)],
    OccurredAt = DateTime.UnixEpoch,
});

var devices = app.Services.GetRequiredService<ProvisionedDevices>();
while (devices.ByMac(mac) is null)
{
    await Task.Delay(50);
}

var token = devices.ByMac(mac)!.Token;
Console.WriteLine(JsonSerializer.Serialize(new
{
    path = $"/{mac}.cfg",
    tokenPath = $"/d/{token}/{mac}.cfg",
    user = mac,
    password = token,
    userAgent = "Yealink SIP-T46U 108.86.0.20 80:5e:c0:b0:00:01",
}));
await Console.In.ReadToEndAsync();
await app.StopAsync();
Directory.Delete(dataFolder, recursive: true);
