namespace Telephony.Portal.Domain.Numbering;

/// <summary>
/// A public number of the operator's pool for one zone. Platform-wide (not tenant-owned):
/// the operator manages pools, and activation takes the next free number of the site's zone.
/// </summary>
public sealed class PoolNumber
{
    private PoolNumber()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>E.164, unique across the platform.</summary>
    public string Number { get; private set; } = "";

    public NumberZone Zone { get; private set; }

    /// <summary>The tenant the number is assigned to, if any.</summary>
    public Guid? AssignedTenantId { get; private set; }

    public DateTime? AssignedAt { get; private set; }

    /// <summary>A released number returns to the pool only after this instant (O-DELETE).</summary>
    public DateTime? QuarantinedUntil { get; private set; }

    public static Result<PoolNumber> Create(string number)
    {
        var e164 = PhoneNumber.ToE164(number);
        if (!e164.Succeeded)
        {
            return e164.Error!;
        }

        var zone = PhoneNumber.ZoneOf(e164.Value!);
        if (zone is null)
        {
            return Error.Validation("number.zone", "Only geographic (01-05), mobile (06/07) and 09 numbers can be pooled.", "Number");
        }

        return new PoolNumber { Id = Guid.NewGuid(), Number = e164.Value!, Zone = zone.Value };
    }

    public bool IsFree(DateTime now) => AssignedTenantId is null && (QuarantinedUntil is null || QuarantinedUntil <= now);

    public void AssignTo(Guid tenantId, DateTime now)
    {
        if (!IsFree(now))
        {
            throw new InvalidOperationException($"Pool number {Id} is not free.");
        }

        AssignedTenantId = tenantId;
        AssignedAt = now;
        QuarantinedUntil = null;
    }

    /// <summary>O-DELETE: the number leaves its tenant and returns to the pool once the quarantine is over.</summary>
    public void Release(DateTime now, TimeSpan quarantine)
    {
        AssignedTenantId = null;
        AssignedAt = null;
        QuarantinedUntil = now + quarantine;
    }
}
