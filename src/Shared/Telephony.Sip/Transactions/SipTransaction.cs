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
/// What the four RFC 3261 §17 state machines share: the state, named timers on the stack's
/// <see cref="TransactionClock"/>, one lock serialising network input, user calls and timer
/// expiries, and the termination event the transaction layer uses to forget the transaction.
/// At most two timers run at once (a retransmission timer and a timeout timer, e.g. A and B,
/// G and H); each has a generation, and stopping one moves it on.
/// </summary>
public abstract class SipTransaction
{
    private readonly TransactionClock _clock;
    private int _retransmissionGeneration;
    private int _timeoutGeneration;

    protected SipTransaction(string key, SipEndPoint remote, ISipMessageSender sender, TransactionClock clock)
    {
        Key = key;
        Remote = remote;
        Sender = sender;
        _clock = clock;
    }

    /// <summary>The matching key (RFC 3261 §17.1.3 / §17.2.3).</summary>
    public string Key { get; }

    public SipEndPoint Remote { get; }

    public TransactionState State { get; private set; }

    public event Action<SipTransaction>? Terminated;

    protected object Gate { get; } = new();

    protected ISipMessageSender Sender { get; }

    protected SipTimerOptions Timers => _clock.Options;

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
    /// (Re)starts the named timer; when it fires, <see cref="OnTimer"/> runs under the lock.
    /// A zero duration (timers D, I, J, K on reliable transports) acts at once.
    /// </summary>
    protected void StartTimer(TransactionTimer name, TimeSpan due)
    {
        var generation = IsRetransmission(name) ? ++_retransmissionGeneration : ++_timeoutGeneration;
        if (due <= TimeSpan.Zero)
        {
            OnTimer(name);
            return;
        }

        _clock.Schedule(this, name, generation, due);
    }

    protected void StopTimer(TransactionTimer name)
    {
        if (IsRetransmission(name))
        {
            _retransmissionGeneration++;
        }
        else
        {
            _timeoutGeneration++;
        }
    }

    /// <summary>What the named timer does when it fires (under the lock; never after termination).</summary>
    protected abstract void OnTimer(TransactionTimer name);

    /// <summary>The clock's call: a timer came due; it acts if it was not stopped or restarted since.</summary>
    internal void Expire(TransactionTimer name, int generation)
    {
        lock (Gate)
        {
            var current = IsRetransmission(name) ? _retransmissionGeneration : _timeoutGeneration;
            if (State == TransactionState.Terminated || current != generation)
            {
                return;
            }

            StopTimer(name);
            OnTimer(name);
        }
    }

    private static bool IsRetransmission(TransactionTimer name) =>
        name is TransactionTimer.Trying or TransactionTimer.A or TransactionTimer.E or TransactionTimer.G;

    protected void Terminate()
    {
        if (State == TransactionState.Terminated)
        {
            return;
        }

        State = TransactionState.Terminated;
        _retransmissionGeneration++;
        _timeoutGeneration++;
        Terminated?.Invoke(this);
    }
}
