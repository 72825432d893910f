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
    [InlineData("""{ "year": 2026, "source": 12 }""", "\"source\" must be a text")]
    [InlineData("""{ "year": 1999 }""", "not a year between 2000 and 2100")]
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

    [Fact]
    public void Read_SourceAndYear_KeepsThemAndCoversTheYear()
    {
        var file = WorkingCalendarFile.Read("""{ "year": 2027, "source": " our HR notice ", "holidays": ["2027-01-01"] }""");

        Assert.Equal((2027, "our HR notice"), (file.Year, file.Source));
        Assert.Equal([2027], file.Calendar.CoveredYears);
    }

    [Fact]
    public void Write_ThenRead_SameCalendarWithRanges()
    {
        var file = WorkingCalendarFile.ReadBundled("cn-2026");

        var written = WorkingCalendarFile.Write(file);
        var again = WorkingCalendarFile.Read(written);

        Assert.Contains("\"2026-02-15..2026-02-23\"", written, StringComparison.Ordinal);
        Assert.Contains("国务院办公厅", written, StringComparison.Ordinal);
        Assert.Equal(file.Calendar.Holidays, again.Calendar.Holidays);
        Assert.Equal(file.Calendar.ExtraWorkingDays, again.Calendar.ExtraWorkingDays);
        Assert.Equal(file.Source, again.Source);
    }

    [Fact]
    public void Read_TooManyEntries_Refused()
    {
        var days = string.Join(", ", Enumerable.Repeat("\"2026-01-01\"", WorkingCalendarFile.MaxEntries + 1));

        var ex = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Read($$"""{ "year": 2026, "holidays": [{{days}}] }"""));

        Assert.Contains(ex.Errors, e => e.Contains("at most 366", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_LargerThanTheLimit_Refused()
    {
        var json = """{ "year": 2026, "comment": " """ + new string('x', WorkingCalendarFile.MaxFileBytes) + "\" }";

        var ex = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Read(json));

        Assert.Contains("larger than", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WholeYearOfWrongWorkdays_ListsTheFirstErrorsAndHowManyMore()
    {
        var ex = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Read(
            """{ "year": 2026, "holidays": ["2026-01-01..2026-12-31"], "workdays": ["2026-01-01..2026-12-31"] }"""));

        Assert.Equal(51, ex.Errors.Count);
        Assert.StartsWith("… and ", ex.Errors[^1], StringComparison.Ordinal);
    }
}
