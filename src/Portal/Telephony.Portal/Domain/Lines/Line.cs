using System.Net.Mail;
using System.Security.Cryptography;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Lines;

/// <summary>
/// A line of the company: a person's line (Fixed, Fixed-for-mobile, mobile), an analog line,
/// a hunt group or an IVR. It has a public number from the site's zone, an optional short
/// number, and, when it registers a device, SIP credentials generated at creation.
/// </summary>
public sealed class Line : ITenantOwned
{
    /// <summary>D-SECURE: each device has its own random SIP password of at least 16 characters.</summary>
    public const int SipPasswordLength = 20;

    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Line()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid SiteId { get; private set; }

    public LineKind Kind { get; private set; }

    /// <summary>E.164.</summary>
    public string PublicNumber { get; private set; } = "";

    /// <summary>Extension, 2-6 digits, unique in the tenant (O-PRIVNUM).</summary>
    public string? ShortNumber { get; private set; }

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    /// <summary>Name of an analog line, hunt group or IVR.</summary>
    public string? Name { get; private set; }

    /// <summary>User lines: the user's login, unique across the platform (A-EMAIL).</summary>
    public string? Email { get; private set; }

    public string? SipUsername { get; private set; }

    public string? SipPassword { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// Names, e-mail and numbers folded for search (O-LINES: partial, case- and
    /// accent-insensitive): lower case, no diacritics, numbers in national digits.
    /// </summary>
    public string SearchText { get; private set; } = "";

    public string DisplayName => Kind.IsUserLine() ? $"{FirstName} {LastName}".Trim() : Name ?? "";

    public static Result<Line> Create(Guid tenantId, Guid siteId, LineKind kind, string publicNumber, LineIdentity identity, DateTime now)
    {
        var error = identity.Validate(kind);
        if (error is not null)
        {
            return error;
        }

        var line = new Line
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            SiteId = siteId,
            Kind = kind,
            PublicNumber = publicNumber,
            ShortNumber = string.IsNullOrWhiteSpace(identity.ShortNumber) ? null : identity.ShortNumber.Trim(),
            CreatedAt = now,
        };

        if (kind.IsUserLine())
        {
            line.FirstName = identity.FirstName!.Trim();
            line.LastName = identity.LastName!.Trim();
            line.Email = identity.Email!.Trim().ToLowerInvariant();
        }
        else
        {
            line.Name = identity.Name!.Trim();
        }

        if (kind.RegistersDevice())
        {
            // The SIP user is the national significant number: stable, unique in the realm and
            // easy to type into a softphone.
            line.SipUsername = publicNumber.TrimStart('+');
            line.SipPassword = RandomNumberGenerator.GetString(PasswordAlphabet, SipPasswordLength);
        }

        line.SearchText = LineSearch.Index(line);
        return line;
    }
}

/// <summary>Who or what a new line is: a person (user lines) or a name (the others).</summary>
public sealed record LineIdentity(string? FirstName = null, string? LastName = null, string? Email = null, string? Name = null, string? ShortNumber = null)
{
    internal Error? Validate(LineKind kind) =>
        CheckShortNumber(ShortNumber) ?? (kind.IsUserLine()
            ? CheckFirstName(FirstName) ?? CheckLastName(LastName) ?? CheckEmail(Email)
            : CheckName(Name));

    public static Error? CheckShortNumber(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !IsShortNumber(value.Trim())
            ? Error.Validation("line.short-number", "A short number has 2 to 6 digits.", nameof(ShortNumber))
            : null;

    public static Error? CheckName(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > 100
            ? Error.Validation("line.name", "The name is required (at most 100 characters).", nameof(Name))
            : null;

    public static Error? CheckFirstName(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > 100
            ? Error.Validation("line.first-name", "The first name is required (at most 100 characters).", nameof(FirstName))
            : null;

    public static Error? CheckLastName(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > 100
            ? Error.Validation("line.last-name", "The last name is required (at most 100 characters).", nameof(LastName))
            : null;

    public static Error? CheckEmail(string? value) =>
        IsEmail(value)
            ? null
            : Error.Validation("line.email", "A valid e-mail address is required: it is the user's login.", nameof(Email));

    private static bool IsShortNumber(string value) => value.Length is >= 2 and <= 6 && value.All(char.IsAsciiDigit);

    private static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= 254 &&
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}
