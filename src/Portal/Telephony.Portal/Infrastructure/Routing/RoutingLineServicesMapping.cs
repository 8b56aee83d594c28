using Telephony.Contracts.Routing;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;

namespace Telephony.Portal.Infrastructure.Routing;

/// <summary>A line's services as the routing snapshot carries them.</summary>
internal static class RoutingLineServicesMapping
{
    /// <param name="readyAnnouncements">The tenant's announcements whose audio the media server holds: only those are named, so CallControl never asks for audio that does not exist yet.</param>
    public static RoutingLineServices? ToRouting(this Line line, IReadOnlySet<Guid> readyAnnouncements)
    {
        if (!line.Kind.IsUserLine() && line.Kind != LineKind.Analog)
        {
            return null;
        }

        var s = line.Services;
        return new RoutingLineServices
        {
            CallerId = s.Outgoing.CallerId.ToString(),
            AlternativeNumber = s.Outgoing.AlternativeNumber,
            CallbackOnBusy = s.Outgoing.CallbackOnBusy,
            Restriction = s.Outgoing.Restriction.ToString(),
            DoNotDisturb = s.Incoming.DoNotDisturb,
            RejectAnonymous = s.Incoming.RejectAnonymous,
            CallWaiting = s.Incoming.CallWaiting,
            DistinctiveRing = s.Incoming.DistinctiveRing,
            MultiRing = new RoutingMultiRing(s.Incoming.MultiRing.Enabled, s.Incoming.MultiRing.Mode.ToString(), s.Incoming.MultiRing.Numbers, s.Incoming.MultiRing.Rings),
            Greeting = new RoutingGreeting(
                s.Announcements.Greeting.Enabled,
                s.Announcements.Greeting.Source.ToString(),
                s.Announcements.Greeting.Interruptible,
                s.Announcements.Greeting.CalendarId,
                ReadyAudio(s.Announcements.Greeting.Recording, readyAnnouncements)),
            HoldAnnouncement = Announcement(s.Announcements.Hold, readyAnnouncements),
            CallWaitingAnnouncement = Announcement(s.Announcements.CallWaiting, readyAnnouncements),
            BlockedNumbers = s.BlockedNumbers,
            Forwarding = new RoutingForwarding(
                Forward(s.Forwarding.Immediate),
                Forward(s.Forwarding.Busy),
                Forward(s.Forwarding.NoAnswer),
                s.Forwarding.NoAnswerRings,
                Forward(s.Forwarding.Unreachable),
                Forward(s.Forwarding.Scheduled),
                s.Forwarding.ScheduleCalendarId),
            VoicemailNotification = new RoutingVoicemailNotification(s.VoicemailNotification.Mode.ToString(), s.VoicemailNotification.Email, s.VoicemailNotification.AudioFormat.ToString()),
        };
    }

    private static RoutingAnnouncement Announcement(AnnouncementChoice choice, IReadOnlySet<Guid> ready) =>
        new(choice.Enabled, choice.Source.ToString(), ReadyAudio(choice.Recording, ready));

    private static Guid? ReadyAudio(Recording? recording, IReadOnlySet<Guid> ready) =>
        recording?.AnnouncementId is { } id && ready.Contains(id) ? id : null;

    private static RoutingForward Forward(Forward forward) => new(forward.Enabled, forward.Target.ToString(), forward.Number);
}
