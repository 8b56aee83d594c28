namespace Telephony.Portal.Domain.Lines.Services;

public enum ForwardTarget
{
    Voicemail,
    Number,

    /// <summary>A Fixed-for-mobile line's associated mobile (its default immediate forward).</summary>
    AssociatedMobile,
}

/// <summary>One forward: on or off, and where to.</summary>
public sealed record Forward(bool Enabled = false, ForwardTarget Target = ForwardTarget.Voicemail, string? Number = null);

/// <summary>
/// L-FWD. Priorities at call time: scheduled (while its calendar is closed) > immediate >
/// {busy, no answer, unreachable}. Scheduled and immediate exclude each other.
/// </summary>
public sealed record Forwarding
{
    public const int DefaultNoAnswerRings = 3;

    public Forward Immediate { get; init; } = new();

    public Forward Busy { get; init; } = new();

    public Forward NoAnswer { get; init; } = new();

    /// <summary>Rings before the no-answer forward, 1 to 10 (1 ring ≈ 5 s).</summary>
    public int NoAnswerRings { get; init; } = DefaultNoAnswerRings;

    public Forward Unreachable { get; init; } = new();

    /// <summary>Acts as immediate while <see cref="ScheduleCalendarId"/> is closed.</summary>
    public Forward Scheduled { get; init; } = new();

    public Guid? ScheduleCalendarId { get; init; }

    public static Forwarding DefaultsFor(LineKind kind) => kind switch
    {
        LineKind.Fixed or LineKind.Mobile => new Forwarding
        {
            Busy = new Forward(true, ForwardTarget.Voicemail),
            NoAnswer = new Forward(true, ForwardTarget.Voicemail),
            Unreachable = new Forward(true, ForwardTarget.Voicemail),
        },
        LineKind.FixedForMobile => new Forwarding { Immediate = new Forward(true, ForwardTarget.AssociatedMobile) },
        _ => new Forwarding(),
    };

    /// <summary>The forward types a line kind has: analog lines only immediate; Fixed-for-mobile immediate and scheduled.</summary>
    public static IReadOnlyList<ForwardType> TypesFor(LineKind kind) => kind switch
    {
        LineKind.Fixed or LineKind.Mobile => [ForwardType.Immediate, ForwardType.Busy, ForwardType.NoAnswer, ForwardType.Unreachable, ForwardType.Scheduled],
        LineKind.FixedForMobile => [ForwardType.Immediate, ForwardType.Scheduled],
        LineKind.Analog => [ForwardType.Immediate],
        _ => [],
    };

    public Forward this[ForwardType type] => type switch
    {
        ForwardType.Immediate => Immediate,
        ForwardType.Busy => Busy,
        ForwardType.NoAnswer => NoAnswer,
        ForwardType.Unreachable => Unreachable,
        _ => Scheduled,
    };
}

public enum ForwardType
{
    Immediate,
    Busy,
    NoAnswer,
    Unreachable,
    Scheduled,
}
