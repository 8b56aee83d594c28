using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Telephony.Provisioning.Tests.Serving;

/// <summary>Certificates made for a test: a server certificate in PEM files, a vendor CA and the phones' factory certificates it issues.</summary>
public static class TestCertificates
{
    private static readonly DateTimeOffset NotBefore = DateTimeOffset.Parse("2020-01-01T00:00:00Z", CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset NotAfter = DateTimeOffset.Parse("2040-01-01T00:00:00Z", CultureInfo.InvariantCulture);

    /// <summary>A self-signed certificate for 127.0.0.1, written as PEM certificate and key files.</summary>
    public static (string CertificatePath, string KeyPath) WriteServerCertificate(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(NotBefore, NotAfter);
        var certificatePath = Path.Combine(folder, "server.pem");
        var keyPath = Path.Combine(folder, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public static X509Certificate2 Authority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(NotBefore, NotAfter);
    }

    /// <summary>A phone's factory certificate: issued by <paramref name="authority"/>, for TLS clients, with its private key.</summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var issued = request.Create(authority, NotBefore, NotAfter.AddDays(-1), RandomNumberGenerator.GetBytes(8));
        // A PFX round trip: SslStream on Linux wants a client certificate whose key it can use.
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }
}
