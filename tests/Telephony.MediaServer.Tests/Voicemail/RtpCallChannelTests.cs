using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Telephony.MediaServer.Media;
using Telephony.MediaServer.Sip;
using Telephony.MediaServer.Voicemail;
using Telephony.TestSupport;

namespace Telephony.MediaServer.Tests.Voicemail;

/// <summary>The voicemail's view of a call on a real RTP session over loopback, the media clock's ticks given by hand.</summary>
public sealed class RtpCallChannelTests : IAsyncLifetime
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RtpReceiver _receiver = new();
    private readonly Socket _peer = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _hangUp = new();
    private RtpSession _session = null!;
    private RtpCallChannel _channel = null!;

    public Task InitializeAsync()
    {
        _peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var (rtp, rtcp) = new RtpPorts(41000, 41999).Bind(IPAddress.Loopback)!.Value;
        _session = new RtpSession(rtp, rtcp, _receiver, new MediaMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), TimeProvider.System);
        _session.Apply(new AudioNegotiation(AudioCodec.Pcmu, 101, (IPEndPoint)_peer.LocalEndPoint!, MediaDirection.SendReceive));
        _channel = new RtpCallChannel(_session, TimeProvider.System, _hangUp.Token);
        _session.DigitReceived += _channel.Press;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        _receiver.Dispose();
        _peer.Dispose();
        _hangUp.Dispose();
        await _services.DisposeAsync();
    }

    private static AudioClip Clip(int frames) => new("test", new short[frames * MediaFormat.SamplesPerFrame]);

    [Fact]
    public async Task PlayAsync_WithoutStopKeys_EndsWhenTheLastFrameIsSent_AndKeepsKeysForTheNextRead()
    {
        var playing = _channel.PlayAsync(Clip(3), null);
        _channel.Press('7');
        for (var tick = 0; tick < 4; tick++)
        {
            _session.Tick();
        }

        Assert.Null(await playing.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal('7', await _channel.ReadKeyAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task PlayAsync_AStopKey_StopsIt_AndOtherKeysAreDropped()
    {
        var playing = _channel.PlayAsync(Clip(500), "#");
        _channel.Press('5');
        _channel.Press('#');

        Assert.Equal('#', await playing.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Null(await _channel.ReadKeyAsync(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task RecordAsync_TakesTheCallersAudioUntilTheStopKey()
    {
        var recording = _channel.RecordAsync(TimeSpan.FromMinutes(1), "#");
        for (ushort sequence = 1; sequence <= 60; sequence++)
        {
            SendRtp(sequence);
        }

        // The key as RFC 4733 on the same stream: it is read after the audio sent before it.
        SendKey('#', 61);

        var result = await recording.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(RecordingEnd.Key, result.End);
        Assert.Equal(60 * MediaFormat.SamplesPerFrame, result.Samples.Length);
        Assert.All(result.Samples, s => Assert.InRange(s, 7000, 9000));
    }

    [Fact]
    public async Task RecordAsync_WhenTheCallerHangsUp_ReturnsWhatWasSaid()
    {
        var recording = _channel.RecordAsync(TimeSpan.FromMinutes(1), "#");
        SendRtp(1);
        SendRtp(2);
        // A key after the audio on the same stream: once it is received, so is the audio.
        var keyReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _session.DigitReceived += _ => keyReceived.TrySetResult();
        SendKey('1', 3);
        await keyReceived.Task.WaitAsync(TimeSpan.FromSeconds(5));

        await _hangUp.CancelAsync();

        var result = await recording.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((RecordingEnd.HungUp, 2 * MediaFormat.SamplesPerFrame), (result.End, result.Samples.Length));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _channel.ReadKeyAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task RecordAsync_StopsAtItsLimit()
    {
        var result = await _channel.RecordAsync(TimeSpan.FromMilliseconds(100), "#").WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(RecordingEnd.Limit, result.End);
    }

    /// <summary>One 20 ms PCMU packet of a constant level (µ-law 0x9F decodes near +8,000).</summary>
    private void SendRtp(ushort sequence)
    {
        var payload = Enumerable.Repeat((byte)0x9F, MediaFormat.SamplesPerFrame).ToArray();
        var packet = new byte[RtpPacket.HeaderSize + payload.Length];
        RtpPacket.Write(packet, new RtpHeader(false, 0, sequence, 160u * sequence, 42), payload);
        _peer.SendTo(packet, _session.LocalEndPoint);
    }

    private void SendKey(char digit, ushort sequence)
    {
        var payload = new byte[TelephoneEvents.PayloadSize];
        TelephoneEvents.Write(payload, new TelephoneEvent(TelephoneEvents.FromDigit(digit), End: false, Volume: 10, Duration: 160));
        var packet = new byte[RtpPacket.HeaderSize + payload.Length];
        RtpPacket.Write(packet, new RtpHeader(true, 101, sequence, 160u * sequence, 42), payload);
        _peer.SendTo(packet, _session.LocalEndPoint);
    }
}
