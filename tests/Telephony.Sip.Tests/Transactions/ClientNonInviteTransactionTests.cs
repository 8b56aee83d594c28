using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using static Telephony.Sip.Tests.Transactions.TransactionHarness;

namespace Telephony.Sip.Tests.Transactions;

[Trait("Rfc", "3261-17.1.2")]
public sealed class ClientNonInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    [Fact]
    public void Start_OverUdpWithNoAnswer_RetransmitsByTimerECappedAtT2ThenTimesOutByTimerF()
    {
        var tx = _h.Track(new ClientNonInviteTransaction(Request(SipMethod.Register), Udp, _h, _h.Clock, _h));

        tx.Start();
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        Assert.Equal([0d, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], _h.SendTimesMs);
        Assert.Equal([TimeSpan.FromSeconds(32)], _h.TimedOut);
    }

    [Fact]
    public void Provisional_MakesRetransmissionsEveryT2()
    {
        var request = Request(SipMethod.Options);
        var tx = _h.Track(new ClientNonInviteTransaction(request, Udp, _h, _h.Clock, _h));
        tx.Start();
        _h.Time.AdvanceTo(TimeSpan.FromMilliseconds(600));

        tx.OnResponse(Response(request, 100, toTag: null));
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        Assert.Equal([0d, 500, 1500, 5500, 9500, 13500, 17500, 21500, 25500, 29500], _h.SendTimesMs);
        Assert.Equal([TimeSpan.FromSeconds(32)], _h.TimedOut);
    }

    [Fact]
    public void Final_IsDeliveredOnce_RetransmissionsAbsorbed_TerminatesAfterT4()
    {
        var request = Request(SipMethod.Register);
        var tx = _h.Track(new ClientNonInviteTransaction(request, Udp, _h, _h.Clock, _h));
        tx.Start();
        _h.Time.AdvanceTo(TimeSpan.FromMilliseconds(200));
        var ok = Response(request, 200);

        tx.OnResponse(ok);
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(1));
        tx.OnResponse(ok);
        _h.Time.AdvanceTo(TimeSpan.FromSeconds(40));

        Assert.Single(_h.Delivered);
        Assert.Equal([0d], _h.SendTimesMs);
        Assert.Equal([TimeSpan.FromMilliseconds(5200)], _h.TerminatedAt);
        Assert.Empty(_h.TimedOut);
    }

    [Fact]
    public void Final_OverTcp_TerminatesAtOnce()
    {
        var request = Request(SipMethod.Register);
        var tx = _h.Track(new ClientNonInviteTransaction(request, Tcp, _h, _h.Clock, _h));
        tx.Start();

        tx.OnResponse(Response(request, 401));

        Assert.Equal(TransactionState.Terminated, tx.State);
    }
}
