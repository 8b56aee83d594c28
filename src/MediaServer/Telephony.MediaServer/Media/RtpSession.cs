using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Telephony.MediaServer.Media;

/// <summary>
/// One call leg's RTP (RFC 3550) on its own port pair: G.711 audio sent one 20 ms packet per
/// media clock tick from the current <see cref="IAudioSource"/>, RTCP sender reports every
/// 5 s, and what arrives decoded to the recorder or, for RFC 4733 telephone-events, reported
/// as digits. Symmetric RTP (RFC 4961): the peer's address is the one the SDP gave until the
/// first packet arrives, then the address that packet came from (a phone behind NAT), and
/// packets from anywhere else are dropped. Malformed datagrams are dropped and counted, never
/// logged one by one; nothing a peer sends can throw out of the receive loop.
/// </summary>
public sealed class RtpSession : IAsyncDisposable
{
    private const int RtcpIntervalTicks = 250; // 5 s of 20 ms ticks

    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly MediaMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly IDisposable _receiving;
    private readonly short[] _decoded = new short[MediaFormat.SamplesPerFrame * 4];
    private readonly Lock _gate = new();
    private readonly short[] _frame = new short[MediaFormat.SamplesPerFrame];
    private readonly byte[] _payload = new byte[MediaFormat.SamplesPerFrame];
    private readonly byte[] _packet = new byte[RtpPacket.HeaderSize + MediaFormat.SamplesPerFrame];
    private readonly byte[] _report = new byte[64];
    private readonly byte[] _eventPayload = new byte[TelephoneEvents.PayloadSize];
    private readonly byte[] _eventPacket = new byte[RtpPacket.HeaderSize + TelephoneEvents.PayloadSize];
    private readonly Queue<IReadOnlyList<TelephoneEvent>> _pendingDigits = new();
    private IReadOnlyList<TelephoneEvent>? _digit;
    private int _digitPacket;
    private uint _digitTimestamp;
    private readonly DtmfDetector _dtmf = new();
    private readonly uint _ssrc = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private IPEndPoint? _remote;
    private SocketAddress? _remoteAddress; // _remote serialised once, not per packet
    private bool _latched;
    private AudioNegotiation? _negotiation;
    private IAudioSource? _source;
    private ushort _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue);
    private uint _timestamp = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private bool _marker = true;
    private uint _packets;
    private uint _octets;
    private int _ticks;
    private int _disposed;

    public RtpSession(Socket rtp, Socket rtcp, RtpReceiver receiver, MediaMetrics metrics, TimeProvider time)
    {
        _rtp = rtp;
        _rtcp = rtcp;
        _metrics = metrics;
        _time = time;
        LocalEndPoint = (IPEndPoint)rtp.LocalEndPoint!;
        metrics.Sessions.Add(1);
        _receiving = receiver.Register(this, rtp);
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Where packets go: the SDP's address, then the address the peer's packets come from.</summary>
    public IPEndPoint? Remote
    {
        get
        {
            lock (_gate)
            {
                return _remote;
            }
        }
    }

    /// <summary>A digit the peer pressed (RFC 4733), once per key press. Raised on the receive loop.</summary>
    public event Action<char>? DigitReceived;

    /// <summary>The current source ended (raised on the thread pool, never on the clock).</summary>
    public event Action? PlaybackFinished;

    /// <summary>Receives the peer's decoded audio while set (voicemail deposit, conference).</summary>
    public IAudioSink? Recorder { get; set; }

    public AudioNegotiation? Negotiation
    {
        get
        {
            lock (_gate)
            {
                return _negotiation;
            }
        }
    }

    /// <summary>Applies an offer/answer (first or re-INVITE): codec, DTMF payload type, direction, the peer's address unless already learnt.</summary>
    public void Apply(AudioNegotiation negotiation)
    {
        lock (_gate)
        {
            _negotiation = negotiation;
            if (!_latched)
            {
                Aim(negotiation.Remote);
            }
        }
    }

    /// <summary>Plays <paramref name="source"/> from the next tick on, replacing what played.</summary>
    public void Play(IAudioSource? source)
    {
        lock (_gate)
        {
            _source = source;
            _marker = true; // RFC 3551 §4.1: the first packet of a talkspurt
        }
    }

    /// <summary>
    /// Sends <paramref name="digit"/> as RFC 4733 telephone-events from the next tick on (after
    /// any digit still being sent): one packet per tick, the audio that would have gone out
    /// meanwhile dropped. False when the peer did not negotiate telephone-event (use SIP INFO).
    /// </summary>
    /// <exception cref="ArgumentException">Not a DTMF digit, or a duration outside 1 sample to 8.19 s.</exception>
    public bool SendDigit(char digit, TimeSpan duration)
    {
        var packets = DtmfSequence.For(digit, duration);
        lock (_gate)
        {
            if (_negotiation?.TelephoneEventPayloadType is null)
            {
                return false;
            }

            _pendingDigits.Enqueue(packets);
            return true;
        }
    }

    /// <summary>Called by the media clock every 20 ms: the next packet, if there is something to send and someone to send it to.</summary>
    public void Tick()
    {
        Action? finished = null;
        lock (_gate)
        {
            _ticks++;
            var canSend = _negotiation is { Direction: MediaDirection.SendReceive or MediaDirection.SendOnly } && _remote is not null;
            var sending = canSend && _source is not null;
            if (sending && !_source!.Read(_frame))
            {
                _source = null;
                sending = false;
                finished = PlaybackFinished;
            }

            if (canSend && (_digit is not null || _pendingDigits.Count > 0))
            {
                SendDigitPacket();
            }
            else if (sending)
            {
                G711.Encode(_frame, _payload, _negotiation!.Codec);
                // The payload type the offer gave the codec (a dynamic one maps it too, RFC 3264 §6.1).
                var header = new RtpHeader(_marker, (byte)_negotiation.PayloadType, _sequence, _timestamp, _ssrc);
                var length = RtpPacket.Write(_packet, header, _payload);
                Send(_rtp, _packet.AsSpan(0, length), _remoteAddress!);
                _marker = false;
                _sequence++;
                _packets++;
                _octets += (uint)_payload.Length;
                _metrics.Sent();
            }

            // The timestamp follows the clock whether or not we sent (RFC 3550 §5.1).
            _timestamp += MediaFormat.SamplesPerFrame;
            if (_ticks % RtcpIntervalTicks == 0 && _packets > 0 && _remote is not null)
            {
                var length = RtcpSenderReport.Write(_report, _ssrc, _time.GetUtcNow(), _timestamp, _packets, _octets);
                Send(_rtcp, _report.AsSpan(0, length), new IPEndPoint(_remote.Address, _remote.Port + 1).Serialize());
            }
        }

        if (finished is not null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static f => f(), finished, preferLocal: false);
        }
    }

    /// <summary>
    /// The next packet of the digit being sent (RFC 4733 §2.5.1): every packet carries the
    /// event's start as its timestamp, the first has the marker; the end packet goes out three
    /// times at the update interval (§2.5.1.4), one per tick like the rest.
    /// </summary>
    private void SendDigitPacket()
    {
        if (_digit is null)
        {
            _digit = _pendingDigits.Dequeue();
            _digitPacket = 0;
            _digitTimestamp = _timestamp;
        }

        TelephoneEvents.Write(_eventPayload, _digit[_digitPacket]);
        var header = new RtpHeader(_digitPacket == 0, (byte)_negotiation!.TelephoneEventPayloadType!.Value, _sequence, _digitTimestamp, _ssrc);
        var length = RtpPacket.Write(_eventPacket, header, _eventPayload);
        Send(_rtp, _eventPacket.AsSpan(0, length), _remoteAddress!);
        _sequence++;
        _packets++;
        _octets += TelephoneEvents.PayloadSize;
        _metrics.Sent();
        if (++_digitPacket == _digit.Count)
        {
            _digit = null;
            _marker = true; // the audio after the event starts a talkspurt
        }
    }

    private void Aim(IPEndPoint remote)
    {
        _remote = remote;
        _remoteAddress = remote.Serialize();
    }

    private static void Send(Socket socket, ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, to);
        }
        catch (SocketException)
        {
            // The peer's port is closed (ICMP) or the buffer is full: the next tick tries again.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>A datagram from <paramref name="source"/> (a raw socket address), from the receiver's thread.</summary>
    internal void Receive(ReadOnlySpan<byte> datagram, ReadOnlySpan<byte> source)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return; // a datagram taken just before the session ended
        }

        if (!RtpPacket.TryParse(datagram, out var header, out var offset, out var length, out _))
        {
            _metrics.Malformed();
            return;
        }

        AudioNegotiation? negotiation;
        lock (_gate)
        {
            if (!_latched)
            {
                if (RtpReceiver.EndPointOf(source) is not { } peer)
                {
                    _metrics.Malformed();
                    return;
                }

                Aim(peer);
                _latched = true;
            }
            else if (!source.SequenceEqual(_remoteAddress!.Buffer.Span[.._remoteAddress.Size]))
            {
                _metrics.Foreign();
                return;
            }

            negotiation = _negotiation;
        }

        var payload = datagram.Slice(offset, length);
        if (negotiation is null)
        {
            _metrics.Malformed();
        }
        else if (header.PayloadType == negotiation.TelephoneEventPayloadType)
        {
            if (TelephoneEvents.TryParse(payload, out var telephoneEvent) && _dtmf.Feed(header, telephoneEvent) is { } digit)
            {
                _metrics.Received();
                DigitReceived?.Invoke(digit);
            }
        }
        else if (header.PayloadType == negotiation.PayloadType && payload.Length <= _decoded.Length)
        {
            _metrics.Received();
            if (Recorder is { } recorder)
            {
                var samples = _decoded.AsSpan(0, payload.Length);
                G711.Decode(payload, samples, negotiation.Codec);
                recorder.Write(samples);
            }
        }
        else
        {
            _metrics.Malformed();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _receiving.Dispose();
            _rtp.Dispose();
            _rtcp.Dispose();
            _metrics.Sessions.Add(-1);
        }

        return ValueTask.CompletedTask;
    }
}
