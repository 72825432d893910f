using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.TeamProgress;

/// <summary>A KPI of the team as the cards show it: the row, its name in the card's language.</summary>
internal sealed record TeamKpi(long Id, string Key, string Name, KpiUnit Unit, string? Currency);

/// <summary>
/// A rep's standing against the previous period of the same kind at the same working-day point (see
/// <see cref="TeamProgressReader"/>): both pace indexes (actual as % of expected-by-then) and the gain in points.
/// </summary>
internal sealed record Improvement(decimal CurrentIndex, decimal PreviousIndex)
{
    public decimal Gain => CurrentIndex - PreviousIndex;
}

/// <summary>One rep's pace per KPI id for the period (a KPI without a target has status NoTarget).</summary>
internal sealed record RepProgress(long MemberId, string Name, IReadOnlyDictionary<long, Pace> ByKpi, Improvement? Improvement = null)
{
    public Pace PaceOf(long kpiId) => ByKpi[kpiId];
}

/// <summary>
/// A team's progress for one period: team totals per KPI and every active rep, as of <see cref="AsOf"/>;
/// <see cref="UncoveredYears"/> are the period's years whose holidays the team's calendar does not know.
/// <see cref="HasSummedTargets"/>: some target shown is a sum of set months or quarters (no yearly target), which the
/// cards say.
/// </summary>
internal sealed record TeamProgressSnapshot(
    long TeamId,
    string TeamName,
    SalesPeriod Period,
    DateOnly Today,
    DateTimeOffset AsOf,
    TimeZoneInfo TimeZone,
    IReadOnlyList<TeamKpi> Kpis,
    IReadOnlyList<Pace> Totals,
    IReadOnlyList<RepProgress> Reps,
    IReadOnlyList<int>? UncoveredYears = null,
    bool HasSummedTargets = false)
{
    /// <summary>Over, current or to come, on the team's today: a period that is over shows final results, one to come no pace.</summary>
    public PeriodState State => Period.StateOn(Today);

    /// <summary>The KPI reps are compared on: the first active one by sort order.</summary>
    public TeamKpi? Primary => Kpis.Count > 0 ? Kpis[0] : null;
}

/// <summary>
/// Reads a sales team's progress for a period with a fixed number of queries whatever the team size: the KPIs, the
/// active reps, one grouped query for the reps' actuals per member and KPI, and one for every target row of the team
/// and its reps (<see cref="ITargetPlan.TeamTargetsAsync"/>: a team without its own target gets the sum of its reps');
/// pace comes from <see cref="PaceCalculator"/>.
/// <para>
/// Most improved (<c>includeImprovement</c>): a rep's pace index is actual ÷ expected-by-now × 100, where
/// expected-by-now = target × elapsed working days ÷ the period's working days (elapsed = working days before today;
/// results of today count, as on the targets card). The previous period of the same kind is measured at the same
/// share of its working days: elapsed' = round(elapsed × working days' ÷ working days), and its actual counts results
/// from its start through its day in progress (its (elapsed'+1)-th working day, or its end). Gain = current index −
/// previous index, in percentage points. No gain (null) when either period has no target or nothing is expected yet
/// (the first working day of a period).
/// </para>
/// </summary>
internal sealed class TeamProgressReader(
    SalesCoachDbContext store, IResultLedger results, ITargetPlan targets, SalesClock clock, WorkingCalendars calendars, BotText text)
{
    /// <summary>Today in the team's zone (what "last month" is measured from), or null when the team is not a live team of the tenant.</summary>
    public async Task<DateOnly?> TodayAsync(string tenantId, long teamId, CancellationToken cancellationToken = default)
    {
        store.ForTenant(tenantId);
        var zone = await store.SalesTeams.AsNoTracking().Where(t => t.Id == teamId && t.ArchivedAt == null)
            .Select(t => new { t.TimeZone }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return zone is null ? null : clock.TodayIn(clock.TeamZone(zone.TimeZone));
    }

    /// <summary>
    /// The team's progress for <paramref name="period"/> (current, over or to come), or null when the team is not a live
    /// (unarchived) team of the store's tenant.
    /// </summary>
    public async Task<TeamProgressSnapshot?> ReadAsync(
        string tenantId, long teamId, SalesPeriod period, string? locale, bool includeImprovement = false,
        CancellationToken cancellationToken = default)
    {
        store.ForTenant(tenantId);
        var team = await store.SalesTeams.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == teamId && t.ArchivedAt == null, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return null;
        }

        var zone = clock.TeamZone(team.TimeZone);
        var now = clock.Now;
        var today = clock.TodayIn(zone);
        var previous = period.Previous();
        var calendar = await calendars.ForTeamAsync(tenantId, team.WorkingCalendar, zone, cancellationToken).ConfigureAwait(false);

        var kpiRows = await store.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var kpis = kpiRows.Select(k => new TeamKpi(k.Id, k.Key, KpiDefaults.NameOf(text, locale, k), k.Unit, k.Currency)).ToList();
        var reps = await store.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == teamId && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => new { m.MemberId, m.Member!.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var actuals = await results.RepActualsAsync(teamId, period.Start, period.End, cancellationToken).ConfigureAwait(false);
        var book = await targets.TeamTargetsAsync(teamId, kpiRows, [period.TargetYear, previous.TargetYear], calendar, cancellationToken)
            .ConfigureAwait(false);

        PreviousPoint? point = null;
        IReadOnlyDictionary<(long MemberId, long KpiId), decimal>? previousActuals = null;
        if (includeImprovement && kpis.Count > 0)
        {
            point = PreviousPoint.Of(period, previous, today, calendar);
            if (point is not null)
            {
                previousActuals = await results.RepActualsAsync(teamId, previous.Start, point.Cutoff, cancellationToken).ConfigureAwait(false);
            }
        }

        var summed = false;
        var progress = new List<RepProgress>(reps.Count);
        foreach (var rep in reps)
        {
            var byKpi = new Dictionary<long, Pace>(kpis.Count);
            foreach (var kpi in kpis)
            {
                var target = book.RepTarget(rep.MemberId, kpi.Id, period);
                summed |= target?.IsSumOfSetPeriods == true;
                var actual = actuals.GetValueOrDefault((rep.MemberId, kpi.Id));
                byKpi[kpi.Id] = PaceCalculator.Calculate(new PaceInput(target?.Amount ?? 0m, actual, period, today, calendar));
            }

            Improvement? improvement = null;
            if (point is not null && previousActuals is not null)
            {
                var primary = kpis[0].Id;
                var previousTarget = book.RepTarget(rep.MemberId, primary, previous)?.Amount ?? 0m;
                var previousPace = PaceCalculator.Calculate(new PaceInput(
                    previousTarget, previousActuals.GetValueOrDefault((rep.MemberId, primary)), previous, point.Today, calendar));
                if (Index(byKpi[primary]) is { } current && Index(previousPace) is { } before)
                {
                    improvement = new Improvement(current, before);
                }
            }

            progress.Add(new RepProgress(rep.MemberId, rep.Name ?? string.Empty, byKpi, improvement));
        }

        progress = [.. progress.OrderBy(r => r.Name, BotText.NameOrder(locale))];
        var totals = kpis.Select((kpi, index) =>
        {
            var actual = TeamTotal.Actual(kpiRows[index], reps.Select(r => actuals.TryGetValue((r.MemberId, kpi.Id), out var a) ? a : (decimal?)null));
            var target = book.TeamTarget(teamId, reps.Select(r => r.MemberId), kpi.Id, period);
            summed |= target?.IsSumOfSetPeriods == true;
            return PaceCalculator.Calculate(new PaceInput(target?.Amount ?? 0m, actual, period, today, calendar));
        }).ToList();

        return new TeamProgressSnapshot(team.Id, team.Name, period, today, now, zone, kpis, totals, progress, calendars.UncoveredYears(calendar, period), summed);
    }

    /// <summary>Actual ÷ expected-by-now × 100, one decimal; null without a target or before anything is expected.</summary>
    internal static decimal? Index(Pace pace) =>
        pace.Target > 0 && pace.ExpectedByNow > 0
            ? Math.Round(pace.Actual / pace.ExpectedByNow * 100, 1, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>Where the previous period stood at the current period's share of working days.</summary>
    /// <param name="Today">The previous period's day in progress: elapsed working days are the ones before it.</param>
    /// <param name="Cutoff">The last day whose results count.</param>
    private sealed record PreviousPoint(DateOnly Today, DateOnly Cutoff)
    {
        public static PreviousPoint? Of(SalesPeriod current, SalesPeriod previous, DateOnly today, WorkingCalendar calendar)
        {
            var total = calendar.WorkingDays(current);
            var elapsed = calendar.WorkingDaysElapsed(current, today);
            var previousTotal = calendar.WorkingDays(previous);
            if (total == 0 || elapsed == 0 || previousTotal == 0)
            {
                return null;
            }

            var previousElapsed = (int)Math.Round((decimal)elapsed * previousTotal / total, MidpointRounding.AwayFromZero);
            previousElapsed = Math.Clamp(previousElapsed, 1, previousTotal);
            var counted = 0;
            for (var day = previous.Start; day <= previous.End; day = day.AddDays(1))
            {
                if (calendar.IsWorkingDay(day))
                {
                    if (counted == previousElapsed)
                    {
                        return new PreviousPoint(day, day);
                    }

                    counted++;
                }
            }

            return new PreviousPoint(previous.End.AddDays(1), previous.End);
        }
    }
}
