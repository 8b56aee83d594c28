using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.HuntGroups;

/// <summary>
/// H-MEMBERS, L-GROUPS: a Fixed or mobile line of the company (any site) in a hunt group, at a
/// place in the group's order (default: order added), "present" in this group or not (the
/// member's own toggle; present when added).
/// </summary>
public sealed class HuntGroupMember : ITenantOwned
{
    private HuntGroupMember()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The hunt group: a line of kind HuntGroup.</summary>
    public Guid HuntGroupId { get; private set; }

    public Guid LineId { get; private set; }

    /// <summary>1-based place in the group's order, without gaps.</summary>
    public int Position { get; private set; }

    public bool Present { get; private set; }

    public DateTime AddedAt { get; private set; }

    public static HuntGroupMember Create(Guid tenantId, Guid huntGroupId, Guid lineId, int position, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        HuntGroupId = huntGroupId,
        LineId = lineId,
        Position = position,
        Present = true,
        AddedAt = now,
    };

    public void MoveTo(int position) => Position = position;

    public void SetPresence(bool present) => Present = present;
}
