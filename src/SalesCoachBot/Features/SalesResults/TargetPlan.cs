using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;

namespace SalesCoachBot.Features.SalesResults;

/// <summary>Whose target: a rep or a sales team.</summary>
public readonly record struct TargetOwner(long? MemberId, long? SalesTeamId)
{
    public static TargetOwner Member(long memberId) => new(memberId, null);

    public static TargetOwner Team(long salesTeamId) => new(null, salesTeamId);
}

/// <summary>
/// Targets of one tenant (store bound with <c>ForTenant</c>): a yearly target per owner and KPI, split by
/// <see cref="StagedTargets"/>, with overrides for any period. A team without its own target gets the sum of its
/// current reps' targets.
/// </summary>
public sealed class TargetPlan(SalesCoachDbContext store, TimeProvider time)
{
    /// <summary>Sets (or replaces) the yearly target, with optional twelve month weights.</summary>
    public Task SetYearlyAsync(
        TargetOwner owner, long kpiId, int year, decimal amount, IReadOnlyList<decimal>? monthWeights = null,
        long? setByMemberId = null, CancellationToken cancellationToken = default)
    {
        if (monthWeights is not null && (monthWeights.Count != 12 || monthWeights.Any(w => w < 0) || monthWeights.Sum() <= 0))
        {
            throw new ArgumentException("Month weights must be twelve non-negative numbers, not all zero.", nameof(monthWeights));
        }

        var weights = monthWeights is null ? null : string.Join(';', monthWeights.Select(w => w.ToString(CultureInfo.InvariantCulture)));
        return UpsertAsync(owner, kpiId, SalesPeriod.Year(year), amount, weights, setByMemberId, cancellationToken);
    }

    /// <summary>Overrides the target of one quarter, month or week (or the year, which is the same as setting it).</summary>
    public Task OverrideAsync(
        TargetOwner owner, long kpiId, SalesPeriod period, decimal amount, long? setByMemberId = null,
        CancellationToken cancellationToken = default) =>
        UpsertAsync(owner, kpiId, period, amount, weights: null, setByMemberId, cancellationToken);

    /// <summary>The effective target of the owner for the period, or null when no yearly target is set.</summary>
    public async Task<decimal?> TargetForAsync(
        TargetOwner owner, long kpiId, SalesPeriod period, WorkingCalendar? calendar = null,
        CancellationToken cancellationToken = default)
    {
        var year = YearOf(period);
        var own = await StagedAsync(owner, kpiId, year, calendar ?? WorkingCalendar.WeekendsOnly, cancellationToken);
        if (own is not null || owner.SalesTeamId is not { } teamId)
        {
            return own?.TargetFor(period);
        }

        var reps = await store.TeamMemberships
            .Where(m => m.SalesTeamId == teamId && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => m.MemberId)
            .ToListAsync(cancellationToken);
        var repTargets = new List<decimal>();
        foreach (var rep in reps)
        {
            var staged = await StagedAsync(TargetOwner.Member(rep), kpiId, year, calendar ?? WorkingCalendar.WeekendsOnly, cancellationToken);
            if (staged is not null)
            {
                repTargets.Add(staged.TargetFor(period));
            }
        }

        return repTargets.Count == 0 ? null : TargetSplitter.TeamTarget(null, repTargets);
    }

    /// <summary>
    /// A member's effective targets of several KPIs for the period in one read (the targets card asks for every KPI
    /// at once); null for a KPI without a yearly target. Same rules as <see cref="TargetForAsync"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, decimal?>> MemberTargetsForAsync(
        long memberId, IReadOnlyCollection<KpiDefinition> kpis, SalesPeriod period, WorkingCalendar? calendar = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        var year = YearOf(period);
        var rows = await Owned(TargetOwner.Member(memberId)).Where(t => t.Year == year).ToListAsync(cancellationToken);
        return kpis.ToDictionary(
            k => k.Id,
            k => Staged(rows.Where(r => r.KpiId == k.Id).ToList(), year, k.Unit, calendar ?? WorkingCalendar.WeekendsOnly)?.TargetFor(period));
    }

    private async Task<StagedTargets?> StagedAsync(TargetOwner owner, long kpiId, int year, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var rows = await Owned(owner).Where(t => t.KpiId == kpiId && t.Year == year).ToListAsync(cancellationToken);
        if (!rows.Any(r => r.PeriodKind == TargetPeriodKind.Year))
        {
            return null;
        }

        var kpi = await store.Kpis.FirstAsync(k => k.Id == kpiId, cancellationToken);
        return Staged(rows, year, kpi.Unit, calendar);
    }

    /// <summary>
    /// The yearly row and its overrides of one owner, KPI and year, as the split the card and commands read; null
    /// without a yearly row. Also used by readers that load many owners' rows at once.
    /// </summary>
    internal static StagedTargets? Staged(IReadOnlyCollection<SalesTarget> rows, int year, KpiUnit unit, WorkingCalendar calendar)
    {
        var yearly = rows.FirstOrDefault(r => r.PeriodKind == TargetPeriodKind.Year);
        if (yearly is null)
        {
            return null;
        }

        var weights = yearly.MonthWeights?.Split(';').Select(w => decimal.Parse(w, CultureInfo.InvariantCulture)).ToList();
        var overrides = rows.Where(r => r.PeriodKind != TargetPeriodKind.Year)
            .ToDictionary(r => SalesPeriod.Containing((SalesPeriodKind)r.PeriodKind, r.PeriodStart), r => r.Amount);
        return new StagedTargets(year, yearly.Amount, unit, calendar, weights, overrides);
    }

    private async Task UpsertAsync(
        TargetOwner owner, long kpiId, SalesPeriod period, decimal amount, string? weights, long? setByMemberId,
        CancellationToken cancellationToken)
    {
        var tenantId = store.CurrentTenantId ?? throw new InvalidOperationException("The store is not bound to a tenant.");
        if ((owner.MemberId is null) == (owner.SalesTeamId is null))
        {
            throw new ArgumentException("A target belongs to exactly one member or one team.", nameof(owner));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var ownerKnown = owner.MemberId is { } memberId
            ? await store.Members.AnyAsync(m => m.Id == memberId, cancellationToken)
            : await store.SalesTeams.AnyAsync(t => t.Id == owner.SalesTeamId, cancellationToken);
        if (!ownerKnown || !await store.Kpis.AnyAsync(k => k.Id == kpiId, cancellationToken))
        {
            throw new ArgumentException("Unknown member, team or KPI.", nameof(owner));
        }

        var kind = (TargetPeriodKind)period.Kind;
        var row = await Owned(owner)
            .FirstOrDefaultAsync(t => t.KpiId == kpiId && t.PeriodKind == kind && t.PeriodStart == period.Start, cancellationToken);
        if (row is null)
        {
            row = new SalesTarget
            {
                TenantId = tenantId,
                MemberId = owner.MemberId,
                SalesTeamId = owner.SalesTeamId,
                KpiId = kpiId,
                PeriodKind = kind,
                PeriodStart = period.Start,
            };
            store.SalesTargets.Add(row);
        }

        row.Year = YearOf(period);
        row.Amount = amount;
        row.MonthWeights = weights;
        row.IsOverride = period.Kind != SalesPeriodKind.Year;
        row.SetByMemberId = setByMemberId;
        row.SetAt = time.GetUtcNow();
        await store.SaveChangesAsync(cancellationToken);
    }

    private IQueryable<SalesTarget> Owned(TargetOwner owner) =>
        owner.MemberId is { } memberId
            ? store.SalesTargets.Where(t => t.MemberId == memberId)
            : store.SalesTargets.Where(t => t.SalesTeamId == owner.SalesTeamId);

    /// <summary>The year a period's targets are filed under: an ISO week belongs to the year of its Thursday.</summary>
    internal static int YearOf(SalesPeriod period) => period.Kind == SalesPeriodKind.Week ? period.Start.AddDays(3).Year : period.Start.Year;
}
