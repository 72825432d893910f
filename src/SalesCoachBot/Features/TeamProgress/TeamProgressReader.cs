using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.Teams;

namespace SalesCoachBot.Features.TeamProgress;

/// <summary>A KPI of the team as the cards show it: the row, its name in the card's language.</summary>
public sealed record TeamKpi(long Id, string Key, string Name, KpiUnit Unit, string? Currency);

/// <summary>
/// A rep's standing against the previous period of the same kind at the same working-day point (see
/// <see cref="TeamProgressReader"/>): both pace indexes (actual as % of expected-by-then) and the gain in points.
/// </summary>
public sealed record Improvement(decimal CurrentIndex, decimal PreviousIndex)
{
    public decimal Gain => CurrentIndex - PreviousIndex;
}

/// <summary>One rep's pace per KPI id for the period (a KPI without a target has status NoTarget).</summary>
public sealed record RepProgress(long MemberId, string Name, IReadOnlyDictionary<long, Pace> ByKpi, Improvement? Improvement = null)
{
    public Pace PaceOf(long kpiId) => ByKpi[kpiId];
}

/// <summary>A team's progress for one period: team totals per KPI and every active rep, as of <see cref="AsOf"/>.</summary>
public sealed record TeamProgressSnapshot(
    long TeamId,
    string TeamName,
    SalesPeriod Period,
    DateOnly Today,
    DateTimeOffset AsOf,
    TimeZoneInfo TimeZone,
    IReadOnlyList<TeamKpi> Kpis,
    IReadOnlyList<Pace> Totals,
    IReadOnlyList<RepProgress> Reps)
{
    /// <summary>The KPI reps are compared on: the first active one by sort order.</summary>
    public TeamKpi? Primary => Kpis.Count > 0 ? Kpis[0] : null;
}

/// <summary>
/// Reads a sales team's progress for a period with a fixed number of queries whatever the team size: the KPIs, the
/// active reps, one grouped query for the reps' actuals per member and KPI, and one for every target row of the team
/// and its reps; pace comes from <see cref="PaceCalculator"/>. Targets follow <see cref="TargetPlan"/>'s rules (a
/// yearly target split by <see cref="StagedTargets"/> with overrides; a team without its own target gets the sum of its
/// reps' targets), read in bulk instead of one owner at a time.
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
    SalesCoachDbContext store, TargetsViewBuilder views, TimeProvider time, IOptions<TeamsOptions> teams)
{
    /// <summary>The team's progress, or null when the team is not a live (unarchived) team of the store's tenant.</summary>
    public async Task<TeamProgressSnapshot?> ReadAsync(
        string tenantId, long teamId, SalesPeriodKind kind, string? locale, bool includeImprovement = false,
        CancellationToken cancellationToken = default)
    {
        store.ForTenant(tenantId);
        var team = await store.SalesTeams.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == teamId && t.ArchivedAt == null, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return null;
        }

        var zone = ZoneOf(team);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var period = SalesPeriod.Containing(kind, today);
        var previous = period.Previous();
        var calendar = TargetsViewBuilder.CalendarFor(zone);

        var kpiRows = await store.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var kpis = kpiRows.Select(k => new TeamKpi(k.Id, k.Key, views.NameOf(locale, k), k.Unit, k.Currency)).ToList();
        var repIds = RepIds(teamId);
        var reps = await store.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == teamId && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => new { m.MemberId, m.Member!.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var actuals = await ActualsAsync(repIds, period.Start, period.End, cancellationToken).ConfigureAwait(false);
        var book = await TargetBook.LoadAsync(store, teamId, repIds, kpiRows, [TargetPlan.YearOf(period), TargetPlan.YearOf(previous)], calendar, cancellationToken)
            .ConfigureAwait(false);

        PreviousPoint? point = null;
        Dictionary<(long, long), decimal>? previousActuals = null;
        if (includeImprovement && kpis.Count > 0)
        {
            point = PreviousPoint.Of(period, previous, today, calendar);
            if (point is not null)
            {
                previousActuals = await ActualsAsync(repIds, previous.Start, point.Cutoff, cancellationToken).ConfigureAwait(false);
            }
        }

        var progress = new List<RepProgress>(reps.Count);
        foreach (var rep in reps)
        {
            var byKpi = new Dictionary<long, Pace>(kpis.Count);
            foreach (var kpi in kpis)
            {
                var target = book.TargetFor(TargetOwner.Member(rep.MemberId), kpi.Id, period) ?? 0m;
                var actual = actuals.GetValueOrDefault((rep.MemberId, kpi.Id));
                byKpi[kpi.Id] = PaceCalculator.Calculate(new PaceInput(target, actual, period, today, calendar));
            }

            Improvement? improvement = null;
            if (point is not null && previousActuals is not null)
            {
                var primary = kpis[0].Id;
                var previousTarget = book.TargetFor(TargetOwner.Member(rep.MemberId), primary, previous) ?? 0m;
                var previousPace = PaceCalculator.Calculate(new PaceInput(
                    previousTarget, previousActuals.GetValueOrDefault((rep.MemberId, primary)), previous, point.Today, calendar));
                if (Index(byKpi[primary]) is { } current && Index(previousPace) is { } before)
                {
                    improvement = new Improvement(current, before);
                }
            }

            progress.Add(new RepProgress(rep.MemberId, rep.Name ?? string.Empty, byKpi, improvement));
        }

        progress = [.. progress.OrderBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo(Localization.BotText.Resolve(locale)), ignoreCase: true))];
        var totals = kpis.Select(kpi =>
        {
            var actual = progress.Sum(r => r.ByKpi[kpi.Id].Actual);
            var target = book.TeamTargetFor(teamId, reps.Select(r => r.MemberId), kpi.Id, period) ?? 0m;
            return PaceCalculator.Calculate(new PaceInput(target, actual, period, today, calendar));
        }).ToList();

        return new TeamProgressSnapshot(team.Id, team.Name, period, today, now, zone, kpis, totals, progress);
    }

    /// <summary>Actual ÷ expected-by-now × 100, one decimal; null without a target or before anything is expected.</summary>
    internal static decimal? Index(Pace pace) =>
        pace.Target > 0 && pace.ExpectedByNow > 0
            ? Math.Round(pace.Actual / pace.ExpectedByNow * 100, 1, MidpointRounding.AwayFromZero)
            : null;

    private TimeZoneInfo ZoneOf(SalesTeam team) => TargetsViewBuilder.ZoneOr(team.TimeZone, teams.Value);

    private IQueryable<long> RepIds(long teamId) =>
        store.TeamMemberships.Where(m => m.SalesTeamId == teamId && m.LeftAt == null && m.Role == TeamRole.Rep).Select(m => m.MemberId);

    // One grouped query for every rep and KPI; Count KPIs count results, like ResultLedger.ActualsAsync.
    private async Task<Dictionary<(long MemberId, long KpiId), decimal>> ActualsAsync(
        IQueryable<long> repIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var sums = await store.SalesResults.AsNoTracking()
            .Where(r => repIds.Contains(r.MemberId) && r.OccurredOn >= from && r.OccurredOn <= to && r.UndoneAt == null)
            .Join(store.Kpis, r => r.KpiId, k => k.Id, (r, k) => new { r.MemberId, r.KpiId, r.Amount, k.Aggregation })
            .GroupBy(r => new { r.MemberId, r.KpiId, r.Aggregation })
            .Select(g => new { g.Key.MemberId, g.Key.KpiId, g.Key.Aggregation, Amount = g.Sum(r => r.Amount), Results = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return sums.ToDictionary(s => (s.MemberId, s.KpiId), s => s.Aggregation == KpiAggregation.Count ? s.Results : s.Amount);
    }

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

    /// <summary>
    /// Every target row of a team and its reps for some KPIs and years, read in one query, as
    /// <see cref="StagedTargets"/> per owner, KPI and year.
    /// </summary>
    private sealed class TargetBook
    {
        private readonly Dictionary<(long? MemberId, long? TeamId, long KpiId, int Year), StagedTargets> _plans = [];

        public static async Task<TargetBook> LoadAsync(
            SalesCoachDbContext store, long teamId, IQueryable<long> repIds, IReadOnlyList<KpiDefinition> kpis, int[] years,
            WorkingCalendar calendar, CancellationToken cancellationToken)
        {
            var kpiIds = kpis.Select(k => k.Id).ToList();
            var distinctYears = years.Distinct().ToList();
            var rows = await store.SalesTargets.AsNoTracking()
                .Where(t => kpiIds.Contains(t.KpiId) && distinctYears.Contains(t.Year)
                    && (t.SalesTeamId == teamId || (t.MemberId != null && repIds.Contains(t.MemberId.Value))))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var units = kpis.ToDictionary(k => k.Id, k => k.Unit);
            var book = new TargetBook();
            foreach (var group in rows.GroupBy(r => (r.MemberId, r.SalesTeamId, r.KpiId, r.Year)))
            {
                if (TargetPlan.Staged(group.ToList(), group.Key.Year, units[group.Key.KpiId], calendar) is { } staged)
                {
                    book._plans[group.Key] = staged;
                }
            }

            return book;
        }

        public decimal? TargetFor(TargetOwner owner, long kpiId, SalesPeriod period) =>
            _plans.TryGetValue((owner.MemberId, owner.SalesTeamId, kpiId, TargetPlan.YearOf(period)), out var plan) ? plan.TargetFor(period) : null;

        /// <summary>The team's own target, else the sum of its reps' (null when neither has one).</summary>
        public decimal? TeamTargetFor(long teamId, IEnumerable<long> repIds, long kpiId, SalesPeriod period)
        {
            var own = TargetFor(TargetOwner.Team(teamId), kpiId, period);
            if (own is not null)
            {
                return own;
            }

            var repTargets = repIds.Select(r => TargetFor(TargetOwner.Member(r), kpiId, period)).OfType<decimal>().ToList();
            return repTargets.Count == 0 ? null : TargetSplitter.TeamTarget(null, repTargets);
        }
    }
}
