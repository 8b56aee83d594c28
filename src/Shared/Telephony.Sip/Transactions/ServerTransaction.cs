using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

/// <summary>A server transaction: receives one request and sends its responses (RFC 3261 §17.2).</summary>
public abstract class ServerTransaction : SipTransaction
{
    private SipRequest? _request;

    /// <summary>The last response sent, as sent: resent when the request is retransmitted.</summary>
    private byte[]? _lastResponse;

    protected ServerTransaction(SipRequest request, SipEndPoint remote, ISipMessageSender sender, TimeProvider time, SipTimerOptions timers, IServerTransactionUser user)
        : base(KeyOf(request), remote, sender, time, timers)
    {
        _request = request;
        User = user;
    }

    /// <summary>The request; a non-INVITE transaction lets go of it once answered (only the answer's bytes are kept to absorb retransmissions).</summary>
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

    public ServerInviteTransaction(SipRequest invite, SipEndPoint remote, ISipMessageSender sender, TimeProvider time, SipTimerOptions timers, IServerTransactionUser user)
        : base(invite, remote, sender, time, timers, user)
    {
        lock (Gate)
        {
            Enter(TransactionState.Proceeding);
            StartTimer("Trying", timers.TryingDelay, () =>
            {
                if (!HasResponded)
                {
                    SendAndRemember(SipResponse.For(Request, 100));
                }
            });
        }
    }

    public override void SendResponse(SipResponse response)
    {
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Proceeding when response.IsProvisional:
                    StopTimer("Trying");
                    SendAndRemember(response);
                    break;
                case TransactionState.Proceeding when response.StatusClass == 2:
                    StopTimer("Trying");
                    SendAndRemember(response);
                    Enter(TransactionState.Accepted);
                    StartTimer("L", Timers.TransactionTimeout, Terminate);
                    break;
                case TransactionState.Proceeding:
                    StopTimer("Trying");
                    SendAndRemember(response);
                    Enter(TransactionState.Completed);
                    if (Unreliable)
                    {
                        _intervalG = Timers.T1;
                        StartTimer("G", _intervalG, RetransmitFinal);
                    }

                    StartTimer("H", Timers.TransactionTimeout, () =>
                    {
                        User.OnTimeout(this);
                        Terminate();
                    });
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
                    StopTimer("G");
                    StopTimer("H");
                    Enter(TransactionState.Confirmed);
                    StartTimer("I", Unreliable ? Timers.T4 : TimeSpan.Zero, Terminate);
                }

                return;
            }

            if (State is TransactionState.Proceeding or TransactionState.Completed && HasResponded)
            {
                ResendLast();
            }
        }
    }

    private void RetransmitFinal()
    {
        ResendLast();
        _intervalG = TimeSpan.FromTicks(Math.Min((_intervalG * 2).Ticks, Timers.T2.Ticks));
        StartTimer("G", _intervalG, RetransmitFinal);
    }
}

/// <summary>
/// RFC 3261 §17.2.2: Trying, Proceeding (retransmitted requests get the last provisional
/// again), Completed (the final response is resent on each retransmission until Timer J,
/// 64·T1 over UDP), Terminated.
/// </summary>
public sealed class ServerNonInviteTransaction : ServerTransaction
{
    public ServerNonInviteTransaction(SipRequest request, SipEndPoint remote, ISipMessageSender sender, TimeProvider time, SipTimerOptions timers, IServerTransactionUser user)
        : base(request, remote, sender, time, timers, user)
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
            StartTimer("J", Unreliable ? Timers.TransactionTimeout : TimeSpan.Zero, Terminate);
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
