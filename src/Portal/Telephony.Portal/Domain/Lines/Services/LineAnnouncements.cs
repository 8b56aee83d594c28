namespace Telephony.Portal.Domain.Lines.Services;

public enum AnnouncementSource
{
    /// <summary>The platform's predefined announcement for that use.</summary>
    Predefined,

    /// <summary>The file uploaded for the line (S-ANN: a new upload replaces the previous one).</summary>
    Uploaded,
}

/// <summary>One announcement a line plays: on or off, and which audio.</summary>
public sealed record AnnouncementChoice(bool Enabled, AnnouncementSource Source = AnnouncementSource.Predefined);

/// <summary>L-GREETING: played to the caller before the call is answered.</summary>
public sealed record Greeting
{
    public bool Enabled { get; init; }

    public AnnouncementSource Source { get; init; } = AnnouncementSource.Predefined;

    /// <summary>The line rings while it plays and answering cuts it; otherwise it plays fully first.</summary>
    public bool Interruptible { get; init; } = true;

    /// <summary>Played only during this calendar's opening hours, when set.</summary>
    public Guid? CalendarId { get; init; }
}

/// <summary>L-GREETING (off), L-HOLDANN (on, predefined hold), L-CWANN (on, predefined call waiting); manager only.</summary>
public sealed record LineAnnouncements
{
    public Greeting Greeting { get; init; } = new();

    public AnnouncementChoice Hold { get; init; } = new(Enabled: true);

    public AnnouncementChoice CallWaiting { get; init; } = new(Enabled: true);
}
