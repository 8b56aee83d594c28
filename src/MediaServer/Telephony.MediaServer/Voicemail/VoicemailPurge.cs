using Microsoft.EntityFrameworkCore;
using Telephony.MediaServer.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.MediaServer.Voicemail;

/// <summary>
/// V-BOX retention: new messages are deleted 60 days after they arrived, saved ones 14 days
/// after they were heard or saved, with their audio. The scan crosses tenants (operator code:
/// it names the "Tenant" filter it ignores); each box is then changed as its own tenant through
/// <see cref="VoicemailStore"/>, which re-checks the expiry and publishes the box's new counts.
/// </summary>
public sealed partial class VoicemailPurge(IServiceScopeFactory scopes, VoicemailStore store, TimeProvider time, ILogger<VoicemailPurge> logger)
{
    private const int BatchSize = 500;

    /// <summary>Deletes every expired message; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var total = 0;
        while (true)
        {
            var expired = await ExpiredAsync(now, cancellationToken);
            var deleted = 0;
            foreach (var box in expired.GroupBy(m => (m.TenantId, m.BoxId)))
            {
                deleted += await store.DeleteAsync(box.Key.TenantId, box.Key.BoxId, [.. box.Select(m => m.Id)], now, cancellationToken);
            }

            total += deleted;
            if (expired.Count < BatchSize || deleted == 0)
            {
                break;
            }
        }

        if (total > 0)
        {
            LogPurged(logger, total);
        }

        return total;
    }

    private async Task<List<ExpiredMessage>> ExpiredAsync(DateTime now, CancellationToken cancellationToken)
    {
        var newBefore = now - VoicemailLimits.NewRetention;
        var savedBefore = now - VoicemailLimits.SavedRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaServerDbContext>();
        return await db.VoicemailMessages.IgnoreQueryFilters([TenantModelExtensions.FilterName])
            .Where(m => (m.State == VoicemailState.New && m.ReceivedAt <= newBefore) || (m.State == VoicemailState.Saved && m.SavedAt <= savedBefore))
            .OrderBy(m => m.TenantId).ThenBy(m => m.BoxId)
            .Select(m => new ExpiredMessage(m.TenantId, m.BoxId, m.Id))
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
    }

    private sealed record ExpiredMessage(Guid TenantId, Guid BoxId, Guid Id);

    [LoggerMessage(EventId = 6320, Level = LogLevel.Information, Message = "Voicemail purge: {Count} expired message(s) deleted")]
    private static partial void LogPurged(ILogger logger, int count);
}
