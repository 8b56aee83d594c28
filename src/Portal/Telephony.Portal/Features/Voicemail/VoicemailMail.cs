using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Voicemail;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Infrastructure.Mail;
using Telephony.Portal.Infrastructure.Media;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Voicemail;

/// <summary>
/// V-EMAIL: a message left in a box is told by e-mail when the box's line asks for it — who
/// called, when, for how long — with the audio attached (WAV or MP3) when chosen, in the
/// company's language. Idempotent: the mail's id is the voicemail message's, so a redelivered
/// deposit is not told twice. The media server not answering fails the consume, which retries.
/// </summary>
internal sealed class VoicemailDepositedConsumer(PortalDbContext db, TenantContext tenant, MediaServerClient media, TimeProvider time) : IConsumer<VoicemailDeposited>
{
    public async Task Consume(ConsumeContext<VoicemailDeposited> context)
    {
        var deposit = context.Message;
        var cancellationToken = context.CancellationToken;
        using var scope = tenant.Enter(deposit.TenantId);
        var line = await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == deposit.BoxId, cancellationToken);
        if (line?.Services.VoicemailNotification is not { Mode: not VoicemailNotificationMode.Off, Email: { Length: > 0 } email } notification ||
            await db.OutgoingMails.AnyAsync(m => m.Id == deposit.VoicemailMessageId, cancellationToken))
        {
            return;
        }

        var company = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == deposit.TenantId, cancellationToken);
        MailAttachment? attachment = null;
        if (notification.Mode == VoicemailNotificationMode.NotifyWithAudio)
        {
            var format = notification.AudioFormat == VoicemailAudioFormat.Mp3 ? "mp3" : "wav";
            var audio = await media.VoicemailAudioAsync(deposit.TenantId, deposit.VoicemailMessageId, format, cancellationToken);
            if (audio.Error is { Kind: ErrorKind.Unavailable } down)
            {
                throw new InvalidOperationException(down.Message); // retried by the bus
            }

            // A message deleted before its mail went out is still told, without its audio.
            attachment = audio.Succeeded ? new MailAttachment($"voicemail-{deposit.ReceivedAt:yyyyMMdd-HHmmss}.{format}", audio.Value!.ContentType, audio.Value.Content) : null;
        }

        var (subject, body) = VoicemailMailText.Compose(deposit, line.DisplayName, line.PublicNumber, company.Language, company.TimeZone, attachment is not null);
        db.OutgoingMails.Add(OutgoingMail.Create(deposit.TenantId, email, subject, body.ReplaceLineEndings("\r\n"), time.GetUtcNow().UtcDateTime, deposit.VoicemailMessageId, attachment));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The notification's words, French for a French company, English otherwise.</summary>
internal static class VoicemailMailText
{
    public static (string Subject, string Body) Compose(VoicemailDeposited deposit, string lineName, string lineNumber, string language, string timeZone, bool withAudio)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var at = TimeZoneInfo.ConvertTimeFromUtc(deposit.ReceivedAt, zone);
        var seconds = (int)Math.Round(deposit.Duration.TotalSeconds);
        var french = language == "fr";
        var culture = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-GB");
        var caller = deposit.Caller is { Length: > 0 } number
            ? deposit.CallerName is { Length: > 0 } name ? $"{name} ({number})" : number
            : french ? "un numéro masqué" : "a withheld number";
        var length = seconds >= 60 ? $"{seconds / 60} min {seconds % 60:00} s" : $"{seconds} s";
        return french
            ? ($"Nouveau message vocal de {caller}", $"""
                Bonjour,

                {caller} vous a laissé un message de {length} le {at.ToString("dddd d MMMM yyyy 'à' HH:mm", culture)} sur la ligne {lineName} ({lineNumber}).
                {(withAudio ? "Le message est joint à ce courriel." : "Écoutez-le en appelant le 123 depuis votre ligne, ou dans votre espace utilisateur.")}
                """)
            : ($"New voicemail from {caller}", $"""
                Hello,

                {caller} left you a {length} message on {at.ToString("dddd d MMMM yyyy 'at' HH:mm", culture)} on the line {lineName} ({lineNumber}).
                {(withAudio ? "The message is attached to this e-mail." : "Listen to it by calling 123 from your line, or in your selfcare.")}
                """);
    }
}
