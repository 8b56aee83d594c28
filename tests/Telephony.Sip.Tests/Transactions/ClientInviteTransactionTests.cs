using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using static Telephony.Sip.Tests.Transactions.TransactionHarness;

namespace Telephony.Sip.Tests.Transactions;

[Trait("Rfc", "3261-17.1.1")]
public sealed class ClientInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    [Fact]
    public void Start_OverUdpWithNoAnswer_RetransmitsByTimerAThenTimesOutByTimerB()
    {
        var tx = _h.Track(new ClientInviteTransaction(Request(SipMethod.Invite), Udp, _h, _h.Clock, _h));

        tx.Start();
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        // Timer A: T1, 2·T1, 4·T1 ... (no cap for INVITE); Timer B: 64·T1 = 32 s.
        Assert.Equal([0d, 500, 1500, 3500, 7500, 15500, 31500], _h.SendTimesMs);
        Assert.Equal([TimeSpan.FromSeconds(32)], _h.TimedOut);
        Assert.Equal([TimeSpan.FromSeconds(32)], _h.TerminatedAt);
    }

    [Fact]
    public void Start_OverTcpWithNoAnswer_SendsOnceAndTimesOutAt64T1()
    {
        var tx = _h.Track(new ClientInviteTransaction(Request(SipMethod.Invite), Tcp, _h, _h.Clock, _h));

        tx.Start();
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        Assert.Equal([0d], _h.SendTimesMs);
        Assert.Equal([TimeSpan.FromSeconds(32)], _h.TimedOut);
    }

    [Fact]
    public void Provisional_StopsRetransmissionsAndTimerB()
    {
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ClientInviteTransaction(invite, Udp, _h, _h.Clock, _h));
        tx.Start();
        _h.Time.AdvanceTo(TimeSpan.FromMilliseconds(700));

        tx.OnResponse(Response(invite, 180));
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(120));

        Assert.Equal([0d, 500], _h.SendTimesMs);
        Assert.Empty(_h.TimedOut);
        Assert.Equal(TransactionState.Proceeding, tx.State);
        Assert.Equal(180, Assert.Single(_h.Delivered).StatusCode);
    }

    [Fact]
    public void FinalFailure_IsAcknowledgedOnTheSameBranch_AndRetransmissionsReAcknowledgedUntilTimerD()
    {
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ClientInviteTransaction(invite, Udp, _h, _h.Clock, _h));
        tx.Start();
        _h.Time.AdvanceTo(TimeSpan.FromMilliseconds(100));
        var busy = Response(invite, 486);

        tx.OnResponse(busy);
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(5));
        tx.OnResponse(busy);
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        var acks = _h.Sent.Skip(1).Select(s => Assert.IsType<SipRequest>(s.Message)).ToList();
        Assert.Equal(2, acks.Count);
        var ack = acks[0];
        Assert.Equal(SipMethod.Ack, ack.Method);
        Assert.Equal(invite.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Equal("to1", ack.To!.Tag);
        Assert.Equal(new CSeqHeader(7, SipMethod.Ack), ack.CSeq);
        Assert.Equal(invite.RequestUri.ToString(), ack.RequestUri.ToString());
        Assert.Equal(486, Assert.Single(_h.Delivered).StatusCode);
        Assert.Equal([TimeSpan.FromMilliseconds(100) + TimeSpan.FromSeconds(32)], _h.TerminatedAt);
    }

    [Fact]
    public void FinalFailure_OverTcp_TerminatesAtOnce()
    {
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ClientInviteTransaction(invite, Tcp, _h, _h.Clock, _h));
        tx.Start();

        tx.OnResponse(Response(invite, 404));

        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal([TimeSpan.Zero], _h.TerminatedAt);
    }

    [Fact]
    [Trait("Rfc", "6026-8.4")]
    public void Success_EntersAccepted_PassesRetransmitted2xxToTheUser_AndEndsAfterTimerM()
    {
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ClientInviteTransaction(invite, Udp, _h, _h.Clock, _h));
        tx.Start();
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(1));
        var ok = Response(invite, 200);

        tx.OnResponse(ok);
        Assert.Equal(TransactionState.Accepted, tx.State);
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(2));
        tx.OnResponse(ok);
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(60));

        Assert.Equal([200, 200], _h.Delivered.Select(r => r.StatusCode));
        Assert.Equal([0d, 500], _h.SendTimesMs); // the ACK for a 2xx is the TU's, not the transaction's
        Assert.Equal([TimeSpan.FromSeconds(33)], _h.TerminatedAt);
    }

    [Fact]
    public void TransportError_TerminatesTheTransaction()
    {
        var tx = _h.Track(new ClientInviteTransaction(Request(SipMethod.Invite), Udp, _h, _h.Clock, _h));
        tx.Start();

        tx.OnTransportError();
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        Assert.Equal([0d], _h.SendTimesMs);
        Assert.Equal([TimeSpan.Zero], _h.TerminatedAt);
    }
}
