using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Sales;

public class WorkingCalendarFileTests
{
    [Fact]
    public void Parse_DatesAndRanges_BuildsCalendar()
    {
        var calendar = WorkingCalendarFile.Parse("""
            { "year": 2026, "source": "test",
              "holidays": ["2026-03-02", "2026-03-04..2026-03-05"],
              "workdays": ["2026-03-07"] }
            """);

        Assert.Equal(
            [new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 5)],
            calendar.Holidays);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.Equal(3, calendar.WorkingDays(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8)));
    }

    [Theory]
    [InlineData("""{ "holidays": [] }""", "\"year\" is missing")]
    [InlineData("""{ "year": "2026" }""", "\"year\"")]
    [InlineData("""{ "year": 2026, "holidays": ["2026-01-01", "2026-13-01"] }""", "holidays[1]: '2026-13-01' is not a date")]
    [InlineData("""{ "year": 2026, "holidays": [20260101] }""", "holidays[0]: '20260101' is not a date")]
    [InlineData("""{ "year": 2026, "holidays": ["2025-12-31"] }""", "holidays[0]: '2025-12-31' is not in 2026")]
    [InlineData("""{ "year": 2026, "holidays": ["2026-02-10..2026-02-01"] }""", "holidays[0]: '2026-02-10..2026-02-01' ends before it starts")]
    [InlineData("""{ "year": 2026, "workdays": ["2026-03-02"] }""", "workdays[0]: 2026-03-02 is a Monday, already a working day")]
    [InlineData("""{ "year": 2026, "holidays": ["2026-03-01..2026-03-08"], "workdays": ["2026-03-07"] }""", "workdays[0]: 2026-03-07 is also listed in \"holidays\"")]
    [InlineData("""{ "year": 2026, "holidays": "2026-01-01" }""", "\"holidays\" must be a list")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    [InlineData("""{ "year": 2026, """, "not valid JSON")]
    public void Parse_BadEntry_ErrorNamesIt(string json, string expected)
    {
        var ex = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Parse(json));

        Assert.Contains(ex.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SeveralBadEntries_ReportsEach()
    {
        var ex = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Parse(
            """{ "year": 2026, "holidays": ["x", "2027-01-01"], "workdays": ["2026-03-03"] }"""));

        Assert.Equal(3, ex.Errors.Count);
    }

    [Fact]
    public void LoadBundled_UnknownName_Throws()
    {
        Assert.Throws<ArgumentException>(() => WorkingCalendarFile.LoadBundled("xx-1999"));
    }

    [Fact]
    public void LoadBundled_China2026_MatchesStateCouncilNotice()
    {
        var calendar = WorkingCalendarFile.LoadBundled("cn-2026");

        Assert.Equal(33, calendar.Holidays.Count);
        Assert.Equal(
            new[] { "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" }.Select(DateOnly.Parse),
            calendar.ExtraWorkingDays);
        Assert.Contains(new DateOnly(2026, 4, 6), calendar.Holidays);
        Assert.Contains(new DateOnly(2026, 6, 19), calendar.Holidays);
        Assert.Contains(new DateOnly(2026, 9, 25), calendar.Holidays);
    }
}
