using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

/// <summary>A client transaction: sends one request and delivers its responses (RFC 3261 §17.1).</summary>
public abstract class ClientTransaction : SipTransaction
{
    private SipRequest? _request;

    protected ClientTransaction(SipRequest request, SipEndPoint remote, ISipMessageSender sender, TransactionClock clock, IClientTransactionUser user)
        : base(KeyOf(request), remote, sender, clock)
    {
        _request = request;
        User = user;
    }

    /// <summary>The request; an INVITE transaction lets go of it once it has its final answer (retransmissions of that answer need only the key, and the ACK for a failure is built then).</summary>
    public SipRequest Request => _request ?? throw new InvalidOperationException("This transaction has its final answer; its request is no longer kept.");

    protected IClientTransactionUser User { get; private set; }

    /// <summary>
    /// The user is done with this transaction (its call ended): the transaction goes on
    /// absorbing retransmissions until its timer ends it, but reports nothing more, and so no
    /// longer keeps the user (and what it holds) alive for those 32 seconds.
    /// </summary>
    public void StopReporting()
    {
        lock (Gate)
        {
            User = Unheard.Instance;
        }
    }

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

    protected void ReleaseRequest() => _request = null;

    private sealed class Unheard : IClientTransactionUser
    {
        public static readonly Unheard Instance = new();

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
        }

        public void OnTimeout(ClientTransaction transaction)
        {
        }

        public void OnTransportError(ClientTransaction transaction)
        {
        }
    }
}

/// <summary>
/// RFC 3261 §17.1.1 with RFC 6026: Calling (Timer A retransmits over UDP, doubling from T1;
/// Timer B gives up after 64·T1), Proceeding, Completed (ACK for 300-699, Timer D absorbs
/// retransmissions), Accepted (2xx retransmissions go to the TU until Timer M), Terminated.
/// </summary>
public sealed class ClientInviteTransaction(SipRequest invite, SipEndPoint remote, ISipMessageSender sender, TransactionClock clock, IClientTransactionUser user)
    : ClientTransaction(invite, remote, sender, clock, user)
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
                StartTimer(TransactionTimer.A, _intervalA);
            }

            StartTimer(TransactionTimer.B, Timers.TransactionTimeout);
        }
    }

    public override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Calling or TransactionState.Proceeding when response.IsProvisional:
                    StopTimer(TransactionTimer.A);
                    StopTimer(TransactionTimer.B);
                    Enter(TransactionState.Proceeding);
                    User.OnResponse(this, response);
                    break;
                case TransactionState.Calling or TransactionState.Proceeding when response.StatusClass == 2:
                    StopTimer(TransactionTimer.A);
                    StopTimer(TransactionTimer.B);
                    Enter(TransactionState.Accepted);
                    ReleaseRequest();
                    StartTimer(TransactionTimer.M, Timers.TransactionTimeout);
                    User.OnResponse(this, response);
                    break;
                case TransactionState.Calling or TransactionState.Proceeding:
                    StopTimer(TransactionTimer.A);
                    StopTimer(TransactionTimer.B);
                    _ack = AckFor(response);
                    Send(_ack);
                    ReleaseRequest();
                    Enter(TransactionState.Completed);
                    StartTimer(TransactionTimer.D, Unreliable ? Timers.TimerD : TimeSpan.Zero);
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

    protected override void OnTimer(TransactionTimer name)
    {
        switch (name)
        {
            case TransactionTimer.A when State == TransactionState.Calling:
                Send(Request);
                _intervalA *= 2;
                StartTimer(TransactionTimer.A, _intervalA);
                break;
            case TransactionTimer.B:
                User.OnTimeout(this);
                Terminate();
                break;
            case TransactionTimer.D or TransactionTimer.M:
                Terminate();
                break;
        }
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
public sealed class ClientNonInviteTransaction(SipRequest request, SipEndPoint remote, ISipMessageSender sender, TransactionClock clock, IClientTransactionUser user)
    : ClientTransaction(request, remote, sender, clock, user)
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
                StartTimer(TransactionTimer.E, _intervalE);
            }

            StartTimer(TransactionTimer.F, Timers.TransactionTimeout);
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

            StopTimer(TransactionTimer.E);
            StopTimer(TransactionTimer.F);
            Enter(TransactionState.Completed);
            StartTimer(TransactionTimer.K, Unreliable ? Timers.T4 : TimeSpan.Zero);
            User.OnResponse(this, response);
        }
    }

    protected override void OnTimer(TransactionTimer name)
    {
        switch (name)
        {
            case TransactionTimer.E:
                Send(Request);
                _intervalE = State == TransactionState.Proceeding ? Timers.T2 : TimeSpan.FromTicks(Math.Min((_intervalE * 2).Ticks, Timers.T2.Ticks));
                StartTimer(TransactionTimer.E, _intervalE);
                break;
            case TransactionTimer.F:
                User.OnTimeout(this);
                Terminate();
                break;
            case TransactionTimer.K:
                Terminate();
                break;
        }
    }
}
