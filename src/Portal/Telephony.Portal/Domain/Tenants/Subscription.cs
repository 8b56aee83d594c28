using Telephony.Portal.Domain.Lines;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Tenants;

/// <summary>Options a tenant can buy on top of lines (O-OFFER).</summary>
public enum LineOption
{
    Collaboration,
    CollaborationPremium,
}

/// <summary>How many plans of one line kind the tenant bought (O-OFFER, T-OPERATOR).</summary>
public sealed class PlanQuota : ITenantOwned
{
    private PlanQuota()
    {
    }

    public Guid TenantId { get; private set; }

    public LineKind Kind { get; private set; }

    public int Quantity { get; private set; }

    public static Result<PlanQuota> Create(Guid tenantId, LineKind kind, int quantity)
    {
        if (quantity is < 0 or > 100_000)
        {
            return Error.Validation("quota.quantity", "A plan quantity is between 0 and 100000.", kind.ToString());
        }

        return new PlanQuota { TenantId = tenantId, Kind = kind, Quantity = quantity };
    }
}

/// <summary>How many of one option the tenant bought.</summary>
public sealed class OptionQuota : ITenantOwned
{
    private OptionQuota()
    {
    }

    public Guid TenantId { get; private set; }

    public LineOption Option { get; private set; }

    public int Quantity { get; private set; }

    public static Result<OptionQuota> Create(Guid tenantId, LineOption option, int quantity)
    {
        if (quantity is < 0 or > 100_000)
        {
            return Error.Validation("quota.quantity", "An option quantity is between 0 and 100000.", option.ToString());
        }

        return new OptionQuota { TenantId = tenantId, Option = option, Quantity = quantity };
    }
}
