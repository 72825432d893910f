using SalesCoachBot.Data;

namespace SalesCoachBot.Sales;

/// <summary>How a team's actual of a KPI comes from its reps' actuals (the team card, the agenda; the scorecard and commission read reps only).</summary>
internal static class TeamTotal
{
    /// <summary>
    /// The sum of the reps' actuals (null: no result in the period), except for a rate (a percent KPI) or an average KPI,
    /// where adding means nothing (two reps converting 25 % and 35 % do not convert 60 %): then the mean of the reps who
    /// have one, rounded to two decimals once.
    /// </summary>
    public static decimal Actual(KpiDefinition kpi, IEnumerable<decimal?> repActuals)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var known = repActuals.OfType<decimal>().ToList();
        if (kpi.Unit != KpiUnit.Percent && kpi.Aggregation != KpiAggregation.Average)
        {
            return known.Sum();
        }

        return known.Count == 0 ? 0m : Math.Round(known.Average(), 2, MidpointRounding.AwayFromZero);
    }
}
