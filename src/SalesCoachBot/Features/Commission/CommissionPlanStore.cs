using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Commission;

/// <summary>
/// The commission plans of a tenant (the store is bound to it on every call): one per sales team, replaced as a whole
/// (plan and tiers in one transaction), and the KPI a typed word names.
/// </summary>
internal sealed class CommissionPlanStore(SalesCoachDbContext db, TimeProvider time, IKpiCatalog catalog)
{
    /// <summary>The team's plan with its tiers in order, or null.</summary>
    public async Task<CommissionPlan?> FindAsync(string tenantId, long salesTeamId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var plan = await db.CommissionPlans.AsNoTracking().Include(p => p.Tiers)
            .FirstOrDefaultAsync(p => p.SalesTeamId == salesTeamId, cancellationToken).ConfigureAwait(false);
        plan?.Tiers.Sort((a, b) => a.FromPercent.CompareTo(b.FromPercent));
        return plan;
    }

    /// <summary>Sets (or replaces) the team's plan.</summary>
    public async Task SaveAsync(
        string tenantId, long salesTeamId, KpiDefinition kpi, CommissionRules rules, CommissionPeriod period, long? setByMemberId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(rules);
        db.ForTenant(tenantId);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await DeleteAsync(salesTeamId, cancellationToken).ConfigureAwait(false);
                db.CommissionPlans.Add(new CommissionPlan
                {
                    TenantId = tenantId,
                    SalesTeamId = salesTeamId,
                    KpiId = kpi.Id,
                    Mode = rules.Mode,
                    CapAmount = rules.Cap,
                    Period = period,
                    Currency = kpi.Currency,
                    SetByMemberId = setByMemberId,
                    UpdatedAt = time.GetUtcNow(),
                    Tiers = [.. rules.Tiers.Select(t => new CommissionTier { TenantId = tenantId, FromPercent = t.FromPercent, RatePercent = t.RatePercent })],
                });
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Removes the team's plan; false when it had none.</summary>
    public async Task<bool> RemoveAsync(string tenantId, long salesTeamId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        return await DeleteAsync(salesTeamId, cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>
    /// The active KPI a word names, in the tenant's KPI vocabulary (<see cref="KpiVocabulary.FindKpi"/>): its key, a name in
    /// either language, an alias the tenant added (回款 is the collections KPI's name), or a log word (<c>业绩</c> is revenue).
    /// </summary>
    public async Task<KpiDefinition?> FindKpiAsync(string tenantId, string word, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var vocabulary = await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        return vocabulary.FindKpi(word) is { IsActive: true } kpi ? kpi : null;
    }

    /// <summary>A KPI by id, retired ones included (a plan keeps its KPI's history).</summary>
    public async Task<KpiDefinition?> KpiAsync(string tenantId, long kpiId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        return await db.Kpis.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kpiId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> DeleteAsync(long salesTeamId, CancellationToken cancellationToken)
    {
        var planIds = db.CommissionPlans.Where(p => p.SalesTeamId == salesTeamId).Select(p => p.Id);
        await db.CommissionTiers.Where(t => planIds.Contains(t.PlanId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return await db.CommissionPlans.Where(p => p.SalesTeamId == salesTeamId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
