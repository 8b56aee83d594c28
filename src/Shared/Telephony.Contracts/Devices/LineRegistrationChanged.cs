namespace Telephony.Contracts.Devices;

/// <summary>
/// The devices registered on a line changed (a new contact, another address, an
/// unregistration or an expiry): the Portal shows them as "registered from".
/// </summary>
public sealed record LineRegistrationChanged
{
    public required Guid TenantId { get; init; }

    public required Guid MessageId { get; init; }

    public required Guid LineId { get; init; }

    /// <summary>The line's contacts after the change; empty when nothing is registered any more.</summary>
    public required IReadOnlyList<RegisteredContact> Contacts { get; init; }

    public required DateTime OccurredAt { get; init; }
}

/// <summary>Where a registered device is: the source address and port of its REGISTER, the transport, its User-Agent.</summary>
public sealed record RegisteredContact(string RemoteAddress, int RemotePort, string Transport, string? UserAgent, DateTime ExpiresAt);
