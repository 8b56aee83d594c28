using Telephony.Portal.Domain.Numbering;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Sites;

/// <summary>
/// A place of the company (O-SITE): a free name and a postal address that fixes the numbering
/// zone of its lines. Every tenant also has one virtual site holding its mobile lines, which
/// has no address and can be neither edited nor deleted.
/// </summary>
public sealed class Site : ITenantOwned
{
    public const string MobileLinesSiteName = "Your mobile lines with PABX option";

    private Site()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Street { get; private set; }

    public string? Postcode { get; private set; }

    public string? City { get; private set; }

    public NumberZone Zone { get; private set; }

    public bool IsMobileLinesSite { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Result<Site> Create(Guid tenantId, string name, string street, string postcode, string city, DateTime now)
    {
        var error = CheckName(name) ?? CheckStreet(street) ?? CheckCity(city);
        if (error is not null)
        {
            return error;
        }

        var zone = NumberZones.FromPostcode(postcode);
        if (!zone.Succeeded)
        {
            return zone.Error!;
        }

        return new Site
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            Name = name.Trim(),
            Street = street.Trim(),
            Postcode = postcode.Trim(),
            City = city.Trim().ToUpperInvariant(),
            Zone = zone.Value,
            CreatedAt = now,
        };
    }

    public static Error? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100
            ? Error.Validation("site.name", "The site name is required (at most 100 characters).", "Name")
            : null;

    public static Error? CheckStreet(string? street) =>
        string.IsNullOrWhiteSpace(street) || street.Trim().Length > 200
            ? Error.Validation("site.street", "The street is required (at most 200 characters).", "Street")
            : null;

    public static Error? CheckCity(string? city) =>
        string.IsNullOrWhiteSpace(city) || city.Trim().Length > 100
            ? Error.Validation("site.city", "The city is required (at most 100 characters).", "City")
            : null;

    /// <summary>The virtual site every tenant gets at creation.</summary>
    public static Site CreateMobileLinesSite(Guid tenantId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        Name = MobileLinesSiteName,
        Zone = NumberZone.Mobile,
        IsMobileLinesSite = true,
        CreatedAt = now,
    };

    /// <summary>Only the name of a site can change; the mobile-lines site cannot change at all.</summary>
    public Error? Rename(string name)
    {
        if (IsMobileLinesSite)
        {
            return Error.Validation("site.mobile-readonly", "The mobile lines site cannot be edited.", "Name");
        }

        var error = CheckName(name);
        if (error is null)
        {
            Name = name.Trim();
        }

        return error;
    }
}
