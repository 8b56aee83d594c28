namespace Telephony.Portal.Infrastructure.Mail;

/// <summary>
/// An e-mail waiting to go out (N-EMAIL), written in the same transaction as what it tells
/// about (an invitation with its account): the mail dispatcher sends it through the SMTP
/// relay, retrying with backoff, so nothing is lost on restart and failures stay visible.
/// </summary>
public sealed class OutgoingMail
{
    public const int MaxAttempts = 10;

    private OutgoingMail()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The company the mail concerns, if any (for the operator's view of failures).</summary>
    public Guid? TenantId { get; private set; }

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    /// <summary>A file sent with the mail (a voicemail message's audio, V-EMAIL), if any.</summary>
    public MailAttachment? Attachment { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Given up after <see cref="MaxAttempts"/>: shown to the operator, not retried.</summary>
    public bool Failed => SentAt is null && Attempts >= MaxAttempts;

    /// <param name="id">The mail's id when what it tells about names it (so telling twice is noticed); a new one otherwise.</param>
    public static OutgoingMail Create(Guid? tenantId, string to, string subject, string textBody, DateTime now, Guid? id = null, MailAttachment? attachment = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Attachment = attachment,
        TenantId = tenantId,
        To = to,
        Subject = subject,
        TextBody = textBody,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void MarkSent(DateTime now) => SentAt = now;

    /// <summary>Retry after 5 s, 10 s, 20 s… capped at 10 minutes.</summary>
    public void MarkFailed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(600, 5 * Math.Pow(2, Attempts - 1)));
    }
}

/// <summary>A file attached to a mail: its name, MIME type and bytes.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
