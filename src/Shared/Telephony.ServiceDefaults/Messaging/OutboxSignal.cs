namespace Telephony.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the dispatcher as soon as a transaction with outbox rows commits, so a configuration
/// change reaches CallControl well within its one-second budget instead of waiting for the
/// next poll.
/// </summary>
public sealed class OutboxSignal : IDisposable
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

    public void Dispose() => _pending.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
