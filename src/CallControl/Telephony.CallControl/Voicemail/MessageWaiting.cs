using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Telephony.CallControl.Persistence;
using Telephony.Contracts.Voicemail;

namespace Telephony.CallControl.Voicemail;

/// <summary>A box's message counts as the media server last reported them.</summary>
public sealed record BoxCounts(long Version, int NewMessages, int SavedMessages)
{
    public static readonly BoxCounts Empty = new(0, 0, 0);
}

/// <summary>
/// V-MWI: every voicemail box's counts, in memory for the NOTIFYs and in the CallControl store
/// so a restarted instance still answers a phone's SUBSCRIBE truthfully. Idempotent by the
/// box's version: a redelivered or older <see cref="VoicemailBoxChanged"/> changes nothing.
/// </summary>
public sealed class MessageWaiting(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<(Guid TenantId, Guid BoxId), BoxCounts> _boxes = new();

    public BoxCounts Counts(Guid tenantId, Guid boxId) => _boxes.GetValueOrDefault((tenantId, boxId), BoxCounts.Empty);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CallControlDbContext>();
        await foreach (var box in db.VoicemailBoxes.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            _boxes[(box.TenantId, box.BoxId)] = new BoxCounts(box.Version, box.NewMessages, box.SavedMessages);
        }
    }

    /// <summary>Records the change when it is newer than what is known; true when it was.</summary>
    public async Task<bool> ApplyAsync(VoicemailBoxChanged change, CancellationToken cancellationToken)
    {
        var key = (change.TenantId, change.BoxId);
        var counts = new BoxCounts(change.Version, change.NewMessages, change.SavedMessages);
        while (true)
        {
            var known = _boxes.GetValueOrDefault(key);
            if (known is not null && known.Version >= change.Version)
            {
                return false;
            }

            if (known is null ? _boxes.TryAdd(key, counts) : _boxes.TryUpdate(key, counts, known))
            {
                break;
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CallControlDbContext>();
        // Every instance writes the same row: only a newer version may replace it.
        var updated = await db.VoicemailBoxes
            .Where(b => b.TenantId == change.TenantId && b.BoxId == change.BoxId && b.Version < change.Version)
            .ExecuteUpdateAsync(b => b
                .SetProperty(x => x.Version, change.Version)
                .SetProperty(x => x.NewMessages, change.NewMessages)
                .SetProperty(x => x.SavedMessages, change.SavedMessages), cancellationToken);
        if (updated == 0 && !await db.VoicemailBoxes.AnyAsync(b => b.TenantId == change.TenantId && b.BoxId == change.BoxId, cancellationToken))
        {
            db.VoicemailBoxes.Add(new VoicemailBoxState
            {
                TenantId = change.TenantId,
                BoxId = change.BoxId,
                Version = change.Version,
                NewMessages = change.NewMessages,
                SavedMessages = change.SavedMessages,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance inserted the row first; the redelivery (or its newer version) wins.
            }
        }

        return true;
    }
}

/// <summary>A voicemail box's counts in the CallControl store.</summary>
public sealed class VoicemailBoxState
{
    public Guid TenantId { get; set; }

    public Guid BoxId { get; set; }

    public long Version { get; set; }

    public int NewMessages { get; set; }

    public int SavedMessages { get; set; }
}
