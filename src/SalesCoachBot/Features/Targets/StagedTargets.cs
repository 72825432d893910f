using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Targets;

/// <summary>
/// One rep's (or team's) targets for one KPI and year: the split of the yearly target, with overrides.
/// Rule: an override replaces the target of exactly that period and nothing else. The other periods keep
/// their split, and parents/children are not re-balanced (overriding March changes neither Q1 nor March's
/// weeks), so an override never silently moves numbers a manager did not touch. The sum of overridden
/// parts may therefore differ from the whole; that is the manager's explicit choice.
/// </summary>
internal sealed class StagedTargets
{
    private readonly IReadOnlyList<decimal> months;
    private readonly IReadOnlyDictionary<SalesPeriod, decimal> overrides;
    private readonly WorkingCalendar calendar;
    private readonly Func<int, StagedTargets?>? otherYear;

    /// <param name="otherYear">The plans of neighbouring years, for weeks across the new year; null counts only this year's days.</param>
    public StagedTargets(
        int year,
        decimal yearly,
        KpiUnit unit,
        WorkingCalendar calendar,
        IReadOnlyList<decimal>? monthWeights = null,
        IReadOnlyDictionary<SalesPeriod, decimal>? overrides = null,
        Func<int, StagedTargets?>? otherYear = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Year = year;
        Yearly = yearly;
        Unit = unit;
        this.calendar = calendar;
        this.otherYear = otherYear;
        months = TargetSplitter.Months(yearly, unit, monthWeights);
        this.overrides = overrides ?? new Dictionary<SalesPeriod, decimal>();
        if (this.overrides.Any(o => o.Value < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(overrides), "A target cannot be negative.");
        }
    }

    public int Year { get; }

    public decimal Yearly { get; }

    public KpiUnit Unit { get; }

    public bool IsOverridden(SalesPeriod period) => overrides.ContainsKey(period);

    /// <summary>The period's target: its override when set, else its split.</summary>
    public decimal TargetFor(SalesPeriod period) =>
        overrides.TryGetValue(period, out var set) ? set : SplitFor(period);

    /// <summary>The period's target from the split alone, ignoring overrides.</summary>
    public decimal SplitFor(SalesPeriod period)
    {
        switch (period.Kind)
        {
            case SalesPeriodKind.Year:
                return period.Start.Year == Year ? Yearly : throw OutsideYear(period);
            case SalesPeriodKind.Quarter:
                return period.Start.Year == Year ? TargetSplitter.Quarters(months)[(period.Start.Month - 1) / 3] : throw OutsideYear(period);
            case SalesPeriodKind.Month:
                return period.Start.Year == Year ? months[period.Start.Month - 1] : throw OutsideYear(period);
            case SalesPeriodKind.Week:
                if (period.Start.Year != Year && period.End.Year != Year)
                {
                    throw OutsideYear(period);
                }

                var total = 0m;
                foreach (var month in new[] { SalesPeriod.Month(period.Start.Year, period.Start.Month), SalesPeriod.Month(period.End.Year, period.End.Month) }.Distinct())
                {
                    var plan = month.Start.Year == Year ? this : otherYear?.Invoke(month.Start.Year);
                    if (plan is not null)
                    {
                        total += TargetSplitter.SplitMonth(month, plan.months[month.Start.Month - 1], Unit, plan.calendar)
                            .Where(s => s.Week == period)
                            .Sum(s => s.Share);
                    }
                }

                return total;
            default:
                throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period kind.");
        }
    }

    private ArgumentOutOfRangeException OutsideYear(SalesPeriod period) =>
        new(nameof(period), period, $"The period is not in {Year}.");
}
