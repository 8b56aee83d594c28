using System.Net;
using System.Security.Cryptography.X509Certificates;

using Telephony.Provisioning.Serving;

namespace Telephony.Provisioning.Tests.Serving;

/// <summary>D-SECURE over real TLS: the operator's certificate from configuration, and phones authenticated by their factory certificate.</summary>
public sealed class HttpsTests : IAsyncLifetime
{
    private const string Mac = "805ec0000001";
    private readonly string _folder = Directory.CreateTempSubdirectory("device-cas").FullName;
    private readonly X509Certificate2 _vendorCa = TestCertificates.Authority("CN=Vendor Device CA");
    private ProvisioningHost _host = null!;

    public async Task InitializeAsync()
    {
        var authorities = Path.Combine(_folder, "vendors.pem");
        await File.WriteAllTextAsync(authorities, _vendorCa.ExportCertificatePem());
        _host = await ProvisioningHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Provisioning:AllowPlainHttp"] = "false",
                ["Provisioning:DeviceCertificateAuthorities"] = authorities,
            },
            https: true);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _vendorCa.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Get_OverHttpsWithoutLabMode_ServesTheDeviceUrl()
    {
        var device = DeviceSnapshots.Yealink(Mac);
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, device));

        var response = await _host.Client().GetAsync($"/d/{_host.Devices.ByMac(Mac)!.Token}/{Mac}.cfg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(device.SipPassword, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithTheFactoryCertificateNamingTheMac_ServesTheConfigurationWithoutToken()
    {
        var device = DeviceSnapshots.Yealink(Mac);
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, device));
        using var certificate = TestCertificates.Issue(_vendorCa, "CN=80:5e:c0:00:00:01");

        var response = await _host.Client(clientCertificate: certificate).GetAsync($"/{Mac}.cfg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(device.SipPassword, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithAnotherPhonesFactoryCertificate_GetsNoCredentials()
    {
        var device = DeviceSnapshots.Yealink(Mac);
        await _host.ApplyAsync(DeviceSnapshots.Tenant(Guid.NewGuid(), 1, device));
        using var other = TestCertificates.Issue(_vendorCa, "CN=80:5e:c0:00:00:02");
        using var forged = TestCertificates.Issue(TestCertificates.Authority("CN=Forger"), "CN=80:5e:c0:00:00:01");

        foreach (var certificate in new[] { other, forged })
        {
            var response = await _host.Client(clientCertificate: certificate).GetAsync($"/{Mac}.cfg");
            Assert.DoesNotContain(device.SipPassword, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains(_host.Logs.Of(SecurityLog.Category), l => l.Contains("client certificate not valid", StringComparison.Ordinal));
    }
}
