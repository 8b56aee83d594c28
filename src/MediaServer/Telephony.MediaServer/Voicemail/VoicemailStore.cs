using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Voicemail;
using Telephony.MediaServer.Audio;
using Telephony.MediaServer.Persistence;
using Telephony.ServiceDefaults.Messaging;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.MediaServer.Voicemail;

/// <summary>A box as a call or the API sees it at one moment.</summary>
public sealed record VoicemailBoxView(
    Guid TenantId,
    Guid BoxId,
    bool HasPin,
    Guid? GreetingAudioId,
    Guid? NameAudioId,
    bool AnsweringMachineOnly,
    bool CallbackAfterDeposit,
    long Version,
    int NewMessages,
    int SavedMessages,
    TimeSpan Stored)
{
    /// <summary>V-BOX: at 4 h of messages callers hear "box full".</summary>
    public bool IsFull => Stored >= VoicemailLimits.BoxCapacity;
}

/// <summary>Who left a message: the number presented (null when withheld) and the name, if any.</summary>
public sealed record VoicemailCaller(string? Number, string? Name)
{
    public static readonly VoicemailCaller Anonymous = new(null, null);
}

/// <summary>
/// The voicemail use cases on the media server's store: every read and write runs in a unit of
/// work entered for one tenant (the "Tenant" query filter and the guard interceptor scope it),
/// and every change of a box or its messages bumps the box's version and stages
/// <see cref="VoicemailBoxChanged"/> (and, for a deposit, <see cref="VoicemailDeposited"/>)
/// in the outbox in the same transaction as the change. Two changes of one box at once meet on
/// the version (a concurrency token): the loser retries on fresh data, so versions never repeat.
/// Audio is written before the row that names it and deleted after the row is gone, so a row
/// never names missing audio (a crash may leave an unnamed file, never a dangling row).
/// </summary>
public sealed partial class VoicemailStore(
    IServiceScopeFactory scopes,
    AudioStore audio,
    OutboxSignal<MediaServerDbContext> outbox,
    TimeProvider time,
    ILogger<VoicemailStore> logger)
{
    private const int Attempts = 5;

    /// <summary>The box, created on first use (V-BOX: every line has one).</summary>
    public async Task<VoicemailBoxView> OpenAsync(Guid tenantId, Guid boxId, CancellationToken cancellationToken)
    {
        if (await ViewAsync(tenantId, boxId, cancellationToken) is { } existing)
        {
            return existing;
        }

        await ChangeAsync(tenantId, boxId, (_, _, _) => Task.FromResult(true), cancellationToken);
        return (await ViewAsync(tenantId, boxId, cancellationToken))!;
    }

    /// <summary>The box as it is, or null when nobody has used it yet.</summary>
    public Task<VoicemailBoxView?> ViewAsync(Guid tenantId, Guid boxId, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, async db => await db.VoicemailBoxes.SingleOrDefaultAsync(b => b.BoxId == boxId, cancellationToken) is { } box
            ? await ViewOfAsync(db, box, cancellationToken)
            : null);

    /// <summary>The box's messages in a state (all when null), oldest first.</summary>
    public Task<List<VoicemailMessage>> ListAsync(Guid tenantId, Guid boxId, VoicemailState? state, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, db => db.VoicemailMessages.AsNoTracking()
            .Where(m => m.BoxId == boxId && (state == null || m.State == state))
            .OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken));

    /// <summary>A message of this tenant, or null (another tenant's is null too).</summary>
    public Task<VoicemailMessage?> FindAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, db => db.VoicemailMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken));

    /// <summary>A message's audio, or null when the message is not this tenant's.</summary>
    public async Task<short[]?> ReadAudioAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken) =>
        await FindAsync(tenantId, messageId, cancellationToken) is { } message
            ? await audio.ReadVoicemailAsync(tenantId, message.BoxId, message.AudioId, cancellationToken)
            : null;

    /// <summary>A greeting or name of the box, or null.</summary>
    public Task<short[]?> ReadBoxAudioAsync(Guid tenantId, Guid boxId, Guid audioId, CancellationToken cancellationToken) =>
        audio.ReadVoicemailAsync(tenantId, boxId, audioId, cancellationToken);

    public Task<bool> CheckPinAsync(Guid tenantId, Guid boxId, string pin, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, async db => await db.VoicemailBoxes.AsNoTracking().SingleOrDefaultAsync(b => b.BoxId == boxId, cancellationToken) is { } box
            && box.CheckPin(pin));

    /// <summary>
    /// V-BOX: keeps a message (its audio, then its row) and publishes the deposit and the new
    /// counts. Null when it is not kept: too short to hold anything said, or the box is full.
    /// </summary>
    public async Task<VoicemailMessage?> DepositAsync(Guid tenantId, Guid boxId, VoicemailCaller caller, short[] samples, CancellationToken cancellationToken)
    {
        var duration = TelephonyAudio.Duration(samples);
        if (duration < VoicemailLimits.MinMessage)
        {
            return null;
        }

        var audioId = Guid.NewGuid();
        await audio.SaveVoicemailAsync(tenantId, boxId, audioId, samples, cancellationToken);
        VoicemailMessage? kept = null;
        try
        {
            await ChangeAsync(tenantId, boxId, async (db, _, now) =>
            {
                var stored = await db.VoicemailMessages.Where(m => m.BoxId == boxId).SumAsync(m => m.DurationMilliseconds, cancellationToken);
                if (TimeSpan.FromMilliseconds(stored) >= VoicemailLimits.BoxCapacity)
                {
                    return false;
                }

                kept = new VoicemailMessage
                {
                    TenantId = tenantId,
                    BoxId = boxId,
                    Id = Guid.NewGuid(),
                    CallerNumber = Truncate(caller.Number, 64),
                    CallerName = Truncate(caller.Name, 128),
                    ReceivedAt = now,
                    DurationMilliseconds = (long)duration.TotalMilliseconds,
                    AudioId = audioId,
                };
                db.VoicemailMessages.Add(kept);
                Stage(db, tenantId, now, id => new VoicemailDeposited
                {
                    TenantId = tenantId,
                    MessageId = id,
                    BoxId = boxId,
                    VoicemailMessageId = kept.Id,
                    Caller = kept.CallerNumber,
                    CallerName = kept.CallerName,
                    ReceivedAt = now,
                    Duration = duration,
                    OccurredAt = now,
                });
                return true;
            }, cancellationToken);
        }
        finally
        {
            if (kept is null)
            {
                audio.DeleteVoicemail(tenantId, boxId, audioId);
            }
        }

        return kept;
    }

    /// <summary>Heard (by phone or in the selfcare): New becomes Saved. False when there is no such message.</summary>
    public Task<bool> MarkHeardAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken) =>
        ChangeMessageAsync(tenantId, messageId, (m, now) => m.MarkHeard(now), cancellationToken);

    /// <summary>Saved on purpose: kept another 14 days from now.</summary>
    public Task<bool> SaveAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken) =>
        ChangeMessageAsync(tenantId, messageId, (m, now) => m.Save(now), cancellationToken);

    public Task<bool> MarkNewAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken) =>
        ChangeMessageAsync(tenantId, messageId, (m, _) => m.MarkNew(), cancellationToken);

    /// <summary>Deletes a message and its audio. False when there is no such message.</summary>
    public async Task<bool> DeleteAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken)
    {
        var boxId = await ReadAsync(tenantId, db => db.VoicemailMessages.Where(m => m.Id == messageId).Select(m => (Guid?)m.BoxId).SingleOrDefaultAsync(cancellationToken));
        return boxId is { } box && await DeleteAsync(tenantId, box, [messageId], null, cancellationToken) == 1;
    }

    /// <summary>
    /// Deletes messages of one box and their audio; with <paramref name="expiredAt"/>, only those
    /// still expired at that instant (the purge: one may have been saved meanwhile). Returns how many.
    /// </summary>
    public async Task<int> DeleteAsync(Guid tenantId, Guid boxId, IReadOnlyCollection<Guid> messageIds, DateTime? expiredAt, CancellationToken cancellationToken)
    {
        List<VoicemailMessage> deleted = [];
        await ChangeAsync(tenantId, boxId, async (db, _, _) =>
        {
            var messages = await db.VoicemailMessages.Where(m => m.BoxId == boxId && messageIds.Contains(m.Id)).ToListAsync(cancellationToken);
            deleted = [.. messages.Where(m => expiredAt is not { } at || m.ExpiresAt <= at)];
            db.VoicemailMessages.RemoveRange(deleted);
            return deleted.Count > 0;
        }, cancellationToken);
        foreach (var message in deleted)
        {
            audio.DeleteVoicemail(tenantId, boxId, message.AudioId);
        }

        return deleted.Count;
    }

    public Task SetPinAsync(Guid tenantId, Guid boxId, string pin, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, boxId, (_, box, _) =>
        {
            box.SetPin(pin);
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>Flips the answering-machine-only setting; returns the new value.</summary>
    public async Task<bool> ToggleAnsweringMachineOnlyAsync(Guid tenantId, Guid boxId, CancellationToken cancellationToken)
    {
        var value = false;
        await ChangeAsync(tenantId, boxId, (_, box, _) =>
        {
            value = box.AnsweringMachineOnly = !box.AnsweringMachineOnly;
            return Task.FromResult(true);
        }, cancellationToken);
        return value;
    }

    /// <summary>Flips the callback-after-deposit setting; returns the new value.</summary>
    public async Task<bool> ToggleCallbackAfterDepositAsync(Guid tenantId, Guid boxId, CancellationToken cancellationToken)
    {
        var value = false;
        await ChangeAsync(tenantId, boxId, (_, box, _) =>
        {
            value = box.CallbackAfterDeposit = !box.CallbackAfterDeposit;
            return Task.FromResult(true);
        }, cancellationToken);
        return value;
    }

    /// <summary>Records a personal greeting (<paramref name="nameOnly"/>: the owner's name for the standard greeting).</summary>
    public async Task SetGreetingAsync(Guid tenantId, Guid boxId, short[] samples, bool nameOnly, CancellationToken cancellationToken)
    {
        var audioId = Guid.NewGuid();
        await audio.SaveVoicemailAsync(tenantId, boxId, audioId, samples, cancellationToken);
        IReadOnlyList<Guid> replaced = [];
        try
        {
            await ChangeAsync(tenantId, boxId, (_, box, _) =>
            {
                replaced = nameOnly ? box.UseName(audioId) : box.UseGreeting(audioId);
                return Task.FromResult(true);
            }, cancellationToken);
        }
        catch
        {
            audio.DeleteVoicemail(tenantId, boxId, audioId);
            throw;
        }

        DeleteAudio(tenantId, boxId, replaced);
    }

    public async Task UseStandardGreetingAsync(Guid tenantId, Guid boxId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> replaced = [];
        await ChangeAsync(tenantId, boxId, (_, box, _) =>
        {
            replaced = box.UseStandardGreeting();
            return Task.FromResult(true);
        }, cancellationToken);
        DeleteAudio(tenantId, boxId, replaced);
    }

    private async Task<bool> ChangeMessageAsync(Guid tenantId, Guid messageId, Action<VoicemailMessage, DateTime> change, CancellationToken cancellationToken)
    {
        var boxId = await ReadAsync(tenantId, db => db.VoicemailMessages.Where(m => m.Id == messageId).Select(m => (Guid?)m.BoxId).SingleOrDefaultAsync(cancellationToken));
        if (boxId is not { } box)
        {
            return false;
        }

        var found = false;
        await ChangeAsync(tenantId, box, async (db, _, now) =>
        {
            var message = await db.VoicemailMessages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
            if (message is null)
            {
                return false;
            }

            found = true;
            change(message, now);
            return true;
        }, cancellationToken);
        return found;
    }

    /// <summary>
    /// One change of a box in one transaction: the box (created if new), the change, the version
    /// bump and the box's new counts in the outbox. <paramref name="change"/> returns false when
    /// there is nothing to change (then nothing is written nor published).
    /// </summary>
    private async Task ChangeAsync(Guid tenantId, Guid boxId, Func<MediaServerDbContext, VoicemailBox, DateTime, Task<bool>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var entered = scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<MediaServerDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var box = await db.VoicemailBoxes.SingleOrDefaultAsync(b => b.BoxId == boxId, cancellationToken);
                var created = box is null;
                if (box is null)
                {
                    box = VoicemailBox.Create(tenantId, boxId, now);
                    db.VoicemailBoxes.Add(box);
                }

                if (!await change(db, box, now) && !created)
                {
                    return;
                }

                box.Touch();
                await db.SaveChangesAsync(cancellationToken);
                var view = await ViewOfAsync(db, box, cancellationToken);
                Stage(db, tenantId, now, id => new VoicemailBoxChanged
                {
                    TenantId = tenantId,
                    MessageId = id,
                    BoxId = boxId,
                    Version = box.Version,
                    NewMessages = view.NewMessages,
                    SavedMessages = view.SavedMessages,
                    OccurredAt = now,
                });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException ex) when (attempt < Attempts)
            {
                // Another change of this box (or its creation) committed first: again on fresh data.
                LogRetry(logger, tenantId, boxId, attempt, ex);
            }
        }

        outbox.Notify();
    }

    private async Task<T> ReadAsync<T>(Guid tenantId, Func<MediaServerDbContext, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var entered = scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenantId);
        return await read(scope.ServiceProvider.GetRequiredService<MediaServerDbContext>());
    }

    private static async Task<VoicemailBoxView> ViewOfAsync(MediaServerDbContext db, VoicemailBox box, CancellationToken cancellationToken)
    {
        var states = await db.VoicemailMessages.Where(m => m.BoxId == box.BoxId)
            .GroupBy(m => m.State)
            .Select(g => new { State = g.Key, Count = g.Count(), Milliseconds = g.Sum(m => m.DurationMilliseconds) })
            .ToListAsync(cancellationToken);
        return new VoicemailBoxView(
            box.TenantId,
            box.BoxId,
            box.HasPin,
            box.GreetingAudioId,
            box.NameAudioId,
            box.AnsweringMachineOnly,
            box.CallbackAfterDeposit,
            box.Version,
            states.Where(s => s.State == VoicemailState.New).Sum(s => s.Count),
            states.Where(s => s.State == VoicemailState.Saved).Sum(s => s.Count),
            TimeSpan.FromMilliseconds(states.Sum(s => s.Milliseconds)));
    }

    /// <summary>An event in the outbox, its contract's MessageId the outbox's (the bus message id), so consumers can deduplicate on either.</summary>
    private static void Stage<T>(MediaServerDbContext db, Guid tenantId, DateTime now, Func<Guid, T> build)
        where T : class
    {
        var id = Guid.NewGuid();
        db.Enqueue(id, tenantId, build(id), now);
    }

    private void DeleteAudio(Guid tenantId, Guid boxId, IEnumerable<Guid> audioIds)
    {
        foreach (var audioId in audioIds)
        {
            audio.DeleteVoicemail(tenantId, boxId, audioId);
        }
    }

    private static string? Truncate(string? text, int length) => text is { Length: > 0 } ? text[..Math.Min(text.Length, length)] : null;

    [LoggerMessage(EventId = 6300, Level = LogLevel.Debug, Message = "Box {BoxId} of tenant {TenantId} changed concurrently (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Guid tenantId, Guid boxId, int attempt, Exception exception);
}
