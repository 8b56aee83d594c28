using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.MediaServer.Voicemail;

/// <summary>
/// A line's voicemail box (V-BOX), created the first time anyone calls it. The PIN is kept
/// only as a salted hash (<see cref="VoicemailPin"/>). <see cref="Version"/> increases with
/// every change of the box or of its messages: it orders the <c>VoicemailBoxChanged</c>
/// events and, as a concurrency token, makes two changes at once retry instead of both
/// publishing the same version.
/// </summary>
public sealed class VoicemailBox : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>The id of the line that owns the box (the fixed line of a convergent pair).</summary>
    public Guid BoxId { get; set; }

    public string? PinHash { get; private set; }

    /// <summary>The personal greeting (V-BOX), played instead of the standard one.</summary>
    public Guid? GreetingAudioId { get; private set; }

    /// <summary>The owner's recorded name, spoken in the standard greeting instead of the number.</summary>
    public Guid? NameAudioId { get; private set; }

    /// <summary>The greeting plays, then the call ends: no message can be left.</summary>
    public bool AnsweringMachineOnly { get; set; }

    /// <summary>The owner asked to be called back after each deposit (acted on by CallControl, not yet built).</summary>
    public bool CallbackAfterDeposit { get; set; }

    public long Version { get; private set; }

    public DateTime CreatedAt { get; set; }

    public bool HasPin => PinHash is not null;

    public static VoicemailBox Create(Guid tenantId, Guid boxId, DateTime now) => new()
    {
        TenantId = tenantId,
        BoxId = boxId,
        CreatedAt = now,
    };

    public void Touch() => Version++;

    public void SetPin(string pin) => PinHash = VoicemailPin.Hash(pin);

    public bool CheckPin(string pin) => PinHash is { } hash && VoicemailPin.Verify(pin, hash);

    /// <summary>A personal greeting replaces the name and the standard greeting; returns the audio ids no longer used.</summary>
    public IReadOnlyList<Guid> UseGreeting(Guid audioId)
    {
        var replaced = Unused();
        GreetingAudioId = audioId;
        NameAudioId = null;
        return replaced;
    }

    /// <summary>The standard greeting with the recorded name instead of the number; returns the audio ids no longer used.</summary>
    public IReadOnlyList<Guid> UseName(Guid audioId)
    {
        var replaced = Unused();
        GreetingAudioId = null;
        NameAudioId = audioId;
        return replaced;
    }

    /// <summary>Back to the standard greeting (the line's number); returns the audio ids no longer used.</summary>
    public IReadOnlyList<Guid> UseStandardGreeting()
    {
        var replaced = Unused();
        GreetingAudioId = null;
        NameAudioId = null;
        return replaced;
    }

    private List<Guid> Unused() => [.. new[] { GreetingAudioId, NameAudioId }.OfType<Guid>()];
}
