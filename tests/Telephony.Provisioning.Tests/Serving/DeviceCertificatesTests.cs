using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Telephony.Provisioning.Serving;

namespace Telephony.Provisioning.Tests.Serving;

/// <summary>D-SECURE client certificates: a vendor's factory certificate authenticates the MAC it names, and nothing else.</summary>
public sealed class DeviceCertificatesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("device-cas").FullName;
    private readonly X509Certificate2 _vendorCa = TestCertificates.Authority("CN=Vendor Device CA");
    private readonly X509Certificate2 _otherCa = TestCertificates.Authority("CN=Someone Else CA");

    public void Dispose()
    {
        _vendorCa.Dispose();
        _otherCa.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Identifies_AFactoryCertificateNamingTheMac_IsTrue()
    {
        using var phone = TestCertificates.Issue(_vendorCa, "CN=80:5e:c0:00:00:01");

        Assert.True(Certificates().Identifies(phone, "805ec0000001"));
    }

    [Fact]
    public void Identifies_TheMacInACiscoStyleName_IsTrue()
    {
        using var phone = TestCertificates.Issue(_vendorCa, "CN=CP-8851-3PCC-SEP00562B043615");

        Assert.True(Certificates().Identifies(phone, "00562b043615"));
    }

    [Fact]
    public void Identifies_AnotherPhonesCertificate_IsFalse()
    {
        using var phone = TestCertificates.Issue(_vendorCa, "CN=80:5e:c0:00:00:02");

        Assert.False(Certificates().Identifies(phone, "805ec0000001"));
    }

    [Fact]
    public void Identifies_ACertificateFromAnUntrustedIssuer_IsFalse()
    {
        using var forged = TestCertificates.Issue(_otherCa, "CN=80:5e:c0:00:00:01");

        Assert.False(Certificates().Identifies(forged, "805ec0000001"));
    }

    [Fact]
    public void Identifies_WithoutConfiguredAuthorities_IsFalse()
    {
        using var phone = TestCertificates.Issue(_vendorCa, "CN=80:5e:c0:00:00:01");

        Assert.False(new DeviceCertificates(Options.Create(new ProvisioningOptions())).Identifies(phone, "805ec0000001"));
    }

    private DeviceCertificates Certificates()
    {
        var path = Path.Combine(_folder, "vendors.pem");
        File.WriteAllText(path, _vendorCa.ExportCertificatePem());
        return new DeviceCertificates(Options.Create(new ProvisioningOptions { DeviceCertificateAuthorities = path }));
    }
}
