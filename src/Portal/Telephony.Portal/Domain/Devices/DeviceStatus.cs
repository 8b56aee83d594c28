using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Devices;

/// <summary>
/// D-RESYNC: what the manager sees of a line's phone at work, built from the other services'
/// events — when it last fetched its configuration (Provisioning) and where its registered
/// devices are (CallControl). A read model: nothing here is configuration.
/// </summary>
public sealed class DeviceStatus : ITenantOwned
{
    public const int MaxTextLength = 300;

    private DeviceStatus()
    {
    }

    public Guid LineId { get; private set; }

    public Guid TenantId { get; private set; }

    public DateTime? LastProvisionedAt { get; private set; }

    /// <summary>The address the last configuration request came from.</summary>
    public string? ProvisionedFrom { get; private set; }

    public string? ProvisionedUserAgent { get; private set; }

    /// <summary>The registered contacts' source addresses ("192.0.2.10:5060 UDP", several separated by ", "); null when nothing is registered.</summary>
    public string? RegisteredFrom { get; private set; }

    public string? RegisteredUserAgent { get; private set; }

    /// <summary>When CallControl reported the registrations above; events older than this are ignored.</summary>
    public DateTime? RegistrationReportedAt { get; private set; }

    public static DeviceStatus For(Guid tenantId, Guid lineId) => new() { TenantId = tenantId, LineId = lineId };

    public void Provisioned(DateTime at, string from, string? userAgent)
    {
        if (LastProvisionedAt is { } last && last >= at)
        {
            return;
        }

        LastProvisionedAt = at;
        ProvisionedFrom = Clip(from);
        ProvisionedUserAgent = Clip(userAgent);
    }

    public void Registered(DateTime reportedAt, string? from, string? userAgent)
    {
        if (RegistrationReportedAt is { } last && last >= reportedAt)
        {
            return;
        }

        RegistrationReportedAt = reportedAt;
        RegisteredFrom = Clip(from);
        RegisteredUserAgent = Clip(userAgent);
    }

    private static string? Clip(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;
}
