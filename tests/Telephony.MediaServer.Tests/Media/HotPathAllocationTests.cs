using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

/// <summary>
/// What runs for every packet or every 20 ms frame allocates nothing once warmed up (tables
/// built, code compiled), so a busy media server does not churn the garbage collector.
/// </summary>
public sealed class HotPathAllocationTests
{
    [Fact]
    public void PacketAndFramePaths_AfterWarmUp_AllocateNothing()
    {
        var pcm = new short[160];
        var encoded = new byte[160];
        var packet = new byte[RtpPacket.HeaderSize + 160];
        var report = new byte[RtcpSenderReport.Size];
        var dtmf = new byte[TelephoneEvents.PayloadSize];
        var detector = new DtmfDetector();
        short[][] frames = [new short[160], new short[160], []];
        short[][] outputs = [new short[160], new short[160], new short[160]];
        var wallClock = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        void Frame(uint n)
        {
            G711.Encode(pcm, encoded, AudioCodec.Pcmu);
            G711.Decode(encoded, pcm, AudioCodec.Pcma);
            var header = new RtpHeader(false, 0, (ushort)n, n * 160, 42);
            var length = RtpPacket.Write(packet, header, encoded);
            Assert.True(RtpPacket.TryParse(packet.AsSpan(0, length), out _, out _, out _, out _));
            RtcpSenderReport.Write(report, 42, wallClock, n * 160, n, n * 160);
            Assert.True(RtcpSenderReport.TryParse(report, out _, out _, out _));
            TelephoneEvents.Write(dtmf, new TelephoneEvent(5, n % 2 == 0, 10, 160));
            Assert.True(TelephoneEvents.TryParse(dtmf, out var telephoneEvent));
            detector.Feed(header with { Timestamp = n / 8 * 1280 }, telephoneEvent);
            Mixer.MixMinusOne(frames, outputs);
        }

        for (var n = 0u; n < 100; n++)
        {
            Frame(n);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 100u; n < 1_100; n++)
        {
            Frame(n);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
