using System.Diagnostics.Metrics;

namespace Telephony.MediaServer.Media;

/// <summary>The media server's instruments (meter <c>Telephony.MediaServer</c>); per packet, counters only, never log lines.</summary>
public sealed class MediaMetrics
{
    public const string MeterName = "Telephony.MediaServer";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _received;
    private readonly Counter<long> _malformed;
    private readonly Counter<long> _foreign;
    private readonly Counter<long> _lateTicks;
    private readonly Histogram<double> _tickTime;

    public MediaMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        Meter = meter;
        _sent = meter.CreateCounter<long>("telephony.mediaserver.rtp.sent", description: "RTP packets sent");
        _received = meter.CreateCounter<long>("telephony.mediaserver.rtp.received", description: "RTP packets received and used");
        _malformed = meter.CreateCounter<long>("telephony.mediaserver.rtp.malformed", description: "Datagrams dropped as not RTP, or RTP of a payload type not negotiated");
        _foreign = meter.CreateCounter<long>("telephony.mediaserver.rtp.foreign", description: "RTP dropped because it came from another address than the call's peer");
        _lateTicks = meter.CreateCounter<long>("telephony.mediaserver.clock.late_ticks", description: "Media clock slot ticks that started more than 5 ms late");
        _tickTime = meter.CreateHistogram<double>("telephony.mediaserver.clock.tick.duration", unit: "ms", description: "Time to send the packets of one clock slot (a tenth of the sessions, every 2 ms)");
        Sessions = meter.CreateUpDownCounter<long>("telephony.mediaserver.sessions", description: "RTP sessions open");
    }

    public UpDownCounter<long> Sessions { get; }

    /// <summary>For gauges observed elsewhere (calls in progress).</summary>
    public Meter Meter { get; }

    public void Sent() => _sent.Add(1);

    public void Received() => _received.Add(1);

    public void Malformed() => _malformed.Add(1);

    public void Foreign() => _foreign.Add(1);

    public void LateTick() => _lateTicks.Add(1);

    public void TickTook(TimeSpan elapsed) => _tickTime.Record(elapsed.TotalMilliseconds);
}
