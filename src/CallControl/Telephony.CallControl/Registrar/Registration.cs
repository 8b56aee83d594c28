namespace Telephony.CallControl.Registrar;

/// <summary>
/// One contact bound to a line (RFC 3261 §10): where the line's device can be reached, until
/// when, and the network address the REGISTER came from (for NAT: requests go there).
/// </summary>
public sealed class Registration
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid LineId { get; set; }

    /// <summary>The Contact URI as registered, normalised.</summary>
    public string ContactUri { get; set; } = "";

    public string CallId { get; set; } = "";

    public long CSeq { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>UDP or TCP: the transport the REGISTER came over.</summary>
    public string Transport { get; set; } = "";

    public string SourceAddress { get; set; } = "";

    public int SourcePort { get; set; }

    public string? UserAgent { get; set; }

    public DateTime RegisteredAt { get; set; }
}
