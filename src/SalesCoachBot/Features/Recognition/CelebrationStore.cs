using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Recognition;

/// <summary>
/// A team's celebration switches and big-deal amount. <see cref="BigDealThreshold"/> null: no big-deal celebrations until a
/// manager sets one (an amount worth celebrating depends on the business and its currency).
/// </summary>
internal sealed record CelebrationSettings(bool BigDeals, bool RepTargets, bool TeamTargets, decimal? BigDealThreshold)
{
    /// <summary>Targets reached are celebrated from the start; big deals once a manager sets the amount.</summary>
    public static CelebrationSettings Default { get; } = new(BigDeals: true, RepTargets: true, TeamTargets: true, BigDealThreshold: null);

    /// <summary>True when some event can be celebrated at all.</summary>
    public bool AnyOn => (BigDeals && BigDealThreshold is not null) || RepTargets || TeamTargets;
}

/// <summary>A celebration to store; the store adds tenant and time.</summary>
internal sealed record NewCelebration(long SalesTeamId, CelebrationKind Kind, long? MemberId, long KpiId, string PeriodKey, decimal Amount, string EventKey, string Reason);

/// <summary>
/// The celebrations and the celebration settings (columns of recognition_settings) of the tenant the scope's store is
/// bound to: the only code that reads and writes them.
/// </summary>
internal sealed class CelebrationStore(SalesCoachDbContext db, TimeProvider time)
{
    /// <summary>The largest big-deal amount accepted (the largest amount a result may have).</summary>
    public const decimal MaxThreshold = AmountParser.MaxAmount;

    /// <summary>The team's settings, or the defaults when it has none stored.</summary>
    public async Task<CelebrationSettings> SettingsAsync(long salesTeamId, CancellationToken cancellationToken)
    {
        var row = await db.RecognitionSettings.AsNoTracking().Where(s => s.SalesTeamId == salesTeamId)
            .Select(s => new { s.BigDealsOff, s.RepTargetsOff, s.TeamTargetsOff, s.BigDealThreshold })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null
            ? CelebrationSettings.Default
            : new CelebrationSettings(!row.BigDealsOff, !row.RepTargetsOff, !row.TeamTargetsOff, row.BigDealThreshold);
    }

    /// <summary>Stores the team's settings (its praise quota stays as it is).</summary>
    public async Task SaveSettingsAsync(string tenantId, long salesTeamId, CelebrationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        for (var attempt = 1; ; attempt++)
        {
            var row = await db.RecognitionSettings.FirstOrDefaultAsync(s => s.SalesTeamId == salesTeamId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new RecognitionSettings { TenantId = tenantId, SalesTeamId = salesTeamId, DailyPraiseQuota = RecognitionStore.DefaultDailyQuota };
                db.RecognitionSettings.Add(row);
            }

            row.BigDealsOff = !settings.BigDeals;
            row.RepTargetsOff = !settings.RepTargets;
            row.TeamTargetsOff = !settings.TeamTargets;
            row.BigDealThreshold = settings.BigDealThreshold;
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Another save created the team's row first: apply ours over it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The KPI deals are measured by: the active money KPI "revenue", else the first active money KPI; null when the
    /// tenant has none.
    /// </summary>
    public async Task<KpiDefinition?> DealKpiAsync(CancellationToken cancellationToken)
    {
        var money = await db.Kpis.AsNoTracking().Where(k => k.IsActive && k.Unit == KpiUnit.Currency)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return money.FirstOrDefault(k => k.Key == KpiDefaults.Revenue) ?? money.OrderBy(k => k.SortOrder).ThenBy(k => k.Id).FirstOrDefault();
    }

    /// <summary>True when a celebration with this key, or one whose key starts with <paramref name="keyPrefix"/>, is stored.</summary>
    public Task<bool> AnyAsync(string key, string? keyPrefix, CancellationToken cancellationToken) =>
        keyPrefix is null
            ? db.Celebrations.AnyAsync(c => c.EventKey == key, cancellationToken)
            : db.Celebrations.AnyAsync(c => c.EventKey == key || c.EventKey.StartsWith(keyPrefix), cancellationToken);

    /// <summary>
    /// Stores the celebration unless its event key is stored already (by this or any other instance): true when it is new.
    /// One statement that is a no-op on a duplicate key, so a second decision never fails the recording's transaction.
    /// </summary>
    public async Task<bool> TryAddAsync(string tenantId, NewCelebration celebration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(celebration);
        var now = time.GetUtcNow();
        var kind = (int)celebration.Kind;
        var reason = celebration.Reason.Length <= Celebration.MaxReasonLength ? celebration.Reason : celebration.Reason[..Celebration.MaxReasonLength];
        var (team, member, kpi, period, amount, key) =
            (celebration.SalesTeamId, celebration.MemberId, celebration.KpiId, celebration.PeriodKey, celebration.Amount, celebration.EventKey);
        int rows;
        if (db is PostgresSalesCoachDbContext)
        {
            var nowUtc = now.ToUniversalTime();
            rows = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO celebrations (tenant_id, sales_team_id, kind, member_id, kpi_id, period_key, amount, event_key, reason, created_at)
                VALUES ({tenantId}, {team}, {kind}, {member}, {kpi}, {period}, {amount}, {key}, {reason}, {nowUtc})
                ON CONFLICT (tenant_id, event_key) DO NOTHING
                """,
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var nowMicros = StoreTime.ToSqlite(now);
            rows = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO celebrations (tenant_id, sales_team_id, kind, member_id, kpi_id, period_key, amount, event_key, reason, created_at)
                VALUES ({tenantId}, {team}, {kind}, {member}, {kpi}, {period}, {amount}, {key}, {reason}, {nowMicros})
                ON CONFLICT (tenant_id, event_key) DO NOTHING
                """,
                cancellationToken).ConfigureAwait(false);
        }

        return rows == 1;
    }

    /// <summary>The member's celebrations, newest first, as recognition entries without a giver.</summary>
    public async Task<IReadOnlyList<RecognitionEntry>> ReceivedAsync(long memberId, DateTimeOffset? before, int take, CancellationToken cancellationToken)
    {
        var rows = db.Celebrations.AsNoTracking().Where(c => c.MemberId == memberId);
        if (before is { } end)
        {
            rows = rows.Where(c => c.CreatedAt < end);
        }

        var found = await rows.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(Math.Max(0, take))
            .Select(c => new { c.Id, c.CreatedAt, c.Reason })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. found.Select(c => new RecognitionEntry(c.Id, c.CreatedAt, null, null, c.Reason, null, 0, false))];
    }
}

/// <summary>
/// The recognition a member received (<see cref="IRecognitionHistory"/>): praise and automatic celebrations, newest
/// first. Reads the store's tenant.
/// </summary>
internal sealed class RecognitionHistory(RecognitionStore praise, CelebrationStore celebrations) : IRecognitionHistory
{
    public async Task<IReadOnlyList<RecognitionEntry>> ReceivedAsync(long memberId, DateTimeOffset? before, int take, CancellationToken cancellationToken)
    {
        var praised = await praise.ReceivedAsync(memberId, before, take, cancellationToken).ConfigureAwait(false);
        var celebrated = await celebrations.ReceivedAsync(memberId, before, take, cancellationToken).ConfigureAwait(false);
        return [.. praised.Concat(celebrated).OrderByDescending(e => e.At).Take(Math.Max(0, take))];
    }
}
