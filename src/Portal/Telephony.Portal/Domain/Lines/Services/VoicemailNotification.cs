namespace Telephony.Portal.Domain.Lines.Services;

public enum VoicemailNotificationMode
{
    Off,
    Notify,
    NotifyWithAudio,
}

public enum VoicemailAudioFormat
{
    Wav,
    Mp3,
}

/// <summary>V-EMAIL: new messages by e-mail, off by default, to an address of the user's choice.</summary>
public sealed record VoicemailNotification
{
    public VoicemailNotificationMode Mode { get; init; } = VoicemailNotificationMode.Off;

    public string? Email { get; init; }

    public VoicemailAudioFormat AudioFormat { get; init; } = VoicemailAudioFormat.Wav;
}
