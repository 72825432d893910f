using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Targets;

/// <summary>
/// Splits a yearly target into quarters, months and weeks.
/// <list type="bullet">
/// <item>Months: evenly, or by 12 per-month weights. Quarters are the sum of their months, so they always agree.</item>
/// <item>Weeks: each month's target is spread over its working days; a week gets the share of every month it
/// touches (a week from Mon 29 Jun to Sun 5 Jul takes June's share for 29–30 Jun and July's for 1–3 Jul).
/// A week across the new year gets only this year's days from this split; the next year's plan adds its own
/// part (see <see cref="StagedTargets"/>). A month without any working day spreads over its calendar days.</item>
/// <item>Rounding: currency to 2 decimals, counts to whole units; remainders go to the parts with the
/// largest fractions (ties: earliest), so the parts always add up exactly to the whole.</item>
/// </list>
/// </summary>
internal static class TargetSplitter
{
    public static int DecimalsFor(KpiUnit unit) => unit == KpiUnit.Count ? 0 : 2;

    /// <summary>The year's 12 monthly targets; <paramref name="monthWeights"/> null means an even split.</summary>
    public static IReadOnlyList<decimal> Months(decimal yearly, KpiUnit unit, IReadOnlyList<decimal>? monthWeights = null)
    {
        if (monthWeights is not null)
        {
            if (monthWeights.Count != 12)
            {
                throw new ArgumentException($"Month weights need 12 values, got {monthWeights.Count}.", nameof(monthWeights));
            }

            if (monthWeights.Any(w => w < 0) || monthWeights.Sum() <= 0)
            {
                throw new ArgumentException("Month weights must be zero or more and not all zero.", nameof(monthWeights));
            }
        }

        return Allocate(yearly, monthWeights ?? Enumerable.Repeat(1m, 12).ToArray(), DecimalsFor(unit));
    }

    /// <summary>Quarter targets as the sum of their months.</summary>
    public static IReadOnlyList<decimal> Quarters(IReadOnlyList<decimal> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        return months.Count == 12
            ? [.. Enumerable.Range(0, 4).Select(q => months[q * 3] + months[(q * 3) + 1] + months[(q * 3) + 2])]
            : throw new ArgumentException("Need the 12 monthly targets.", nameof(months));
    }

    /// <summary>Every ISO week touching <paramref name="year"/>, with its share of the year's monthly targets.</summary>
    public static IReadOnlyList<(SalesPeriod Week, decimal Target)> Weeks(
        int year, IReadOnlyList<decimal> months, KpiUnit unit, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(calendar);
        if (months.Count != 12)
        {
            throw new ArgumentException("Need the 12 monthly targets.", nameof(months));
        }

        var weeks = new List<(SalesPeriod Week, decimal Target)>();
        var byStart = new Dictionary<DateOnly, int>();
        for (var m = 1; m <= 12; m++)
        {
            var month = SalesPeriod.Month(year, m);
            foreach (var (week, share) in SplitMonth(month, months[m - 1], unit, calendar))
            {
                if (byStart.TryGetValue(week.Start, out var i))
                {
                    weeks[i] = (week, weeks[i].Target + share);
                }
                else
                {
                    byStart[week.Start] = weeks.Count;
                    weeks.Add((week, share));
                }
            }
        }

        return weeks;
    }

    /// <summary>A month's target over the weeks it touches, by the month's working days in each week.</summary>
    public static IReadOnlyList<(SalesPeriod Week, decimal Share)> SplitMonth(
        SalesPeriod month, decimal monthTarget, KpiUnit unit, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var segments = new List<(SalesPeriod Week, DateOnly From, DateOnly To)>();
        for (var week = SalesPeriod.Containing(SalesPeriodKind.Week, month.Start); week.Start <= month.End; week = week.Next())
        {
            segments.Add((week, Max(week.Start, month.Start), Min(week.End, month.End)));
        }

        var useWorkingDays = calendar.WorkingDays(month) > 0;
        var weights = segments
            .Select(s => (decimal)(useWorkingDays ? calendar.WorkingDays(s.From, s.To) : s.To.DayNumber - s.From.DayNumber + 1))
            .ToArray();
        var shares = Allocate(monthTarget, weights, DecimalsFor(unit));
        return [.. segments.Select((s, i) => (s.Week, shares[i]))];
    }

    /// <summary>A team's target: the one set for the team, else the sum of its reps' targets.</summary>
    public static decimal TeamTarget(decimal? setForTeam, IEnumerable<decimal> repTargets) =>
        setForTeam ?? (repTargets ?? throw new ArgumentNullException(nameof(repTargets))).Sum();

    /// <summary>
    /// Splits <paramref name="total"/> by <paramref name="weights"/>, rounded to <paramref name="decimals"/>,
    /// with the rounding remainder spread (largest fraction first) so the parts add up to the total exactly.
    /// </summary>
    internal static decimal[] Allocate(decimal total, IReadOnlyList<decimal> weights, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var unit = decimals == 0 ? 1m : 1m / (decimal)Math.Pow(10, decimals);
        var rounded = Math.Round(total, decimals, MidpointRounding.AwayFromZero);
        var weightSum = weights.Sum();
        var parts = new decimal[weights.Count];
        if (weightSum <= 0 || rounded == 0)
        {
            return parts;
        }

        var fractions = new decimal[weights.Count];
        var allocated = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = rounded * weights[i] / weightSum;
            parts[i] = Math.Floor(exact / unit) * unit;
            fractions[i] = exact - parts[i];
            allocated += parts[i];
        }

        var steps = (int)((rounded - allocated) / unit);
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => fractions[i]).ThenBy(i => i).Take(steps))
        {
            parts[i] += unit;
        }

        return parts;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
