namespace Telephony.Contracts.Devices;

/// <summary>
/// Every phone of one tenant as provisioning needs it, published by the Portal with the
/// tenant's routing snapshot (same version) whenever the configuration changes. Provisioning
/// keeps the newest version and ignores older or equal ones; a phone absent from the list is
/// no longer assigned (its MAC answers 404 from then on).
/// </summary>
public sealed record TenantDevicesChanged
{
    public required Guid TenantId { get; init; }

    public required Guid MessageId { get; init; }

    /// <summary>The tenant's configuration version, strictly increasing; a redelivery carries the same.</summary>
    public required long Version { get; init; }

    /// <summary>A suspended tenant's phones get no configuration.</summary>
    public required bool Suspended { get; init; }

    /// <summary>The tenant's SIP domain, also the digest realm.</summary>
    public required string SipDomain { get; init; }

    /// <summary>Two-letter language of the tenant's phones: fr, en or de.</summary>
    public required string Language { get; init; }

    /// <summary>IANA time zone of the tenant.</summary>
    public required string TimeZone { get; init; }

    public required IReadOnlyList<AssignedDevice> Devices { get; init; }

    /// <summary>D-DIRECTORY: the lines and external contacts phones list in their company directory.</summary>
    public required IReadOnlyList<DirectoryListing> Directory { get; init; }

    public required DateTime OccurredAt { get; init; }
}

/// <summary>A phone (model and MAC) assigned to a line, with everything its configuration is made of.</summary>
public sealed record AssignedDevice
{
    public required Guid LineId { get; init; }

    /// <summary>12 lowercase hexadecimal digits.</summary>
    public required string Mac { get; init; }

    public required string Vendor { get; init; }

    public required string Model { get; init; }

    /// <summary>DeskPhone, DectBase, ConferencePhone or Ata.</summary>
    public required string Kind { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>E.164.</summary>
    public required string PublicNumber { get; init; }

    public string? ShortNumber { get; init; }

    public required string SipUsername { get; init; }

    /// <summary>The line's SIP password, which the phone's configuration must carry.</summary>
    public required string SipPassword { get; init; }

    /// <summary>L-DISTRING.</summary>
    public required bool DistinctiveRing { get; init; }

    /// <summary>L-KEYS in their order on the phone.</summary>
    public required IReadOnlyList<DeviceKey> Keys { get; init; }
}

/// <summary>
/// One programmable key: Kind is Supervision, Shortcut or Pickup; Target is the watched
/// line's SIP user (supervision) or the dial string (shortcut, pickup).
/// </summary>
public sealed record DeviceKey(string Kind, string Label, string Target);

/// <summary>A directory entry: Number is what a phone of the tenant dials to reach it.</summary>
public sealed record DirectoryListing(string Name, string Number, bool Internal);
