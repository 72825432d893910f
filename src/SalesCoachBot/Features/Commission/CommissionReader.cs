using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Commission;

/// <summary>One rep's commission for the period: target (null when none), result and the calculator's outcome.</summary>
internal sealed record RepCommission(long MemberId, string Name, decimal? Target, decimal Actual, CommissionOutcome Outcome);

/// <summary>
/// A team's commission for the plan's current period (on the team's today, in its zone): the KPI as shown, the plan's
/// rules and every rep asked for, sorted by commission (highest first, then name), and their total.
/// </summary>
internal sealed record CommissionView(
    string TeamName, SalesPeriod Period, DateOnly Today, string KpiName, KpiUnit Unit, string? Currency, CommissionRules Rules,
    CommissionPeriod PlanPeriod, IReadOnlyList<RepCommission> Reps)
{
    public decimal Total => Reps.Sum(r => r.Outcome.Commission);
}

/// <summary>
/// Reads what the commission cards show through the kernel contracts only: targets from <see cref="ITargetPlan"/> (one
/// read for the team), results from <see cref="IResultLedger"/> (one grouped query), then
/// <see cref="CommissionCalculator"/> per rep.
/// </summary>
internal sealed class CommissionReader(
    SalesCoachDbContext store, IResultLedger results, ITargetPlan targets, SalesClock clock, WorkingCalendars calendars, BotText text)
{
    /// <summary>The team's active reps (id, name), for finding the one a manager names.</summary>
    public async Task<IReadOnlyList<(long MemberId, string? Name, string? Email, string TeamsUserId)>> RepsAsync(
        string tenantId, long salesTeamId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var reps = await store.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == salesTeamId && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => new { m.MemberId, m.Member!.Name, m.Member.Email, m.Member.TeamsUserId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. reps.Select(r => (r.MemberId, r.Name, r.Email, r.TeamsUserId))];
    }

    /// <summary>The live team a member is an active rep of (the first by id), or null.</summary>
    public async Task<SalesTeam?> RepTeamAsync(string tenantId, long memberId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        return await store.TeamMemberships.AsNoTracking()
            .Where(m => m.MemberId == memberId && m.LeftAt == null && m.Role == TeamRole.Rep && m.SalesTeam!.ArchivedAt == null)
            .OrderBy(m => m.SalesTeamId).Select(m => m.SalesTeam!)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The commission of the team's reps (only <paramref name="onlyMemberId"/> when given) under <paramref name="plan"/>,
    /// or null when the team is not a live team of the tenant.
    /// </summary>
    public async Task<CommissionView?> ReadAsync(
        string tenantId, long salesTeamId, CommissionPlan plan, string? locale, long? onlyMemberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        store.ForTenant(tenantId);
        var team = await store.SalesTeams.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == salesTeamId && t.ArchivedAt == null, cancellationToken).ConfigureAwait(false);
        var kpi = await store.Kpis.AsNoTracking().FirstOrDefaultAsync(k => k.Id == plan.KpiId, cancellationToken).ConfigureAwait(false);
        if (team is null || kpi is null)
        {
            return null;
        }

        var zone = clock.TeamZone(team.TimeZone);
        var today = clock.TodayIn(zone);
        var period = SalesPeriod.Containing(plan.Period == CommissionPeriod.Quarter ? SalesPeriodKind.Quarter : SalesPeriodKind.Month, today);
        var calendar = await calendars.ForTeamAsync(tenantId, team.WorkingCalendar, zone, cancellationToken).ConfigureAwait(false);
        var reps = (await RepsAsync(tenantId, salesTeamId, cancellationToken).ConfigureAwait(false))
            .Where(r => onlyMemberId is null || r.MemberId == onlyMemberId).ToList();
        var actuals = await results.RepActualsAsync(salesTeamId, period.Start, period.End, cancellationToken).ConfigureAwait(false);
        var book = await targets.TeamTargetsAsync(salesTeamId, [kpi], [period.TargetYear], calendar, cancellationToken).ConfigureAwait(false);
        var rules = CommissionPlanRules.Of(plan);
        var rows = reps.Select(rep =>
        {
            var target = book.RepTarget(rep.MemberId, kpi.Id, period)?.Amount;
            var actual = actuals.GetValueOrDefault((rep.MemberId, kpi.Id));
            return new RepCommission(rep.MemberId, rep.Name ?? string.Empty, target, actual, CommissionCalculator.Calculate(rules, target ?? 0m, actual));
        });
        var names = BotText.NameOrder(locale);
        List<RepCommission> sorted = [.. rows.OrderByDescending(r => r.Outcome.Commission).ThenBy(r => r.Name, names)];
        return new CommissionView(team.Name, period, today, KpiDefaults.NameOf(text, locale, kpi), kpi.Unit, plan.Currency ?? kpi.Currency, rules, plan.Period, sorted);
    }
}
