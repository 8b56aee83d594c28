using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Domain.Contacts;

/// <summary>
/// O-PRIVNUM: a contact of the company's external directory — a name, a number, and an
/// optional short number that dials it (speed dial), unique with the lines' short numbers.
/// Phones show the directory (D-DIRECTORY).
/// </summary>
public sealed class DirectoryContact : ITenantOwned
{
    public const int MaxPerCompany = 500;
    public const int MaxNameLength = 100;

    private DirectoryContact()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>E.164.</summary>
    public string Number { get; private set; } = "";

    public string? ShortNumber { get; private set; }

    /// <summary>Name and number folded for search (lower case, no diacritics, national and E.164 digits).</summary>
    public string SearchText { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static Result<DirectoryContact> Create(Guid tenantId, string? name, string? number, string? shortNumber, DateTime now)
    {
        var contact = new DirectoryContact { Id = Guid.NewGuid(), TenantId = tenantId, CreatedAt = now };
        return contact.Change(name, number, shortNumber) is { } error ? error : contact;
    }

    /// <summary>Every invalid field at once.</summary>
    public Error? Change(string? name, string? number, string? shortNumber)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            errors.Add(new FieldError(nameof(Name), $"The name is required (at most {MaxNameLength} characters)."));
        }

        var normalised = NormaliseNumber(number);
        if (normalised.Error is { } numberError)
        {
            errors.Add(new FieldError(nameof(Number), numberError.Message));
        }

        if (LineIdentity.CheckShortNumber(shortNumber) is { } shortError)
        {
            errors.Add(new FieldError(nameof(ShortNumber), shortError.Message));
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        Name = name!.Trim();
        Number = normalised.Value!;
        ShortNumber = string.IsNullOrWhiteSpace(shortNumber) ? null : shortNumber.Trim();
        SearchText = string.Join(' ', LineSearch.Fold(Name), PhoneNumber.ToNational(Number).Replace(" ", "", StringComparison.Ordinal), Number);
        return null;
    }

    /// <summary>A French number (0X…, +33…) or an international one (+ or 00, then 6 to 15 digits), as E.164.</summary>
    public static Result<string> NormaliseNumber(string? input)
    {
        var compact = new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-' and not '(' and not ')').ToArray());
        if (compact.StartsWith('0') && !compact.StartsWith("00", StringComparison.Ordinal) || compact.StartsWith("+33", StringComparison.Ordinal) || compact.StartsWith("0033", StringComparison.Ordinal))
        {
            return PhoneNumber.ToE164(compact);
        }

        var digits = compact.StartsWith('+') ? compact[1..] : compact.StartsWith("00", StringComparison.Ordinal) ? compact[2..] : null;
        return digits is { Length: >= 6 and <= 15 } && digits.All(char.IsAsciiDigit) && digits[0] != '0'
            ? "+" + digits
            : Error.Validation("contact.number", "Enter a French number (0X XX XX XX XX) or an international one starting with + or 00.", nameof(Number));
    }
}
