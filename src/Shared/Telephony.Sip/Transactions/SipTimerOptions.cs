namespace Telephony.Sip.Transactions;

/// <summary>RFC 3261 §17 and Table 4 timer base values; every transaction timer derives from them.</summary>
public sealed record SipTimerOptions
{
    public static SipTimerOptions Default { get; } = new();

    /// <summary>RTT estimate, 500 ms by default.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmission interval for non-INVITE requests and INVITE responses, 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum duration a message remains in the network, 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A server INVITE transaction answers 100 Trying itself if its user has not answered within this (§17.2.1).</summary>
    public TimeSpan TryingDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>64·T1: timers B, F, H, J, L, M.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Timer D on unreliable transports: at least 32 s.</summary>
    public TimeSpan TimerD { get; init; } = TimeSpan.FromSeconds(32);
}
