using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Scorecards;

/// <summary>A KPI as the scorecard shows it: its row's key, unit and currency, and its name in the card's language.</summary>
internal sealed record ScorecardKpi(long Id, string Key, string Name, KpiUnit Unit, string? Currency, bool IsActive);

/// <summary>One rep's scorecard: the weights used (the team's, or equal weights over their KPIs with a target) and the score.</summary>
internal sealed record RepScorecard(long MemberId, string Name, ScorecardScore Score);

/// <summary>
/// A team's scorecards for one period, on the team's today. <see cref="EqualWeights"/>: the team set no weights, so each
/// rep's KPIs with a target weigh the same.
/// </summary>
internal sealed record TeamScorecard(
    string TenantId,
    long TeamId,
    string TeamName,
    SalesPeriod Period,
    DateOnly Today,
    IReadOnlyList<ScorecardKpi> Kpis,
    IReadOnlyList<RepScorecard> Reps,
    bool EqualWeights,
    decimal CapPercent)
{
    public PeriodState State => Period.StateOn(Today);

    public ScorecardKpi Kpi(long id) => Kpis.First(k => k.Id == id);
}

/// <summary>
/// Reads a team's scorecards for a period in a fixed number of queries: the team, its set-up, the KPIs, the active reps,
/// every target (<see cref="ITargetPlan.TeamTargetsAsync"/>) and the reps' actuals (<see cref="IResultLedger.RepActualsAsync"/>:
/// the ledger's actual as the KPI aggregates, a Count KPI the number of results).
/// <para>
/// KPIs scored: the active ones; for a period that is over, also retired ones (their history is kept, and a rep was
/// measured on them then), so a closed month's scorecard does not change when a KPI is retired later. A retired KPI is
/// never scored for the current period: it is left out and the weights of the rest are re-normalised.
/// </para>
/// <para>
/// Weights: the team's (<see cref="ScorecardBook"/>); none set → equal weights over the KPIs the rep has a target for.
/// In a period in progress a KPI is far below when its actual is under half of what pace expects by now.
/// </para>
/// </summary>
internal sealed class ScorecardReader(
    SalesCoachDbContext store, ScorecardBook book, IResultLedger results, ITargetPlan targets, SalesClock clock, WorkingCalendars calendars, BotText text)
{
    /// <summary>Today in the team's zone, or null when the team is not a live team of the tenant.</summary>
    public async Task<DateOnly?> TodayAsync(string tenantId, long teamId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var team = await store.SalesTeams.AsNoTracking().Where(t => t.Id == teamId && t.ArchivedAt == null)
            .Select(t => new { t.TimeZone }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return team is null ? null : clock.TodayIn(clock.TeamZone(team.TimeZone));
    }

    /// <summary>The team's scorecards (only <paramref name="onlyMemberId"/>'s when given); null when the team is not live.</summary>
    public async Task<TeamScorecard?> ReadAsync(
        string tenantId, long teamId, SalesPeriod period, string? locale, long? onlyMemberId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var team = await store.SalesTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId && t.ArchivedAt == null, cancellationToken)
            .ConfigureAwait(false);
        if (team is null)
        {
            return null;
        }

        var zone = clock.TeamZone(team.TimeZone);
        var today = clock.TodayIn(zone);
        var calendar = await calendars.ForTeamAsync(tenantId, team.WorkingCalendar, zone, cancellationToken).ConfigureAwait(false);
        var over = period.StateOn(today) == PeriodState.Past;
        var kpiRows = await store.Kpis.AsNoTracking().Where(k => k.IsActive || over).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var kpis = kpiRows.Select(k => new ScorecardKpi(k.Id, k.Key, KpiDefaults.NameOf(text, locale, k), k.Unit, k.Currency, k.IsActive)).ToList();
        var reps = await store.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == teamId && m.LeftAt == null && m.Role == TeamRole.Rep && (onlyMemberId == null || m.MemberId == onlyMemberId))
            .Select(m => new { m.MemberId, m.Member!.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var setup = await book.SetupAsync(teamId, cancellationToken).ConfigureAwait(false);
        var actuals = await results.RepActualsAsync(teamId, period.Start, period.End, cancellationToken).ConfigureAwait(false);
        var plan = await targets.TeamTargetsAsync(teamId, kpiRows, [period.TargetYear], calendar, cancellationToken).ConfigureAwait(false);

        var cards = new List<RepScorecard>(reps.Count);
        foreach (var rep in reps)
        {
            var inputs = new List<ScorecardKpiInput>();
            var withTarget = kpis.Where(k => plan.RepTarget(rep.MemberId, k.Id, period)?.Amount > 0m).Select(k => k.Id).ToList();
            var weights = setup.HasWeights ? setup.Weights : ScorecardCalculator.EqualWeights(withTarget);
            foreach (var (kpiId, weight) in weights)
            {
                // A weighted KPI that is retired (not read for this period) counts as one without a target: left out.
                var known = kpis.Any(k => k.Id == kpiId);
                var target = known ? plan.RepTarget(rep.MemberId, kpiId, period)?.Amount : null;
                var actual = actuals.GetValueOrDefault((rep.MemberId, kpiId));
                decimal? expected = null;
                if (period.StateOn(today) == PeriodState.Current && target is > 0m)
                {
                    expected = PaceCalculator.Calculate(new PaceInput(target.Value, actual, period, today, calendar)).ExpectedByNow;
                }

                inputs.Add(new ScorecardKpiInput(kpiId, weight, target, actual, expected));
            }

            // In the order of the KPI list, so every card lists KPIs alike.
            inputs = [.. inputs.OrderBy(i => Position(kpis, i.KpiId))];
            cards.Add(new RepScorecard(rep.MemberId, rep.Name ?? string.Empty, ScorecardCalculator.Calculate(inputs, setup.CapPercent)));
        }

        // A weighted KPI that was retired before this period still needs a name on the card.
        var missing = setup.Weights.Keys.Where(id => kpis.All(k => k.Id != id)).ToList();
        if (missing.Count > 0)
        {
            var retired = await store.Kpis.AsNoTracking().Where(k => missing.Contains(k.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            kpis.AddRange(retired.Select(k => new ScorecardKpi(k.Id, k.Key, KpiDefaults.NameOf(text, locale, k), k.Unit, k.Currency, k.IsActive)));
        }

        var ordered = cards.OrderByDescending(c => c.Score.Total ?? -1m).ThenBy(c => c.Name, BotText.NameOrder(locale)).ToList();
        return new TeamScorecard(tenantId, team.Id, team.Name, period, today, kpis, ordered, !setup.HasWeights, setup.CapPercent);
    }

    private static int Position(List<ScorecardKpi> kpis, long kpiId)
    {
        var at = kpis.FindIndex(k => k.Id == kpiId);
        return at < 0 ? int.MaxValue : at;
    }
}
