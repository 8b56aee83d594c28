using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Telephony.Provisioning.Serving;

/// <summary>
/// D-SECURE, client certificates: phones of several vendors carry a factory certificate whose
/// subject names their MAC (docs/provisioning-vendors.md). When the operator configures the
/// vendors' CA certificates, a phone presenting such a certificate over HTTPS is authenticated
/// by it — provided the chain ends at one of those CAs and the certificate names the MAC of the
/// file asked for.
/// </summary>
public sealed class DeviceCertificates
{
    private readonly X509Certificate2Collection _authorities = [];

    public DeviceCertificates(IOptions<ProvisioningOptions> options)
    {
        if (options.Value.DeviceCertificateAuthorities is { Length: > 0 } path)
        {
            _authorities.ImportFromPemFile(path);
        }
    }

    public bool Enabled => _authorities.Count > 0;

    /// <summary>True when <paramref name="certificate"/> chains to a configured CA and names <paramref name="mac"/>.</summary>
    public bool Identifies(X509Certificate2 certificate, string mac)
    {
        if (!Enabled || !NamesMac(certificate, mac))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Factory certificates outlive their validity dates on phones in service for a decade.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        return chain.Build(certificate);
    }

    /// <summary>The MAC in the subject or a DNS subject alternative name, with or without separators (e.g. CN=00:15:65:a1:b2:c3, CN=SEP00562B043615).</summary>
    internal static bool NamesMac(X509Certificate2 certificate, string mac)
    {
        var names = new List<string> { certificate.Subject };
        if (certificate.Extensions["2.5.29.17"] is X509SubjectAlternativeNameExtension alternatives)
        {
            names.AddRange(alternatives.EnumerateDnsNames());
        }

        return names.Any(n => Compact(n).Contains(mac, StringComparison.Ordinal));
    }

    private static string Compact(string name) =>
        new(name.Where(c => c is not ':' and not '-' and not '.').Select(char.ToLowerInvariant).ToArray());
}
