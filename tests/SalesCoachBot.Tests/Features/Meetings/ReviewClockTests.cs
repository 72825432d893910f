using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Features.Meetings;

public sealed class ReviewClockTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    // Weekends only: a month ending on a weekday, on a Saturday, on a Sunday.
    [InlineData(false, 2026, 11, "2026-11-30")]
    [InlineData(false, 2026, 1, "2026-01-30")]
    [InlineData(false, 2026, 5, "2026-05-29")]
    // China: 28 February 2026 is a Saturday worked instead (调休); January 2025 ends in the Spring Festival holiday
    // (28 January on), so its last working day is Monday 27 January; October 2026 ends on a plain Saturday.
    [InlineData(true, 2026, 2, "2026-02-28")]
    [InlineData(true, 2025, 1, "2025-01-27")]
    [InlineData(true, 2026, 10, "2026-10-30")]
    public void LastWorkingDay_InTheTeamsCalendar(bool china, int year, int month, string expected)
    {
        var calendar = china ? WorkingCalendarFile.China : WorkingCalendar.WeekendsOnly;

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReviewClock.LastWorkingDay(year, month, calendar));
    }

    [Fact]
    public void Next_Shanghai_ThisMonthsReviewThenNextMonthsOnceItBegan()
    {
        var at = new TimeOnly(16, 0);
        var first = ReviewClock.Next(at, Shanghai, WorkingCalendarFile.China, new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal((new DateOnly(2026, 11, 30), new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero)), (first.Date, first.StartsAt));

        var second = ReviewClock.Next(at, Shanghai, WorkingCalendarFile.China, first.StartsAt);
        Assert.Equal((new DateOnly(2026, 12, 31), new DateTimeOffset(2026, 12, 31, 8, 0, 0, TimeSpan.Zero)), (second.Date, second.StartsAt));

        // The agenda a day before (Sunday 29 November, 16:00 in Shanghai), the reminder 15 minutes before.
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero), ReviewClock.Due(first, at, Shanghai, 24 * 60));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 45, 0, TimeSpan.Zero), ReviewClock.Due(first, at, Shanghai, 15));
    }

    [Fact]
    public void Next_NewYork_DaylightTimeInMarchStandardTimeInNovember()
    {
        var at = new TimeOnly(16, 0);

        // 31 March 2026 (daylight time since 8 March): 16:00 EDT is 20:00 UTC.
        var march = ReviewClock.Next(at, NewYork, WorkingCalendar.WeekendsOnly, new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal((new DateOnly(2026, 3, 31), new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.Zero)), (march.Date, march.StartsAt));
        // A week's lead from 31 March is 24 March, 16:00 EDT; from 8 March's change the clocks are the same.
        Assert.Equal(new DateTimeOffset(2026, 3, 24, 20, 0, 0, TimeSpan.Zero), ReviewClock.Due(march, at, NewYork, 7 * 24 * 60));

        // 30 November 2026 (standard time since 1 November): 16:00 EST is 21:00 UTC; a week's lead crosses nothing,
        // a 30-day lead would: the agenda is wall-clock 16:00 on 31 October, still daylight time (20:00 UTC).
        var november = ReviewClock.Next(at, NewYork, WorkingCalendar.WeekendsOnly, new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal((new DateOnly(2026, 11, 30), new DateTimeOffset(2026, 11, 30, 21, 0, 0, TimeSpan.Zero)), (november.Date, november.StartsAt));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero), ReviewClock.Due(november, at, NewYork, 7 * 24 * 60));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 20, 0, 0, TimeSpan.Zero), ReviewClock.Due(november, at, NewYork, 30 * 24 * 60));
    }

    [Theory]
    [InlineData(16, 0, 24 * 60, "0 16 * * *")]
    [InlineData(16, 0, 15, "45 15 * * *")]
    [InlineData(9, 30, 120, "30 7 * * *")]
    [InlineData(0, 10, 30, "40 23 * * *")]
    public void DailyCron_TheLocalTimeOfDayTheLeadBefore(int hour, int minute, int lead, string cron)
    {
        Assert.Equal(cron, ReviewClock.DailyCron(new TimeOnly(hour, minute), lead));
    }

    [Fact]
    public void IsDue_OnlyFromTheLeadUntilTheStart()
    {
        var at = new TimeOnly(16, 0);
        var review = ReviewClock.Next(at, Shanghai, WorkingCalendarFile.China, new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));
        var due = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

        Assert.False(ReviewClock.IsDue(review, at, Shanghai, 24 * 60, due.AddDays(-1)));
        Assert.False(ReviewClock.IsDue(review, at, Shanghai, 24 * 60, due.AddSeconds(-1)));
        Assert.True(ReviewClock.IsDue(review, at, Shanghai, 24 * 60, due));
        Assert.True(ReviewClock.IsDue(review, at, Shanghai, 24 * 60, review.StartsAt.AddSeconds(-1)));
        Assert.False(ReviewClock.IsDue(review, at, Shanghai, 24 * 60, review.StartsAt));
    }
}
