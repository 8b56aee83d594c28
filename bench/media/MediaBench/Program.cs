using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.MediaServer.Media;

// Concurrent announcement streams: this process plays N looping G.711 streams through the
// media server's own RTP sessions and media clock (as calls would), and a second process (this
// program with "receive") timestamps every packet on arrival and measures the pacing error:
// how far each stream's inter-packet interval is from 20 ms. CPU is the sending process's.
var inv = CultureInfo.InvariantCulture;
if (args is ["receive", var portText, var secondsText])
{
    Receive(int.Parse(portText, inv), double.Parse(secondsText, inv));
    return;
}

var streams = args.Length > 0 ? int.Parse(args[0], inv) : 1000;
var seconds = args.Length > 1 ? double.Parse(args[1], inv) : 20;
var warmup = 3.0;
using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
var receiverPort = ((IPEndPoint)probe.LocalEndPoint!).Port;
probe.Dispose();
var receiver = Process.Start(new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "receive", receiverPort.ToString(inv), (seconds + warmup).ToString(inv)])
{
    RedirectStandardOutput = true,
})!;
await Task.Delay(1000);

using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddMetrics().BuildServiceProvider();
var metrics = new MediaMetrics(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(services));
var clock = new MediaClock(TimeProvider.System, metrics, NullLogger<MediaClock>.Instance);
var ports = new RtpPorts(30000, 39999);
var tone = Enumerable.Range(0, 16000).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000))).ToArray();
var sessions = new List<RtpSession>();
var remote = new IPEndPoint(IPAddress.Loopback, receiverPort);
for (var i = 0; i < streams; i++)
{
    var (rtp, rtcp) = ports.Bind(IPAddress.Loopback) ?? throw new InvalidOperationException("out of RTP ports");
    var session = new RtpSession(rtp, rtcp, metrics, TimeProvider.System);
    session.Apply(new AudioNegotiation(AudioCodec.Pcmu, 101, remote, MediaDirection.SendOnly));
    session.Play(new SampleSource(tone, SampleSource.Forever));
    sessions.Add(session);
    clock.Add(session);
}

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
Console.WriteLine($"Concurrent announcement streams (G.711 µ-law, 20 ms packets, {Environment.ProcessorCount} cores, sender and receiver on this machine, {seconds.ToString(inv)} s measured)");
Console.WriteLine(result.TrimEnd());
Console.WriteLine($"sender CPU: {cpu.TotalSeconds / wall.TotalSeconds:P0} of one core for {streams} streams, {cpuPerStream:F1} µs of CPU per stream per second ({cpuPerStream / 1e4:F3} % of a core per stream)");
Console.WriteLine($"target: {streams} streams with p99 pacing error under 2 ms (loopback reference: about 400,000 datagrams/s for one C echo process; {streams} streams are {streams * 50:N0} packets/s)");

static void Receive(int port, double seconds)
{
    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 16 * 1024 * 1024 };
    socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
    socket.ReceiveTimeout = 1000;
    var last = new Dictionary<uint, long>();
    var errors = new List<double>(capacity: 2_000_000);
    var buffer = new byte[1500];
    long packets = 0, measuredFrom = 0;
    var start = Stopwatch.GetTimestamp();
    var warm = Stopwatch.Frequency * 3;
    var end = start + (long)(seconds * Stopwatch.Frequency);
    while (Stopwatch.GetTimestamp() < end)
    {
        int length;
        try
        {
            length = socket.Receive(buffer);
        }
        catch (SocketException)
        {
            continue;
        }

        var now = Stopwatch.GetTimestamp();
        if (length < 12)
        {
            continue;
        }

        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(8));
        if (last.TryGetValue(ssrc, out var previous) && now - start > warm)
        {
            var interval = (now - previous) * 1000.0 / Stopwatch.Frequency;
            errors.Add(Math.Abs(interval - 20.0));
            packets++;
            measuredFrom = measuredFrom == 0 ? now : measuredFrom;
        }

        last[ssrc] = now;
    }

    errors.Sort();
    double Percentile(double p) => errors.Count == 0 ? double.NaN : errors[(int)Math.Min(errors.Count - 1, p * errors.Count)];
    var rate = packets / ((double)(Stopwatch.GetTimestamp() - measuredFrom) / Stopwatch.Frequency);
    Console.WriteLine($"streams received: {last.Count}, packets measured: {packets:N0} ({rate:N0}/s)");
    Console.WriteLine($"pacing error |interval - 20 ms|: p50 {Percentile(0.50):F3} ms, p99 {Percentile(0.99):F3} ms, max {Percentile(1.0):F3} ms");
}
