namespace Telephony.Contracts.Devices;

/// <summary>A phone fetched its configuration with valid credentials (shown as "last provisioned at" on the line).</summary>
public sealed record DeviceProvisioned
{
    public required Guid TenantId { get; init; }

    public required Guid MessageId { get; init; }

    public required Guid LineId { get; init; }

    public required string Mac { get; init; }

    /// <summary>The address the request came from.</summary>
    public required string RemoteAddress { get; init; }

    public string? UserAgent { get; init; }

    public required DateTime ProvisionedAt { get; init; }
}
