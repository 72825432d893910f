using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Sales;

public class SalesPeriodTests
{
    [Theory]
    [InlineData("2026-06-01", "2026-06-01", "2026-06-07")] // a Monday starts its own week
    [InlineData("2026-06-07", "2026-06-01", "2026-06-07")] // a Sunday ends it
    [InlineData("2026-07-02", "2026-06-29", "2026-07-05")] // across a month end
    [InlineData("2027-01-01", "2026-12-28", "2027-01-03")] // across a year end
    [InlineData("2028-02-29", "2028-02-28", "2028-03-05")] // leap day
    public void Containing_Week_StartsOnMonday(string date, string start, string end)
    {
        var week = SalesPeriod.Containing(SalesPeriodKind.Week, DateOnly.Parse(date));

        Assert.Equal(DateOnly.Parse(start), week.Start);
        Assert.Equal(DateOnly.Parse(end), week.End);
        Assert.Equal(DayOfWeek.Monday, week.Start.DayOfWeek);
        Assert.Equal(7, week.Days);
    }

    [Theory]
    [InlineData(SalesPeriodKind.Month, "2028-02-15", "2028-02-01", "2028-02-29")]
    [InlineData(SalesPeriodKind.Month, "2026-02-28", "2026-02-01", "2026-02-28")]
    [InlineData(SalesPeriodKind.Month, "2026-12-31", "2026-12-01", "2026-12-31")]
    [InlineData(SalesPeriodKind.Quarter, "2026-10-01", "2026-10-01", "2026-12-31")]
    [InlineData(SalesPeriodKind.Quarter, "2026-12-31", "2026-10-01", "2026-12-31")]
    [InlineData(SalesPeriodKind.Quarter, "2026-03-31", "2026-01-01", "2026-03-31")]
    [InlineData(SalesPeriodKind.Quarter, "2026-04-01", "2026-04-01", "2026-06-30")]
    [InlineData(SalesPeriodKind.Year, "2028-07-04", "2028-01-01", "2028-12-31")]
    public void Containing_FirstAndLastDays_GiveInclusiveBounds(SalesPeriodKind kind, string date, string start, string end)
    {
        var period = SalesPeriod.Containing(kind, DateOnly.Parse(date));

        Assert.Equal(new SalesPeriod(kind, DateOnly.Parse(start), DateOnly.Parse(end)), period);
        Assert.True(period.Contains(DateOnly.Parse(date)));
        Assert.False(period.Contains(period.End.AddDays(1)));
        Assert.False(period.Contains(period.Start.AddDays(-1)));
    }

    [Fact]
    public void Year_LeapYear_Has366Days()
    {
        Assert.Equal(366, SalesPeriod.Year(2028).Days);
        Assert.Equal(365, SalesPeriod.Year(2026).Days);
    }

    [Fact]
    public void Next_LastWeekOfYear_IsFirstWeekOfNextYear()
    {
        var week = SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 12, 30));

        Assert.Equal(new DateOnly(2027, 1, 4), week.Next().Start);
        Assert.Equal(week, week.Next().Previous());
    }

    [Theory]
    [InlineData("week", SalesPeriodKind.Week)]
    [InlineData(" Month ", SalesPeriodKind.Month)]
    [InlineData("QUARTER", SalesPeriodKind.Quarter)]
    [InlineData("year", SalesPeriodKind.Year)]
    [InlineData("周", SalesPeriodKind.Week)]
    [InlineData("月", SalesPeriodKind.Month)]
    [InlineData("季度", SalesPeriodKind.Quarter)]
    [InlineData("年", SalesPeriodKind.Year)]
    public void TryParseKind_KnownWord_ReturnsKind(string text, SalesPeriodKind expected)
    {
        Assert.True(SalesPeriod.TryParseKind(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("fortnight")]
    [InlineData("日")]
    public void TryParseKind_UnknownWord_ReturnsFalse(string? text)
    {
        Assert.False(SalesPeriod.TryParseKind(text, out _));
    }

    [Fact]
    public void Quarter_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SalesPeriod.Quarter(2026, 5));
    }
}
