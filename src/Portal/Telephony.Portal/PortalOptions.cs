using System.ComponentModel.DataAnnotations;

namespace Telephony.Portal;

/// <summary>Section <c>Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>Tenants get the SIP domain <c>&lt;company-label&gt;.&lt;suffix&gt;</c>.</summary>
    [Required]
    [RegularExpression(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")]
    public string SipDomainSuffix { get; set; } = "sip.localhost";

    /// <summary>Seed the demo tenant at start (embedded mode).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Host and port phones register to, as shown to people (printed by the embedded host).</summary>
    public string SipServer { get; set; } = "127.0.0.1:5060";

    /// <summary>O-DELETE: how long a deleted line's number rests before another company can get it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan NumberQuarantine { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The portal's address as people reach it, for the links in e-mails.</summary>
    [Required]
    public string PublicUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// The platform operator's login (T-OPERATOR). When set and no operator account exists yet,
    /// the account is created at start and invited by e-mail to choose its password.
    /// </summary>
    [EmailAddress]
    public string? OperatorEmail { get; set; }

    /// <summary>The media server's internal HTTP API (converted announcements, text-to-speech), e.g. <c>http://mediaserver:8080</c>.</summary>
    [Required]
    [Url]
    public string MediaServerUrl { get; set; } = "http://127.0.0.1:8083";

    /// <summary>Sign-in, reset and set-password form posts allowed per minute from one address (A-ROLES).</summary>
    [Range(1, 10_000)]
    public int CredentialPostsPerMinute { get; set; } = 10;
}
