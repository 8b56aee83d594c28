namespace Telephony.Portal.Domain.Lines.Services;

/// <summary>
/// Everything SPEC section 4 lets a manager (and, where marked U, the user) set on a line, as
/// one immutable value kept with the line and carried to CallControl in the routing snapshot.
/// Each block is replaced whole, as the line page's "Modify → Validate" does.
/// </summary>
public sealed record LineServices
{
    public OutgoingCalls Outgoing { get; init; } = new();

    public IncomingCalls Incoming { get; init; } = new();

    public LineAnnouncements Announcements { get; init; } = new();

    /// <summary>L-BLOCK: normalised numbers whose calls are refused.</summary>
    public IReadOnlyList<string> BlockedNumbers { get; init; } = [];

    public Forwarding Forwarding { get; init; } = new();

    public VoicemailNotification VoicemailNotification { get; init; } = new();

    /// <summary>L-KEYS: the desk phone's programmable keys, in phone order (supervision keys first).</summary>
    public IReadOnlyList<ProgrammableKey> Keys { get; init; } = [];

    /// <summary>The defaults SPEC section 4 gives a new line of <paramref name="kind"/>.</summary>
    public static LineServices DefaultsFor(LineKind kind) => new() { Forwarding = Forwarding.DefaultsFor(kind) };
}

/// <summary>Which blocks of section 4 a line kind has (the M, FN and AN marks).</summary>
public static class LineServiceAvailability
{
    /// <summary>L-CLI, L-CCBS, L-RESTRICT: Fixed, mobile and analog lines.</summary>
    public static bool HasOutgoingCalls(this LineKind kind) => kind is LineKind.Fixed or LineKind.Mobile or LineKind.Analog;

    /// <summary>L-DND, L-CW, L-MULTIRING: Fixed and mobile lines.</summary>
    public static bool HasIncomingCallServices(this LineKind kind) => kind is LineKind.Fixed or LineKind.Mobile;

    /// <summary>L-ANON: also Fixed-for-mobile and analog lines.</summary>
    public static bool HasAnonymousRejection(this LineKind kind) => kind is LineKind.Fixed or LineKind.Mobile or LineKind.FixedForMobile or LineKind.Analog;

    /// <summary>L-DISTRING: a provisioned desk phone (Fixed lines).</summary>
    public static bool HasDistinctiveRing(this LineKind kind) => kind is LineKind.Fixed;

    /// <summary>L-GREETING, L-HOLDANN, L-CWANN: Fixed and mobile lines.</summary>
    public static bool HasAnnouncements(this LineKind kind) => kind is LineKind.Fixed or LineKind.Mobile;

    /// <summary>L-BLOCK: Fixed, mobile, Fixed-for-mobile and analog lines.</summary>
    public static bool HasBlockedNumbers(this LineKind kind) => kind.HasAnonymousRejection();

    /// <summary>L-FWD: every line a person or a device answers.</summary>
    public static bool HasForwarding(this LineKind kind) => kind is LineKind.Fixed or LineKind.Mobile or LineKind.FixedForMobile or LineKind.Analog;

    /// <summary>V-BOX: user lines have a voicemail box.</summary>
    public static bool HasVoicemail(this LineKind kind) => kind.IsUserLine();
}
