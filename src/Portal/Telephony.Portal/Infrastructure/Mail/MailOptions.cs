using System.ComponentModel.DataAnnotations;

namespace Telephony.Portal.Infrastructure.Mail;

/// <summary>Section <c>Mail</c>: the SMTP relay outgoing mail goes through (N-EMAIL).</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>SMTP relay host; without one, mails are written as .eml files to <see cref="PickupFolder"/> (embedded mode).</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    [Required]
    public string From { get; set; } = "Telephony <no-reply@telephony.localhost>";

    /// <summary>Folder (relative to the data folder) for mails when no relay is configured.</summary>
    public string PickupFolder { get; set; } = "mail";

    /// <summary>How often the dispatcher looks for mail to send when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
