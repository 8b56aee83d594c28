using System.Diagnostics;

namespace Telephony.MediaServer.Media;

/// <summary>
/// The one clock that paces every outgoing stream: every 20 ms it asks each session for its
/// next packet. The 20 ms are cut into <see cref="Slots"/> slots of 2 ms and each session sends
/// in its own slot (the emptiest when it joined), so a thousand sessions are a steady trickle of
/// packets rather than a burst every 20 ms that would delay the last ones and starve the rest
/// of the machine. Deadlines are computed from the start (slot tick n is due at start + n × 2 ms),
/// so a late wake-up never accumulates into drift; after a stall of more than 5 frames the clock
/// starts over instead of sending a burst. Time comes from <see cref="TimeProvider"/>: on the
/// system clock the ticks run on a dedicated thread that sleeps until a millisecond before the
/// deadline and spins the rest (the thread pool's timers wake milliseconds late under load,
/// which is jitter every stream would carry); on any other provider (tests' virtual time) it
/// awaits the provider's delays.
/// </summary>
public sealed partial class MediaClock(TimeProvider time, MediaMetrics metrics, ILogger<MediaClock> logger) : BackgroundService
{
    public const int Slots = 10;

    private readonly Lock _gate = new();
    private readonly RtpSession[][] _slots = Enumerable.Range(0, Slots).Select(_ => Array.Empty<RtpSession>()).ToArray();

    public void Add(RtpSession session)
    {
        lock (_gate)
        {
            var emptiest = 0;
            for (var i = 1; i < Slots; i++)
            {
                if (_slots[i].Length < _slots[emptiest].Length)
                {
                    emptiest = i;
                }
            }

            Volatile.Write(ref _slots[emptiest], [.. _slots[emptiest], session]);
        }
    }

    public void Remove(RtpSession session)
    {
        lock (_gate)
        {
            for (var i = 0; i < Slots; i++)
            {
                if (Array.IndexOf(_slots[i], session) >= 0)
                {
                    Volatile.Write(ref _slots[i], Array.FindAll(_slots[i], s => !ReferenceEquals(s, session)));
                }
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ReferenceEquals(time, TimeProvider.System)
            ? Task.Factory.StartNew(() => RunOnWallClock(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : RunOnProviderAsync(stoppingToken);

    private void RunOnWallClock(CancellationToken stoppingToken)
    {
        Thread.CurrentThread.Name = "media clock";
        var schedule = new Schedule(time);
        var spinBelow = time.TimestampFrequency / 5000; // 0.2 ms
        while (!stoppingToken.IsCancellationRequested)
        {
            var (due, slot) = schedule.Next();
            long remaining;
            while ((remaining = due - time.GetTimestamp()) > 0 && !stoppingToken.IsCancellationRequested)
            {
                if (remaining > spinBelow)
                {
                    // A timed wait wakes within a fraction of a millisecond of the requested time on Linux.
                    stoppingToken.WaitHandle.WaitOne(TimeSpan.FromSeconds((double)(remaining - spinBelow) / time.TimestampFrequency));
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }

            Tick(schedule, due, slot);
        }
    }

    private async Task RunOnProviderAsync(CancellationToken stoppingToken)
    {
        var schedule = new Schedule(time);
        while (!stoppingToken.IsCancellationRequested)
        {
            var (due, slot) = schedule.Next();
            var wait = due - time.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / time.TimestampFrequency), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            Tick(schedule, due, slot);
        }
    }

    private void Tick(Schedule schedule, long due, int slot)
    {
        if (schedule.Late(due))
        {
            metrics.LateTick();
        }

        var started = time.GetTimestamp();
        foreach (var session in Volatile.Read(ref _slots[slot]))
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

        metrics.TickTook(time.GetElapsedTime(started));
    }

    /// <summary>Slot tick n is due at start + n × 2 ms and serves slot n mod 10; more than 5 frames behind, it starts over.</summary>
    private sealed class Schedule(TimeProvider time)
    {
        private readonly long _step = (long)(MediaFormat.FrameDuration.TotalSeconds * time.TimestampFrequency / Slots);
        private readonly long _late = time.TimestampFrequency / 200; // 5 ms
        private long _start = time.GetTimestamp();
        private long _tick;

        public (long Due, int Slot) Next()
        {
            _tick++;
            var due = _start + (_tick * _step);
            if (time.GetTimestamp() - due > 5 * Slots * _step)
            {
                // Start over on the same slot sequence, so no session gets two ticks in a row.
                _start = time.GetTimestamp() - (_tick * _step);
                due = _start + (_tick * _step);
            }

            return (due, (int)(_tick % Slots));
        }

        public bool Late(long due) => time.GetTimestamp() - due > _late;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "A media session failed on a clock tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
