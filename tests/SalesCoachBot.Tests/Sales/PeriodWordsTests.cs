using System.Globalization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Sales;

public sealed class PeriodWordsTests
{
    // Wednesday 18 November 2026.
    private static readonly DateOnly November18 = new(2026, 11, 18);

    private static (DateOnly Start, DateOnly End) Read(string text, DateOnly today, YearlessPeriod yearless)
    {
        Assert.True(PeriodWords.TryRead(text, today, yearless, out var period), text);
        return (period.Start, period.End);
    }

    private static (DateOnly, DateOnly) Range(string start, string end) =>
        (DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture));

    [Theory]
    // Relative to today, in both languages.
    [InlineData("year", "2026-01-01", "2026-12-31")]
    [InlineData("年", "2026-01-01", "2026-12-31")]
    [InlineData("本年", "2026-01-01", "2026-12-31")]
    [InlineData("今年", "2026-01-01", "2026-12-31")]
    [InlineData("全年", "2026-01-01", "2026-12-31")]
    [InlineData("明年", "2027-01-01", "2027-12-31")]
    [InlineData("去年", "2025-01-01", "2025-12-31")]
    [InlineData("next year", "2027-01-01", "2027-12-31")]
    [InlineData("last year", "2025-01-01", "2025-12-31")]
    [InlineData("this month", "2026-11-01", "2026-11-30")]
    [InlineData("last month", "2026-10-01", "2026-10-31")]
    [InlineData("Last  Month", "2026-10-01", "2026-10-31")]
    [InlineData("next month", "2026-12-01", "2026-12-31")]
    [InlineData("本月", "2026-11-01", "2026-11-30")]
    [InlineData("上月", "2026-10-01", "2026-10-31")]
    [InlineData("上个月", "2026-10-01", "2026-10-31")]
    [InlineData("下月", "2026-12-01", "2026-12-31")]
    [InlineData("下个月", "2026-12-01", "2026-12-31")]
    [InlineData("这个月", "2026-11-01", "2026-11-30")]
    [InlineData("quarter", "2026-10-01", "2026-12-31")]
    [InlineData("last quarter", "2026-07-01", "2026-09-30")]
    [InlineData("next quarter", "2027-01-01", "2027-03-31")]
    [InlineData("本季度", "2026-10-01", "2026-12-31")]
    [InlineData("上季度", "2026-07-01", "2026-09-30")]
    [InlineData("下季度", "2027-01-01", "2027-03-31")]
    [InlineData("week", "2026-11-16", "2026-11-22")]
    [InlineData("本周", "2026-11-16", "2026-11-22")]
    [InlineData("上周", "2026-11-09", "2026-11-15")]
    [InlineData("下周", "2026-11-23", "2026-11-29")]
    [InlineData("last week", "2026-11-09", "2026-11-15")]
    [InlineData("上个星期", "2026-11-09", "2026-11-15")]
    // Years, quarters, halves, months and weeks with a year.
    [InlineData("2027", "2027-01-01", "2027-12-31")]
    [InlineData("2027年", "2027-01-01", "2027-12-31")]
    [InlineData("2027年度", "2027-01-01", "2027-12-31")]
    [InlineData("2027-Q1", "2027-01-01", "2027-03-31")]
    [InlineData("2027Q3", "2027-07-01", "2027-09-30")]
    [InlineData("Q1 2027", "2027-01-01", "2027-03-31")]
    [InlineData("2027 Q2", "2027-04-01", "2027-06-30")]
    [InlineData("2027年一季度", "2027-01-01", "2027-03-31")]
    [InlineData("2027年第2季度", "2027-04-01", "2027-06-30")]
    [InlineData("2027-H1", "2027-01-01", "2027-06-30")]
    [InlineData("H2 2026", "2026-07-01", "2026-12-31")]
    [InlineData("2026年上半年", "2026-01-01", "2026-06-30")]
    [InlineData("2026年3月", "2026-03-01", "2026-03-31")]
    [InlineData("2026/3", "2026-03-01", "2026-03-31")]
    [InlineData("2026-03", "2026-03-01", "2026-03-31")]
    [InlineData("2026.12", "2026-12-01", "2026-12-31")]
    [InlineData("december 2027", "2027-12-01", "2027-12-31")]
    [InlineData("Dec 2027", "2027-12-01", "2027-12-31")]
    [InlineData("2027 march", "2027-03-01", "2027-03-31")]
    [InlineData("２０２７年２月", "2027-02-01", "2027-02-28")]
    [InlineData("2026-W10", "2026-03-02", "2026-03-08")]
    [InlineData("2026年第10周", "2026-03-02", "2026-03-08")]
    // Without a year, today's month, quarter, half or week: the same whichever way the reader looks.
    [InlineData("十一月", "2026-11-01", "2026-11-30")]
    [InlineData("第四季度", "2026-10-01", "2026-12-31")]
    [InlineData("Q4", "2026-10-01", "2026-12-31")]
    [InlineData("下半年", "2026-07-01", "2026-12-31")]
    [InlineData("W47", "2026-11-16", "2026-11-22")]
    public void TryRead_KnownForms_GiveThePeriodEitherWay(string text, string start, string end)
    {
        Assert.Equal(Range(start, end), Read(text, November18, YearlessPeriod.Ahead));
        Assert.Equal(Range(start, end), Read(text, November18, YearlessPeriod.Back));
    }

    [Theory]
    // Over this year: setting a target means next year's (in November 2026, "March" is March 2027) …
    [InlineData("March", YearlessPeriod.Ahead, "2027-03-01", "2027-03-31")]
    [InlineData("3月", YearlessPeriod.Ahead, "2027-03-01", "2027-03-31")]
    [InlineData("三月", YearlessPeriod.Ahead, "2027-03-01", "2027-03-31")]
    [InlineData("Q1", YearlessPeriod.Ahead, "2027-01-01", "2027-03-31")]
    [InlineData("一季度", YearlessPeriod.Ahead, "2027-01-01", "2027-03-31")]
    [InlineData("上半年", YearlessPeriod.Ahead, "2027-01-01", "2027-06-30")]
    [InlineData("W1", YearlessPeriod.Ahead, "2027-01-04", "2027-01-10")]
    [InlineData("October", YearlessPeriod.Ahead, "2027-10-01", "2027-10-31")]
    // … a view looks back at the most recent one (the monthly review).
    [InlineData("March", YearlessPeriod.Back, "2026-03-01", "2026-03-31")]
    [InlineData("一季度", YearlessPeriod.Back, "2026-01-01", "2026-03-31")]
    [InlineData("上半年", YearlessPeriod.Back, "2026-01-01", "2026-06-30")]
    [InlineData("W1", YearlessPeriod.Back, "2025-12-29", "2026-01-04")]
    [InlineData("October", YearlessPeriod.Back, "2026-10-01", "2026-10-31")]
    // Still to come this year: this year's when setting, last year's when looking back.
    [InlineData("December", YearlessPeriod.Ahead, "2026-12-01", "2026-12-31")]
    [InlineData("Dec", YearlessPeriod.Ahead, "2026-12-01", "2026-12-31")]
    [InlineData("Dec.", YearlessPeriod.Ahead, "2026-12-01", "2026-12-31")]
    [InlineData("12月", YearlessPeriod.Ahead, "2026-12-01", "2026-12-31")]
    [InlineData("十二月", YearlessPeriod.Ahead, "2026-12-01", "2026-12-31")]
    [InlineData("12月份", YearlessPeriod.Ahead, "2026-12-01", "2026-12-31")]
    [InlineData("第53周", YearlessPeriod.Ahead, "2026-12-28", "2027-01-03")]
    [InlineData("December", YearlessPeriod.Back, "2025-12-01", "2025-12-31")]
    [InlineData("十二月", YearlessPeriod.Back, "2025-12-01", "2025-12-31")]
    // Today's month is never moved.
    [InlineData("November", YearlessPeriod.Ahead, "2026-11-01", "2026-11-30")]
    public void TryRead_WithoutAYear_FollowsTheYearlessRule(string text, YearlessPeriod yearless, string start, string end) =>
        Assert.Equal(Range(start, end), Read(text, November18, yearless));

    [Fact]
    public void TryRead_InDecemberAndJanuary_MovesToTheYearMeant()
    {
        var december = new DateOnly(2026, 12, 15);
        var january = new DateOnly(2027, 1, 10);

        // Setting in December: March and Q1 are next year's, December is this one.
        Assert.Equal(Range("2027-03-01", "2027-03-31"), Read("March", december, YearlessPeriod.Ahead));
        Assert.Equal(Range("2027-01-01", "2027-03-31"), Read("Q1", december, YearlessPeriod.Ahead));
        Assert.Equal(Range("2026-12-01", "2026-12-31"), Read("12月", december, YearlessPeriod.Ahead));
        // Reviewing in January: 11月 and 十二月 are last year's, January this one.
        Assert.Equal(Range("2026-11-01", "2026-11-30"), Read("11月", january, YearlessPeriod.Back));
        Assert.Equal(Range("2026-12-01", "2026-12-31"), Read("十二月", january, YearlessPeriod.Back));
        Assert.Equal(Range("2026-10-01", "2026-12-31"), Read("Q4", january, YearlessPeriod.Back));
        Assert.Equal(Range("2026-12-01", "2026-12-31"), Read("last month", january, YearlessPeriod.Back));
        Assert.Equal(Range("2027-01-01", "2027-01-31"), Read("1月", january, YearlessPeriod.Back));
    }

    [Fact]
    public void TryRead_IsoWeekYears_CountFromTheWeeksThursday()
    {
        // Friday 1 January 2027 is in week 53 of 2026: "this week" and "W53" are that week.
        var newYear = new DateOnly(2027, 1, 1);
        Assert.Equal(Range("2026-12-28", "2027-01-03"), Read("本周", newYear, YearlessPeriod.Back));
        Assert.Equal(Range("2026-12-28", "2027-01-03"), Read("W53", newYear, YearlessPeriod.Back));
        Assert.Equal(Range("2027-01-04", "2027-01-10"), Read("next week", newYear, YearlessPeriod.Back));
        // 2027 has 52 ISO weeks: its week 53 does not exist.
        Assert.False(PeriodWords.TryRead("2027-W53", newYear, YearlessPeriod.Back, out _));
        Assert.Equal("2026-W53", PeriodWords.Key(SalesPeriod.Containing(SalesPeriodKind.Week, newYear)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("fortnight")]
    [InlineData("Q5")]
    [InlineData("H3")]
    [InlineData("2026-00")]
    [InlineData("2026-13")]
    [InlineData("13月")]
    [InlineData("十三月")]
    [InlineData("2026-W54")]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("五季度")]
    [InlineData("de")]
    [InlineData("Decembers")]
    [InlineData("last fortnight")]
    [InlineData("上上月")]
    [InlineData("3/2026")]
    // Other scripts' digits match .NET's \d but are no month or week: refused, never an exception.
    [InlineData("٣月")]
    [InlineData("२०२६-०३")]
    [InlineData("第٣周")]
    [InlineData("W٣")]
    public void TryRead_UnknownForms_AreRefused(string text) =>
        Assert.False(PeriodWords.TryRead(text, November18, YearlessPeriod.Ahead, out _));

    [Theory]
    [InlineData("2026-03", 2026, "2026-03-01")]
    [InlineData("3月", 2027, "2027-03-01")]
    [InlineData("Q1", 2027, "2027-01-01")]
    [InlineData("2026年3月", null, "2026-03-01")]
    public void TryReadInYear_FileCells_UseTheRowsYear(string cell, int? year, string start)
    {
        Assert.True(PeriodWords.TryReadInYear(cell, year, out var period));
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), period.Start);
    }

    [Theory]
    [InlineData("3月", null)]
    [InlineData("last month", 2026)]
    [InlineData("本月", 2026)]
    public void TryReadInYear_NoYearOrRelativeWords_AreRefused(string cell, int? year) =>
        Assert.False(PeriodWords.TryReadInYear(cell, year, out _));

    [Fact]
    public void CardKey_CurrentPeriodTravelsAsItsKind_OthersAsTheirKey()
    {
        var november = SalesPeriod.Month(2026, 11);
        Assert.Equal("month", PeriodWords.CardKey(november, November18));
        Assert.Equal("2026-10", PeriodWords.CardKey(november.Previous(), November18));
        Assert.Equal("2026-Q3", PeriodWords.CardKey(SalesPeriod.Quarter(2026, 3), November18));
        Assert.Equal("2026-H1", PeriodWords.CardKey(SalesPeriod.Half(2026, 1), November18));
        Assert.Equal("2025", PeriodWords.CardKey(SalesPeriod.Year(2025), November18));
        // Read back the same a day (or a month) later.
        Assert.True(PeriodWords.TryRead("2026-10", new DateOnly(2027, 2, 1), YearlessPeriod.Back, out var back));
        Assert.Equal(november.Previous(), back);
    }
}
