using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Domain.Services;

public sealed class LineServicesTests
{
    [Fact]
    public void NewFixedLine_HasSpecDefaults()
    {
        var services = FixedLine().Services;

        Assert.Equal((CallerIdMode.LineNumber, true, RestrictionProfile.NoRestriction), (services.Outgoing.CallerId, services.Outgoing.CallbackOnBusy, services.Outgoing.Restriction));
        Assert.False(services.Incoming.DoNotDisturb || services.Incoming.RejectAnonymous || services.Incoming.CallWaiting || services.Incoming.DistinctiveRing || services.Incoming.MultiRing.Enabled);
        Assert.Equal((false, true, true), (services.Announcements.Greeting.Enabled, services.Announcements.Hold.Enabled, services.Announcements.CallWaiting.Enabled));
        Assert.Equal(AnnouncementSource.Predefined, services.Announcements.Hold.Source);
        var forwarding = services.Forwarding;
        Assert.False(forwarding.Immediate.Enabled || forwarding.Scheduled.Enabled);
        Assert.Equal(new Forward(true, ForwardTarget.Voicemail), forwarding.Busy);
        Assert.Equal(new Forward(true, ForwardTarget.Voicemail), forwarding.NoAnswer);
        Assert.Equal(new Forward(true, ForwardTarget.Voicemail), forwarding.Unreachable);
        Assert.Equal(3, forwarding.NoAnswerRings);
        Assert.Equal(VoicemailNotificationMode.Off, services.VoicemailNotification.Mode);
        Assert.Empty(services.BlockedNumbers);
    }

    [Fact]
    public void NewFixedForMobileLine_ForwardsImmediatelyToTheAssociatedMobile()
    {
        var line = Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.FixedForMobile, "+33199000000", Person("Ana", "Mobile"), Now).Value!;

        Assert.Equal(new Forward(true, ForwardTarget.AssociatedMobile), line.Services.Forwarding.Immediate);
        Assert.False(line.Services.Forwarding.Busy.Enabled);
    }

    [Fact]
    public void ChangeForwarding_BusyToAMobile_IsStoredInE164()
    {
        var line = FixedLine();

        Assert.Null(line.ChangeForwarding(line.Services.Forwarding with { Busy = new Forward(true, ForwardTarget.Number, "06 12 34 56 78") }));

        Assert.Equal(new Forward(true, ForwardTarget.Number, "+33612345678"), line.Services.Forwarding.Busy);
    }

    [Fact]
    public void ChangeForwarding_To0899_IsRefusedOnTheFieldAndNothingChanges()
    {
        var line = FixedLine();
        var before = line.Services;

        var error = line.ChangeForwarding(before.Forwarding with { Immediate = new Forward(true, ForwardTarget.Number, "0899123456") });

        Assert.Equal(["Calls cannot be forwarded to 08 numbers (special rate services)."], error!.MessagesFor("Immediate.Number"));
        Assert.Same(before, line.Services);
    }

    [Fact]
    public void ChangeForwarding_ImmediateAndScheduledTogether_IsRefused()
    {
        var line = FixedLine();

        var error = line.ChangeForwarding(new Forwarding { Immediate = new Forward(true, ForwardTarget.Voicemail), Scheduled = new Forward(true, ForwardTarget.Voicemail), ScheduleCalendarId = Guid.NewGuid() });

        Assert.NotEmpty(error!.MessagesFor("Scheduled.Enabled"));
    }

    [Fact]
    public void ChangeForwarding_ScheduledWithoutCalendar_IsRefused()
    {
        var error = FixedLine().ChangeForwarding(new Forwarding { Scheduled = new Forward(true, ForwardTarget.Voicemail) });

        Assert.NotEmpty(error!.MessagesFor("ScheduleCalendarId"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void ChangeForwarding_NoAnswerRingsOutOfRange_IsRefused(int rings)
    {
        Assert.NotEmpty(FixedLine().ChangeForwarding(new Forwarding { NoAnswerRings = rings })!.MessagesFor("NoAnswerRings"));
    }

    [Fact]
    public void ChangeForwarding_AnalogLineBusyForward_IsRefused_ImmediateAllowed()
    {
        var analog = Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.Analog, "+33199000000", new LineIdentity(Name: "Fax"), Now).Value!;

        Assert.Equal(["Analog lines have the immediate forward only."], analog.ChangeForwarding(new Forwarding { Busy = new Forward(true, ForwardTarget.Number, "0612345678") })!.MessagesFor("Busy.Enabled"));
        Assert.NotEmpty(analog.ChangeForwarding(new Forwarding { Immediate = new Forward(true, ForwardTarget.Voicemail) })!.MessagesFor("Immediate.Target"));
        Assert.Null(analog.ChangeForwarding(new Forwarding { Immediate = new Forward(true, ForwardTarget.Number, "0612345678") }));
    }

    [Fact]
    public void BlockNumber_The37th_IsRefused_AndDuplicatesAreConflicts()
    {
        var line = FixedLine();
        for (var i = 0; i < LineServiceRules.MaxBlockedNumbers; i++)
        {
            Assert.Null(line.BlockNumber($"01 99 00 00 {i:D2}"));
        }

        var error = line.BlockNumber("0199000099");

        Assert.Equal("blocked.full", error!.Code);
        Assert.Equal(36, line.Services.BlockedNumbers.Count);
        Assert.Equal("blocked.duplicate", line.BlockNumber("+33199000000")!.Code);
        Assert.Contains("+33199000000", line.Services.BlockedNumbers);
    }

    [Fact]
    public void ChangeBlockedNumbers_37Numbers_IsRefused_EmptyResets()
    {
        var line = FixedLine();

        Assert.NotEmpty(line.ChangeBlockedNumbers(Enumerable.Range(0, 37).Select(i => $"06000000{i:D2}").ToList())!.MessagesFor("Numbers"));
        Assert.Null(line.ChangeBlockedNumbers(["0612345678", "00441234567890", "3949"]));
        Assert.Equal(["+33612345678", "+441234567890", "3949"], line.Services.BlockedNumbers);
        Assert.Null(line.UnblockNumber("+33 6 12 34 56 78"));
        Assert.Equal("blocked.not-found", line.UnblockNumber("0612345678")!.Code);
        Assert.Null(line.ChangeBlockedNumbers([]));
        Assert.Empty(line.Services.BlockedNumbers);
    }

    [Fact]
    public void ChangeIncomingCalls_MultiRingSixNumbers_IsRefused_FiveInPlusFormAccepted()
    {
        var line = FixedLine();
        var six = Enumerable.Range(0, 6).Select(i => $"+3361234567{i}").ToList();

        Assert.NotEmpty(line.ChangeIncomingCalls(new IncomingCalls { MultiRing = new MultiRing { Enabled = true, Numbers = six } })!.MessagesFor("MultiRing.Numbers"));
        Assert.NotEmpty(line.ChangeIncomingCalls(new IncomingCalls { MultiRing = new MultiRing { Enabled = true, Numbers = ["0612345678"] } })!.MessagesFor("MultiRing.Numbers[0]"));
        Assert.Null(line.ChangeIncomingCalls(new IncomingCalls { DoNotDisturb = true, MultiRing = new MultiRing { Enabled = true, Mode = MultiRingMode.Sequential, Numbers = six[..5], Rings = 2 } }));
        Assert.True(line.Services.Incoming.DoNotDisturb);
        Assert.Equal(5, line.Services.Incoming.MultiRing.Numbers.Count);
    }

    [Fact]
    public void ChangeOutgoingCalls_AlternativeNumber_IsNormalised_AndRequiredWithThatMode()
    {
        var line = FixedLine();

        Assert.NotEmpty(line.ChangeOutgoingCalls(new OutgoingCalls { CallerId = CallerIdMode.Alternative })!.MessagesFor("AlternativeNumber"));
        Assert.Null(line.ChangeOutgoingCalls(new OutgoingCalls { CallerId = CallerIdMode.Alternative, AlternativeNumber = "01 99 00 00 09", Restriction = RestrictionProfile.InternalAllWeek }));
        Assert.Equal(("+33199000009", RestrictionProfile.InternalAllWeek), (line.Services.Outgoing.AlternativeNumber, line.Services.Outgoing.Restriction));
        Assert.Null(line.ChangeOutgoingCalls(new OutgoingCalls { CallerId = CallerIdMode.Hidden, AlternativeNumber = "0199000009" }));
        Assert.Null(line.Services.Outgoing.AlternativeNumber);
    }

    [Fact]
    public void ChangeVoicemailNotification_NeedsAnAddressWhenOn()
    {
        var line = FixedLine();

        Assert.NotEmpty(line.ChangeVoicemailNotification(new VoicemailNotification { Mode = VoicemailNotificationMode.Notify })!.MessagesFor("Email"));
        Assert.Null(line.ChangeVoicemailNotification(new VoicemailNotification { Mode = VoicemailNotificationMode.NotifyWithAudio, Email = "Me@Example.com", AudioFormat = VoicemailAudioFormat.Mp3 }));
        Assert.Equal("me@example.com", line.Services.VoicemailNotification.Email);
    }

    [Fact]
    public void HuntGroup_HasNoLineServices()
    {
        var group = Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.HuntGroup, "+33199000000", new LineIdentity(Name: "Sales"), Now).Value!;

        Assert.Equal("line.no-forwarding", group.ChangeForwarding(new Forwarding())!.Code);
        Assert.Equal("line.no-outgoing", group.ChangeOutgoingCalls(new OutgoingCalls())!.Code);
        Assert.NotNull(group.ChangeIncomingCalls(new IncomingCalls { DoNotDisturb = true }));
        Assert.NotNull(group.BlockNumber("0612345678"));
    }

    private static Line FixedLine() =>
        Line.Create(Guid.NewGuid(), Guid.NewGuid(), LineKind.Fixed, "+33199000000", Person("Alice", "Martin"), Now).Value!;
}
