using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Features.Targets;

/// <summary>Representative targets-card views (November 2026, weekends-only calendar, read on the 16th before work).</summary>
internal static class TargetsViews
{
    public static readonly SalesPeriod November = SalesPeriod.Month(2026, 11);
    public static readonly DateOnly Today = new(2026, 11, 16);
    // 01:00 UTC on the 16th is 09:00 in Shanghai.
    public static readonly DateTimeOffset AsOf = new(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static Pace Pace(decimal target, decimal actual, DateOnly? today = null, bool todayIsOver = false) =>
        PaceCalculator.Calculate(new PaceInput(target, actual, November, today ?? Today, WorkingCalendar.WeekendsOnly, TodayIsOver: todayIsOver));

    public static TargetsRow Revenue(decimal target, decimal actual, DateOnly? today = null, bool todayIsOver = false) =>
        new("revenue", "Revenue", KpiUnit.Currency, "CNY", Pace(target, actual, today, todayIsOver));

    public static TargetsRow Contracts(decimal target, decimal actual, string name = "Contracts") =>
        new("contracts", name, KpiUnit.Count, null, Pace(target, actual));

    public static TargetsView View(string member, params TargetsRow[] rows) => new(member, November, rows, AsOf, Shanghai);

    /// <summary>Named views for the renderer catalog and the content tests.</summary>
    public static IEnumerable<(string Name, TargetsView View)> Representative(string member)
    {
        // 10 of 21 working days elapsed on the 16th: expected is 10/21 of the target.
        yield return ("on-pace", View(member, Revenue(210_000, 100_000), Contracts(21, 10)));
        yield return ("behind", View(member, Revenue(210_000, 40_000), Contracts(21, 2)));
        yield return ("ahead", View(member, Revenue(200_000, 260_000), Contracts(10, 9, "大单 \"VIP\"")));
        yield return ("zero-target", View(member, Revenue(0, 5_000), Contracts(0, 0)));
        yield return ("no-data", View(member));
        yield return ("missed", View(member, Revenue(210_000, 150_000, new DateOnly(2026, 11, 30), todayIsOver: true)));
        // A period reaching into a year whose holidays the calendar does not know: the footer says so.
        yield return ("calendar-missing", View(member, Revenue(210_000, 100_000), Contracts(21, 10)) with { UncoveredYears = [2027] });
        // October looked back at on 16 November (the monthly review): final results, one reached, one missed.
        var october = SalesPeriod.Month(2026, 10);
        Pace Final(decimal target, decimal actual) => PaceCalculator.Calculate(new PaceInput(target, actual, october, Today, WorkingCalendar.WeekendsOnly));
        yield return ("past-month", View(member,
            new TargetsRow("revenue", "Revenue", KpiUnit.Currency, "CNY", Final(200_000, 150_000)),
            new TargetsRow("contracts", "Contracts", KpiUnit.Count, null, Final(10, 12))) with { Period = october });
        // December, still to come: its targets, no pace.
        var december = SalesPeriod.Month(2026, 12);
        yield return ("next-month", View(member,
            new TargetsRow("revenue", "Revenue", KpiUnit.Currency, "CNY", PaceCalculator.Calculate(new PaceInput(200_000, 0, december, Today, WorkingCalendar.WeekendsOnly)))) with { Period = december });
        // The year without a yearly target: the sum of the months set, marked.
        var year = SalesPeriod.Year(2026);
        yield return ("summed-year", View(member,
            new TargetsRow("revenue", "Revenue", KpiUnit.Currency, "CNY", PaceCalculator.Calculate(new PaceInput(300_000, 120_000, year, Today, WorkingCalendar.WeekendsOnly)), TargetIsSum: true)) with { Period = year });
    }
}
