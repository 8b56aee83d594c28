namespace Telephony.Portal.Domain.Lines.Services;

public enum MultiRingMode
{
    /// <summary>All numbers ring with the line; the first to answer wins.</summary>
    Simultaneous,

    /// <summary>The line first, then each number in order after <see cref="MultiRing.Rings"/> rings.</summary>
    Sequential,
}

/// <summary>L-MULTIRING: up to 5 more numbers ring with the line.</summary>
public sealed record MultiRing
{
    public const int MaxNumbers = 5;
    public const int DefaultRings = 3;

    public bool Enabled { get; init; }

    public MultiRingMode Mode { get; init; } = MultiRingMode.Simultaneous;

    /// <summary>E.164, in the user's order.</summary>
    public IReadOnlyList<string> Numbers { get; init; } = [];

    /// <summary>Sequential mode: rings (≈ 5 s each) before the next number, 1 to 10.</summary>
    public int Rings { get; init; } = DefaultRings;
}

/// <summary>L-DND, L-ANON, L-CW, L-DISTRING, L-MULTIRING; all off by default.</summary>
public sealed record IncomingCalls
{
    public bool DoNotDisturb { get; init; }

    public bool RejectAnonymous { get; init; }

    public bool CallWaiting { get; init; }

    public bool DistinctiveRing { get; init; }

    public MultiRing MultiRing { get; init; } = new();
}
