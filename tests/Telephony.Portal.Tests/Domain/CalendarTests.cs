using Telephony.Portal.Domain.Calendars;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Domain;

public sealed class CalendarTests
{
    private static readonly TimeZoneInfo ParisZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Fact]
    public void IsOpenAt_OfficeHoursWithLunchBreak_OnTheParisWallClock()
    {
        var calendar = Office();

        // Monday 2 March 2026 (UTC+1): 09:30, 12:30 (lunch), 14:00, 18:00 (closed: end excluded).
        Assert.True(calendar.IsOpenAt(Paris(2026, 3, 2, 9, 30), ParisZone));
        Assert.False(calendar.IsOpenAt(Paris(2026, 3, 2, 12, 30), ParisZone));
        Assert.True(calendar.IsOpenAt(Paris(2026, 3, 2, 14, 0), ParisZone));
        Assert.False(calendar.IsOpenAt(Paris(2026, 3, 2, 18, 0), ParisZone));
        Assert.False(calendar.IsOpenAt(Paris(2026, 3, 7, 10, 0), ParisZone)); // Saturday
    }

    [Fact]
    public void IsOpenAt_AcrossTheSpringDstChange_KeepsWallClockHours()
    {
        var calendar = Office();

        // 30 March 2026 is the Monday after the change to UTC+2: 09:00 local is 07:00 UTC.
        Assert.True(calendar.IsOpenAt(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), ParisZone));
        Assert.False(calendar.IsOpenAt(new DateTimeOffset(2026, 3, 30, 6, 59, 0, TimeSpan.Zero), ParisZone));
        // The Monday before (UTC+1): 09:00 local is 08:00 UTC, so 07:30 UTC is still closed.
        Assert.False(calendar.IsOpenAt(new DateTimeOffset(2026, 3, 23, 7, 30, 0, TimeSpan.Zero), ParisZone));
    }

    [Fact]
    public void IsOpenAt_ClosurePeriodAndSingleDay_AreClosed()
    {
        var calendar = Calendar.Create(Guid.NewGuid(), "Office", Office().OpeningHours,
            [new ClosurePeriod(new DateOnly(2026, 8, 3), new DateOnly(2026, 8, 14)), new ClosurePeriod(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1))], Now).Value!;

        Assert.False(calendar.IsOpenAt(Paris(2026, 8, 10, 10, 0), ParisZone));
        Assert.False(calendar.IsOpenAt(Paris(2026, 5, 1, 10, 0), ParisZone));
        Assert.True(calendar.IsOpenAt(Paris(2026, 8, 17, 10, 0), ParisZone));
    }

    [Fact]
    public void Create_DayTickedInALaterType_LeavesTheEarlierOne()
    {
        var calendar = Calendar.Create(Guid.NewGuid(), "Shop", [
            new OpeningHours(Weekdays, new TimeOnly(9, 0), new TimeOnly(18, 0)),
            new OpeningHours([DayOfWeek.Friday, DayOfWeek.Saturday], new TimeOnly(10, 0), new TimeOnly(16, 0)),
        ], [], Now).Value!;

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], calendar.OpeningHours[0].Days);
        Assert.Equal([DayOfWeek.Friday, DayOfWeek.Saturday], calendar.OpeningHours[1].Days);
        Assert.False(calendar.IsOpenAt(Paris(2026, 3, 6, 9, 30), ParisZone)); // Friday follows the second type
        Assert.True(calendar.IsOpenAt(Paris(2026, 3, 6, 10, 30), ParisZone));
    }

    [Fact]
    public void Create_OverlappingHours_AreRefusedOnTheField()
    {
        var result = Calendar.Create(Guid.NewGuid(), "Bad", [new OpeningHours(Weekdays, new TimeOnly(9, 0), new TimeOnly(13, 0), new TimeOnly(12, 0), new TimeOnly(18, 0))], [], Now);

        Assert.Equal(["The hours overlap: the second opening starts after the first one ends."], result.Error!.MessagesFor("OpeningHours[0].AfternoonStart"));
    }

    [Fact]
    public void Create_EveryMistake_IsReportedAtOnce()
    {
        var result = Calendar.Create(Guid.NewGuid(), "", [
            new OpeningHours(Weekdays, new TimeOnly(18, 0), new TimeOnly(9, 0)),
            new OpeningHours(Weekdays, new TimeOnly(9, 0), new TimeOnly(12, 0), new TimeOnly(14, 0)),
        ], [new ClosurePeriod(new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1))], Now);

        var error = result.Error!;
        Assert.NotEmpty(error.MessagesFor("Name"));
        Assert.NotEmpty(error.MessagesFor("OpeningHours[0].End"));
        Assert.NotEmpty(error.MessagesFor("OpeningHours[0].Days"));
        Assert.NotEmpty(error.MessagesFor("OpeningHours[1].AfternoonEnd"));
        Assert.NotEmpty(error.MessagesFor("Closures[0].LastDay"));
    }

    [Fact]
    public void Create_WithoutOpeningHours_IsRefused()
    {
        Assert.NotEmpty(Calendar.Create(Guid.NewGuid(), "Empty", [], [], Now).Error!.MessagesFor("OpeningHours"));
    }

    private static Calendar Office() =>
        Calendar.Create(Guid.NewGuid(), "Office", [new OpeningHours(Weekdays, new TimeOnly(9, 0), new TimeOnly(12, 0), new TimeOnly(13, 30), new TimeOnly(18, 0))], [], Now).Value!;

    private static DateTimeOffset Paris(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, ParisZone.GetUtcOffset(local));
    }
}
