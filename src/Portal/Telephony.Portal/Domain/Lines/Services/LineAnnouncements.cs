namespace Telephony.Portal.Domain.Lines.Services;

public enum AnnouncementSource
{
    /// <summary>The platform's predefined announcement for that use.</summary>
    Predefined,

    /// <summary>The file uploaded for the line (S-ANN: a new upload replaces the previous one).</summary>
    Uploaded,
}

/// <summary>The three announcements of a user line.</summary>
public enum AnnouncementUse
{
    Greeting,
    Hold,
    CallWaiting,
}

/// <summary>
/// S-ANN: the file uploaded for one use of the line (a new upload replaces it); the file itself is
/// in the Portal's announcement files, its converted audio on the media server as
/// <paramref name="AnnouncementId"/> (null for recordings uploaded before conversion existed).
/// </summary>
public sealed record Recording(string ContentType, string Extension, long Bytes, TimeSpan Duration, DateTime UploadedAt, Guid? AnnouncementId = null);

/// <summary>One announcement a line plays: on or off, which audio, and the line's own recording if it has one.</summary>
public sealed record AnnouncementChoice(bool Enabled, AnnouncementSource Source = AnnouncementSource.Predefined, Recording? Recording = null);

/// <summary>L-GREETING: played to the caller before the call is answered.</summary>
public sealed record Greeting
{
    public bool Enabled { get; init; }

    public AnnouncementSource Source { get; init; } = AnnouncementSource.Predefined;

    /// <summary>The line rings while it plays and answering cuts it; otherwise it plays fully first.</summary>
    public bool Interruptible { get; init; } = true;

    /// <summary>Played only during this calendar's opening hours, when set.</summary>
    public Guid? CalendarId { get; init; }

    public Recording? Recording { get; init; }
}

/// <summary>L-GREETING (off), L-HOLDANN (on, predefined hold), L-CWANN (on, predefined call waiting); manager only.</summary>
public sealed record LineAnnouncements
{
    public Greeting Greeting { get; init; } = new();

    public AnnouncementChoice Hold { get; init; } = new(Enabled: true);

    public AnnouncementChoice CallWaiting { get; init; } = new(Enabled: true);

    public Recording? RecordingFor(AnnouncementUse use) => use switch
    {
        AnnouncementUse.Greeting => Greeting.Recording,
        AnnouncementUse.Hold => Hold.Recording,
        _ => CallWaiting.Recording,
    };

    /// <summary>
    /// Sets (or, with null, removes) the recording of one use: a new upload becomes the audio
    /// played; without a recording the predefined one is.
    /// </summary>
    public LineAnnouncements WithRecording(AnnouncementUse use, Recording? recording)
    {
        var source = recording is null ? AnnouncementSource.Predefined : AnnouncementSource.Uploaded;
        return use switch
        {
            AnnouncementUse.Greeting => this with { Greeting = Greeting with { Recording = recording, Source = source } },
            AnnouncementUse.Hold => this with { Hold = Hold with { Recording = recording, Source = source } },
            _ => this with { CallWaiting = CallWaiting with { Recording = recording, Source = source } },
        };
    }

    /// <summary>The block as a form or the API sends it, with the recordings kept from <paramref name="current"/> (they change only by upload).</summary>
    public LineAnnouncements KeepingRecordingsOf(LineAnnouncements current) => this with
    {
        Greeting = Greeting with { Recording = current.Greeting.Recording },
        Hold = Hold with { Recording = current.Hold.Recording },
        CallWaiting = CallWaiting with { Recording = current.CallWaiting.Recording },
    };
}
