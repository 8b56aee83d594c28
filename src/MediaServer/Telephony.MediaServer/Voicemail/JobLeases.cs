using Microsoft.EntityFrameworkCore;
using Telephony.MediaServer.Persistence;

namespace Telephony.MediaServer.Voicemail;

/// <summary>
/// Cluster-wide leases in the media server's store: a job runs on the instance that holds its
/// lease. Taking one is a single conditional UPDATE (free, expired, or already ours), so two
/// instances can never both succeed; the row is inserted the first time, a duplicate insert
/// losing on the primary key.
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>True when <paramref name="holder"/> now holds <paramref name="name"/> for <paramref name="duration"/>.</summary>
    public async Task<bool> TryTakeAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaServerDbContext>();
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.LeasedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntil, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.JobLeases.Add(new JobLease { Name = name, Holder = holder, LeasedUntil = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance inserted it first
        }
    }
}
