using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Telephony.MediaServer.Media;
using Telephony.TestSupport;

namespace Telephony.MediaServer.Tests.Media;

/// <summary>One RTP session on real loopback sockets: symmetric RTP, DTMF in, malformed datagrams dropped and counted.</summary>
public sealed class RtpSessionTests : IAsyncLifetime
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RtpReceiver _receiver = new();
    private readonly Socket _peer = Udp();
    private readonly Socket _natPeer = Udp();
    private readonly List<(string Name, long Value)> _measurements = [];
    private readonly MeterListener _listener = new();
    private RtpSession _session = null!;

    public Task InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MediaMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value));
            }
        });
        _listener.Start();
        var metrics = new MediaMetrics(_services.GetRequiredService<IMeterFactory>());
        var (rtp, rtcp) = new RtpPorts(40000, 40999).Bind(IPAddress.Loopback)!.Value;
        _session = new RtpSession(rtp, rtcp, _receiver, metrics, TimeProvider.System);
        _session.Apply(new AudioNegotiation(AudioCodec.Pcmu, 101, (IPEndPoint)_peer.LocalEndPoint!, MediaDirection.SendReceive));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        _receiver.Dispose();
        _listener.Dispose();
        _peer.Dispose();
        _natPeer.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Tick_BeforeThePeerSends_GoesToTheSdpAddress_ThenToWhereThePeersPacketsComeFrom()
    {
        _session.Play(new SampleSource(new short[8000], SampleSource.Forever));
        _session.Tick();
        Assert.True(ReceivedRtp(_peer));

        // The phone is behind NAT: its packets come from another port than its SDP said.
        SendRtp(_natPeer, payloadType: 0, sequence: 1);
        await Eventually.TrueAsync(() => Task.FromResult(_session.Remote?.Port == ((IPEndPoint)_natPeer.LocalEndPoint!).Port), TimeSpan.FromSeconds(5), "latching onto the peer's real address");
        _session.Tick();

        Assert.True(ReceivedRtp(_natPeer));
    }

    [Fact]
    public async Task Receive_MalformedDatagrams_AreDroppedAndCounted_AndDtmfStillArrives()
    {
        var digits = new List<char>();
        _session.DigitReceived += d =>
        {
            lock (digits)
            {
                digits.Add(d);
            }
        };
        var random = new Random(4733);
        for (var i = 0; i < 200; i++)
        {
            var garbage = new byte[random.Next(0, 60)];
            random.NextBytes(garbage);
            if (garbage.Length > 0)
            {
                garbage[0] &= 0x3F; // version 0: never valid RTP
            }

            _peer.SendTo(garbage, _session.LocalEndPoint);
        }

        SendDigit('5', ssrc: 1234);

        await Eventually.TrueAsync(() => Task.FromResult(Count("telephony.mediaserver.rtp.malformed") >= 200), TimeSpan.FromSeconds(5), "the malformed datagrams counted");
        await Eventually.TrueAsync(
            () =>
            {
                lock (digits)
                {
                    return Task.FromResult(digits.SequenceEqual(['5']));
                }
            },
            TimeSpan.FromSeconds(5),
            "the digit, once");
    }

    [Fact]
    public async Task Receive_TelephoneEvents_NeverReachTheRecorder_OnlyAudioDoes()
    {
        var recorder = new CountingSink();
        _session.Recorder = recorder;
        var digits = 0;
        _session.DigitReceived += _ => Interlocked.Increment(ref digits);

        SendDigit('7', ssrc: 42);

        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref digits) == 1), TimeSpan.FromSeconds(5), "the digit");
        Assert.Equal(0, recorder.Samples);
        SendRtp(_peer, payloadType: 0, sequence: 20);
        await Eventually.TrueAsync(() => Task.FromResult(recorder.Samples == 160), TimeSpan.FromSeconds(5), "the audio frame recorded");
    }

    private sealed class CountingSink : IAudioSink
    {
        private int _samples;

        public int Samples => Volatile.Read(ref _samples);

        public void Write(ReadOnlySpan<short> frame) => Interlocked.Add(ref _samples, frame.Length);
    }

    [Fact]
    public void SendDigit_GoesOutAsRfc4733Events_OnePerTick_ThenTheAudioResumesWithAMarker()
    {
        _session.Play(new SampleSource(new short[8000], SampleSource.Forever));
        _session.Tick();
        var before = NextPacket(_peer);

        Assert.True(_session.SendDigit('5', TimeSpan.FromMilliseconds(60)));
        var events = new List<(RtpHeader Header, TelephoneEvent Event)>();
        for (var i = 0; i < 5; i++)
        {
            _session.Tick();
            var (header, payload) = NextPacket(_peer);
            Assert.True(TelephoneEvents.TryParse(payload, out var telephoneEvent));
            events.Add((header, telephoneEvent));
        }

        _session.Tick();
        var after = NextPacket(_peer);

        Assert.All(events, e => Assert.Equal((101, before.Header.Ssrc, 5), (e.Header.PayloadType, e.Header.Ssrc, e.Event.Event)));
        Assert.Equal([true, false, false, false, false], events.Select(e => e.Header.Marker));
        Assert.Equal(Enumerable.Range(1, 5).Select(n => (ushort)(before.Header.SequenceNumber + n)), events.Select(e => e.Header.SequenceNumber));
        // Every packet carries the event's start (RFC 4733 §2.5.1.2): the tick after the last audio packet.
        Assert.All(events, e => Assert.Equal(before.Header.Timestamp + 160, e.Header.Timestamp));
        Assert.Equal([(ushort)160, (ushort)320, (ushort)480, (ushort)480, (ushort)480], events.Select(e => e.Event.Duration));
        // RFC 4733 §2.5.1.4: the end packet three times.
        Assert.Equal([false, false, true, true, true], events.Select(e => e.Event.End));
        Assert.Equal((0, true, before.Header.Timestamp + (6 * 160)), (after.Header.PayloadType, after.Header.Marker, after.Header.Timestamp));
        var detector = new DtmfDetector();
        Assert.Equal(['5'], events.Select(e => detector.Feed(e.Header, e.Event)).OfType<char>());
    }

    [Fact]
    public void SendDigit_WhenThePeerDidNotNegotiateTelephoneEvent_IsRefused()
    {
        _session.Apply(new AudioNegotiation(AudioCodec.Pcmu, null, (IPEndPoint)_peer.LocalEndPoint!, MediaDirection.SendReceive));

        Assert.False(_session.SendDigit('1', TimeSpan.FromMilliseconds(100)));
    }

    private static (RtpHeader Header, byte[] Payload) NextPacket(Socket socket)
    {
        var buffer = new byte[1500];
        socket.ReceiveTimeout = 2000;
        var length = socket.Receive(buffer);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out var header, out var offset, out var payloadLength, out _));
        return (header, buffer.AsSpan(offset, payloadLength).ToArray());
    }

    private long Count(string name)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Name == name).Sum(m => m.Value);
        }
    }

    private void SendDigit(char digit, uint ssrc)
    {
        var events = DtmfSequence.For(digit, TimeSpan.FromMilliseconds(60));
        for (var i = 0; i < events.Count; i++)
        {
            var payload = new byte[TelephoneEvents.PayloadSize];
            TelephoneEvents.Write(payload, events[i]);
            var packet = new byte[RtpPacket.HeaderSize + payload.Length];
            RtpPacket.Write(packet, DtmfSequence.Header(i, 101, 100, 8000, ssrc), payload);
            _peer.SendTo(packet, _session.LocalEndPoint);
        }
    }

    private void SendRtp(Socket from, byte payloadType, ushort sequence)
    {
        var packet = new byte[RtpPacket.HeaderSize + 160];
        RtpPacket.Write(packet, new RtpHeader(false, payloadType, sequence, 160u * sequence, 42), new byte[160]);
        from.SendTo(packet, _session.LocalEndPoint);
    }

    private static bool ReceivedRtp(Socket socket) => NextPacket(socket).Header.PayloadType == 0;

    private static Socket Udp()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
