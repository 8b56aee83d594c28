using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

/// <summary>A server transaction: receives one request and sends its responses (RFC 3261 §17.2).</summary>
public abstract class ServerTransaction : SipTransaction
{
    private SipRequest? _request;

    /// <summary>The last response sent, as sent: resent when the request is retransmitted.</summary>
    private byte[]? _lastResponse;

    protected ServerTransaction(SipRequest request, SipEndPoint remote, ISipMessageSender sender, TransactionClock clock, IServerTransactionUser user)
        : base(KeyOf(request), remote, sender, clock)
    {
        _request = request;
        User = user;
    }

    /// <summary>
    /// The request; a non-INVITE transaction lets go of it once answered, an INVITE one once
    /// answered 2xx (what absorbs retransmissions then is the key and the last answer's bytes).
    /// </summary>
    public SipRequest Request => _request ?? throw new InvalidOperationException("This transaction has been answered; its request is no longer kept.");

    protected bool HasResponded => _lastResponse is not null;

    protected IServerTransactionUser User { get; }

    /// <summary>The TU answers the request. Responses after a final one are ignored, except 2xx retransmissions to an INVITE.</summary>
    public abstract void SendResponse(SipResponse response);

    /// <summary>A retransmission of the request (or, for INVITE, its ACK) arrived from the network.</summary>
    public abstract void OnRequest(SipRequest request);

    /// <summary>
    /// Server transactions are keyed by top Via branch, sent-by and method, ACK and INVITE
    /// sharing one (§17.2.3). A request without the RFC 3261 cookie (an RFC 2543 peer) is keyed
    /// by what identifies its transaction there: Request-URI, From tag, Call-ID, CSeq, top Via.
    /// </summary>
    public static string KeyOf(SipRequest request)
    {
        var via = request.TopVia;
        var method = request.Method == SipMethod.Ack ? SipMethod.Invite : request.Method;
        if (via?.Branch is { } branch && branch.StartsWith(ViaHeader.BranchCookie, StringComparison.Ordinal))
        {
            return $"s|{branch}|{via.Host}:{via.Port}|{method}";
        }

        return $"s2543|{request.RequestUri}|{request.From?.Tag}|{request.CallId}|{request.CSeq?.Number}|{method}|{(request.Vias is { Count: > 0 } vias ? vias[0] : "")}";
    }

    /// <summary>Sends <paramref name="response"/> and keeps its bytes for retransmissions.</summary>
    protected void SendAndRemember(SipResponse response)
    {
        _lastResponse = response.ToBytes();
        Send(_lastResponse);
    }

    protected void ResendLast() => Send(_lastResponse!);

    /// <summary>What stays for the retransmission-absorbing state is the last response's bytes and the key.</summary>
    protected void ReleaseRequest() => _request = null;

    protected override void TransportFailed() => User.OnTransportError(this);
}

/// <summary>
/// RFC 3261 §17.2.1 with RFC 6026: Proceeding (100 Trying sent by the transaction if the TU
/// stays silent for 200 ms), Completed after 300-699 (Timer G retransmits over UDP, doubling
/// from T1 up to T2; Timer H waits 64·T1 for the ACK), Confirmed (Timer I absorbs ACKs for
/// T4), Accepted after a 2xx (Timer L absorbs INVITE retransmissions; the TU retransmits the
/// 2xx itself, §13.3.1.4), Terminated.
/// </summary>
public sealed class ServerInviteTransaction : ServerTransaction
{
    private TimeSpan _intervalG;

    public ServerInviteTransaction(SipRequest invite, SipEndPoint remote, ISipMessageSender sender, TransactionClock clock, IServerTransactionUser user)
        : base(invite, remote, sender, clock, user)
    {
        lock (Gate)
        {
            Enter(TransactionState.Proceeding);
            StartTimer(TransactionTimer.Trying, Timers.TryingDelay);
        }
    }

    public override void SendResponse(SipResponse response)
    {
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Proceeding when response.IsProvisional:
                    StopTimer(TransactionTimer.Trying);
                    SendAndRemember(response);
                    break;
                case TransactionState.Proceeding when response.StatusClass == 2:
                    StopTimer(TransactionTimer.Trying);
                    SendAndRemember(response);
                    Enter(TransactionState.Accepted);
                    ReleaseRequest();
                    StartTimer(TransactionTimer.L, Timers.TransactionTimeout);
                    break;
                case TransactionState.Proceeding:
                    StopTimer(TransactionTimer.Trying);
                    SendAndRemember(response);
                    Enter(TransactionState.Completed);
                    if (Unreliable)
                    {
                        _intervalG = Timers.T1;
                        StartTimer(TransactionTimer.G, _intervalG);
                    }

                    StartTimer(TransactionTimer.H, Timers.TransactionTimeout);
                    break;
                case TransactionState.Accepted when response.StatusClass == 2:
                    SendAndRemember(response);
                    break;
            }
        }
    }

    public override void OnRequest(SipRequest request)
    {
        lock (Gate)
        {
            if (request.Method == SipMethod.Ack)
            {
                if (State == TransactionState.Completed)
                {
                    StopTimer(TransactionTimer.G);
                    StopTimer(TransactionTimer.H);
                    Enter(TransactionState.Confirmed);
                    StartTimer(TransactionTimer.I, Unreliable ? Timers.T4 : TimeSpan.Zero);
                }

                return;
            }

            if (State is TransactionState.Proceeding or TransactionState.Completed && HasResponded)
            {
                ResendLast();
            }
        }
    }

    protected override void OnTimer(TransactionTimer name)
    {
        switch (name)
        {
            case TransactionTimer.Trying when !HasResponded:
                SendAndRemember(SipResponse.For(Request, 100));
                break;
            case TransactionTimer.G:
                ResendLast();
                _intervalG = TimeSpan.FromTicks(Math.Min((_intervalG * 2).Ticks, Timers.T2.Ticks));
                StartTimer(TransactionTimer.G, _intervalG);
                break;
            case TransactionTimer.H:
                User.OnTimeout(this);
                Terminate();
                break;
            case TransactionTimer.I or TransactionTimer.L:
                Terminate();
                break;
        }
    }
}

/// <summary>
/// RFC 3261 §17.2.2: Trying, Proceeding (retransmitted requests get the last provisional
/// again), Completed (the final response is resent on each retransmission until Timer J,
/// 64·T1 over UDP), Terminated.
/// </summary>
public sealed class ServerNonInviteTransaction : ServerTransaction
{
    public ServerNonInviteTransaction(SipRequest request, SipEndPoint remote, ISipMessageSender sender, TransactionClock clock, IServerTransactionUser user)
        : base(request, remote, sender, clock, user)
    {
        lock (Gate)
        {
            Enter(TransactionState.Trying);
        }
    }

    public override void SendResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return;
            }

            SendAndRemember(response);
            if (response.IsProvisional)
            {
                Enter(TransactionState.Proceeding);
                return;
            }

            Enter(TransactionState.Completed);
            ReleaseRequest();
            StartTimer(TransactionTimer.J, Unreliable ? Timers.TransactionTimeout : TimeSpan.Zero);
        }
    }

    protected override void OnTimer(TransactionTimer name)
    {
        if (name == TransactionTimer.J)
        {
            Terminate();
        }
    }

    public override void OnRequest(SipRequest request)
    {
        lock (Gate)
        {
            if (State is TransactionState.Proceeding or TransactionState.Completed)
            {
                ResendLast();
            }
        }
    }
}
