using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

/// <summary>A client transaction: sends one request and delivers its responses (RFC 3261 §17.1).</summary>
public abstract class ClientTransaction : SipTransaction
{
    protected ClientTransaction(SipRequest request, SipEndPoint remote, ISipMessageSender sender, TimeProvider time, SipTimerOptions timers, IClientTransactionUser user)
        : base(KeyOf(request), remote, sender, time, timers)
    {
        Request = request;
        User = user;
    }

    public SipRequest Request { get; }

    protected IClientTransactionUser User { get; }

    /// <summary>Sends the request and starts the timers.</summary>
    public abstract void Start();

    /// <summary>A response whose top Via branch and CSeq method match this transaction (§17.1.3).</summary>
    public abstract void OnResponse(SipResponse response);

    /// <summary>Client transactions are keyed by the branch of the Via they inserted and the CSeq method.</summary>
    public static string KeyOf(SipRequest request)
    {
        var method = request.Method == SipMethod.Ack ? SipMethod.Invite : request.Method;
        return $"c|{request.TopVia?.Branch}|{method}";
    }

    public static string KeyOf(SipResponse response) => $"c|{response.TopVia?.Branch}|{response.CSeq?.Method}";

    protected override void TransportFailed() => User.OnTransportError(this);
}

/// <summary>
/// RFC 3261 §17.1.1 with RFC 6026: Calling (Timer A retransmits over UDP, doubling from T1;
/// Timer B gives up after 64·T1), Proceeding, Completed (ACK for 300-699, Timer D absorbs
/// retransmissions), Accepted (2xx retransmissions go to the TU until Timer M), Terminated.
/// </summary>
public sealed class ClientInviteTransaction(SipRequest invite, SipEndPoint remote, ISipMessageSender sender, TimeProvider time, SipTimerOptions timers, IClientTransactionUser user)
    : ClientTransaction(invite, remote, sender, time, timers, user)
{
    private TimeSpan _intervalA;
    private SipRequest? _ack;

    public override void Start()
    {
        lock (Gate)
        {
            Enter(TransactionState.Calling);
            Send(Request);
            if (Unreliable)
            {
                _intervalA = Timers.T1;
                StartTimer("A", _intervalA, RetransmitInvite);
            }

            StartTimer("B", Timers.TransactionTimeout, () =>
            {
                User.OnTimeout(this);
                Terminate();
            });
        }
    }

    public override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Calling or TransactionState.Proceeding when response.IsProvisional:
                    StopTimer("A");
                    StopTimer("B");
                    Enter(TransactionState.Proceeding);
                    User.OnResponse(this, response);
                    break;
                case TransactionState.Calling or TransactionState.Proceeding when response.StatusClass == 2:
                    StopTimer("A");
                    StopTimer("B");
                    Enter(TransactionState.Accepted);
                    StartTimer("M", Timers.TransactionTimeout, Terminate);
                    User.OnResponse(this, response);
                    break;
                case TransactionState.Calling or TransactionState.Proceeding:
                    StopTimer("A");
                    StopTimer("B");
                    _ack = AckFor(response);
                    Send(_ack);
                    Enter(TransactionState.Completed);
                    StartTimer("D", Unreliable ? Timers.TimerD : TimeSpan.Zero, Terminate);
                    User.OnResponse(this, response);
                    break;
                case TransactionState.Accepted when response.StatusClass == 2:
                    User.OnResponse(this, response);
                    break;
                case TransactionState.Completed when response.StatusCode >= 300:
                    Send(_ack!);
                    break;
            }
        }
    }

    private void RetransmitInvite()
    {
        if (State != TransactionState.Calling)
        {
            return;
        }

        Send(Request);
        _intervalA *= 2;
        StartTimer("A", _intervalA, RetransmitInvite);
    }

    /// <summary>The ACK for a non-2xx final response (§17.1.1.3): same branch, the response's To.</summary>
    private SipRequest AckFor(SipResponse response)
    {
        var ack = new SipRequest(SipMethod.Ack, Request.RequestUri);
        ack.Headers.Add(SipHeaderNames.Via, Request.Vias[0]);
        foreach (var route in Request.Headers.Values(SipHeaderNames.Route))
        {
            ack.Headers.Add(SipHeaderNames.Route, route);
        }

        ack.Headers.Add(SipHeaderNames.MaxForwards, "70");
        ack.Headers.Add(SipHeaderNames.From, Request.Headers[SipHeaderNames.From]!);
        ack.Headers.Add(SipHeaderNames.To, response.Headers[SipHeaderNames.To]!);
        ack.Headers.Add(SipHeaderNames.CallId, Request.CallId!);
        ack.Headers.Add(SipHeaderNames.CSeq, new CSeqHeader(Request.CSeq!.Value.Number, SipMethod.Ack).ToString());
        return ack;
    }
}

/// <summary>
/// RFC 3261 §17.1.2: Trying (Timer E retransmits over UDP, doubling from T1 up to T2; Timer F
/// gives up after 64·T1), Proceeding (E every T2), Completed (Timer K absorbs retransmitted
/// responses for T4 over UDP), Terminated.
/// </summary>
public sealed class ClientNonInviteTransaction(SipRequest request, SipEndPoint remote, ISipMessageSender sender, TimeProvider time, SipTimerOptions timers, IClientTransactionUser user)
    : ClientTransaction(request, remote, sender, time, timers, user)
{
    private TimeSpan _intervalE;

    public override void Start()
    {
        lock (Gate)
        {
            Enter(TransactionState.Trying);
            Send(Request);
            if (Unreliable)
            {
                _intervalE = Timers.T1;
                StartTimer("E", _intervalE, Retransmit);
            }

            StartTimer("F", Timers.TransactionTimeout, () =>
            {
                User.OnTimeout(this);
                Terminate();
            });
        }
    }

    public override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return; // Completed absorbs retransmitted finals
            }

            if (response.IsProvisional)
            {
                Enter(TransactionState.Proceeding);
                User.OnResponse(this, response);
                return;
            }

            StopTimer("E");
            StopTimer("F");
            Enter(TransactionState.Completed);
            StartTimer("K", Unreliable ? Timers.T4 : TimeSpan.Zero, Terminate);
            User.OnResponse(this, response);
        }
    }

    private void Retransmit()
    {
        Send(Request);
        _intervalE = State == TransactionState.Proceeding ? Timers.T2 : TimeSpan.FromTicks(Math.Min((_intervalE * 2).Ticks, Timers.T2.Ticks));
        StartTimer("E", _intervalE, Retransmit);
    }
}
