namespace Telephony.ServiceDefaults.Messaging;

public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often unsent rows are looked for when no commit woke the dispatcher.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one publish may wait for the broker before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Upper bound of the exponential retry delay while the broker is unreachable.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long published rows are kept (for diagnosis) before they are deleted.</summary>
    public TimeSpan RetainSent { get; set; } = TimeSpan.FromDays(7);
}
