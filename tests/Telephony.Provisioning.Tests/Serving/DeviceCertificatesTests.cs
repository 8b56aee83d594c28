using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Telephony.Provisioning.Serving;

namespace Telephony.Provisioning.Tests.Serving;

/// <summary>D-SECURE client certificates: a vendor's factory certificate authenticates the MAC it names, and nothing else.</summary>
public sealed class DeviceCertificatesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("device-cas").FullName;
    private readonly X509Certificate2 _vendorCa = Authority("CN=Vendor Device CA");
    private readonly X509Certificate2 _otherCa = Authority("CN=Someone Else CA");

    public void Dispose()
    {
        _vendorCa.Dispose();
        _otherCa.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Identifies_AFactoryCertificateNamingTheMac_IsTrue()
    {
        using var phone = Issue(_vendorCa, "CN=80:5e:c0:00:00:01");

        Assert.True(Certificates().Identifies(phone, "805ec0000001"));
    }

    [Fact]
    public void Identifies_TheMacInACiscoStyleName_IsTrue()
    {
        using var phone = Issue(_vendorCa, "CN=CP-8851-3PCC-SEP00562B043615");

        Assert.True(Certificates().Identifies(phone, "00562b043615"));
    }

    [Fact]
    public void Identifies_AnotherPhonesCertificate_IsFalse()
    {
        using var phone = Issue(_vendorCa, "CN=80:5e:c0:00:00:02");

        Assert.False(Certificates().Identifies(phone, "805ec0000001"));
    }

    [Fact]
    public void Identifies_ACertificateFromAnUntrustedIssuer_IsFalse()
    {
        using var forged = Issue(_otherCa, "CN=80:5e:c0:00:00:01");

        Assert.False(Certificates().Identifies(forged, "805ec0000001"));
    }

    [Fact]
    public void Identifies_WithoutConfiguredAuthorities_IsFalse()
    {
        using var phone = Issue(_vendorCa, "CN=80:5e:c0:00:00:01");

        Assert.False(new DeviceCertificates(Options.Create(new ProvisioningOptions())).Identifies(phone, "805ec0000001"));
    }

    private DeviceCertificates Certificates()
    {
        var path = Path.Combine(_folder, "vendors.pem");
        File.WriteAllText(path, _vendorCa.ExportCertificatePem());
        return new DeviceCertificates(Options.Create(new ProvisioningOptions { DeviceCertificateAuthorities = path }));
    }

    private static X509Certificate2 Authority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.Parse("2020-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2040-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(authority, authority.NotBefore, authority.NotAfter.AddDays(-1), serial);
        return issued.CopyWithPrivateKey(key);
    }
}
