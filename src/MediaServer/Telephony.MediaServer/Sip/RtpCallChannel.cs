using System.Threading.Channels;
using Telephony.MediaServer.Audio;
using Telephony.MediaServer.Media;
using Telephony.MediaServer.Voicemail;

namespace Telephony.MediaServer.Sip;

/// <summary>
/// <see cref="ICallChannel"/> on a call's RTP session: clips play through the media clock,
/// keys (RFC 4733 or SIP INFO, from <see cref="Press"/>) queue in the order pressed, and a
/// recording takes the caller's decoded audio until a stop key, its limit or the hang-up
/// (<paramref name="hungUp"/>).
/// </summary>
internal sealed class RtpCallChannel(RtpSession session, TimeProvider time, CancellationToken hungUp) : ICallChannel
{
    private readonly Channel<char> _keys = Channel.CreateUnbounded<char>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>A key the caller pressed (from the receive loop or a SIP INFO).</summary>
    public void Press(char key) => _keys.Writer.TryWrite(key);

    public async Task<char?> PlayAsync(AudioClip clip, string? stopKeys)
    {
        var source = new ClipSource(clip.Samples);
        session.Play(source);
        if (stopKeys is null)
        {
            await source.Finished.WaitAsync(hungUp);
            return null;
        }

        var key = await WaitForKeyAsync(source.Finished, stopKeys);
        if (key is not null)
        {
            session.Play(null);
        }

        return key;
    }

    public async Task<char?> ReadKeyAsync(TimeSpan timeout)
    {
        using var timedOut = new CancellationTokenSource(timeout, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(hungUp, timedOut.Token);
        try
        {
            return await _keys.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!hungUp.IsCancellationRequested)
        {
            return null;
        }
    }

    public async Task<Recording> RecordAsync(TimeSpan limit, string stopKeys)
    {
        while (_keys.Reader.TryRead(out _))
        {
        }

        var buffer = new RecordingBuffer(TelephonyAudio.SampleCount(limit));
        session.Recorder = buffer;
        try
        {
            using var stop = new CancellationTokenSource();
            var reachedLimit = Task.Delay(limit, time, stop.Token);
            try
            {
                var key = await WaitForKeyAsync(reachedLimit, stopKeys);
                return new Recording(buffer.ToArray(), key is null ? RecordingEnd.Limit : RecordingEnd.Key);
            }
            finally
            {
                await stop.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (hungUp.IsCancellationRequested)
        {
            return new Recording(buffer.ToArray(), RecordingEnd.HungUp);
        }
        finally
        {
            session.Recorder = null;
        }
    }

    /// <summary>A key among <paramref name="stopKeys"/> (others dropped), or null when <paramref name="done"/> completes first.</summary>
    private async Task<char?> WaitForKeyAsync(Task done, string stopKeys)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(hungUp);
        try
        {
            while (true)
            {
                var keyReady = _keys.Reader.WaitToReadAsync(waiting.Token).AsTask();
                if (await Task.WhenAny(done, keyReady) == done)
                {
                    hungUp.ThrowIfCancellationRequested();
                    return null;
                }

                await keyReady; // throws when the caller hung up
                while (_keys.Reader.TryRead(out var key))
                {
                    if (stopKeys.Contains(key, StringComparison.Ordinal))
                    {
                        return key;
                    }
                }
            }
        }
        finally
        {
            await waiting.CancelAsync();
        }
    }

    /// <summary>Samples played once; <see cref="Finished"/> completes when the last frame has gone.</summary>
    private sealed class ClipSource(short[] samples) : IAudioSource
    {
        private readonly SampleSource _samples = new(samples);
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Finished => _finished.Task;

        public bool Read(Span<short> frame)
        {
            if (_samples.Read(frame))
            {
                return true;
            }

            _finished.TrySetResult();
            return false;
        }
    }

    /// <summary>
    /// What the caller says, up to a number of samples, written from the receive loop into
    /// one-second blocks (one allocation a second, not one per packet).
    /// </summary>
    private sealed class RecordingBuffer(int capacity) : IAudioSink
    {
        private const int BlockSamples = TelephonyAudio.SampleRate;
        private readonly Lock _gate = new();
        private readonly List<short[]> _blocks = [];
        private int _count;

        public void Write(ReadOnlySpan<short> frame)
        {
            lock (_gate)
            {
                var remaining = frame[..Math.Min(frame.Length, capacity - _count)];
                while (!remaining.IsEmpty)
                {
                    var offset = _count % BlockSamples;
                    if (offset == 0)
                    {
                        _blocks.Add(new short[BlockSamples]);
                    }

                    var count = Math.Min(remaining.Length, BlockSamples - offset);
                    remaining[..count].CopyTo(_blocks[^1].AsSpan(offset));
                    remaining = remaining[count..];
                    _count += count;
                }
            }
        }

        public short[] ToArray()
        {
            lock (_gate)
            {
                var samples = new short[_count];
                for (var i = 0; i < _blocks.Count; i++)
                {
                    var start = i * BlockSamples;
                    _blocks[i].AsSpan(0, Math.Min(BlockSamples, _count - start)).CopyTo(samples.AsSpan(start));
                }

                return samples;
            }
        }
    }
}
