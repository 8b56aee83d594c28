using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

public enum TransactionState
{
    Calling,
    Trying,
    Proceeding,
    Completed,
    Confirmed,

    /// <summary>RFC 6026: after a 2xx to an INVITE, absorbing retransmissions.</summary>
    Accepted,
    Terminated,
}

/// <summary>
/// What the four RFC 3261 §17 state machines share: the state, named timers on the injected
/// <see cref="TimeProvider"/>, one lock serialising network input, user calls and timer
/// expiries, and the termination event the transaction layer uses to forget the transaction.
/// </summary>
public abstract class SipTransaction
{
    private readonly Dictionary<string, ITimer> _timers = new(StringComparer.Ordinal);

    protected SipTransaction(string key, SipEndPoint remote, ISipMessageSender sender, TimeProvider time, SipTimerOptions timers)
    {
        Key = key;
        Remote = remote;
        Sender = sender;
        Time = time;
        Timers = timers;
    }

    /// <summary>The matching key (RFC 3261 §17.1.3 / §17.2.3).</summary>
    public string Key { get; }

    public SipEndPoint Remote { get; }

    public TransactionState State { get; private set; }

    public event Action<SipTransaction>? Terminated;

    protected object Gate { get; } = new();

    protected ISipMessageSender Sender { get; }

    protected TimeProvider Time { get; }

    protected SipTimerOptions Timers { get; }

    protected bool Unreliable => !Remote.IsReliable;

    /// <summary>The transport reported that a message of this transaction could not be sent (§17.1.4, §17.2.4).</summary>
    public void OnTransportError()
    {
        lock (Gate)
        {
            if (State != TransactionState.Terminated)
            {
                TransportFailed();
                Terminate();
            }
        }
    }

    protected abstract void TransportFailed();

    protected void Enter(TransactionState state) => State = state;

    protected void Send(SipMessage message) => Sender.Send(message, Remote);

    protected void Send(byte[] message) => Sender.Send(message, Remote);

    /// <summary>
    /// (Re)starts the named timer; when it fires, <paramref name="onFire"/> runs under the lock.
    /// A zero duration (timers D, I, J, K on reliable transports) acts at once.
    /// </summary>
    protected void StartTimer(string name, TimeSpan due, Action onFire)
    {
        StopTimer(name);
        if (due <= TimeSpan.Zero)
        {
            onFire();
            return;
        }

        ITimer? timer = null;
        timer = Time.CreateTimer(
            _ =>
            {
                lock (Gate)
                {
                    // A timer stopped or replaced after its expiry was queued must not act.
                    if (_timers.TryGetValue(name, out var current) && ReferenceEquals(current, timer) && State != TransactionState.Terminated)
                    {
                        _timers.Remove(name);
                        onFire();
                    }
                }
            },
            null,
            due,
            Timeout.InfiniteTimeSpan);
        _timers[name] = timer;
    }

    protected void StopTimer(string name)
    {
        if (_timers.Remove(name, out var timer))
        {
            timer.Dispose();
        }
    }

    protected void Terminate()
    {
        if (State == TransactionState.Terminated)
        {
            return;
        }

        State = TransactionState.Terminated;
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
        Terminated?.Invoke(this);
    }
}
