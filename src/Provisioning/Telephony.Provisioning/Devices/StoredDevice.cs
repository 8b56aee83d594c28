namespace Telephony.Provisioning.Devices;

/// <summary>
/// A phone assigned to a line, as Provisioning stores it: the Portal's assignment (JSON of
/// <see cref="Telephony.Contracts.Devices.AssignedDevice"/>), the fingerprint of everything its
/// configuration is made of (a change triggers a resync), its secret provisioning token and
/// when it last fetched its configuration.
/// </summary>
public sealed class StoredDevice
{
    /// <summary>12 lowercase hexadecimal digits; a MAC is assigned to one line of the platform at a time.</summary>
    public string Mac { get; set; } = "";

    public Guid TenantId { get; set; }

    public Guid LineId { get; set; }

    public string Assignment { get; set; } = "";

    public string Fingerprint { get; set; } = "";

    /// <summary>
    /// D-SECURE: the device's secret, in its provisioning URL (/d/&lt;token&gt;/) and as the
    /// password of its HTTP credentials (user name: the MAC). A new one whenever the MAC moves
    /// to another line.
    /// </summary>
    public string Token { get; set; } = "";

    public DateTime AssignedAt { get; set; }

    /// <summary>The first fetch with the token: from then on the phone gets no bootstrap file without credentials.</summary>
    public DateTime? ClaimedAt { get; set; }

    public DateTime? LastProvisionedAt { get; set; }

    public string? LastProvisionedFrom { get; set; }
}

/// <summary>The newest device snapshot of one tenant: its version and the tenant-wide settings phones share.</summary>
public sealed class TenantDeviceSet
{
    public Guid TenantId { get; set; }

    public long Version { get; set; }

    public bool Suspended { get; set; }

    public string SipDomain { get; set; } = "";

    public string Language { get; set; } = "fr";

    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>JSON of the directory listings (D-DIRECTORY).</summary>
    public string Directory { get; set; } = "[]";

    public DateTime ReceivedAt { get; set; }
}
