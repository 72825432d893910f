using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Targets;

/// <summary>
/// One rep's (or team's) targets for one KPI and year: the split of the yearly target, with overrides.
/// Rule: an override replaces the target of exactly that period and nothing else. The other periods keep
/// their split, and parents/children are not re-balanced (overriding March changes neither Q1 nor March's
/// weeks), so an override never silently moves numbers a manager did not touch. The sum of overridden
/// parts may therefore differ from the whole; that is the manager's explicit choice.
/// <para>
/// Without a yearly target (a manager set only some months, quarters or weeks) there is nothing to split: a period
/// with its own target shows it; a quarter without one shows the sum of its months that have one, and a year or half
/// the sum over its quarters (a quarter's own target, else its set months) — marked
/// <see cref="PeriodTarget.IsSumOfSetPeriods"/> so cards say so; a month or week without its own target has none
/// (weeks straddle months, so they are never summed into a month).
/// </para>
/// <para>A half year never has its own target: it is the sum of its two quarters' targets.</para>
/// </summary>
internal sealed class StagedTargets
{
    private readonly IReadOnlyList<decimal> months;
    private readonly IReadOnlyDictionary<SalesPeriod, decimal> overrides;
    private readonly WorkingCalendar calendar;
    private readonly Func<int, StagedTargets?>? otherYear;

    /// <param name="yearly">The yearly target; null when only single periods are set.</param>
    /// <param name="otherYear">The plans of neighbouring years, for weeks across the new year; null counts only this year's days.</param>
    public StagedTargets(
        int year,
        decimal? yearly,
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
        months = yearly is { } amount ? TargetSplitter.Months(amount, unit, monthWeights) : [];
        this.overrides = overrides ?? new Dictionary<SalesPeriod, decimal>();
        if (this.overrides.Any(o => o.Value < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(overrides), "A target cannot be negative.");
        }
    }

    public int Year { get; }

    public decimal? Yearly { get; }

    public KpiUnit Unit { get; }

    public bool IsOverridden(SalesPeriod period) => overrides.ContainsKey(period);

    /// <summary>The period's target (its override, else its split, else the sum of set parts), or null when it has none.</summary>
    public decimal? TargetFor(SalesPeriod period) => Read(period)?.Amount;

    /// <summary>The period's target and whether it is a sum of set periods (see the class remarks), or null.</summary>
    public PeriodTarget? Read(SalesPeriod period)
    {
        if (period.Kind == SalesPeriodKind.HalfYear)
        {
            // A half is its two quarters, whatever each of them is.
            var quarters = new[] { SalesPeriod.Containing(SalesPeriodKind.Quarter, period.Start), SalesPeriod.Containing(SalesPeriodKind.Quarter, period.End) }
                .Select(Read).OfType<PeriodTarget>().ToList();
            return quarters.Count == 0 ? null : new PeriodTarget(quarters.Sum(q => q.Amount), quarters.Any(q => q.IsSumOfSetPeriods));
        }

        if (overrides.TryGetValue(period, out var set))
        {
            return new PeriodTarget(set);
        }

        if (Yearly is not null)
        {
            return new PeriodTarget(SplitFor(period));
        }

        var parts = period.Kind switch
        {
            SalesPeriodKind.Year => Enumerable.Range(1, 4).Select(q => Read(SalesPeriod.Quarter(period.Start.Year, q))).OfType<PeriodTarget>().ToList(),
            SalesPeriodKind.Quarter => Enumerable.Range(0, 3).Select(m => SalesPeriod.Month(period.Start.Year, period.Start.Month + m))
                .Where(overrides.ContainsKey).Select(m => new PeriodTarget(overrides[m])).ToList(),
            _ => [],
        };
        return parts.Count == 0 ? null : new PeriodTarget(parts.Sum(p => p.Amount), IsSumOfSetPeriods: true);
    }

    /// <summary>The period's target from the split alone, ignoring overrides (0 without a yearly target).</summary>
    public decimal SplitFor(SalesPeriod period)
    {
        if (Yearly is not { } yearly)
        {
            return 0m;
        }

        switch (period.Kind)
        {
            case SalesPeriodKind.Year:
                return period.Start.Year == Year ? yearly : throw OutsideYear(period);
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
                    if (plan is { Yearly: not null })
                    {
                        total += TargetSplitter.SplitMonth(month, plan.months[month.Start.Month - 1], Unit, plan.calendar)
                            .Where(s => s.Week == period)
                            .Sum(s => s.Share);
                    }
                }

                return total;
            case SalesPeriodKind.HalfYear:
                return period.Start.Year == Year ? months.Skip(period.Start.Month - 1).Take(6).Sum() : throw OutsideYear(period);
            default:
                throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period kind.");
        }
    }

    private ArgumentOutOfRangeException OutsideYear(SalesPeriod period) =>
        new(nameof(period), period, $"The period is not in {Year}.");
}
