using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using static Telephony.Sip.Tests.Transactions.TransactionHarness;

namespace Telephony.Sip.Tests.Transactions;

[Trait("Rfc", "3261-17.2.1")]
public sealed class ServerInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    [Fact]
    public void SilentUser_GetsA100TryingSentAfter200Milliseconds()
    {
        _h.Track(new ServerInviteTransaction(Request(SipMethod.Invite), Udp, _h, _h.Clock, _h));

        _h.Time.AdvanceTo(TimeSpan.FromSeconds(1));

        var (at, message) = Assert.Single(_h.Sent);
        Assert.Equal(TimeSpan.FromMilliseconds(200), at);
        Assert.Equal(100, Assert.IsType<SipResponse>(message).StatusCode);
    }

    [Fact]
    public void ProvisionalFromUser_SuppressesThe100_AndIsResentOnRetransmittedInvite()
    {
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ServerInviteTransaction(invite, Udp, _h, _h.Clock, _h));
        _h.Time.AdvanceTo(TimeSpan.FromMilliseconds(50));

        tx.SendResponse(Response(invite, 180));
        _h.Time.AdvanceTo(TimeSpan.FromMilliseconds(500));
        tx.OnRequest(invite);

        Assert.Equal([50d, 500], _h.SendTimesMs);
        Assert.All(_h.Sent, s => Assert.Equal(180, ((SipResponse)s.Message).StatusCode));
    }

    [Fact]
    public void FailureOverUdpWithoutAck_RetransmitsByTimerGCappedAtT2_ThenTimerHTimesOut()
    {
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ServerInviteTransaction(invite, Udp, _h, _h.Clock, _h));

        tx.SendResponse(Response(invite, 486));
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        Assert.Equal([0d, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], _h.SendTimesMs);
        Assert.Equal([TimeSpan.FromSeconds(32)], _h.TimedOut);
        Assert.Equal([TimeSpan.FromSeconds(32)], _h.TerminatedAt);
    }

    [Fact]
    public void FailureThenAck_StopsRetransmissions_AndTimerIEndsTheTransactionAfterT4()
    {
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ServerInviteTransaction(invite, Udp, _h, _h.Clock, _h));
        tx.SendResponse(Response(invite, 486));
        _h.Time.AdvanceTo(TimeSpan.FromMilliseconds(1000));

        tx.OnRequest(Request(SipMethod.Ack));
        Assert.Equal(TransactionState.Confirmed, tx.State);
        tx.OnRequest(Request(SipMethod.Ack));
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        Assert.Equal([0d, 500], _h.SendTimesMs);
        Assert.Empty(_h.TimedOut);
        Assert.Equal([TimeSpan.FromSeconds(6)], _h.TerminatedAt);
    }

    [Fact]
    public void FailureOverTcp_IsNotRetransmitted_AndAckEndsAtOnce()
    {
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ServerInviteTransaction(invite, Tcp, _h, _h.Clock, _h));
        tx.SendResponse(Response(invite, 603));
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(2));

        tx.OnRequest(Request(SipMethod.Ack));

        Assert.Equal([0d], _h.SendTimesMs);
        Assert.Equal([TimeSpan.FromSeconds(2)], _h.TerminatedAt);
    }

    [Fact]
    [Trait("Rfc", "6026-7.1")]
    public void Success_EntersAccepted_AbsorbsInviteRetransmissions_SendsUser2xxRetransmissions_EndsAfterTimerL()
    {
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ServerInviteTransaction(invite, Udp, _h, _h.Clock, _h));
        var ok = Response(invite, 200);

        tx.SendResponse(ok);
        _h.Time.AdvanceTo(TimeSpan.FromMilliseconds(500));
        tx.OnRequest(invite);
        tx.SendResponse(ok);
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        Assert.Equal([0d, 500], _h.SendTimesMs);
        Assert.Equal([TimeSpan.FromSeconds(32)], _h.TerminatedAt);
    }
}

[Trait("Rfc", "3261-17.2.2")]
public sealed class ServerNonInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    [Fact]
    public void RetransmissionBeforeAnyResponse_IsAbsorbed()
    {
        var request = Request(SipMethod.Register);
        var tx = new ServerNonInviteTransaction(request, Udp, _h, _h.Clock, _h);

        tx.OnRequest(request);

        Assert.Empty(_h.Sent);
    }

    [Fact]
    public void Final_IsResentForEachRetransmission_UntilTimerJ()
    {
        var request = Request(SipMethod.Register);
        var tx = _h.Track(new ServerNonInviteTransaction(request, Udp, _h, _h.Clock, _h));
        tx.SendResponse(Response(request, 200));
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(3));

        tx.OnRequest(request);
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));
        tx.OnRequest(request);

        Assert.Equal([0d, 3000], _h.SendTimesMs);
        Assert.Equal([TimeSpan.FromSeconds(32)], _h.TerminatedAt);
    }

    [Fact]
    public void Final_OverTcp_TerminatesAtOnce_AndLaterResponsesAreIgnored()
    {
        var request = Request(SipMethod.Options);
        var tx = _h.Track(new ServerNonInviteTransaction(request, Tcp, _h, _h.Clock, _h));

        tx.SendResponse(Response(request, 200));
        tx.SendResponse(Response(request, 500));

        Assert.Single(_h.Sent);
        Assert.Equal([TimeSpan.Zero], _h.TerminatedAt);
    }

    [Fact]
    public void ProvisionalThenRetransmission_ResendsTheProvisional()
    {
        var request = Request(SipMethod.Subscribe);
        var tx = new ServerNonInviteTransaction(request, Udp, _h, _h.Clock, _h);
        tx.SendResponse(Response(request, 100, toTag: null));

        tx.OnRequest(request);

        Assert.Equal([100, 100], _h.Sent.Select(s => ((SipResponse)s.Message).StatusCode));
    }
}

public sealed class TransactionKeyTests
{
    [Fact]
    [Trait("Rfc", "3261-17.2.3")]
    public void AckAndInvite_ShareTheServerTransaction_CancelDoesNot()
    {
        var invite = Request(SipMethod.Invite);

        Assert.Equal(ServerTransaction.KeyOf(invite), ServerTransaction.KeyOf(Request(SipMethod.Ack)));
        Assert.NotEqual(ServerTransaction.KeyOf(invite), ServerTransaction.KeyOf(Request(SipMethod.Cancel)));
        Assert.NotEqual(ServerTransaction.KeyOf(invite), ServerTransaction.KeyOf(Request(SipMethod.Invite, branch: "z9hG4bKother")));
    }

    [Fact]
    [Trait("Rfc", "3261-17.1.3")]
    public void Response_MatchesItsClientTransactionByBranchAndMethod()
    {
        var register = Request(SipMethod.Register);

        Assert.Equal(ClientTransaction.KeyOf(register), ClientTransaction.KeyOf(Response(register, 200)));
        Assert.NotEqual(ClientTransaction.KeyOf(Request(SipMethod.Invite)), ClientTransaction.KeyOf(Response(register, 200)));
    }
}
