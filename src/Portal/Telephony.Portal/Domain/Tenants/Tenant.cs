namespace Telephony.Portal.Domain.Tenants;

public enum TenantStatus
{
    Active,
    Suspended,
}

/// <summary>A company renting lines from the platform (T-TENANT).</summary>
public sealed class Tenant
{
    public const string DefaultTimeZone = "Europe/Paris";

    private Tenant()
    {
    }

    public Guid Id { get; private set; }

    public string CompanyName { get; private set; } = "";

    /// <summary>Legal identifier of the company (SIREN/SIRET in France).</summary>
    public string? LegalId { get; private set; }

    public TenantStatus Status { get; private set; }

    /// <summary>IANA zone in which calendars are evaluated (S-CAL).</summary>
    public string TimeZone { get; private set; } = DefaultTimeZone;

    /// <summary>The tenant's SIP domain, also its digest realm; unique across the platform.</summary>
    public string SipDomain { get; private set; } = "";

    /// <summary>Version of the routing snapshot last published for this tenant.</summary>
    public long RoutingVersion { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Result<Tenant> Create(string companyName, string? legalId, string sipDomain, string? timeZone, DateTime now)
    {
        companyName = companyName.Trim();
        if (companyName.Length is 0 or > 200)
        {
            return Error.Validation("tenant.company-name", "The company name is required (at most 200 characters).", "CompanyName");
        }

        if (!SipDomainName.IsValid(sipDomain))
        {
            return Error.Validation("tenant.sip-domain", "The SIP domain must be a valid DNS name such as acme.sip.example.net.", "SipDomain");
        }

        var zone = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return Error.Validation("tenant.time-zone", $"Unknown time zone '{zone}'.", "TimeZone");
        }

        return new Tenant
        {
            Id = Guid.NewGuid(),
            CompanyName = companyName,
            LegalId = string.IsNullOrWhiteSpace(legalId) ? null : legalId.Trim(),
            Status = TenantStatus.Active,
            TimeZone = zone,
            SipDomain = sipDomain.ToLowerInvariant(),
            CreatedAt = now,
        };
    }

    public void Suspend() => Status = TenantStatus.Suspended;

    public void Reactivate() => Status = TenantStatus.Active;
}
