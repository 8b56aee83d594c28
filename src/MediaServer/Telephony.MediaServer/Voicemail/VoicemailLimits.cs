namespace Telephony.MediaServer.Voicemail;

/// <summary>The limits of SPEC V-BOX and V-ACCESS.</summary>
public static class VoicemailLimits
{
    public static readonly TimeSpan MaxMessage = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan MaxGreeting = TimeSpan.FromMinutes(2);

    /// <summary>A box holding this much is full: callers hear "box full" and cannot leave a message.</summary>
    public static readonly TimeSpan BoxCapacity = TimeSpan.FromHours(4);

    /// <summary>Shorter than this, nothing was said (a caller hanging up at the tone): the message is not kept.</summary>
    public static readonly TimeSpan MinMessage = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan NewRetention = TimeSpan.FromDays(60);

    public static readonly TimeSpan SavedRetention = TimeSpan.FromDays(14);

    public const int MinPinLength = 4;
    public const int MaxPinLength = 8;

    /// <summary>Wrong PINs before the call ends (V-ACCESS).</summary>
    public const int PinAttempts = 3;

    public static bool IsValidPin(string pin) =>
        pin.Length is >= MinPinLength and <= MaxPinLength && pin.All(char.IsAsciiDigit);
}
