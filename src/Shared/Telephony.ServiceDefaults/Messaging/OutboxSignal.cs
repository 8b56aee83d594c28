namespace Telephony.ServiceDefaults.Messaging;

/// <summary>
/// Wakes a background dispatcher as soon as work for it commits, instead of waiting for its
/// next poll. Each kind of work has its own subclass, so each dispatcher has its own signal.
/// </summary>
public abstract class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        if (_pending.CurrentCount == 0)
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit already woke the dispatcher.
            }
        }
    }

    public void Dispose()
    {
        _pending.Dispose();
        GC.SuppressFinalize(this);
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Wakes the outbox dispatcher when a transaction with outbox rows commits, so a configuration
/// change reaches CallControl well within its one-second budget. One per store, so a service
/// never takes the wake-up meant for another's dispatcher in the all-in-one host.
/// </summary>
public sealed class OutboxSignal<TContext> : WorkSignal
    where TContext : Microsoft.EntityFrameworkCore.DbContext;
