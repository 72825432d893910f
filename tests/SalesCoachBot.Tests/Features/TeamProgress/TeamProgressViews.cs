using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Features.TeamProgress;

/// <summary>Team progress snapshots covering every branch of the team card and the leaderboard, for the renderer check.</summary>
internal static class TeamProgressViews
{
    public static IEnumerable<(string Name, TeamProgressSnapshot Snapshot)> Representative(string awkwardName)
    {
        var today = new DateOnly(2026, 11, 18);
        var asOf = new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var month = SalesPeriod.Month(2026, 11);
        var calendar = WorkingCalendarFile.China;
        Pace Pace(decimal target, decimal actual, SalesPeriod period) => PaceCalculator.Calculate(new PaceInput(target, actual, period, today, calendar));
        TeamKpi[] kpis = [new(1, "revenue", "Revenue \"net\" 营收", KpiUnit.Currency, "CNY"), new(2, "contracts", "Contracts", KpiUnit.Count, null)];
        RepProgress Rep(long id, string name, decimal target, decimal actual, Improvement? improvement, SalesPeriod period) =>
            new(id, name, new Dictionary<long, Pace> { [1] = Pace(target, actual, period), [2] = Pace(4, 1, period) }, improvement);

        IReadOnlyList<RepProgress> reps =
        [
            Rep(1, awkwardName, 100_000m, 180_000m, new Improvement(315m, 90m), month),
            Rep(2, "Bob Li", 100_000m, 20_000m, new Improvement(35m, 40m), month),
            Rep(3, "Carol Chen", 0m, 5_000m, null, month),
            Rep(4, "张伟", 100_000m, 57_000m, new Improvement(100m, 100m), month),
        ];
        yield return ("month", new(7, awkwardName, month, today, asOf, zone, kpis, [Pace(300_000m, 262_000m, month), Pace(16, 4, month)], reps));

        var year = SalesPeriod.Year(2025);
        yield return ("past-year", new(7, "East", year, today, asOf, zone, kpis, [Pace(0, 0, year), Pace(0, 0, year)],
            [Rep(1, "Alice", 0, 0, null, year)]));
        // October in the monthly review: final results (reached, missed), some targets sums of set months.
        var october = SalesPeriod.Month(2026, 10);
        yield return ("past-month", new(7, "East", october, today, asOf, zone, kpis, [Pace(200_000m, 230_000m, october), Pace(8, 6, october)],
            [Rep(1, "Alice", 100_000m, 150_000m, new Improvement(150m, 90m), october), Rep(2, "张伟", 100_000m, 80_000m, new Improvement(80m, 100m), october),
                Rep(3, "Carol Chen", 0m, 5_000m, null, october)], HasSummedTargets: true));
        var nextQuarter = SalesPeriod.Quarter(2027, 1);
        yield return ("next-quarter", new(7, "East", nextQuarter, today, asOf, zone, kpis, [Pace(300_000m, 0m, nextQuarter), Pace(12, 0, nextQuarter)],
            [Rep(1, "Alice", 150_000m, 0m, null, nextQuarter), Rep(3, "Carol Chen", 0m, 0m, null, nextQuarter)]));
        yield return ("no-reps", new(7, "East", month, today, asOf, zone, kpis, [Pace(0, 0, month), Pace(0, 0, month)], []));
        yield return ("no-kpis", new(7, "East", month, today, asOf, zone, [], [], []));
        // The week across the new year when the next year's holidays are not loaded: the footer says so.
        var december30 = new DateOnly(2026, 12, 30);
        var week = SalesPeriod.Containing(SalesPeriodKind.Week, december30);
        Pace WeekPace(decimal target, decimal actual) => PaceCalculator.Calculate(new PaceInput(target, actual, week, december30, calendar));
        RepProgress alice = new(1, "Alice", new Dictionary<long, Pace> { [1] = WeekPace(10_000m, 4_000m), [2] = WeekPace(4, 1) }, new Improvement(100m, 90m));
        yield return ("calendar-missing", new(7, "East", week, december30, asOf.AddDays(42), zone, kpis,
            [WeekPace(10_000m, 4_000m), WeekPace(4, 1)], [alice], [2027]));
    }
}
