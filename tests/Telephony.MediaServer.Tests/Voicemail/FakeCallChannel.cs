using Telephony.MediaServer.Voicemail;

namespace Telephony.MediaServer.Tests.Voicemail;

/// <summary>
/// A scripted caller: <see cref="Keys"/> are pressed in order (null: silence until the wait
/// times out), a key interrupting the clip playing when it may; <see cref="Recordings"/> are
/// what the caller says each time the service records. When the script runs out of keys, the
/// caller hangs up. Every clip played is kept, by label.
/// </summary>
internal sealed class FakeCallChannel : ICallChannel
{
    public Queue<char?> Keys { get; } = new();

    public Queue<Recording> Recordings { get; } = new();

    public List<string> Played { get; } = [];

    public List<TimeSpan> RecordLimits { get; } = [];

    public bool HungUp { get; private set; }

    public static FakeCallChannel Pressing(string keys, params Recording[] recordings)
    {
        var channel = new FakeCallChannel();
        foreach (var key in keys)
        {
            channel.Keys.Enqueue(key == '_' ? null : key);
        }

        foreach (var recording in recordings)
        {
            channel.Recordings.Enqueue(recording);
        }

        return channel;
    }

    public Task<char?> PlayAsync(AudioClip clip, string? stopKeys)
    {
        ThrowIfHungUp();
        Played.Add(clip.Label);
        if (stopKeys is not null && Keys.TryPeek(out var key) && key is { } pressed && stopKeys.Contains(pressed, StringComparison.Ordinal))
        {
            Keys.Dequeue();
            return Task.FromResult<char?>(pressed);
        }

        return Task.FromResult<char?>(null);
    }

    public Task<char?> ReadKeyAsync(TimeSpan timeout)
    {
        ThrowIfHungUp();
        if (!Keys.TryDequeue(out var key))
        {
            HungUp = true;
            throw new OperationCanceledException("The scripted caller hung up.");
        }

        return Task.FromResult(key);
    }

    public Task<Recording> RecordAsync(TimeSpan limit, string stopKeys)
    {
        ThrowIfHungUp();
        RecordLimits.Add(limit);
        Played.Add("record");
        var recording = Recordings.TryDequeue(out var scripted) ? scripted : new Recording([], RecordingEnd.HungUp);
        HungUp = recording.End == RecordingEnd.HungUp;
        return Task.FromResult(recording);
    }

    private void ThrowIfHungUp()
    {
        if (HungUp)
        {
            throw new OperationCanceledException("The caller has hung up.");
        }
    }
}
