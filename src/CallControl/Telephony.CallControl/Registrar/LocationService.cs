using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Telephony.CallControl.Persistence;

namespace Telephony.CallControl.Registrar;

/// <summary>A requested change of one binding: <see cref="Expires"/> 0 removes it.</summary>
public sealed record BindingChange(string ContactUri, int Expires, string CallId, long CSeq, string Transport, string SourceAddress, int SourcePort, string? UserAgent);

/// <summary>
/// The location service (RFC 3261 §10.2): a line's current contacts, read from memory and
/// written behind to CallControl's store so they survive a restart. Changes to one line are
/// serialised under that line's lock (in memory only, never across an await); lines do not
/// wait for each other, nor for the store: changed lines are queued and persisted in batches
/// at most once per <see cref="WriteBehindDelay"/> (the latest state of each line once per
/// batch, however often it re-registered meanwhile). A crash loses at most that window;
/// phones register again anyway. A graceful stop flushes the queue.
/// </summary>
public sealed class LocationService(IServiceScopeFactory scopes, TimeProvider time, RegistrationReports? reports = null)
{
    /// <summary>How long changes gather before a batch is written: one store transaction per window, not per REGISTER.</summary>
    private static readonly TimeSpan WriteBehindDelay = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<Guid, Registration[]> _byLine = new();
    private readonly ConcurrentDictionary<Guid, object> _lineLocks = new();
    private readonly System.Threading.Channels.Channel<Guid> _changedLines =
        System.Threading.Channels.Channel.CreateUnbounded<Guid>(new() { SingleReader = true });

    /// <summary>Non-expired contacts of a line.</summary>
    public IReadOnlyList<Registration> Find(Guid lineId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _byLine.TryGetValue(lineId, out var registrations) ? registrations.Where(r => r.ExpiresAt > now).ToArray() : [];
    }

    public int ActiveCount
    {
        get
        {
            var now = time.GetUtcNow().UtcDateTime;
            return _byLine.Values.Sum(list => list.Count(r => r.ExpiresAt > now));
        }
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CallControlDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await db.Registrations.AsNoTracking().Where(r => r.ExpiresAt > now).ToListAsync(cancellationToken);
        foreach (var line in stored.GroupBy(r => r.LineId))
        {
            _byLine[line.Key] = line.ToArray();
        }
    }

    /// <summary>
    /// Applies the changes of one REGISTER to a line and returns the line's contacts after it.
    /// A change carrying the Call-ID of an existing binding with an older or equal CSeq is
    /// ignored (RFC 3261 §10.3 step 7: an out-of-order REGISTER).
    /// </summary>
    public IReadOnlyList<Registration> Apply(Guid tenantId, Guid lineId, IReadOnlyList<BindingChange> changes, bool removeAll)
    {
        lock (_lineLocks.GetOrAdd(lineId, _ => new object()))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var current = Find(lineId).ToDictionary(r => r.ContactUri, StringComparer.OrdinalIgnoreCase);
            var removed = new List<string>();
            if (removeAll)
            {
                removed.AddRange(current.Keys);
                current.Clear();
            }

            foreach (var change in changes)
            {
                if (current.TryGetValue(change.ContactUri, out var existing) && existing.CallId == change.CallId && existing.CSeq >= change.CSeq)
                {
                    continue;
                }

                if (change.Expires == 0)
                {
                    if (current.Remove(change.ContactUri))
                    {
                        removed.Add(change.ContactUri);
                    }

                    continue;
                }

                current[change.ContactUri] = new Registration
                {
                    Id = existing?.Id ?? Guid.NewGuid(),
                    TenantId = tenantId,
                    LineId = lineId,
                    ContactUri = change.ContactUri,
                    CallId = change.CallId,
                    CSeq = change.CSeq,
                    ExpiresAt = now.AddSeconds(change.Expires),
                    Transport = change.Transport,
                    SourceAddress = change.SourceAddress,
                    SourcePort = change.SourcePort,
                    UserAgent = change.UserAgent,
                    RegisteredAt = now,
                };
            }

            var after = current.Values.ToArray();
            _byLine[lineId] = after;
            _changedLines.Writer.TryWrite(lineId);
            reports?.Changed(tenantId, lineId, after);
            return after;
        }
    }

    /// <summary>Deletes expired bindings from memory and from the store.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (lineId, registrations) in _byLine)
        {
            if (registrations.Any(r => r.ExpiresAt <= now))
            {
                var remaining = registrations.Where(r => r.ExpiresAt > now).ToArray();
                if (_byLine.TryUpdate(lineId, remaining, registrations))
                {
                    reports?.Changed(registrations[0].TenantId, lineId, remaining);
                }
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CallControlDbContext>();
        return await db.Registrations.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Persists changed lines in batches until stopped: after the first change, waits
    /// <see cref="WriteBehindDelay"/> for more, then writes them all. Stopping interrupts the
    /// waits, never a batch: lines taken from the queue are always written (and what is still
    /// queued is written by the final <see cref="FlushAsync"/>).
    /// </summary>
    public async Task PersistChangesAsync(CancellationToken stoppingToken)
    {
        while (await _changedLines.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(WriteBehindDelay, time, stoppingToken);
            await FlushAsync(CancellationToken.None);
        }
    }

    /// <summary>Writes the current contacts of every line changed since the last flush, in one transaction.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var lines = new HashSet<Guid>();
        while (lines.Count < 5_000 && _changedLines.Reader.TryRead(out var lineId))
        {
            lines.Add(lineId);
        }

        if (lines.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CallControlDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = lines.ToList();
        await db.Registrations.Where(r => ids.Contains(r.LineId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var lineId in ids)
        {
            // Keys are set by us and EF changes nothing on these objects; the context is short-lived.
            db.Registrations.AddRange(_byLine.GetValueOrDefault(lineId) ?? []);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
