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
    public const string DefaultLanguage = "fr";

    /// <summary>Languages of the company's phones and notification e-mails (N-EMAIL: FR/EN/DE at least).</summary>
    public static readonly IReadOnlyList<string> Languages = ["fr", "en", "de"];

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

    /// <summary>Two-letter language of the company's phones and e-mails, one of <see cref="Languages"/>.</summary>
    public string Language { get; private set; } = DefaultLanguage;

    /// <summary>The tenant's SIP domain, also its digest realm; unique across the platform.</summary>
    public string SipDomain { get; private set; } = "";

    /// <summary>Version of the routing snapshot last published for this tenant.</summary>
    public long RoutingVersion { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Result<Tenant> Create(string companyName, string? legalId, string sipDomain, string? timeZone, DateTime now, string? language = null)
    {
        if ((CheckCompanyName(companyName) ?? CheckLegalId(legalId) ?? CheckTimeZone(timeZone) ?? CheckLanguage(language)) is { } invalid)
        {
            return invalid;
        }

        if (!SipDomainName.IsValid(sipDomain))
        {
            return Error.Validation("tenant.sip-domain", "The SIP domain must be a valid DNS name such as acme.sip.example.net.", "SipDomain");
        }

        return new Tenant
        {
            Id = Guid.NewGuid(),
            CompanyName = companyName.Trim(),
            LegalId = string.IsNullOrWhiteSpace(legalId) ? null : legalId.Trim(),
            Status = TenantStatus.Active,
            TimeZone = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim(),
            Language = string.IsNullOrWhiteSpace(language) ? DefaultLanguage : language.Trim().ToLowerInvariant(),
            SipDomain = sipDomain.ToLowerInvariant(),
            CreatedAt = now,
        };
    }

    public static Error? CheckCompanyName(string? companyName) =>
        string.IsNullOrWhiteSpace(companyName) || companyName.Trim().Length > 200
            ? Error.Validation("tenant.company-name", "The company name is required (at most 200 characters).", nameof(CompanyName))
            : null;

    /// <summary>Optional; a SIREN has 9 digits and a SIRET 14, but other countries' identifiers are longer.</summary>
    public static Error? CheckLegalId(string? legalId) =>
        legalId is not null && legalId.Trim().Length > 50
            ? Error.Validation("tenant.legal-id", "The legal identifier has at most 50 characters.", nameof(LegalId))
            : null;

    /// <summary>Optional (Europe/Paris when absent); otherwise an IANA zone the server knows.</summary>
    public static Error? CheckTimeZone(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out _)
            ? Error.Validation("tenant.time-zone", $"Unknown time zone '{timeZone.Trim()}'.", nameof(TimeZone))
            : null;

    /// <summary>Optional (French when absent); otherwise fr, en or de.</summary>
    public static Error? CheckLanguage(string? language) =>
        !string.IsNullOrWhiteSpace(language) && !Languages.Contains(language.Trim().ToLowerInvariant())
            ? Error.Validation("tenant.language", "The language is French (fr), English (en) or German (de).", nameof(Language))
            : null;

    public void Suspend() => Status = TenantStatus.Suspended;

    public void Reactivate() => Status = TenantStatus.Active;
}
