using System.ComponentModel.DataAnnotations;

namespace Telephony.CallControl.Sip;

/// <summary>Section <c>Sip</c>: where CallControl listens and how its registrar behaves.</summary>
public sealed class SipOptions
{
    public const string SectionName = "Sip";

    /// <summary>Address of the UDP and TCP listeners; 0.0.0.0 or :: for every interface.</summary>
    [Required]
    public string ListenAddress { get; set; } = "0.0.0.0";

    [Range(1, 65535)]
    public int Port { get; set; } = 5060;

    /// <summary>
    /// The address phones and carriers reach CallControl at, written in Via and Contact of the
    /// requests it sends; defaults to <see cref="ListenAddress"/> when that is a specific address.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    public string AdvertisedHost => AdvertisedAddress is { Length: > 0 } advertised
        ? advertised
        : ListenAddress is "0.0.0.0" or "::" ? "127.0.0.1" : ListenAddress;

    /// <summary>
    /// Base64 key signing digest nonces, shared by every CallControl instance so any of them
    /// verifies another's challenge. Empty: a random key per process (one instance only).
    /// </summary>
    public string NonceKey { get; set; } = "";

    /// <summary>
    /// Digest algorithms offered, in this order (RFC 8760 prefers "SHA-256,MD5"). The default
    /// is MD5 alone: deployed clients that know only MD5 fail on a SHA-256 challenge instead of
    /// skipping it, wherever it stands (baresip 1.0/libre answers "Function not implemented";
    /// sipp 3.6 reads only the first challenge). Offer SHA-256 where the phones support it.
    /// </summary>
    [RegularExpression(@"^(SHA-256|MD5)(,(SHA-256|MD5))?$")]
    public string DigestAlgorithms { get; set; } = "MD5";

    /// <summary>Shortest registration accepted; shorter gets 423 with Min-Expires (RFC 3261 §10.3).</summary>
    [Range(1, 86_400)]
    public int MinExpires { get; set; } = 60;

    /// <summary>Longest registration granted; longer requests are shortened to it.</summary>
    [Range(1, 86_400)]
    public int MaxExpires { get; set; } = 3600;

    [Range(1, 86_400)]
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>
    /// The media servers' SIP addresses, comma-separated "address:port" (UDP), that play
    /// announcements and hold voicemail (ARCHITECTURE "SIP and media"); a tenant's calls go to
    /// one of them, chosen by a hash of the tenant so its conference rooms meet on one server.
    /// </summary>
    [Required]
    [RegularExpression(@"^\s*[^,\s]+:\d{1,5}\s*(,\s*[^,\s]+:\d{1,5}\s*)*$")]
    public string MediaServers { get; set; } = "127.0.0.1:5070";

    /// <summary>Failed authentications from one address within <see cref="AuthFailureWindow"/> before it is refused.</summary>
    [Range(1, 100_000)]
    public int AuthFailureLimit { get; set; } = 20;

    public TimeSpan AuthFailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an address that reached the limit is refused.</summary>
    public TimeSpan AuthBlockDuration { get; set; } = TimeSpan.FromMinutes(5);
}
