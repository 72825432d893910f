namespace SalesCoachBot.Features.Scorecards;

/// <summary>
/// One KPI as the calculator takes it: its weight in percent (null when the team's weights leave it out), the target
/// of the period (null or 0: none), the ledger's actual, and optionally what pace expects by now (a period in progress).
/// </summary>
internal sealed record ScorecardKpiInput(long KpiId, decimal? Weight, decimal? Target, decimal Actual, decimal? ExpectedByNow = null);

/// <summary>
/// One KPI's score. <see cref="Attainment"/> is actual ÷ target in percent (not capped, kept exact); <see cref="Score"/>
/// is the attainment capped at the cap and never below 0, in points; <see cref="ShareOfTotal"/> is the weight it
/// finally had in the total in percent (after re-normalising). A KPI left out (<see cref="LeftOut"/>) has no score.
/// <see cref="FarBelow"/>: worth a suggestion (see <see cref="ScorecardCalculator"/>).
/// </summary>
internal sealed record KpiScore(
    long KpiId, decimal? Weight, decimal? Target, decimal Actual, decimal? Attainment, decimal? Score, decimal? ShareOfTotal, bool LeftOut, bool FarBelow);

/// <summary>
/// The scorecard's arithmetic. <see cref="Total"/> is null when no KPI could be scored; <see cref="Renormalised"/>: some
/// weighted KPI had no target and the weights of the rest were scaled up to 100 %.
/// </summary>
internal sealed record ScorecardScore(IReadOnlyList<KpiScore> Kpis, decimal? Total, bool Renormalised)
{
    public IEnumerable<KpiScore> Scored => Kpis.Where(k => !k.LeftOut);

    public IEnumerable<KpiScore> LeftOut => Kpis.Where(k => k.LeftOut);
}

/// <summary>
/// Pure scorecard arithmetic, decimals only:
/// <list type="bullet">
/// <item>attainment = actual ÷ target × 100; a KPI whose target is 0 or missing is left out, and the weights of the
/// others are re-normalised (Σ weight × score ÷ Σ weight of the scored ones);</item>
/// <item>score = min(attainment, cap), and at least 0 (a net negative actual, such as a refund, scores 0);</item>
/// <item>total = Σ weight × score ÷ Σ weight over the scored KPIs; weights of 0 or null take no part;</item>
/// <item>rounding: only what is shown is rounded, to one decimal, half away from zero (<see cref="Round"/>); the
/// total is computed from the unrounded scores, so it never drifts by the shown rounding;</item>
/// <item>far below: attainment under <see cref="FarBelowPercent"/> of the target for a period that is over, or of
/// what pace expects by now for one in progress (<see cref="ScorecardKpiInput.ExpectedByNow"/>); nothing expected yet
/// (the first working day) is never far below.</item>
/// </list>
/// </summary>
internal static class ScorecardCalculator
{
    /// <summary>Under half of the target (or of what pace expects by now): the KPI gets a suggestion.</summary>
    public const decimal FarBelowPercent = 50m;

    public static ScorecardScore Calculate(IReadOnlyList<ScorecardKpiInput> kpis, decimal capPercent)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentOutOfRangeException.ThrowIfLessThan(capPercent, 0m);
        var scores = new List<KpiScore>(kpis.Count);
        var weighted = kpis.Where(k => k.Weight is > 0m).ToList();
        foreach (var kpi in weighted)
        {
            if (kpi.Target is not { } target || target <= 0m)
            {
                scores.Add(new KpiScore(kpi.KpiId, kpi.Weight, kpi.Target, kpi.Actual, null, null, null, LeftOut: true, FarBelow: false));
                continue;
            }

            var attainment = kpi.Actual / target * 100m;
            var score = Math.Max(0m, Math.Min(attainment, capPercent));
            scores.Add(new KpiScore(kpi.KpiId, kpi.Weight, target, kpi.Actual, attainment, score, null, LeftOut: false, FarBelow(kpi, attainment)));
        }

        var weightSum = scores.Where(s => !s.LeftOut).Sum(s => s.Weight!.Value);
        if (weightSum <= 0m)
        {
            return new ScorecardScore(scores, null, scores.Count > 0);
        }

        var total = scores.Where(s => !s.LeftOut).Sum(s => s.Weight!.Value * s.Score!.Value) / weightSum;
        scores = [.. scores.Select(s => s.LeftOut ? s : s with { ShareOfTotal = s.Weight!.Value / weightSum * 100m })];
        return new ScorecardScore(scores, total, scores.Any(s => s.LeftOut));
    }

    /// <summary>What a card shows: one decimal, half away from zero.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Equal weights over the KPIs that have a target (the default when a team set none): 1 each, so the total is the
    /// plain average of the scores (weights are relative; 1 rather than 100 ÷ n keeps thirds from drifting).
    /// </summary>
    public static IReadOnlyDictionary<long, decimal> EqualWeights(IEnumerable<long> kpiIdsWithTarget)
    {
        ArgumentNullException.ThrowIfNull(kpiIdsWithTarget);
        var ids = kpiIdsWithTarget.Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<long, decimal>() : ids.ToDictionary(id => id, _ => 1m);
    }

    private static bool FarBelow(ScorecardKpiInput kpi, decimal attainment)
    {
        if (kpi.ExpectedByNow is { } expected)
        {
            return expected > 0m && kpi.Actual / expected * 100m < FarBelowPercent;
        }

        return attainment < FarBelowPercent;
    }
}
