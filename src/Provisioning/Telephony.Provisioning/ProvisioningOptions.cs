using System.ComponentModel.DataAnnotations;

namespace Telephony.Provisioning;

/// <summary>Provisioning's settings (section "Provisioning").</summary>
public sealed class ProvisioningOptions
{
    public const string SectionName = "Provisioning";

    /// <summary>The address phones reach this service at, e.g. https://prov.example.com; device URLs are built on it.</summary>
    [Required]
    public Uri PublicUrl { get; set; } = new("https://localhost:8081");

    /// <summary>Where phones register, "host" or "host:port" (the SIP edge).</summary>
    [Required]
    public string SipServer { get; set; } = "localhost:5060";

    /// <summary>udp, tcp or tls.</summary>
    [RegularExpression("^(udp|tcp|tls)$")]
    public string SipTransport { get; set; } = "udp";

    /// <summary>
    /// Lab mode: serve over plain HTTP. Off by default: configurations carry SIP credentials,
    /// so without it a request that did not come over HTTPS is refused.
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>
    /// A known phone that has never fetched its configuration with its credentials gets a
    /// bootstrap file (no SIP credentials, only its secret provisioning URL) when it asks
    /// without credentials. Turn off where phones are given their URL another way (the
    /// vendor's redirection service, DHCP option 66 with the URL).
    /// </summary>
    public bool Bootstrap { get; set; } = true;

    /// <summary>
    /// Addresses or networks (CIDR) of the TLS-terminating proxies in front of this service
    /// (an Ingress, a load balancer): for requests from them, the client's address is the last
    /// of X-Forwarded-For and HTTPS is X-Forwarded-Proto. Nobody else is believed.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Digest realm of provisioning credentials (user name: the MAC, password: the device's token).</summary>
    public string Realm { get; set; } = "provisioning";

    /// <summary>Failed requests (unknown MAC, wrong credentials) one address may make per <see cref="ProbeWindow"/> before it is throttled.</summary>
    [Range(1, 100_000)]
    public int ProbeLimit { get; set; } = 30;

    public TimeSpan ProbeWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a throttled address gets 429 for everything.</summary>
    public TimeSpan ProbeBlock { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Base64 key (32 bytes) signing digest nonces; shared by every instance. Random per process when empty.</summary>
    public string? NonceKey { get; set; }

    /// <summary>
    /// PEM file of the vendors' device certificate authorities: a phone presenting a client
    /// certificate issued by one of them, whose subject names the requested MAC, is
    /// authenticated by its certificate (docs/provisioning-vendors.md says which vendors).
    /// </summary>
    public string? DeviceCertificateAuthorities { get; set; }

    public (string Host, int Port) SipServerEndpoint()
    {
        var colon = SipServer.LastIndexOf(':');
        return colon > 0 && int.TryParse(SipServer.AsSpan(colon + 1), out var port)
            ? (SipServer[..colon], port)
            : (SipServer, SipTransport == "tls" ? 5061 : 5060);
    }
}
