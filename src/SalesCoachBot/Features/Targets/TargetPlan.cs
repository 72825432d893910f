using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Targets;

/// <summary>Whose target: a rep or a sales team.</summary>
internal readonly record struct TargetOwner(long? MemberId, long? SalesTeamId)
{
    public static TargetOwner Member(long memberId) => new(memberId, null);

    public static TargetOwner Team(long salesTeamId) => new(null, salesTeamId);
}

/// <summary>
/// Targets of one tenant (store bound with <c>ForTenant</c>): a yearly target per owner and KPI, split by
/// <see cref="StagedTargets"/>, with overrides for any quarter, month or week — also without a yearly target (then
/// only the set periods, and sums of them, have a target). A team without its own target for a period gets the sum of
/// its current reps' targets.
/// </summary>
internal sealed class TargetPlan(SalesCoachDbContext store, TimeProvider time) : ITargetPlan
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

    public Task SetMemberYearlyAsync(
        long memberId, long kpiId, int year, decimal amount, IReadOnlyList<decimal>? monthWeights, long? setByMemberId,
        CancellationToken cancellationToken = default) =>
        SetYearlyAsync(TargetOwner.Member(memberId), kpiId, year, amount, monthWeights, setByMemberId, cancellationToken);

    public Task OverrideMemberAsync(long memberId, long kpiId, SalesPeriod period, decimal amount, long? setByMemberId, CancellationToken cancellationToken = default) =>
        OverrideAsync(TargetOwner.Member(memberId), kpiId, period, amount, setByMemberId, cancellationToken);

    /// <summary>
    /// Every target row of a team and its active reps for the KPIs and years in one query, staged per owner, KPI and
    /// year by the same rules as <see cref="TargetForAsync"/> (readers of a whole team cannot afford a read per rep).
    /// </summary>
    public async Task<ITeamTargets> TeamTargetsAsync(
        long salesTeamId, IReadOnlyList<KpiDefinition> kpis, IReadOnlyCollection<int> years, WorkingCalendar calendar,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(years);
        var kpiIds = kpis.Select(k => k.Id).ToList();
        var distinctYears = years.Distinct().ToList();
        var repIds = store.TeamMemberships
            .Where(m => m.SalesTeamId == salesTeamId && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => m.MemberId);
        var rows = await store.SalesTargets.AsNoTracking()
            .Where(t => kpiIds.Contains(t.KpiId) && distinctYears.Contains(t.Year)
                && (t.SalesTeamId == salesTeamId || (t.MemberId != null && repIds.Contains(t.MemberId.Value))))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var units = kpis.ToDictionary(k => k.Id, k => k.Unit);
        var book = new TeamTargetBook();
        foreach (var group in rows.GroupBy(r => (r.MemberId, r.SalesTeamId, r.KpiId, r.Year)))
        {
            if (Staged(group.ToList(), group.Key.Year, units[group.Key.KpiId], calendar) is { } staged)
            {
                book.Add(new TargetOwner(group.Key.MemberId, group.Key.SalesTeamId), group.Key.KpiId, group.Key.Year, staged);
            }
        }

        return book;
    }

    /// <summary>Overrides the target of one quarter, month or week (or the year, which is the same as setting it).</summary>
    public Task OverrideAsync(
        TargetOwner owner, long kpiId, SalesPeriod period, decimal amount, long? setByMemberId = null,
        CancellationToken cancellationToken = default) =>
        UpsertAsync(owner, kpiId, period, amount, weights: null, setByMemberId, cancellationToken);

    /// <summary>The effective target of the owner for the period, or null when it has none (see <see cref="StagedTargets"/>).</summary>
    public async Task<decimal?> TargetForAsync(
        TargetOwner owner, long kpiId, SalesPeriod period, WorkingCalendar? calendar = null,
        CancellationToken cancellationToken = default)
    {
        var year = period.TargetYear;
        var own = await StagedAsync(owner, kpiId, year, calendar ?? WorkingCalendar.WeekendsOnly, cancellationToken).ConfigureAwait(false);
        var ownTarget = own?.TargetFor(period);
        if (ownTarget is not null || owner.SalesTeamId is not { } teamId)
        {
            return ownTarget;
        }

        var reps = await store.TeamMemberships
            .Where(m => m.SalesTeamId == teamId && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => m.MemberId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var repTargets = new List<decimal>();
        foreach (var rep in reps)
        {
            var staged = await StagedAsync(TargetOwner.Member(rep), kpiId, year, calendar ?? WorkingCalendar.WeekendsOnly, cancellationToken).ConfigureAwait(false);
            if (staged?.TargetFor(period) is { } repTarget)
            {
                repTargets.Add(repTarget);
            }
        }

        return repTargets.Count == 0 ? null : TargetSplitter.TeamTarget(null, repTargets);
    }

    /// <summary>
    /// A member's effective targets of several KPIs for the period in one read (the targets card asks for every KPI
    /// at once); null for a KPI without a target for it. Same rules as <see cref="TargetForAsync"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, PeriodTarget?>> MemberTargetsForAsync(
        long memberId, IReadOnlyCollection<KpiDefinition> kpis, SalesPeriod period, WorkingCalendar? calendar = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        var year = period.TargetYear;
        var rows = await Owned(TargetOwner.Member(memberId)).Where(t => t.Year == year).ToListAsync(cancellationToken).ConfigureAwait(false);
        return kpis.ToDictionary(
            k => k.Id,
            k => Staged(rows.Where(r => r.KpiId == k.Id).ToList(), year, k.Unit, calendar ?? WorkingCalendar.WeekendsOnly)?.Read(period));
    }

    private async Task<StagedTargets?> StagedAsync(TargetOwner owner, long kpiId, int year, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var rows = await Owned(owner).Where(t => t.KpiId == kpiId && t.Year == year).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }

        var kpi = await store.Kpis.FirstAsync(k => k.Id == kpiId, cancellationToken).ConfigureAwait(false);
        return Staged(rows, year, kpi.Unit, calendar);
    }

    /// <summary>
    /// The yearly row (if any) and the overrides of one owner, KPI and year, as the card and commands read them; null
    /// without any row. Also used by readers that load many owners' rows at once.
    /// </summary>
    internal static StagedTargets? Staged(IReadOnlyCollection<SalesTarget> rows, int year, KpiUnit unit, WorkingCalendar calendar)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var yearly = rows.FirstOrDefault(r => r.PeriodKind == TargetPeriodKind.Year);
        var weights = yearly?.MonthWeights?.Split(';').Select(w => decimal.Parse(w, CultureInfo.InvariantCulture)).ToList();
        var overrides = rows.Where(r => r.PeriodKind != TargetPeriodKind.Year)
            .ToDictionary(r => SalesPeriod.Containing((SalesPeriodKind)r.PeriodKind, r.PeriodStart), r => r.Amount);
        return new StagedTargets(year, yearly?.Amount, unit, calendar, weights, overrides);
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
        if (period.Kind == SalesPeriodKind.HalfYear)
        {
            // A half is its two quarters: storing its own target would make it disagree with them.
            throw new ArgumentException("A half year has no target of its own; set its quarters.", nameof(period));
        }

        var ownerKnown = owner.MemberId is { } memberId
            ? await store.Members.AnyAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false)
            : await store.SalesTeams.AnyAsync(t => t.Id == owner.SalesTeamId, cancellationToken).ConfigureAwait(false);
        if (!ownerKnown || !await store.Kpis.AnyAsync(k => k.Id == kpiId, cancellationToken).ConfigureAwait(false))
        {
            throw new ArgumentException("Unknown member, team or KPI.", nameof(owner));
        }

        var kind = (TargetPeriodKind)period.Kind;
        var row = await Owned(owner)
            .FirstOrDefaultAsync(t => t.KpiId == kpiId && t.PeriodKind == kind && t.PeriodStart == period.Start, cancellationToken).ConfigureAwait(false);
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

        row.Year = period.TargetYear;
        row.Amount = amount;
        row.MonthWeights = weights;
        row.IsOverride = period.Kind != SalesPeriodKind.Year;
        row.SetByMemberId = setByMemberId;
        row.SetAt = time.GetUtcNow();
        await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private IQueryable<SalesTarget> Owned(TargetOwner owner) =>
        owner.MemberId is { } memberId
            ? store.SalesTargets.Where(t => t.MemberId == memberId)
            : store.SalesTargets.Where(t => t.SalesTeamId == owner.SalesTeamId);
}

/// <summary>The staged targets of one team and its reps, by owner, KPI and year (see <see cref="TargetPlan.TeamTargetsAsync"/>).</summary>
internal sealed class TeamTargetBook : ITeamTargets
{
    private readonly Dictionary<(TargetOwner Owner, long KpiId, int Year), StagedTargets> _plans = [];

    public void Add(TargetOwner owner, long kpiId, int year, StagedTargets staged) => _plans[(owner, kpiId, year)] = staged;

    public PeriodTarget? RepTarget(long memberId, long kpiId, SalesPeriod period) => TargetFor(TargetOwner.Member(memberId), kpiId, period);

    public PeriodTarget? TeamTarget(long salesTeamId, IEnumerable<long> repIds, long kpiId, SalesPeriod period)
    {
        var own = TargetFor(TargetOwner.Team(salesTeamId), kpiId, period);
        if (own is not null)
        {
            return own;
        }

        var repTargets = repIds.Select(r => RepTarget(r, kpiId, period)).OfType<PeriodTarget>().ToList();
        return repTargets.Count == 0
            ? null
            : new PeriodTarget(TargetSplitter.TeamTarget(null, repTargets.Select(t => t.Amount)), repTargets.Any(t => t.IsSumOfSetPeriods));
    }

    private PeriodTarget? TargetFor(TargetOwner owner, long kpiId, SalesPeriod period) =>
        _plans.TryGetValue((owner, kpiId, period.TargetYear), out var plan) ? plan.Read(period) : null;
}
