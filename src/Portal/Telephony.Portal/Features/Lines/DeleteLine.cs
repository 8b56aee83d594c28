using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telephony.Portal.Domain;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.Lines;

/// <summary>
/// O-DELETE: the line goes, with its selfcare account; its plan is free again and its number
/// returns to the pool after the quarantine. Saved with the tenant's new routing snapshot.
/// </summary>
public sealed class DeleteLine(PortalDbContext db, TimeProvider time, IOptions<PortalOptions> options)
{
    public async Task<Error?> ExecuteAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var number = await db.PoolNumbers.SingleOrDefaultAsync(n => n.Number == line.PublicNumber && n.AssignedTenantId == line.TenantId, cancellationToken);
        number?.Release(now, options.Value.NumberQuarantine);
        db.UserAccounts.RemoveRange(await db.UserAccounts.Where(a => a.LineId == lineId).ToListAsync(cancellationToken));
        db.Lines.Remove(line);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
