namespace Telephony.MediaServer.Voicemail;

/// <summary>Audio to play, with a label saying what it is (for logs and tests: "prompt:main-menu", "message").</summary>
public sealed record AudioClip(string Label, short[] Samples);

public enum RecordingEnd
{
    /// <summary>The caller pressed a stop key.</summary>
    Key,

    /// <summary>The length limit was reached.</summary>
    Limit,

    /// <summary>The caller hung up.</summary>
    HungUp,
}

/// <summary>What the caller said, and what ended it.</summary>
public sealed record Recording(short[] Samples, RecordingEnd End);

/// <summary>
/// A call as a voice application sees it: play, listen for keys (RFC 4733 or SIP INFO, in the
/// order pressed), record. When the caller hangs up, waits end with
/// <see cref="OperationCanceledException"/>, except <see cref="RecordAsync"/>, which returns
/// what was recorded (a caller leaving a message ends it by hanging up).
/// </summary>
public interface ICallChannel
{
    /// <summary>
    /// Plays <paramref name="clip"/> whole. With <paramref name="stopKeys"/>, a key among them
    /// stops it and is returned, and other keys pressed meanwhile are dropped; without, keys
    /// pressed meanwhile wait for the next read (type-ahead). Null when it played to the end.
    /// </summary>
    Task<char?> PlayAsync(AudioClip clip, string? stopKeys);

    /// <summary>The next key, or null when none comes within <paramref name="timeout"/>.</summary>
    Task<char?> ReadKeyAsync(TimeSpan timeout);

    /// <summary>Records the caller until a key among <paramref name="stopKeys"/>, <paramref name="limit"/> or hang-up; keys pressed before it starts are dropped.</summary>
    Task<Recording> RecordAsync(TimeSpan limit, string stopKeys);
}
