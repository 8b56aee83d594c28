using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.MediaServer.Media;

// Concurrent announcement streams: this process plays N looping G.711 streams through the
// media server's own RTP sessions and media clock (as calls would); a small C receiver
// (bench/media/rtp_receiver.c, kernel arrival timestamps) measures the pacing error on arrival:
// how far each stream's inter-packet interval is from 20 ms. CPU is the sending process's.
var inv = CultureInfo.InvariantCulture;
var streams = args.Length > 0 ? int.Parse(args[0], inv) : 1000;
var seconds = args.Length > 1 ? double.Parse(args[1], inv) : 20;
var warmup = 3.0;
using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
var receiverPort = ((IPEndPoint)probe.LocalEndPoint!).Port;
probe.Dispose();
var receiverTool = Path.Combine(AppContext.BaseDirectory, "rtp_receiver");
var receiver = Process.Start(new ProcessStartInfo(Environment.GetEnvironmentVariable("MEDIA_BENCH_RECEIVER") ?? receiverTool, [receiverPort.ToString(inv), warmup.ToString(inv), seconds.ToString(inv)])
{
    RedirectStandardOutput = true,
})!;
await Task.Delay(1000);

#pragma warning disable ASP0000 // no web host here: the bench only needs an IMeterFactory
using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddMetrics().BuildServiceProvider();
#pragma warning restore ASP0000
var metrics = new MediaMetrics(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(services));
var clock = new MediaClock(TimeProvider.System, metrics, NullLogger<MediaClock>.Instance);
var ports = new RtpPorts(30000, 39999);
var tone = Enumerable.Range(0, 16000).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000))).ToArray();
using var receivers = new RtpReceiver();
var sessions = new List<RtpSession>();
var timed = new List<TimedSource>();
var remote = new IPEndPoint(IPAddress.Loopback, receiverPort);
for (var i = 0; i < streams; i++)
{
    var (rtp, rtcp) = ports.Bind(IPAddress.Loopback) ?? throw new InvalidOperationException("out of RTP ports");
    var session = new RtpSession(rtp, rtcp, receivers, metrics, TimeProvider.System);
    session.Apply(new AudioNegotiation(AudioCodec.Pcmu, 101, remote, MediaDirection.SendOnly));
    var source = new TimedSource(new SampleSource(tone, SampleSource.Forever), (int)((seconds + warmup + 2) * 50));
    timed.Add(source);
    session.Play(source);
    sessions.Add(session);
    clock.Add(session);
}

var tickTimes = new List<double>();
using var listener = new System.Diagnostics.Metrics.MeterListener();
listener.InstrumentPublished = (instrument, l) =>
{
    if (instrument.Name == "telephony.mediaserver.clock.tick.duration")
    {
        l.EnableMeasurementEvents(instrument);
    }
};
listener.SetMeasurementEventCallback<double>((_, value, _, _) => tickTimes.Add(value));
listener.Start();
using var stopping = new CancellationTokenSource();
await clock.StartAsync(stopping.Token);
await Task.Delay(TimeSpan.FromSeconds(warmup));
var self = Process.GetCurrentProcess();
var cpuBefore = self.TotalProcessorTime;
var wallBefore = Stopwatch.GetTimestamp();
await Task.Delay(TimeSpan.FromSeconds(seconds));
self.Refresh();
var cpu = self.TotalProcessorTime - cpuBefore;
var wall = Stopwatch.GetElapsedTime(wallBefore);
var result = await receiver.StandardOutput.ReadToEndAsync();
await receiver.WaitForExitAsync();
await stopping.CancelAsync();
await clock.StopAsync(CancellationToken.None);
foreach (var session in sessions)
{
    await session.DisposeAsync();
}

var cpuPerStream = cpu.TotalMicroseconds / wall.TotalSeconds / streams;
var measuredFrom = wallBefore;
var errors = timed.SelectMany(t => t.Errors(measuredFrom)).Order().ToArray();
double SendPercentile(double p) => errors[(int)Math.Min(errors.Length - 1, p * errors.Length)];
Console.WriteLine($"Concurrent announcement streams (G.711 µ-law, 20 ms packets, {Environment.ProcessorCount} cores, sender and receiver on this machine, {seconds.ToString(inv)} s measured)");
Console.WriteLine($"sender pacing error |interval - 20 ms| (when each packet left): p50 {SendPercentile(0.50):F3} ms, p99 {SendPercentile(0.99):F3} ms, max {SendPercentile(1.0):F3} ms over {errors.Length:N0} intervals");
Console.WriteLine("receiver " + result.TrimEnd().Replace("\n", "\nreceiver ", StringComparison.Ordinal));
var ticks = tickTimes.ToArray().Order().ToArray();
Console.WriteLine($"clock slot (a tenth of the streams, every 2 ms): p50 {ticks[ticks.Length / 2]:F2} ms, p99 {ticks[(int)(ticks.Length * 0.99)]:F2} ms of work");
Console.WriteLine($"sender CPU: {cpu.TotalSeconds / wall.TotalSeconds:P0} of one core for {streams} streams, {cpuPerStream:F1} µs of CPU per stream per second ({cpuPerStream / 1e4:F3} % of a core per stream)");
var p99 = result.Split('\n').Where(l => l.Contains("p99", StringComparison.Ordinal)).Select(l => double.Parse(l[(l.IndexOf("p99 ", StringComparison.Ordinal) + 4)..].Split(' ')[0], inv)).DefaultIfEmpty(double.NaN).First();
Console.WriteLine($"target: {streams} streams with p99 pacing error under 2 ms -> {(p99 < 2 ? "met" : "NOT met")} (p99 {p99:F3} ms on arrival); loopback reference: about 400,000 datagrams/s for one C echo process; {streams} streams are {streams * 50:N0} packets/s");

/// <summary>Stamps the moment the session takes each frame, right before it sends the packet: the sender-side pacing.</summary>
internal sealed class TimedSource(IAudioSource inner, int capacity) : IAudioSource
{
    private readonly long[] _stamps = new long[capacity];
    private int _count;

    public bool Read(Span<short> frame)
    {
        if (_count < _stamps.Length)
        {
            _stamps[_count++] = Stopwatch.GetTimestamp();
        }

        return inner.Read(frame);
    }

    public IEnumerable<double> Errors(long from)
    {
        for (var i = 1; i < _count; i++)
        {
            if (_stamps[i - 1] >= from)
            {
                yield return Math.Abs(((_stamps[i] - _stamps[i - 1]) * 1000.0 / Stopwatch.Frequency) - 20.0);
            }
        }
    }
}
