using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Scorecards;

/// <summary>A team's scorecard set-up: the weights it set (KPI id → percent; empty: equal weights) and its cap in percent.</summary>
internal sealed record ScorecardSetup(IReadOnlyDictionary<long, decimal> Weights, decimal CapPercent)
{
    public bool HasWeights => Weights.Count > 0;
}

/// <summary>Why weights were not stored (nothing changed then).</summary>
internal enum WeightsProblem
{
    None = 0,

    /// <summary>The weights do not add up to 100.</summary>
    NotHundred = 1,

    /// <summary>The same KPI twice.</summary>
    Repeated = 2,

    /// <summary>No weight at all.</summary>
    Empty = 3,
}

/// <summary>
/// The store of scorecard weights and caps per sales team (tables scorecard_weights and scorecard_settings); the store
/// is bound to the tenant by the caller. Setting weights replaces all of a team's weights in one transaction.
/// </summary>
internal sealed class ScorecardBook(SalesCoachDbContext store, TimeProvider time)
{
    public async Task<ScorecardSetup> SetupAsync(long salesTeamId, CancellationToken cancellationToken)
    {
        var weights = await store.ScorecardWeights.AsNoTracking().Where(w => w.SalesTeamId == salesTeamId)
            .ToDictionaryAsync(w => w.KpiId, w => w.WeightPercent, cancellationToken).ConfigureAwait(false);
        var cap = await store.ScorecardSettings.AsNoTracking().Where(s => s.SalesTeamId == salesTeamId)
            .Select(s => (decimal?)s.CapPercent).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new ScorecardSetup(weights, cap ?? ScorecardSettings.DefaultCapPercent);
    }

    /// <summary>Checks weights before storing: they must name each KPI once and add up to exactly 100.</summary>
    public static WeightsProblem Check(IReadOnlyList<(long KpiId, decimal Percent)> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return weights.Count == 0 ? WeightsProblem.Empty
            : weights.Select(w => w.KpiId).Distinct().Count() != weights.Count ? WeightsProblem.Repeated
            : weights.Sum(w => w.Percent) != 100m ? WeightsProblem.NotHundred
            : WeightsProblem.None;
    }

    /// <summary>Replaces the team's weights (after <see cref="Check"/>); a KPI at 0 % is stored as no weight.</summary>
    public async Task SetWeightsAsync(
        string tenantId, long salesTeamId, IReadOnlyList<(long KpiId, decimal Percent)> weights, long? setBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (Check(weights) != WeightsProblem.None)
        {
            throw new ArgumentException("Weights must name each KPI once and add up to 100.", nameof(weights));
        }

        var now = time.GetUtcNow();
        var transaction = await store.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionLifetime = transaction.ConfigureAwait(false);
        await store.ScorecardWeights.Where(w => w.SalesTeamId == salesTeamId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        store.ScorecardWeights.AddRange(weights.Where(w => w.Percent > 0m).Select(w => new ScorecardWeight
        {
            TenantId = tenantId, SalesTeamId = salesTeamId, KpiId = w.KpiId, WeightPercent = w.Percent, SetByMemberId = setBy, UpdatedAt = now,
        }));
        await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the team's weights: equal weights again.</summary>
    public Task ClearWeightsAsync(long salesTeamId, CancellationToken cancellationToken) =>
        store.ScorecardWeights.Where(w => w.SalesTeamId == salesTeamId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Sets the team's cap (<see cref="ScorecardParser.MinCap"/> to <see cref="ScorecardParser.MaxCap"/>, checked by the caller).</summary>
    public async Task SetCapAsync(string tenantId, long salesTeamId, decimal capPercent, CancellationToken cancellationToken)
    {
        var row = await store.ScorecardSettings.FirstOrDefaultAsync(s => s.SalesTeamId == salesTeamId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new ScorecardSettings { TenantId = tenantId, SalesTeamId = salesTeamId };
            store.ScorecardSettings.Add(row);
        }

        row.CapPercent = capPercent;
        row.UpdatedAt = time.GetUtcNow();
        try
        {
            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (store.Entry(row).State == EntityState.Added)
        {
            // Two managers at once: the other one's row is there now; set it on that.
            store.Entry(row).State = EntityState.Detached;
            await store.ScorecardSettings.Where(s => s.SalesTeamId == salesTeamId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.CapPercent, capPercent).SetProperty(x => x.UpdatedAt, time.GetUtcNow()), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>True for a cap a team may set: 100 % to 300 %, at most one decimal.</summary>
    public static bool IsValidCap(decimal cap) =>
        cap is >= ScorecardParser.MinCap and <= ScorecardParser.MaxCap && decimal.Round(cap, 1) == cap;
}
