using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using static Telephony.Sip.Tests.Transactions.TransactionHarness;

namespace Telephony.Sip.Tests.Transactions;

public sealed class TransactionClockTests
{
    private readonly TransactionHarness _h = new();

    [Fact]
    public void ManyTransactionsInTimerJ_ShareOneArmedTimer_AndEachEndsAtItsOwnDeadline()
    {
        for (var i = 0; i < 1000; i++)
        {
            var request = Request(SipMethod.Register, $"z9hG4bKclock{i}");
            var tx = _h.Track(new ServerNonInviteTransaction(request, Udp, _h, _h.Clock, _h));
            tx.SendResponse(Response(request, 200));
            _h.Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(1, _h.Time.ArmedTimers);
        Assert.Equal(1000, _h.Clock.Pending);

        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => 32_000d + i), _h.TerminatedAt.Select(t => t.TotalMilliseconds));
        Assert.Equal(0, _h.Clock.Pending);
        Assert.Equal(0, _h.Time.ArmedTimers);
    }

    [Fact]
    public void StoppedTimer_DoesNotAct_WhenItsEntryComesDue()
    {
        // Timers A and B run, then a provisional stops both: nothing is retransmitted and
        // nothing times out, although both entries are still queued.
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ClientInviteTransaction(invite, Udp, _h, _h.Clock, _h));
        tx.Start();
        _h.Time.AdvanceTo(TimeSpan.FromMilliseconds(100));
        tx.OnResponse(Response(invite, 180));

        _h.Time.AdvanceTo(TimeSpan.FromSeconds(60));

        Assert.Equal([0d], _h.SendTimesMs);
        Assert.Empty(_h.TimedOut);
        Assert.Equal(TransactionState.Proceeding, tx.State);
    }

    [Fact]
    public void ClientInviteAnswered2xx_LetsGoOfItsRequest_AndOfItsUserOnceTold()
    {
        var invite = Request(SipMethod.Invite);
        var tx = _h.Track(new ClientInviteTransaction(invite, Udp, _h, _h.Clock, _h));
        tx.Start();
        tx.OnResponse(Response(invite, 200));
        tx.StopReporting();

        tx.OnResponse(Response(invite, 200));

        Assert.Throws<InvalidOperationException>(() => tx.Request);
        Assert.Single(_h.Delivered);
    }
}
