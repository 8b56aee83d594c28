namespace Telephony.Contracts.Routing;

/// <summary>
/// A line's service settings (SPEC section 4) as the Portal holds them: what CallControl
/// applies to calls (forwards, DND, blocked numbers, announcements…). Enumerations travel as
/// their names; numbers are E.164 or the digits of an internal short number.
/// </summary>
public sealed record RoutingLineServices
{
    /// <summary>LineNumber, Hidden or Alternative (L-CLI).</summary>
    public required string CallerId { get; init; }

    public string? AlternativeNumber { get; init; }

    public required bool CallbackOnBusy { get; init; }

    /// <summary>One of the eight L-RESTRICT profiles, e.g. NoRestriction, InternalAllWeek.</summary>
    public required string Restriction { get; init; }

    public required bool DoNotDisturb { get; init; }

    public required bool RejectAnonymous { get; init; }

    public required bool CallWaiting { get; init; }

    public required bool DistinctiveRing { get; init; }

    public required RoutingMultiRing MultiRing { get; init; }

    public required RoutingGreeting Greeting { get; init; }

    public required RoutingAnnouncement HoldAnnouncement { get; init; }

    public required RoutingAnnouncement CallWaitingAnnouncement { get; init; }

    public required IReadOnlyList<string> BlockedNumbers { get; init; }

    public required RoutingForwarding Forwarding { get; init; }

    public required RoutingVoicemailNotification VoicemailNotification { get; init; }
}

/// <summary>L-MULTIRING; Mode is Simultaneous or Sequential.</summary>
public sealed record RoutingMultiRing(bool Enabled, string Mode, IReadOnlyList<string> Numbers, int Rings);

/// <summary>
/// Source is Predefined or Uploaded. <paramref name="AnnouncementId"/> names the uploaded audio
/// (<c>announcement:&lt;tenant&gt;/&lt;id&gt;</c> on the media server) once it is converted; null for the
/// predefined audio or while the upload is converting or was refused (play the predefined one).
/// Optional, so snapshots stored before it existed still load.
/// </summary>
public sealed record RoutingAnnouncement(bool Enabled, string Source, Guid? AnnouncementId = null);

/// <summary>L-GREETING; <paramref name="AnnouncementId"/> as for <see cref="RoutingAnnouncement"/>.</summary>
public sealed record RoutingGreeting(bool Enabled, string Source, bool Interruptible, Guid? CalendarId, Guid? AnnouncementId = null);

/// <summary>One forward; Target is Voicemail, Number or AssociatedMobile.</summary>
public sealed record RoutingForward(bool Enabled, string Target, string? Number);

/// <summary>L-FWD.</summary>
public sealed record RoutingForwarding(
    RoutingForward Immediate,
    RoutingForward Busy,
    RoutingForward NoAnswer,
    int NoAnswerRings,
    RoutingForward Unreachable,
    RoutingForward Scheduled,
    Guid? ScheduleCalendarId);

/// <summary>V-EMAIL; Mode is Off, Notify or NotifyWithAudio; AudioFormat Wav or Mp3.</summary>
public sealed record RoutingVoicemailNotification(string Mode, string? Email, string AudioFormat);
