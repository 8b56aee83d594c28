using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Media;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Voicemail;

/// <summary>A line's voicemail box as the API shows it (V-WEB): counts and messages, newest first.</summary>
public sealed record LineVoicemailBox(Guid LineId, Guid BoxId, int NewMessages, int SavedMessages, IReadOnlyList<VoicemailMessageInfo> Messages);

/// <summary>
/// V-WEB through the Portal: the voicemail of a user line the signed-in person may see (a
/// manager: any line of the company; a user: their own), read from and changed on the media
/// server, which holds boxes and messages (ADR 15). A mobile associated with a fixed line
/// shows the fixed line's box (V-CONVERGENT). A message of another box or company is 404.
/// </summary>
public sealed class LineVoicemail(PortalDbContext db, Actor actor, TenantContext tenant, MediaServerClient media)
{
    private static readonly Error NoBox = Error.NotFound("voicemail.no-box", "This line has no voicemail box: only Fixed, Fixed-for-mobile and mobile lines have one.");

    public async Task<Result<LineVoicemailBox>> GetAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var box = await BoxAsync(lineId, cancellationToken);
        if (!box.Succeeded)
        {
            return box.Error!;
        }

        // The counts are those of the box's messages: one call to the media server, not two.
        var messages = await media.VoicemailMessagesAsync(tenant.RequireTenantId(), box.Value, cancellationToken);
        if (!messages.Succeeded)
        {
            return messages.Error!;
        }

        var fresh = messages.Value!.Count(m => m.State == VoicemailMessageState.New);
        return new LineVoicemailBox(lineId, box.Value, fresh, messages.Value!.Count - fresh, messages.Value!);
    }

    public async Task<Result<VoicemailAudio>> AudioAsync(Guid lineId, Guid messageId, string? format, CancellationToken cancellationToken)
    {
        var kind = format?.ToLowerInvariant() ?? "wav";
        if (kind is not ("wav" or "mp3"))
        {
            return Error.Validation("voicemail.format", "The audio comes as wav or mp3.", "format");
        }

        var message = await MessageAsync(lineId, messageId, cancellationToken);
        return message.Succeeded ? await media.VoicemailAudioAsync(tenant.RequireTenantId(), messageId, kind, cancellationToken) : message.Error!;
    }

    public async Task<Result<LineVoicemailBox>> ChangeAsync(Guid lineId, Guid messageId, VoicemailMessageChange change, CancellationToken cancellationToken)
    {
        var message = await MessageAsync(lineId, messageId, cancellationToken);
        if (!message.Succeeded)
        {
            return message.Error!;
        }

        var changed = await media.ChangeVoicemailMessageAsync(tenant.RequireTenantId(), messageId, change, cancellationToken);
        return changed.Succeeded ? await GetAsync(lineId, cancellationToken) : changed.Error!;
    }

    /// <summary>The message, when it is in the line's box.</summary>
    private async Task<Result<VoicemailMessageInfo>> MessageAsync(Guid lineId, Guid messageId, CancellationToken cancellationToken)
    {
        var box = await BoxAsync(lineId, cancellationToken);
        if (!box.Succeeded)
        {
            return box.Error!;
        }

        var message = await media.VoicemailMessageAsync(tenant.RequireTenantId(), messageId, cancellationToken);
        return message.Succeeded && message.Value!.BoxId != box.Value ? MediaServerClient.NoSuchMessage : message;
    }

    /// <summary>The id of the line's box: the line's own, or its fixed line's for an associated mobile.</summary>
    private async Task<Result<Guid>> BoxAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = actor.MaySee(lineId) ? await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken) : null;
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        if (!line.Kind.IsUserLine())
        {
            return NoBox;
        }

        var fixedLine = line.Kind == LineKind.Mobile
            ? await db.Lines.AsNoTracking()
                .Where(l => l.MobileLineId == line.Id && l.MobileAssociation == MobileAssociationState.Active)
                .Select(l => (Guid?)l.Id)
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        return fixedLine ?? line.Id;
    }
}
