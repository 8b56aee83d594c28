using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.MediaServer.Voicemail;

public enum VoicemailState
{
    New,
    Saved,
}

/// <summary>
/// A message left in a box (V-BOX): who called, when, how long, and its audio in the
/// <see cref="Audio.AudioStore"/> (<c>voicemail/&lt;box&gt;/&lt;audio id&gt;.wav</c>). It is
/// New until heard or saved; a Saved message is kept <see cref="VoicemailLimits.SavedRetention"/>
/// from <see cref="SavedAt"/>, a New one <see cref="VoicemailLimits.NewRetention"/> from
/// <see cref="ReceivedAt"/>.
/// </summary>
public sealed class VoicemailMessage : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid BoxId { get; set; }

    public Guid Id { get; set; }

    /// <summary>The caller's number as presented; null when withheld.</summary>
    public string? CallerNumber { get; set; }

    public string? CallerName { get; set; }

    public DateTime ReceivedAt { get; set; }

    public long DurationMilliseconds { get; set; }

    public VoicemailState State { get; private set; }

    /// <summary>When it was first heard (by phone or in the selfcare).</summary>
    public DateTime? HeardAt { get; private set; }

    /// <summary>When it became Saved (heard or saved): the saved retention runs from here.</summary>
    public DateTime? SavedAt { get; private set; }

    public Guid AudioId { get; set; }

    public TimeSpan Duration => TimeSpan.FromMilliseconds(DurationMilliseconds);

    /// <summary>Heard: it becomes Saved, its retention counted from now.</summary>
    public void MarkHeard(DateTime now)
    {
        HeardAt ??= now;
        if (State != VoicemailState.Saved)
        {
            State = VoicemailState.Saved;
            SavedAt = now;
        }
    }

    /// <summary>Saved on purpose (key 2): kept another full saved retention from now.</summary>
    public void Save(DateTime now)
    {
        HeardAt ??= now;
        State = VoicemailState.Saved;
        SavedAt = now;
    }

    /// <summary>Marked new again (selfcare): it counts as new and is kept as a new message.</summary>
    public void MarkNew()
    {
        State = VoicemailState.New;
        SavedAt = null;
    }

    /// <summary>When the purge deletes it.</summary>
    public DateTime ExpiresAt => State == VoicemailState.New
        ? ReceivedAt + VoicemailLimits.NewRetention
        : (SavedAt ?? ReceivedAt) + VoicemailLimits.SavedRetention;
}
