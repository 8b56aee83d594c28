using MassTransit;
using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Announcements;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Infrastructure.Media;

/// <summary>
/// S-ANN: the media server's answer to an upload. Idempotent: an answer for an upload that is no
/// longer the announcement's current one, for an announcement that is gone or another tenant's,
/// or one already applied, changes nothing. A ready announcement enters the routing snapshot
/// (staged by the save, ADR 3), so CallControl plays it from then on.
/// </summary>
internal sealed class AnnouncementConvertedConsumer(PortalDbContext db, TenantContext tenant, TimeProvider time) : IConsumer<AnnouncementConverted>
{
    public async Task Consume(ConsumeContext<AnnouncementConverted> context)
    {
        var message = context.Message;
        using var scope = tenant.Enter(message.TenantId);
        var announcement = await db.Announcements.SingleOrDefaultAsync(a => a.Id == message.AnnouncementId, context.CancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var applied = announcement is not null && (message.Ready
            ? announcement.Converted(message.UploadId, message.Duration, now)
            : announcement.Refused(message.UploadId, message.ErrorCode, message.ErrorMessage, now));
        if (applied)
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
