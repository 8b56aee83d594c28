using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Telephony.Contracts.Devices;
using Telephony.Provisioning.Devices;
using Telephony.Provisioning.Serving;
using Telephony.TestSupport;

namespace Telephony.Provisioning.Tests.Serving;

/// <summary>D-PROV and D-SECURE over real HTTP: who gets which file, and what the others get.</summary>
public sealed class PhoneFileServerTests : IAsyncLifetime
{
    private const string Mac = "805ec0000001";
    private ProvisioningHost _host = null!;

    public async Task InitializeAsync() => _host = await ProvisioningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Get_UnknownMac_Gets404WithAnEmptyBodyAndASecurityLogLine()
    {
        var response = await _host.Client().GetAsync("/805ec0999999.cfg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(_host.Logs.Of(SecurityLog.Category), l => l.StartsWith("Provisioning probe from 127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_KnownMacWithoutCredentials_GetsTheBootstrapFileWithoutSipCredentials()
    {
        var device = DeviceSnapshots.Yealink(Mac);
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, device));

        var response = await _host.Client().GetAsync($"/{Mac}.cfg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"https://prov.example.com/d/{Token()}/", body, StringComparison.Ordinal);
        Assert.DoesNotContain(device.SipPassword, body, StringComparison.Ordinal);
        Assert.DoesNotContain(device.SipUsername, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TheDeviceUrl_ServesTheWholeConfiguration_AndThePlainPathThenWantsCredentials()
    {
        var device = DeviceSnapshots.Yealink(Mac);
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, device));

        var full = await _host.Client().GetAsync($"/d/{Token()}/{Mac}.cfg");
        var plain = await _host.Client().GetAsync($"/{Mac}.cfg");

        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains(device.SipPassword, await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode);
        var challenges = plain.Headers.WwwAuthenticate.Select(c => c.Scheme).ToList();
        Assert.Contains("Digest", challenges);
        Assert.Contains("Basic", challenges);
        Assert.DoesNotContain(device.SipPassword, await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithDigestCredentials_ServesTheConfiguration()
    {
        var device = DeviceSnapshots.Yealink(Mac);
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, device));
        await Claim();
        using var handler = new HttpClientHandler { Credentials = new NetworkCredential(Mac, Token()), PreAuthenticate = false };
        using var client = new HttpClient(handler) { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", DeviceSnapshots.YealinkUserAgent);

        var response = await client.GetAsync($"/{Mac}.cfg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(device.SipPassword, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithBasicCredentials_ServesOnlyWithTheRightToken()
    {
        var device = DeviceSnapshots.Yealink(Mac);
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, device));
        await Claim();

        var right = await Fetch($"/{Mac}.cfg", Basic(Mac, Token()));
        var wrong = await Fetch($"/{Mac}.cfg", Basic(Mac, Token() + "x"));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains(_host.Logs.Of(SecurityLog.Category), l => l.Contains("wrong credentials", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ADeviceOfTenantA_NeverGetsAFileOfTenantB()
    {
        var a = DeviceSnapshots.Yealink(Mac, "201");
        var b = DeviceSnapshots.Yealink("805ec0000002", "202");
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, a));
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, b));
        var tokenOfA = Token();

        var byTokenPath = await _host.Client().GetAsync($"/d/{tokenOfA}/{b.Mac}.cfg");
        var byCredentials = await Fetch($"/{b.Mac}.cfg", Basic(Mac, tokenOfA));
        var byCredentialsOfB = await Fetch($"/{b.Mac}.cfg", Basic(b.Mac, tokenOfA));

        Assert.Equal(HttpStatusCode.NotFound, byTokenPath.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byCredentials.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byCredentialsOfB.StatusCode);
        foreach (var response in new[] { byTokenPath, byCredentials, byCredentialsOfB })
        {
            Assert.DoesNotContain(b.SipPassword, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_TwoHundredUnknownMacsFromOneAddress_AreThrottled()
    {
        var device = DeviceSnapshots.Yealink(Mac);
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, device));
        using var client = _host.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            statuses.Add((await client.GetAsync($"/805ec1{i:x6}.cfg")).StatusCode);
        }

        var known = await client.GetAsync($"/d/{Token()}/{Mac}.cfg");

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(170, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, known.StatusCode);
        Assert.Single(_host.Logs.Of(SecurityLog.Category), l => l.Contains("throttled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_VendorsSharedBootFiles_Get404WithoutCountingAsProbes()
    {
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, DeviceSnapshots.Yealink(Mac)));
        using var client = _host.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            // 50 phones of a site behind one NAT, rebooting after a power cut.
            statuses.Add((await client.GetAsync("/y000000000028.cfg")).StatusCode);
            statuses.Add((await client.GetAsync("/000000000000.cfg")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/d/{Token()}/{Mac}.cfg")).StatusCode);
        Assert.Empty(_host.Logs.Of(SecurityLog.Category));
    }

    [Fact]
    public async Task Get_EachFamilysConfiguration_IsServedAtItsOwnPath()
    {
        var phones = new (string Vendor, string Model, string Kind, string Mac, string File, string UserAgent)[]
        {
            ("Poly", "VVX 450", "DeskPhone", "0004f2000001", "0004f2000001-phone.cfg", "FileTransport PolycomVVX-VVX_450-UA/6.4.3.5018"),
            ("Cisco", "IP Phone 8851 MPP", "DeskPhone", "00562b000001", "00562b000001.xml", "Cisco-CP8851-3PCC/11.3.7 (00562b000001)"),
            ("Snom", "D735", "DeskPhone", "000413000001", "000413000001.xml", "Mozilla/4.0 (compatible; snom D735 10.1.73.16)"),
            ("Grandstream", "GXP2170", "DeskPhone", "000b82000001", "cfg000b82000001.xml", "Grandstream Model HW GXP2170 SW 1.0.11.3 DevId 000b82000001"),
            ("AudioCodes", "MP-202", "Ata", "00908f000001", "00908f000001.cfg", "Mozilla/4.0 (compatible; AudioCodes; MP-202B;4.4.9;00908f000001;)"),
        };
        var devices = phones.Select((p, i) => DeviceSnapshots.Yealink(p.Mac, $"20{i}") with { Vendor = p.Vendor, Model = p.Model, Kind = p.Kind }).ToArray();
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, devices));

        foreach (var (phone, device) in phones.Zip(devices))
        {
            var response = await _host.Client(phone.UserAgent).GetAsync($"/d/{_host.Devices.ByMac(phone.Mac)!.Token}/{phone.File}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{phone.Vendor}: {response.StatusCode}");
            Assert.Contains(device.SipPassword, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_OverPlainHttpWithoutLabMode_IsRefused()
    {
        await using var host = await ProvisioningHost.StartAsync(new Dictionary<string, string?> { ["Provisioning:AllowPlainHttp"] = "false" });
        await host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, DeviceSnapshots.Yealink(Mac)));

        var response = await host.Client().GetAsync($"/{Mac}.cfg");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_ThroughATrustedTlsProxy_IsHttpsFromTheForwardedAddress_AndOthersAreNotBelieved()
    {
        await using var behindProxy = await ProvisioningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Provisioning:AllowPlainHttp"] = "false",
            ["Provisioning:TrustedProxies:0"] = "127.0.0.0/8",
        });
        await using var direct = await ProvisioningHost.StartAsync(new Dictionary<string, string?> { ["Provisioning:AllowPlainHttp"] = "false" });
        var tenantId = Guid.NewGuid();
        await behindProxy.ApplyAsync(DeviceSnapshots.Tenant(tenantId, 1, DeviceSnapshots.Yealink(Mac)));
        await direct.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, DeviceSnapshots.Yealink(Mac)));

        var proxied = await Forwarded(behindProxy, $"/d/{behindProxy.Devices.ByMac(Mac)!.Token}/{Mac}.cfg");
        var spoofed = await Forwarded(direct, $"/d/{direct.Devices.ByMac(Mac)!.Token}/{Mac}.cfg");

        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, spoofed.StatusCode);
        var provisioned = await Eventually.GetAsync(
            () => Task.FromResult(ProvisioningHost.Published.OfType<DeviceProvisioned>().FirstOrDefault(p => p.TenantId == tenantId)),
            TimeSpan.FromSeconds(10),
            "the provisioned report");
        Assert.Equal("203.0.113.7", provisioned.RemoteAddress);

        static async Task<HttpResponseMessage> Forwarded(ProvisioningHost host, string path)
        {
            using var client = host.Client();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            return await client.GetAsync(path);
        }
    }

    [Fact]
    public async Task Get_WithTheUserAgentOfAnotherVendor_Gets404()
    {
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, DeviceSnapshots.Yealink(Mac)));

        var response = await _host.Client("Grandstream Model HW GXP2170 SW 1.0.11.3 DevId 000b82000001").GetAsync($"/d/{Token()}/{Mac}.cfg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_PhonesOfASuspendedTenant_Get404()
    {
        var tenantId = Guid.NewGuid();
        await _host.ApplyAsync(DeviceSnapshots.Tenant(tenantId, 1, DeviceSnapshots.Yealink(Mac)));
        var token = Token();

        await _host.ApplyAsync(DeviceSnapshots.Tenant(tenantId, 2, DeviceSnapshots.Yealink(Mac)) with { Suspended = true });

        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client().GetAsync($"/d/{token}/{Mac}.cfg")).StatusCode);
    }

    [Fact]
    public async Task Get_AfterTheHardwareIsRemoved_Gets404()
    {
        var tenantId = Guid.NewGuid();
        await _host.ApplyAsync(DeviceSnapshots.Tenant(tenantId, 1, DeviceSnapshots.Yealink(Mac)));
        var token = Token();

        await _host.ApplyAsync(DeviceSnapshots.Tenant(tenantId, 2));

        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client().GetAsync($"/d/{token}/{Mac}.cfg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client().GetAsync($"/{Mac}.cfg")).StatusCode);
    }

    [Fact]
    public async Task Snapshot_AKeyChangeOfAProvisionedPhone_AsksForAResync_AndAnOlderVersionChangesNothing()
    {
        var tenantId = Guid.NewGuid();
        var device = DeviceSnapshots.Yealink(Mac);
        await _host.ApplyAsync(DeviceSnapshots.Tenant(tenantId, 1, device));
        await Claim();

        var changed = device with { Keys = [new DeviceKey("Shortcut", "Front desk", "0140000000")] };
        await _host.ApplyAsync(DeviceSnapshots.Tenant(tenantId, 3, changed));
        await _host.ApplyAsync(DeviceSnapshots.Tenant(tenantId, 2, device));

        var resync = await Eventually.GetAsync(
            () => Task.FromResult(ProvisioningHost.Published.OfType<DeviceResyncRequested>().FirstOrDefault(r => r.TenantId == tenantId)),
            TimeSpan.FromSeconds(10),
            "the resync request");
        Assert.Equal(device.LineId, resync.LineId);
        Assert.StartsWith("check-sync", resync.Event, StringComparison.Ordinal);
        var file = await (await _host.Client().GetAsync($"/d/{Token()}/{Mac}.cfg")).Content.ReadAsStringAsync();
        Assert.Contains("Front desk", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Served_IsReportedAsProvisioned_AndCounted()
    {
        var tenantId = Guid.NewGuid();
        var device = DeviceSnapshots.Yealink(Mac);
        await _host.ApplyAsync(DeviceSnapshots.Tenant(tenantId, 1, device));
        var outcomes = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ProvisioningMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "telephony.provisioning.requests")
            {
                lock (outcomes)
                {
                    outcomes.Add((string)tags.ToArray().Single(t => t.Key == "outcome").Value!);
                }
            }
        });
        listener.Start();

        await _host.Client().GetAsync($"/{Mac}.cfg");
        await _host.Client().GetAsync($"/d/{Token()}/{Mac}.cfg");
        await _host.Client().GetAsync("/805ec0999999.cfg");

        var provisioned = await Eventually.GetAsync(
            () => Task.FromResult(ProvisioningHost.Published.OfType<DeviceProvisioned>().FirstOrDefault(p => p.TenantId == tenantId)),
            TimeSpan.FromSeconds(10),
            "the provisioned report");
        Assert.Equal(device.LineId, provisioned.LineId);
        Assert.Equal("127.0.0.1", provisioned.RemoteAddress);
        lock (outcomes)
        {
            Assert.Equal([RequestOutcome.Bootstrap, RequestOutcome.Served, RequestOutcome.NotFound], outcomes);
        }
    }

    [Fact]
    public async Task Metrics_AreScrapedInPrometheusFormat()
    {
        await _host.Client().GetAsync("/805ec0999999.cfg");

        var text = await Eventually.GetAsync(
            async () => await _host.Client().GetStringAsync("/metrics") is { } body && body.Contains("telephony_provisioning_requests", StringComparison.Ordinal) ? body : null,
            TimeSpan.FromSeconds(10),
            "the request counter at /metrics");
        Assert.Contains("outcome=\"not_found\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TheDirectory_IsServedToTheDeviceOnly()
    {
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, DeviceSnapshots.Yealink(Mac)));

        var withToken = await _host.Client().GetAsync($"/d/{Token()}/{Mac}-directory.xml");
        var without = await _host.Client().GetAsync($"/{Mac}-directory.xml");

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        var directory = System.Xml.Linq.XDocument.Parse(await withToken.Content.ReadAsStringAsync());
        Assert.Contains(directory.Descendants(), e => e.Value == "Plumber");
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
    }

    private string Token() => _host.Devices.ByMac(Mac)!.Token;

    /// <summary>The phone's first fetch through its secret URL.</summary>
    private async Task Claim() =>
        Assert.Equal(HttpStatusCode.OK, (await _host.Client().GetAsync($"/d/{Token()}/{Mac}.cfg")).StatusCode);

    private async Task<HttpResponseMessage> Fetch(string path, AuthenticationHeaderValue authorization)
    {
        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = authorization;
        return await client.GetAsync(path);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
