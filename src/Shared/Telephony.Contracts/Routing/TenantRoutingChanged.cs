namespace Telephony.Contracts.Routing;

/// <summary>
/// The complete, versioned routing configuration of one tenant, published by the Portal
/// whenever anything call routing depends on changes. CallControl keeps the newest version
/// in memory and in its own store and ignores older or equal versions, so the event is
/// idempotent by <see cref="Version"/>.
/// </summary>
public sealed record TenantRoutingChanged
{
    public required Guid TenantId { get; init; }

    public required Guid MessageId { get; init; }

    /// <summary>Strictly increasing per tenant; a redelivery carries the same version.</summary>
    public required long Version { get; init; }

    public required string CompanyName { get; init; }

    public required bool Suspended { get; init; }

    /// <summary>The tenant's SIP domain, also its digest realm.</summary>
    public required string SipDomain { get; init; }

    /// <summary>IANA time zone used to evaluate calendars.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Two-letter language of the company's voice prompts (fr, en, de); French in snapshots of before it.</summary>
    public string Language { get; init; } = "fr";

    public required IReadOnlyList<RoutingLine> Lines { get; init; }

    /// <summary>S-CAL calendars the lines' services refer to (absent from snapshots of before calendars).</summary>
    public IReadOnlyList<RoutingCalendar> Calendars { get; init; } = [];

    /// <summary>O-PRIVNUM: short numbers of the external directory and the numbers they dial.</summary>
    public IReadOnlyList<RoutingSpeedDial> SpeedDials { get; init; } = [];

    public required DateTime OccurredAt { get; init; }
}

/// <summary>One line as call routing sees it.</summary>
public sealed record RoutingLine
{
    public required Guid LineId { get; init; }

    /// <summary>Fixed, FixedForMobile, Mobile, Analog, HuntGroup or Ivr.</summary>
    public required string Kind { get; init; }

    /// <summary>Public number in E.164 form (+33...).</summary>
    public required string PublicNumber { get; init; }

    public string? ShortNumber { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>SIP credentials for lines that register a device; null for hunt groups and IVRs.</summary>
    public SipCredentials? Sip { get; init; }

    /// <summary>The line's service settings; null for hunt groups and IVRs.</summary>
    public RoutingLineServices? Services { get; init; }

    /// <summary>S-PICKUP: the lines sharing this id answer each other's ringing calls with *98; null outside any group.</summary>
    public Guid? PickupGroupId { get; init; }

    /// <summary>L-MOBILE: the mobile line that shares this line's number, services and voicemail, once the association is active.</summary>
    public Guid? AssociatedMobileLineId { get; init; }

    /// <summary>H-MEMBERS: a hunt group's members in distribution order; null for other lines.</summary>
    public IReadOnlyList<RoutingHuntGroupMember>? Members { get; init; }
}

/// <summary>A hunt group member and whether it is present in this group (L-GROUPS).</summary>
public sealed record RoutingHuntGroupMember(Guid LineId, bool Present);

/// <summary>
/// Digest credentials as hashes, never the password: HA1 = H(username:realm:password) for
/// MD5 and SHA-256 (RFC 7616 §3.4.2, RFC 8760), which is all a registrar needs.
/// </summary>
public sealed record SipCredentials
{
    public required string Username { get; init; }

    public required string Ha1Md5 { get; init; }

    public required string Ha1Sha256 { get; init; }
}

/// <summary>A speed dial of the company directory: dialling the short number calls the E.164 number.</summary>
public sealed record RoutingSpeedDial(string ShortNumber, string Number);

/// <summary>A calendar (S-CAL), evaluated in the tenant's time zone: open inside an opening interval of the day, outside every closure.</summary>
public sealed record RoutingCalendar(Guid CalendarId, string Name, IReadOnlyList<RoutingOpeningHours> OpeningHours, IReadOnlyList<RoutingClosure> Closures);

/// <summary>Days are names (Monday…); times are "HH:mm:ss"; the afternoon interval is present with a lunch break.</summary>
public sealed record RoutingOpeningHours(IReadOnlyList<string> Days, TimeOnly Start, TimeOnly End, TimeOnly? AfternoonStart, TimeOnly? AfternoonEnd);

/// <summary>Closed from the first to the last day included.</summary>
public sealed record RoutingClosure(DateOnly FirstDay, DateOnly LastDay);
