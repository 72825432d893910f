using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Sales;

public class WorkingCalendarTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    // Day-by-day reference to check the arithmetic count against.
    private static int CountByHand(WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            count += calendar.IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    [Theory]
    [InlineData("2026-06-01", "2026-06-07", 5)]
    [InlineData("2026-06-06", "2026-06-07", 0)]
    [InlineData("2026-06-05", "2026-06-08", 2)]
    [InlineData("2026-06-03", "2026-06-03", 1)]
    [InlineData("2026-06-03", "2026-06-02", 0)]
    [InlineData("2026-01-01", "2026-12-31", 261)]
    [InlineData("2028-01-01", "2028-12-31", 260)]
    [InlineData("2028-02-01", "2028-02-29", 21)]
    public void WorkingDays_WeekendsOnly_CountsWeekdays(string from, string to, int expected)
    {
        Assert.Equal(expected, WorkingCalendar.WeekendsOnly.WorkingDays(D(from), D(to)));
    }

    [Fact]
    public void WorkingDays_HolidaysAndExtraDays_MatchDayByDayCount()
    {
        var calendar = new WorkingCalendar(
            holidays: [D("2026-03-02"), D("2026-03-03"), D("2026-03-07")], // two weekdays and a Saturday
            extraWorkingDays: [D("2026-03-08"), D("2026-03-14")]);          // two Sundays/Saturdays

        Assert.False(calendar.IsWorkingDay(D("2026-03-02")));
        Assert.True(calendar.IsWorkingDay(D("2026-03-08")));
        Assert.False(calendar.IsWorkingDay(D("2026-03-07")));
        // March 2026 has 22 weekdays; -2 holidays on weekdays, +2 weekend working days.
        Assert.Equal(22, calendar.WorkingDays(SalesPeriod.Month(2026, 3)));
        Assert.Equal(4, calendar.WorkingDays(D("2026-03-02"), D("2026-03-08")));
        for (var start = D("2026-02-25"); start <= D("2026-03-16"); start = start.AddDays(1))
        {
            for (var end = start.AddDays(-1); end <= D("2026-03-20"); end = end.AddDays(1))
            {
                Assert.Equal(CountByHand(calendar, start, end), calendar.WorkingDays(start, end));
            }
        }
    }

    [Fact]
    public void Constructor_DayBothHolidayAndWorkday_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WorkingCalendar([D("2026-03-07")], [D("2026-03-07")]));
        Assert.Contains("2026-03-07", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-06-01", false, 0)] // Monday morning: nothing elapsed
    [InlineData("2026-06-01", true, 1)]  // Monday evening
    [InlineData("2026-06-03", false, 2)]
    [InlineData("2026-06-07", false, 5)] // Sunday: the whole working week is behind us
    [InlineData("2026-06-30", true, 22)]
    [InlineData("2026-07-15", false, 22)] // after the period: all of it
    [InlineData("2026-05-20", true, 0)]   // before the period
    public void WorkingDaysElapsed_Today_CountsDaysBeforeTodayOrIncludingItWhenOver(string today, bool over, int expected)
    {
        var june = SalesPeriod.Month(2026, 6);

        Assert.Equal(expected, WorkingCalendar.WeekendsOnly.WorkingDaysElapsed(june, D(today), over));
    }

    [Fact]
    public void China2026_SpringFestival_HolidaysAndAdjustedSaturdays()
    {
        var calendar = WorkingCalendarFile.China;

        Assert.True(calendar.IsWorkingDay(D("2026-02-14")));  // Saturday worked (调休)
        Assert.False(calendar.IsWorkingDay(D("2026-02-16"))); // Monday, Spring Festival
        Assert.False(calendar.IsWorkingDay(D("2026-02-23"))); // Monday, last holiday day
        Assert.True(calendar.IsWorkingDay(D("2026-02-24")));
        Assert.True(calendar.IsWorkingDay(D("2026-02-28")));  // Saturday worked
        // The Spring Festival week (Mon 16 – Sun 22 Feb) has no working day.
        Assert.Equal(0, calendar.WorkingDays(SalesPeriod.Containing(SalesPeriodKind.Week, D("2026-02-18"))));
        // February: 20 weekdays, 6 of them holidays (16–20, 23), 2 Saturdays worked.
        Assert.Equal(16, calendar.WorkingDays(SalesPeriod.Month(2026, 2)));
    }

    [Fact]
    public void China2026_WholeYear_Has248WorkingDays()
    {
        var calendar = WorkingCalendarFile.China;

        // 261 weekdays; 19 of the 33 holiday days fall on weekdays; 6 weekend days are worked.
        Assert.Equal(261 - 19 + 6, calendar.WorkingDays(SalesPeriod.Year(2026)));
        Assert.Equal(CountByHand(calendar, D("2026-01-01"), D("2026-12-31")), calendar.WorkingDays(SalesPeriod.Year(2026)));
        Assert.True(calendar.IsWorkingDay(D("2026-09-20")));
        Assert.True(calendar.IsWorkingDay(D("2026-10-10")));
        Assert.False(calendar.IsWorkingDay(D("2026-10-07")));
    }

    [Fact]
    public void With_AnotherYear_CombinesBoth()
    {
        var a = new WorkingCalendar([D("2026-12-31")]);
        var b = new WorkingCalendar([D("2027-01-01")]);

        var both = a.With(b);

        Assert.False(both.IsWorkingDay(D("2026-12-31")));
        Assert.False(both.IsWorkingDay(D("2027-01-01")));
        Assert.Equal(3, both.WorkingDays(D("2026-12-28"), D("2027-01-03")));
    }

    [Fact]
    public void With_YearTheOtherCovers_ReplacesThatYearWhole()
    {
        var bundled = new WorkingCalendar([D("2026-10-01"), D("2027-01-01"), D("2027-02-10")], [D("2027-02-06")], [2026, 2027]);
        // The tenant's 2027 knows 1 January only: 10 February is a working day again, 6 February a plain Saturday.
        var own = new WorkingCalendar([D("2027-01-01")], coveredYears: [2027]);

        var both = bundled.With(own);

        Assert.False(both.IsWorkingDay(D("2026-10-01")));
        Assert.False(both.IsWorkingDay(D("2027-01-01")));
        Assert.True(both.IsWorkingDay(D("2027-02-10")));
        Assert.False(both.IsWorkingDay(D("2027-02-06")));
        Assert.Equal([2026, 2027], both.CoveredYears);
    }

    [Fact]
    public void UncoveredYears_WeekAcrossNewYear_NamesOnlyTheYearNotCovered()
    {
        var calendar = new WorkingCalendar([D("2026-10-01")], coveredYears: [2026]);
        var week = SalesPeriod.Containing(SalesPeriodKind.Week, D("2026-12-30"));

        Assert.Equal([2027], calendar.UncoveredYears(week));
        Assert.Empty(calendar.UncoveredYears(SalesPeriod.Month(2026, 12)));
        Assert.Equal([2027, 2028], calendar.UncoveredYears(D("2026-12-31"), D("2028-01-01")));
        // A rule covers every year.
        Assert.Empty(WorkingCalendar.WeekendsOnly.UncoveredYears(week));
        Assert.True(WorkingCalendar.WeekendsOnly.Covers(2099));
    }

    [Fact]
    public void With_RuleAndYears_CoversEveryYear()
    {
        var years = new WorkingCalendar([D("2026-10-01")], coveredYears: [2026]);

        Assert.Null(WorkingCalendar.WeekendsOnly.With(years).CoveredYears);
        Assert.Null(years.With(new WorkingCalendar([D("2027-01-01")])).CoveredYears);
    }
}
