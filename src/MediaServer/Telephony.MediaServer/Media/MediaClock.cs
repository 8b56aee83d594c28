using System.Diagnostics;

namespace Telephony.MediaServer.Media;

/// <summary>
/// The one clock that paces every outgoing stream: every 20 ms it asks each session for its
/// next packet. Deadlines are computed from the start (tick n is due at start + n × 20 ms), so
/// a late wake-up never accumulates into drift; after a stall of more than 5 ticks the clock
/// starts over instead of sending a burst. Time comes from <see cref="TimeProvider"/>, so
/// tests drive it in virtual time.
/// </summary>
public sealed partial class MediaClock(TimeProvider time, MediaMetrics metrics, ILogger<MediaClock> logger) : BackgroundService
{
    private static readonly long LateThreshold = Stopwatch.Frequency / 200; // 5 ms
    private readonly Lock _gate = new();
    private RtpSession[] _sessions = [];

    public int Count => Volatile.Read(ref _sessions).Length;

    public void Add(RtpSession session)
    {
        lock (_gate)
        {
            _sessions = [.. _sessions, session];
        }
    }

    public void Remove(RtpSession session)
    {
        lock (_gate)
        {
            _sessions = Array.FindAll(_sessions, s => !ReferenceEquals(s, session));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var frame = MediaFormat.FrameDuration;
        var ticksPerFrame = (long)(frame.TotalSeconds * time.TimestampFrequency);
        var start = time.GetTimestamp();
        long tick = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            tick++;
            var due = start + (tick * ticksPerFrame);
            var wait = due - time.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / time.TimestampFrequency), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            else if (-wait > 5 * ticksPerFrame)
            {
                start = time.GetTimestamp();
                tick = 0;
            }

            if (time.GetTimestamp() - due > LateThreshold * time.TimestampFrequency / Stopwatch.Frequency)
            {
                metrics.LateTick();
            }

            foreach (var session in Volatile.Read(ref _sessions))
            {
                try
                {
                    session.Tick();
                }
                catch (Exception ex)
                {
                    LogTickFailed(logger, ex);
                }
            }
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "A media session failed on a clock tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
