using Telephony.Portal.Domain.Lines;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Tenants;

/// <summary>Options a tenant can buy on top of lines (O-OFFER).</summary>
public enum LineOption
{
    Collaboration,
    CollaborationPremium,
}

public static class Quotas
{
    public const int Max = 100_000;
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

    public static Result<PlanQuota> Create(Guid tenantId, LineKind kind, int quantity) =>
        Check(kind, quantity) is { } error ? error : new PlanQuota { TenantId = tenantId, Kind = kind, Quantity = quantity };

    public static Error? Check(LineKind kind, int quantity) =>
        quantity is < 0 or > Quotas.Max
            ? Error.Validation("quota.quantity", $"A plan quantity is between 0 and {Quotas.Max}.", $"Plans.{kind}")
            : null;

    /// <summary>T-OPERATOR: never below the lines already active, which would strand them.</summary>
    public Error? ChangeTo(int quantity, int assigned)
    {
        if (Check(Kind, quantity) is { } error)
        {
            return error;
        }

        if (quantity < assigned)
        {
            return Error.Conflict("quota.below-assigned", $"{assigned} {Kind.Label()} plan(s) are in use; delete lines before going below.", $"Plans.{Kind}");
        }

        Quantity = quantity;
        return null;
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

    public static Result<OptionQuota> Create(Guid tenantId, LineOption option, int quantity) =>
        Check(option, quantity) is { } error ? error : new OptionQuota { TenantId = tenantId, Option = option, Quantity = quantity };

    public static Error? Check(LineOption option, int quantity) =>
        quantity is < 0 or > Quotas.Max
            ? Error.Validation("quota.quantity", $"An option quantity is between 0 and {Quotas.Max}.", $"Options.{option}")
            : null;

    public Error? ChangeTo(int quantity)
    {
        if (Check(Option, quantity) is { } error)
        {
            return error;
        }

        Quantity = quantity;
        return null;
    }
}
