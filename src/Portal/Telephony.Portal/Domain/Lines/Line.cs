using System.Net.Mail;
using System.Security.Cryptography;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Features;
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

    /// <summary>Null on rows from before line services existed: those have their kind's defaults.</summary>
    private LineServices? _services;

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

    /// <summary>L-HW: the model of the line's phone (or ATA), from the catalogue.</summary>
    public Guid? PhoneModelId { get; private set; }

    /// <summary>L-HW: the phone's MAC, 12 lower-case hex digits, unique platform-wide; may wait until "complete your lines".</summary>
    public string? Mac { get; private set; }

    /// <summary>L-HW for mobile lines: the SIM card's ICCID (19 or 20 digits, ITU-T E.118).</summary>
    public string? SimIccid { get; private set; }

    /// <summary>The SIM's PIN and PUK, shown to the manager only.</summary>
    public string? SimPin { get; private set; }

    public string? SimPuk { get; private set; }

    /// <summary>S-PICKUP: the pickup group the line is in (at most one; Fixed lines of the group's site).</summary>
    public Guid? PickupGroupId { get; private set; }

    /// <summary>L-MOBILE: the company's mobile line associated with this Fixed or Fixed-for-mobile line.</summary>
    public Guid? MobileLineId { get; private set; }

    public MobileAssociationState MobileAssociation { get; private set; }

    /// <summary>When the association (or its end) was asked for; the mobile network confirms it later.</summary>
    public DateTime? MobileAssociationRequestedAt { get; private set; }

    /// <summary>
    /// Names, e-mail and numbers folded for search (O-LINES: partial, case- and
    /// accent-insensitive): lower case, no diacritics, numbers in national digits.
    /// </summary>
    public string SearchText { get; private set; } = "";

    /// <summary>SPEC section 4 settings (forwards, DND, blocked numbers…).</summary>
    public LineServices Services => _services ?? LineServices.DefaultsFor(Kind);

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
            _services = LineServices.DefaultsFor(kind),
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

    /// <summary>
    /// L-COORD, O-PRIVNUM: the person's names and e-mail (user lines) or the name (the others),
    /// and the short number. The caller checks what needs the database (uniqueness).
    /// </summary>
    public Error? ChangeCoordinates(LineIdentity identity)
    {
        if (new LineCoordinatesRules(Kind).Check(identity) is { } error)
        {
            return error;
        }

        ShortNumber = string.IsNullOrWhiteSpace(identity.ShortNumber) ? null : identity.ShortNumber.Trim();
        if (Kind.IsUserLine())
        {
            FirstName = identity.FirstName!.Trim();
            LastName = identity.LastName!.Trim();
            Email = identity.Email!.Trim().ToLowerInvariant();
        }
        else
        {
            Name = identity.Name!.Trim();
        }

        SearchText = LineSearch.Index(this);
        return null;
    }

    /// <summary>
    /// L-HW: the line's phone model and MAC (the MAC may come later, O-COMPLETE). Fixed lines
    /// take desk phones, DECT bases and conference phones; analog lines an ATA.
    /// </summary>
    public Error? ChangeHardware(Devices.PhoneModel model, string? mac)
    {
        if (!Kind.RegistersDevice())
        {
            return Error.Validation("hardware.kind", "Only Fixed and analog lines have a phone.", "PhoneModelId");
        }

        if ((Kind == LineKind.Analog) != (model.Kind == Devices.PhoneKind.Ata))
        {
            return Error.Validation("hardware.model-kind", Kind == LineKind.Analog ? "An analog line needs an ATA." : "An ATA is for analog lines; choose a phone.", "PhoneModelId");
        }

        string? normalised = null;
        if (!string.IsNullOrWhiteSpace(mac))
        {
            var parsed = Devices.MacAddress.Normalise(mac);
            if (!parsed.Succeeded)
            {
                return parsed.Error;
            }

            normalised = parsed.Value;
        }

        PhoneModelId = model.Id;
        Mac = normalised;

        // L-HW: a model with fewer keys keeps the first ones.
        if (Services.Keys.Count > model.ProgrammableKeys)
        {
            _services = Services with { Keys = Services.Keys.Take(model.ProgrammableKeys).ToList() };
        }

        return null;
    }

    /// <summary>L-HW, L-RESET-DEVICE: the phone is no longer the line's, nor its keys; it is un-provisioned and can be factory reset.</summary>
    public void RemoveHardware()
    {
        PhoneModelId = null;
        Mac = null;
        _services = Services with { Keys = [] };
    }

    /// <summary>L-HW: a mobile line's SIM card — ICCID (Luhn-checked, "89" telecom prefix), PIN (4 to 8 digits), PUK (8 digits).</summary>
    public Error? ChangeSim(string? iccid, string? pin, string? puk)
    {
        if (Kind != LineKind.Mobile)
        {
            return Error.Validation("sim.kind", "Only mobile lines have a SIM card.", nameof(SimIccid));
        }

        var errors = new List<FieldError>();
        var digits = new string((iccid ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length is < 19 or > 20 || !digits.All(char.IsAsciiDigit) || !digits.StartsWith("89", StringComparison.Ordinal) || !PassesLuhn(digits))
        {
            errors.Add(new FieldError("Iccid", "An ICCID has 19 or 20 digits starting with 89, the last one a check digit (see the back of the SIM card)."));
        }

        if (pin is null || pin.Length is < 4 or > 8 || !pin.All(char.IsAsciiDigit))
        {
            errors.Add(new FieldError("Pin", "A PIN has 4 to 8 digits."));
        }

        if (puk is null || puk.Length != 8 || !puk.All(char.IsAsciiDigit))
        {
            errors.Add(new FieldError("Puk", "A PUK has 8 digits."));
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        (SimIccid, SimPin, SimPuk) = (digits, pin, puk);
        return null;
    }

    public void RemoveSim() => (SimIccid, SimPin, SimPuk) = (null, null, null);

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }

        return sum % 10 == 0;
    }

    /// <summary>L-KEYS: replaces the phone's keys (an empty list resets them); supervision keys are put first.</summary>
    public Error? ChangeKeys(IReadOnlyList<ProgrammableKey> requested, LineServiceRules.KeyContext context)
    {
        if (PhoneModelId is null)
        {
            return requested.Count == 0 ? null : Error.Validation("keys.no-phone", "Choose the line's phone model first: keys depend on it.", "Keys");
        }

        if (new LineServiceRules.KeysRules(context).Check(new LineServiceRules.KeyList(requested)) is { } error)
        {
            return error;
        }

        static ProgrammableKey Normalise(ProgrammableKey key) => key.Kind switch
        {
            KeyKind.Pickup => ProgrammableKey.Pickup,
            KeyKind.Supervision => key with { Label = Blank(key.Label), Number = null },
            _ => key with { LineId = null, InCallAction = InCallAction.HoldAndCall, Label = key.Label!.Trim(), Number = KeyLayout.CompactNumber(key.Number) },
        };

        _services = Services with { Keys = KeyLayout.Ordered(requested.Select(Normalise)) };
        return null;
    }

    /// <summary>O-DELETE: the supervision keys watching a deleted line go, and the keys after them move up.</summary>
    public bool StopSupervising(Guid lineId)
    {
        if (!Services.Keys.Any(k => k.LineId == lineId))
        {
            return false;
        }

        _services = Services with { Keys = Services.Keys.Where(k => k.LineId != lineId).ToList() };
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>S-PICKUP: members are Fixed lines of the group's site, each in one group at most.</summary>
    public Error? JoinPickupGroup(PickupGroups.PickupGroup group, string field)
    {
        if (Kind != LineKind.Fixed)
        {
            return Error.Validation("pickup-group.member-kind", $"{DisplayName} is not a Fixed line: only Fixed lines pick up calls with *98.", field);
        }

        if (SiteId != group.SiteId)
        {
            return Error.Validation("pickup-group.member-site", $"{DisplayName} is on another site: members are lines of the group's site.", field);
        }

        if (PickupGroupId is { } other && other != group.Id)
        {
            return Error.Conflict("pickup-group.member-taken", $"{DisplayName} is already in another pickup group.", field);
        }

        PickupGroupId = group.Id;
        return null;
    }

    public void LeavePickupGroup() => PickupGroupId = null;

    /// <summary>
    /// L-MOBILE: asks the mobile network to give <paramref name="mobile"/> this line's services
    /// and voicemail. Pending until the network confirms (<see cref="ConfirmMobileAssociation"/>).
    /// </summary>
    public Error? AssociateMobile(Line mobile, DateTime now)
    {
        if (Kind is not (LineKind.Fixed or LineKind.FixedForMobile))
        {
            return Error.Validation("mobile.kind", "Only Fixed and Fixed-for-mobile lines take an associated mobile.", nameof(MobileLineId));
        }

        if (mobile.Kind != LineKind.Mobile || mobile.TenantId != TenantId)
        {
            return Error.Validation("mobile.not-mobile", "Choose a mobile line of the company.", nameof(MobileLineId));
        }

        if (MobileAssociation != MobileAssociationState.None)
        {
            return Error.Conflict("mobile.already", "This line already has an associated mobile; end that association first.", nameof(MobileLineId));
        }

        MobileLineId = mobile.Id;
        MobileAssociation = MobileAssociationState.Pending;
        MobileAssociationRequestedAt = now;
        return null;
    }

    /// <summary>The mobile network has applied the association: calls to the line now reach the mobile too.</summary>
    public Error? ConfirmMobileAssociation()
    {
        if (MobileAssociation != MobileAssociationState.Pending)
        {
            return Error.Conflict("mobile.not-pending", "No mobile association is waiting for this line.");
        }

        MobileAssociation = MobileAssociationState.Active;
        return null;
    }

    /// <summary>Ends (or cancels) the association; the mobile keeps its own services again.</summary>
    public Error? DissociateMobile()
    {
        if (MobileAssociation == MobileAssociationState.None)
        {
            return Error.Conflict("mobile.none", "This line has no associated mobile.");
        }

        MobileLineId = null;
        MobileAssociation = MobileAssociationState.None;
        MobileAssociationRequestedAt = null;
        return null;
    }

    /// <summary>L-CLI, L-CCBS, L-RESTRICT.</summary>
    public Error? ChangeOutgoingCalls(OutgoingCalls requested)
    {
        if (!Kind.HasOutgoingCalls())
        {
            return Error.Validation("line.no-outgoing", "This line has no outgoing call settings.");
        }

        if (new LineServiceRules.OutgoingCallsRules().Check(requested) is { } error)
        {
            return error;
        }

        var alternative = requested.CallerId == CallerIdMode.Alternative
            ? OutgoingCalls.ParseAlternativeNumber(requested.AlternativeNumber, nameof(requested.AlternativeNumber)).Value
            : null;
        _services = Services with { Outgoing = requested with { AlternativeNumber = alternative } };
        return null;
    }

    /// <summary>L-DND, L-ANON, L-CW, L-DISTRING, L-MULTIRING.</summary>
    public Error? ChangeIncomingCalls(IncomingCalls requested)
    {
        if (new LineServiceRules.IncomingCallsRules(Kind).Check(requested) is { } error)
        {
            return error;
        }

        var numbers = requested.MultiRing.Numbers.Select(n => Destination.ParseInternational(n, "").Value!.Number).ToList();
        _services = Services with { Incoming = requested with { MultiRing = requested.MultiRing with { Numbers = numbers } } };
        return null;
    }

    /// <summary>L-GREETING, L-HOLDANN, L-CWANN: the settings; the recordings stay as uploaded.</summary>
    public Error? ChangeAnnouncements(LineAnnouncements requested)
    {
        var announcements = requested.KeepingRecordingsOf(Services.Announcements);
        if (new LineServiceRules.AnnouncementsRules(Kind).Check(announcements) is { } error)
        {
            return error;
        }

        _services = Services with { Announcements = announcements };
        return null;
    }

    /// <summary>S-ANN: the line's own recording for one use, replacing the previous one (null: back to the predefined audio).</summary>
    public Error? ChangeRecording(AnnouncementUse use, Recording? recording)
    {
        if (!Kind.HasAnnouncements())
        {
            return Error.Validation("line.no-announcements", "This line has no announcements.");
        }

        if (!Enum.IsDefined(use))
        {
            return Error.NotFound("announcement.use", "Announcements are the greeting, hold and call waiting.");
        }

        _services = Services with { Announcements = Services.Announcements.WithRecording(use, recording) };
        return null;
    }

    /// <summary>L-BLOCK: replaces the whole list (an empty list resets it).</summary>
    public Error? ChangeBlockedNumbers(IReadOnlyList<string> numbers)
    {
        if (new LineServiceRules.BlockedNumbersRules(Kind).Check(new LineServiceRules.BlockedNumberList(numbers)) is { } error)
        {
            return error;
        }

        _services = Services with { BlockedNumbers = numbers.Select(n => BlockedNumber.Normalise(n, "").Value!).Distinct().ToList() };
        return null;
    }

    /// <summary>L-BLOCK: adds one number; the 37th is refused.</summary>
    public Error? BlockNumber(string? number)
    {
        var normalised = BlockedNumber.Normalise(number, "Number");
        if (!normalised.Succeeded)
        {
            return normalised.Error;
        }

        if (Services.BlockedNumbers.Contains(normalised.Value!))
        {
            return Error.Conflict("blocked.duplicate", "This number is already blocked.", "Number");
        }

        if (Services.BlockedNumbers.Count >= LineServiceRules.MaxBlockedNumbers)
        {
            return Error.Validation("blocked.full", $"At most {LineServiceRules.MaxBlockedNumbers} numbers can be blocked; delete one first.", "Number");
        }

        return ChangeBlockedNumbers([.. Services.BlockedNumbers, normalised.Value!]);
    }

    /// <summary>L-BLOCK: removes one number (in any format that normalises to it).</summary>
    public Error? UnblockNumber(string? number)
    {
        var normalised = BlockedNumber.Normalise(number, "Number");
        if (!normalised.Succeeded || !Services.BlockedNumbers.Contains(normalised.Value!))
        {
            return Error.NotFound("blocked.not-found", "This number is not blocked.");
        }

        return ChangeBlockedNumbers(Services.BlockedNumbers.Where(n => n != normalised.Value).ToList());
    }

    /// <summary>L-FWD.</summary>
    public Error? ChangeForwarding(Forwarding requested)
    {
        if (!Kind.HasForwarding())
        {
            return Error.Validation("line.no-forwarding", "This line has no forwarding.");
        }

        if (new LineServiceRules.ForwardingRules(Kind).Check(requested) is { } error)
        {
            return error;
        }

        static Forward Normalise(Forward f) =>
            f with { Number = f.Target == ForwardTarget.Number && f.Number is not null ? Destination.Parse(f.Number, "").Value?.Number : null };
        _services = Services with
        {
            Forwarding = requested with
            {
                Immediate = Normalise(requested.Immediate),
                Busy = Normalise(requested.Busy),
                NoAnswer = Normalise(requested.NoAnswer),
                Unreachable = Normalise(requested.Unreachable),
                Scheduled = Normalise(requested.Scheduled),
                ScheduleCalendarId = requested.Scheduled.Enabled ? requested.ScheduleCalendarId : null,
            },
        };
        return null;
    }

    /// <summary>V-EMAIL.</summary>
    public Error? ChangeVoicemailNotification(VoicemailNotification requested)
    {
        if (new LineServiceRules.VoicemailNotificationRules(Kind).Check(requested) is { } error)
        {
            return error;
        }

        _services = Services with
        {
            VoicemailNotification = requested with
            {
                Email = requested.Mode == VoicemailNotificationMode.Off ? null : requested.Email!.Trim().ToLowerInvariant(),
            },
        };
        return null;
    }
}

/// <summary>L-COORD: every field of a line's identity checked at once, for its kind.</summary>
public sealed class LineCoordinatesRules : FluentValidation.AbstractValidator<LineIdentity>
{
    public LineCoordinatesRules(LineKind kind)
    {
        RuleFor(i => i.ShortNumber).Satisfies(LineIdentity.CheckShortNumber);
        if (kind.IsUserLine())
        {
            RuleFor(i => i.FirstName).Satisfies(LineIdentity.CheckFirstName);
            RuleFor(i => i.LastName).Satisfies(LineIdentity.CheckLastName);
            RuleFor(i => i.Email).Satisfies(LineIdentity.CheckEmail);
        }
        else
        {
            RuleFor(i => i.Name).Satisfies(LineIdentity.CheckName);
        }
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
