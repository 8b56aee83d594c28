using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.Portal.Infrastructure.Mail;

/// <summary>Wakes the mail dispatcher when a save has queued mail.</summary>
public sealed class MailSignal : WorkSignal;

/// <summary>
/// Sends queued mail through the SMTP relay (System.Net.Mail), oldest first, retrying failed
/// mails with backoff until <see cref="OutgoingMail.MaxAttempts"/>. Several Portal replicas may
/// send the same mail twice in a race; a duplicate invitation is harmless, a lost one is not.
/// </summary>
internal sealed partial class MailDispatcher(
    IServiceScopeFactory scopes,
    MailSignal signal,
    IOptions<MailOptions> options,
    IOptions<DatabaseOptions> database,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutgoingMails
            .Where(m => m.SentAt == null && m.Attempts < OutgoingMail.MaxAttempts && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt)
            .Take(50)
            .ToListAsync(cancellationToken);
        foreach (var mail in due)
        {
            try
            {
                await SendAsync(mail, cancellationToken);
                mail.MarkSent(time.GetUtcNow().UtcDateTime);
            }
            catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException)
            {
                mail.MarkFailed(ex.Message, time.GetUtcNow().UtcDateTime);
                LogSendFailed(logger, mail.Id, mail.Attempts, ex.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var message = new MailMessage(MailAddress.TryCreate(options.Value.From, out var from) ? from : new MailAddress("no-reply@telephony.localhost"), new MailAddress(mail.To))
        {
            Subject = mail.Subject,
            Body = mail.TextBody,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        message.Headers.Add("Message-ID", $"<{mail.Id:N}@telephony>");
        if (mail.Attachment is { } attachment)
        {
            message.Attachments.Add(new Attachment(new MemoryStream(attachment.Content), attachment.FileName, attachment.ContentType));
        }

        using var client = Client();
        await client.SendMailAsync(message, cancellationToken);
    }

    private SmtpClient Client()
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var folder = Path.GetFullPath(Path.Combine(database.Value.DataFolder, o.PickupFolder), environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        }

        return new SmtpClient(o.SmtpHost, o.SmtpPort)
        {
            EnableSsl = o.EnableSsl,
            Credentials = string.IsNullOrEmpty(o.Username) ? null : new NetworkCredential(o.Username, o.Password),
            Timeout = 30_000,
        };
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Mail {MailId} not sent (attempt {Attempt}): {Reason}")]
    private static partial void LogSendFailed(ILogger logger, Guid mailId, int attempt, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "Mail dispatch round failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
