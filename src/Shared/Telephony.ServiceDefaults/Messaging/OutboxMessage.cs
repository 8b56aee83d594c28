namespace Telephony.ServiceDefaults.Messaging;

/// <summary>
/// An event waiting to be published, written in the same transaction as the change it
/// describes. The dispatcher publishes it with <see cref="MessageId"/> as the bus message id,
/// so a redelivery after a lost acknowledgement is recognisable downstream.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    /// <summary>Database-assigned, gives the publication order.</summary>
    public long Sequence { get; private set; }

    public Guid MessageId { get; private set; }

    /// <summary>Tenant the event concerns; rows are infrastructure and not query-filtered.</summary>
    public Guid? TenantId { get; private set; }

    /// <summary>Full name of the contract type, resolved against Telephony.Contracts.</summary>
    public string MessageType { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTime OccurredAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    /// <summary>Set while one dispatcher instance publishes the row, so instances do not race.</summary>
    public DateTime? LeasedUntil { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage Create(Guid messageId, Guid? tenantId, string messageType, string body, DateTime now) => new()
    {
        MessageId = messageId,
        TenantId = tenantId,
        MessageType = messageType,
        Body = body,
        OccurredAt = now,
        NextAttemptAt = now,
    };

    public void MarkSent(DateTime now)
    {
        SentAt = now;
        LeasedUntil = null;
        LastError = null;
    }

    public void MarkFailed(DateTime now, string error, TimeSpan retryAfter)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAt = now + retryAfter;
        LeasedUntil = null;
    }
}
