using System.Globalization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Sales;

/// <summary>
/// Every bundled China year, checked day by day against the State Council notice it comes from. The notices' dates are
/// written here as data, independently of the JSON files, each with the weekday the notice prints next to it, so a
/// typo in a file, a shifted range or a wrong weekday in the data itself fails.
/// </summary>
public sealed class BundledCalendarTests
{
    /// <summary>What a notice says: days off (ranges, with the weekdays it prints) and weekend days worked (调休).</summary>
    private sealed record Notice(string Title, Holiday[] Holidays, Workday[] Workdays);

    private sealed record Holiday(string Name, string From, DayOfWeek FromDay, string To, DayOfWeek ToDay, int Days);

    private sealed record Workday(string Date, DayOfWeek Day);

    private static readonly Dictionary<int, Notice> Notices = new()
    {
        // 国务院办公厅关于2025年部分节假日安排的通知, 2024-11-12, 国办发明电〔2024〕12号.
        [2025] = new(
            "国办发明电〔2024〕12号",
            [
                new("元旦", "2025-01-01", DayOfWeek.Wednesday, "2025-01-01", DayOfWeek.Wednesday, 1),
                new("春节", "2025-01-28", DayOfWeek.Tuesday, "2025-02-04", DayOfWeek.Tuesday, 8),
                new("清明节", "2025-04-04", DayOfWeek.Friday, "2025-04-06", DayOfWeek.Sunday, 3),
                new("劳动节", "2025-05-01", DayOfWeek.Thursday, "2025-05-05", DayOfWeek.Monday, 5),
                new("端午节", "2025-05-31", DayOfWeek.Saturday, "2025-06-02", DayOfWeek.Monday, 3),
                new("国庆节、中秋节", "2025-10-01", DayOfWeek.Wednesday, "2025-10-08", DayOfWeek.Wednesday, 8),
            ],
            [
                new("2025-01-26", DayOfWeek.Sunday),
                new("2025-02-08", DayOfWeek.Saturday),
                new("2025-04-27", DayOfWeek.Sunday),
                new("2025-09-28", DayOfWeek.Sunday),
                new("2025-10-11", DayOfWeek.Saturday),
            ]),

        // 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04.
        [2026] = new(
            "国务院办公厅关于2026年部分节假日安排的通知",
            [
                new("元旦", "2026-01-01", DayOfWeek.Thursday, "2026-01-03", DayOfWeek.Saturday, 3),
                new("春节", "2026-02-15", DayOfWeek.Sunday, "2026-02-23", DayOfWeek.Monday, 9),
                new("清明节", "2026-04-04", DayOfWeek.Saturday, "2026-04-06", DayOfWeek.Monday, 3),
                new("劳动节", "2026-05-01", DayOfWeek.Friday, "2026-05-05", DayOfWeek.Tuesday, 5),
                new("端午节", "2026-06-19", DayOfWeek.Friday, "2026-06-21", DayOfWeek.Sunday, 3),
                new("中秋节", "2026-09-25", DayOfWeek.Friday, "2026-09-27", DayOfWeek.Sunday, 3),
                new("国庆节", "2026-10-01", DayOfWeek.Thursday, "2026-10-07", DayOfWeek.Wednesday, 7),
            ],
            [
                new("2026-01-04", DayOfWeek.Sunday),
                new("2026-02-14", DayOfWeek.Saturday),
                new("2026-02-28", DayOfWeek.Saturday),
                new("2026-05-09", DayOfWeek.Saturday),
                new("2026-09-20", DayOfWeek.Sunday),
                new("2026-10-10", DayOfWeek.Saturday),
            ]),
    };

    public static TheoryData<int> NoticeYears => [.. Notices.Keys];

    [Fact]
    public void ChinaYears_AreExactlyTheYearsWithANotice()
    {
        // 2027 ships only from the official notice, which could not be found as of 2026-12-07 (Calendars/README.md).
        Assert.Equal([2025, 2026], WorkingCalendarFile.ChinaYears.Select(y => y.Year));
        Assert.Equal(Notices.Keys.Order(), WorkingCalendarFile.ChinaYears.Select(y => y.Year));
        Assert.False(WorkingCalendarFile.China.Covers(2027));
    }

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void Notice_WeekdaysAndLengths_AreAsPrinted(int year)
    {
        var notice = Notices[year];

        foreach (var holiday in notice.Holidays)
        {
            Assert.Equal((holiday.FromDay, holiday.ToDay), (D(holiday.From).DayOfWeek, D(holiday.To).DayOfWeek));
            Assert.Equal(holiday.Days, D(holiday.To).DayNumber - D(holiday.From).DayNumber + 1);
        }

        foreach (var workday in notice.Workdays)
        {
            Assert.Equal(workday.Day, D(workday.Date).DayOfWeek);
            Assert.True(workday.Day is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{workday.Date} is not a weekend day");
        }
    }

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void BundledFile_EveryDayOfTheYear_MatchesTheNotice(int year)
    {
        var notice = Notices[year];
        var file = WorkingCalendarFile.ReadBundled("cn-" + year.ToString(CultureInfo.InvariantCulture));
        var off = notice.Holidays.SelectMany(h => Days(D(h.From), D(h.To))).ToHashSet();
        var on = notice.Workdays.Select(w => D(w.Date)).ToHashSet();

        Assert.Equal(year, file.Year);
        Assert.Contains(year.ToString(CultureInfo.InvariantCulture), file.Source, StringComparison.Ordinal);
        Assert.Equal(off.Order(), file.Calendar.Holidays);
        Assert.Equal(on.Order(), file.Calendar.ExtraWorkingDays);
        foreach (var day in Days(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var expected = on.Contains(day) || (!weekend && !off.Contains(day));
            Assert.True(expected == file.Calendar.IsWorkingDay(day), $"{day:yyyy-MM-dd} ({day.DayOfWeek}): the notice says {(expected ? "work" : "off")}");
            // The combined China calendar counts the same as the year's own file.
            Assert.Equal(expected, WorkingCalendarFile.China.IsWorkingDay(day));
        }
    }

    [Fact]
    public void China_Years_HaveTheWorkingDaysTheNoticesImply()
    {
        // 2025: 261 weekdays, 18 of the 28 holiday days on weekdays, 5 weekend days worked.
        Assert.Equal(261 - 18 + 5, WorkingCalendarFile.China.WorkingDays(SalesPeriod.Year(2025)));
        // 2026: 261 weekdays, 19 of the 33 holiday days on weekdays, 6 weekend days worked.
        Assert.Equal(261 - 19 + 6, WorkingCalendarFile.China.WorkingDays(SalesPeriod.Year(2026)));
    }

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
