namespace Telephony.Sip.Transactions;

/// <summary>The RFC 3261 §17 timers, by name (Trying is §17.2.1's 200 ms before the transaction answers 100 itself).</summary>
public enum TransactionTimer : byte
{
    Trying,
    A,
    B,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
}

/// <summary>
/// Every transaction timer of a stack on one clock: a queue of deadlines ordered by time (then
/// by when they were set) and one <see cref="ITimer"/> armed for the earliest. A transaction in
/// an absorbing state (Timers J, L, M: 32 s) then costs one queue entry, not a timer object, its
/// callback and captured context each, which at thousands of requests per second is what the
/// garbage collector would otherwise carry and promote. A stopped timer is not searched out of
/// the queue: its entry is ignored when it comes due (the transaction's generation moved on).
/// </summary>
public sealed class TransactionClock : IDisposable
{
    private readonly PriorityQueue<Entry, (long Due, long Order)> _queue = new();
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private long _armedFor = long.MaxValue;
    private long _order;

    public TransactionClock(TimeProvider time, SipTimerOptions options)
    {
        _time = time;
        Options = options;
        // The one timer must not capture the execution context (and its logging scopes) of
        // whichever transaction happened to create it.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public SipTimerOptions Options { get; }

    /// <summary>Live entries, stopped ones included until they come due.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    internal void Schedule(SipTransaction transaction, TransactionTimer name, int generation, TimeSpan due)
    {
        var at = _time.GetTimestamp() + (long)(due.Ticks * (_time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
        lock (_gate)
        {
            _queue.Enqueue(new Entry(transaction, name, generation), (at, _order++));
            if (at < _armedFor)
            {
                Arm(at);
            }
        }
    }

    /// <summary>
    /// Takes what is due under the clock's lock and expires it outside (a transaction holding its
    /// own lock may be scheduling meanwhile), in deadline order, until nothing more is due.
    /// </summary>
    private void Fire()
    {
        while (true)
        {
            List<Entry>? due = null;
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                while (_queue.TryPeek(out var entry, out var when) && when.Due <= now)
                {
                    _queue.Dequeue();
                    (due ??= []).Add(entry);
                }

                if (due is null)
                {
                    _armedFor = long.MaxValue;
                    if (_queue.TryPeek(out _, out var next))
                    {
                        Arm(next.Due);
                    }

                    return;
                }
            }

            foreach (var entry in due)
            {
                entry.Transaction.Expire(entry.Name, entry.Generation);
            }
        }
    }

    /// <summary>
    /// Arms the timer for <paramref name="at"/>, rounded up to whole milliseconds: system timers
    /// count milliseconds, and a shorter wait would fire early and spin until the deadline.
    /// </summary>
    private void Arm(long at)
    {
        _armedFor = at;
        var milliseconds = Math.Ceiling((at - _time.GetTimestamp()) * 1000.0 / _time.TimestampFrequency);
        _timer.Change(TimeSpan.FromMilliseconds(Math.Max(milliseconds, 0)), Timeout.InfiniteTimeSpan);
    }

    private readonly record struct Entry(SipTransaction Transaction, TransactionTimer Name, int Generation);
}
