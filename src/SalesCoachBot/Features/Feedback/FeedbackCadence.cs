using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Feedback;

/// <summary>
/// The feedback cadence of the tenant the scope's store is bound to: the only code that reads and writes
/// <c>feedback_settings</c> (each team's cadence, else <see cref="FeedbackOptions.CadenceDays"/>) and
/// <c>feedback_nudges</c> (when a manager was last nudged about a rep, and until when they snoozed them).
/// </summary>
internal sealed class FeedbackCadence(SalesCoachDbContext store, IOptionsMonitor<FeedbackOptions> options)
{
    /// <summary>The app's default cadence, for teams without their own.</summary>
    public int DefaultDays => options.CurrentValue.CadenceDays;

    /// <summary>The cadence of each of the teams (the default where a team has none).</summary>
    public async Task<IReadOnlyDictionary<long, int>> DaysAsync(IReadOnlyCollection<long> salesTeamIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(salesTeamIds);
        var ids = salesTeamIds.Distinct().ToList();
        var own = await store.FeedbackSettings.AsNoTracking().Where(s => ids.Contains(s.SalesTeamId))
            .ToDictionaryAsync(s => s.SalesTeamId, s => s.CadenceDays, cancellationToken).ConfigureAwait(false);
        return ids.ToDictionary(id => id, id => own.GetValueOrDefault(id, DefaultDays));
    }

    /// <summary>Sets the teams' cadence (a row per team; a second write of the same team updates it).</summary>
    public async Task SetDaysAsync(string tenantId, IReadOnlyCollection<long> salesTeamIds, int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(salesTeamIds);
        var strategy = store.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            store.ChangeTracker.Clear();
            var ids = salesTeamIds.Distinct().ToList();
            var rows = await store.FeedbackSettings.Where(s => ids.Contains(s.SalesTeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var id in ids)
            {
                var row = rows.FirstOrDefault(r => r.SalesTeamId == id)
                    ?? store.FeedbackSettings.Add(new FeedbackSettings { TenantId = tenantId, SalesTeamId = id }).Entity;
                row.CadenceDays = days;
                row.UpdatedAt = now;
            }

            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The manager's nudge rows, by rep.</summary>
    public async Task<IReadOnlyDictionary<long, FeedbackNudge>> NudgesAsync(long managerId, CancellationToken cancellationToken) =>
        await store.FeedbackNudges.AsNoTracking().Where(n => n.ManagerMemberId == managerId)
            .ToDictionaryAsync(n => n.RepMemberId, cancellationToken).ConfigureAwait(false);

    /// <summary>Remembers that the manager was told about these reps now (in the caller's transaction).</summary>
    public async Task MarkNudgedAsync(string tenantId, long managerId, IReadOnlyCollection<long> repIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repIds);
        var rows = await RowsAsync(tenantId, managerId, repIds, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            row.LastNudgedAt = at;
        }

        await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The manager does not hear about the rep until <paramref name="until"/>.</summary>
    public async Task SnoozeAsync(string tenantId, long managerId, long repId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var strategy = store.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            store.ChangeTracker.Clear();
            var row = (await RowsAsync(tenantId, managerId, [repId], cancellationToken).ConfigureAwait(false))[0];
            row.SnoozedUntil = until;
            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task<List<FeedbackNudge>> RowsAsync(string tenantId, long managerId, IReadOnlyCollection<long> repIds, CancellationToken cancellationToken)
    {
        var ids = repIds.Distinct().OrderBy(id => id).ToList();
        var rows = await store.FeedbackNudges.Where(n => n.ManagerMemberId == managerId && ids.Contains(n.RepMemberId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in ids.Where(id => rows.All(r => r.RepMemberId != id)))
        {
            rows.Add(store.FeedbackNudges.Add(new FeedbackNudge { TenantId = tenantId, ManagerMemberId = managerId, RepMemberId = id }).Entity);
        }

        return rows;
    }
}
