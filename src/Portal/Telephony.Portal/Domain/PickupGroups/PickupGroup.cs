using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.PickupGroups;

/// <summary>
/// S-PICKUP: Fixed lines of one site whose users answer each other's ringing calls by dialling
/// <c>*98</c>. A line is in at most one pickup group, so membership is kept on the line
/// (<see cref="Lines.Line.PickupGroupId"/>).
/// </summary>
public sealed class PickupGroup : ITenantOwned
{
    public const int MaxNameLength = 50;

    private PickupGroup()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid SiteId { get; private set; }

    public string Name { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static Result<PickupGroup> Create(Guid tenantId, Guid siteId, string? name, DateTime now)
    {
        if (CheckName(name) is { } error)
        {
            return error;
        }

        return new PickupGroup { Id = Guid.NewGuid(), TenantId = tenantId, SiteId = siteId, Name = name!.Trim(), CreatedAt = now };
    }

    public Error? Rename(string? name)
    {
        if (CheckName(name) is { } error)
        {
            return error;
        }

        Name = name!.Trim();
        return null;
    }

    /// <summary>"No special characters": letters (accented too), digits, spaces, '-' and '_'.</summary>
    public static Error? CheckName(string? name)
    {
        var value = name?.Trim() ?? "";
        return value.Length is 0 or > MaxNameLength || !value.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')
            ? Error.Validation("pickup-group.name", $"The name is required: letters, digits, spaces, '-' and '_' only, at most {MaxNameLength} characters.", nameof(Name))
            : null;
    }
}
