using Telephony.Contracts.Routing;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;

namespace Telephony.Portal.Infrastructure.Routing;

/// <summary>A line's services as the routing snapshot carries them.</summary>
internal static class RoutingLineServicesMapping
{
    public static RoutingLineServices? ToRouting(this Line line)
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
            Greeting = new RoutingGreeting(s.Announcements.Greeting.Enabled, s.Announcements.Greeting.Source.ToString(), s.Announcements.Greeting.Interruptible, s.Announcements.Greeting.CalendarId),
            HoldAnnouncement = Announcement(s.Announcements.Hold),
            CallWaitingAnnouncement = Announcement(s.Announcements.CallWaiting),
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

    private static RoutingAnnouncement Announcement(AnnouncementChoice choice) => new(choice.Enabled, choice.Source.ToString());

    private static RoutingForward Forward(Forward forward) => new(forward.Enabled, forward.Target.ToString(), forward.Number);
}
