namespace Telephony.Portal.Domain.Devices;

public enum PhoneKind
{
    DeskPhone,

    /// <summary>A DECT base with its handsets.</summary>
    DectBase,

    ConferencePhone,

    /// <summary>An analog telephone adapter, for analog lines.</summary>
    Ata,
}

/// <summary>
/// A phone model of the operator's catalogue (T-OPERATOR, L-HW): what a line's hardware can
/// be, how many programmable keys it has (L-KEYS) and how many calls it holds at once (L-CW).
/// Platform-wide, not tenant-owned.
/// </summary>
public sealed class PhoneModel
{
    public const int MaxKeys = 200;

    private PhoneModel()
    {
    }

    public Guid Id { get; private set; }

    public string Vendor { get; private set; } = "";

    public string Model { get; private set; } = "";

    public PhoneKind Kind { get; private set; }

    public int ProgrammableKeys { get; private set; }

    /// <summary>Simultaneous calls the phone handles, 2 to 20 (L-CW).</summary>
    public int SimultaneousCalls { get; private set; }

    public string DisplayName => $"{Vendor} {Model}";

    public static Result<PhoneModel> Create(string? vendor, string? model, PhoneKind kind, int programmableKeys, int simultaneousCalls, Guid? id = null)
    {
        var phone = new PhoneModel { Id = id ?? Guid.NewGuid() };
        return phone.Change(vendor, model, kind, programmableKeys, simultaneousCalls) is { } error ? error : phone;
    }

    public Error? Change(string? vendor, string? model, PhoneKind kind, int programmableKeys, int simultaneousCalls)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(vendor) || vendor.Trim().Length > 50)
        {
            errors.Add(new FieldError(nameof(Vendor), "The vendor is required (at most 50 characters)."));
        }

        if (string.IsNullOrWhiteSpace(model) || model.Trim().Length > 50)
        {
            errors.Add(new FieldError(nameof(Model), "The model is required (at most 50 characters)."));
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(new FieldError(nameof(Kind), "Choose a kind: desk phone, DECT base, conference phone or ATA."));
        }

        if (programmableKeys is < 0 or > MaxKeys)
        {
            errors.Add(new FieldError(nameof(ProgrammableKeys), $"Between 0 and {MaxKeys} programmable keys."));
        }

        if (simultaneousCalls is < 2 or > 20)
        {
            errors.Add(new FieldError(nameof(SimultaneousCalls), "A phone holds 2 to 20 calls at once."));
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        Vendor = vendor!.Trim();
        Model = model!.Trim();
        Kind = kind;
        ProgrammableKeys = programmableKeys;
        SimultaneousCalls = simultaneousCalls;
        return null;
    }
}
