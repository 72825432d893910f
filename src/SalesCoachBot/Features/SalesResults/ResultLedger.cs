using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.SalesResults;

/// <summary>The row now in the store, and whether it was already there (same source and external id).</summary>
internal sealed record RecordOutcome(SalesResult Result, bool IsDuplicate);

internal enum UndoStatus
{
    Undone = 0,
    NothingToUndo = 1,
    TooLate = 2,
}

/// <summary>The rows `undo` took back (all rows of the last action), or would have when too late.</summary>
internal sealed record UndoOutcome(UndoStatus Status, IReadOnlyList<SalesResult> Rows);

/// <summary>
/// The results store of one tenant (the scope's store must be bound with <c>ForTenant</c>). Recording is idempotent
/// by (source, external id) so imports and webhooks can be retried; undone results stay but never count. New results
/// (never duplicates) are told to every <see cref="IResultsRecordedObserver"/> (celebrations), whose failure never fails
/// the recording.
/// </summary>
internal sealed partial class ResultLedger(
    SalesCoachDbContext store, TimeProvider time, IEnumerable<IResultsRecordedObserver>? observers = null, ILogger<ResultLedger>? logger = null)
    : IResultLedger
{
    private const string ObserverSavepoint = "results_recorded";

    /// <summary>How long a rep can take back their last chat or card result.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(10);

    /// <summary>Splits an action id from the KPI key in the external ids of rows recorded together by hand.</summary>
    public const char ActionSeparator = ':';

    public async Task<RecordOutcome> RecordAsync(ResultEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var tenantId = store.CurrentTenantId ?? throw new InvalidOperationException("The store is not bound to a tenant.");
        if (!ResultSources.All.Contains(entry.Source))
        {
            throw new ArgumentException($"Unknown result source '{entry.Source}'.", nameof(entry));
        }

        if (entry.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(entry), "A result cannot be negative.");
        }

        var externalId = string.IsNullOrWhiteSpace(entry.ExternalId) ? Guid.NewGuid().ToString("N") : entry.ExternalId.Trim();
        if (externalId.Length > ColumnLengths.ExternalId
            || entry.Customer?.Length > ColumnLengths.Customer
            || entry.Note?.Length > ColumnLengths.Note)
        {
            throw new ArgumentException("External id, customer or note is too long.", nameof(entry));
        }

        var existing = await FindAsync(entry.Source, externalId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return new RecordOutcome(existing, IsDuplicate: true);
        }

        // Ids from a card or an import must belong to this tenant; the tenant filter makes another tenant's unknown.
        if (!await store.Members.AnyAsync(m => m.Id == entry.MemberId, cancellationToken).ConfigureAwait(false)
            || !await store.Kpis.AnyAsync(k => k.Id == entry.KpiId, cancellationToken).ConfigureAwait(false))
        {
            throw new ArgumentException("Unknown member or KPI.", nameof(entry));
        }

        var result = NewResult(tenantId, entry, externalId, time.GetUtcNow());
        store.SalesResults.Add(result);
        try
        {
            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A concurrent writer won the unique index race: theirs is the row.
            store.Entry(result).State = EntityState.Detached;
            var winner = await FindAsync(entry.Source, externalId, cancellationToken).ConfigureAwait(false);
            if (winner is null)
            {
                throw;
            }

            return new RecordOutcome(winner, IsDuplicate: true);
        }

        await TellObserversAsync([result], cancellationToken).ConfigureAwait(false);
        return new RecordOutcome(result, IsDuplicate: false);
    }

    /// <summary>
    /// Tells each observer of the new results. Inside the caller's transaction a savepoint confines an observer's
    /// failure (PostgreSQL would otherwise refuse every later statement of the transaction): its writes are undone, the
    /// recording goes on, and a warning says so. Cancellation is not a failure and ends the recording too.
    /// </summary>
    private async Task TellObserversAsync(List<SalesResult> rows, CancellationToken cancellationToken)
    {
        if (observers is null || rows.Count == 0)
        {
            return;
        }

        var results = rows.Select(r => new StoredResult(r.Id, r.MemberId, r.KpiId, r.Amount, r.OccurredOn, r.Customer, r.Source)).ToList();
        foreach (var observer in observers)
        {
            var transaction = store.Database.CurrentTransaction;
            if (transaction is not null)
            {
                await transaction.CreateSavepointAsync(ObserverSavepoint, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await observer.ResultsRecordedAsync(this, results, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // An edge that must survive any failure: celebrating must never fail or undo the recording.
            catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
            {
                if (transaction is not null)
                {
                    await transaction.RollbackToSavepointAsync(ObserverSavepoint, cancellationToken).ConfigureAwait(false);
                }

                LogObserverFailed(logger ?? NullLogger<ResultLedger>.Instance, error, observer.GetType().Name, results.Count);
                continue;
            }

            if (transaction is not null)
            {
                await transaction.ReleaseSavepointAsync(ObserverSavepoint, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Observer} failed on {Count} new result(s); the results are recorded")]
    private static partial void LogObserverFailed(ILogger logger, Exception error, string observer, int count);

    /// <summary>
    /// Takes back the member's latest chat or card action if it was recorded within <see cref="UndoWindow"/>: every row
    /// whose external id shares its action prefix (<c>&lt;actionId&gt;:&lt;kpi key&gt;</c>, so both rows of a deal), else
    /// the one row.
    /// </summary>
    public async Task<UndoOutcome> MarkLastActionUndoneAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var last = await store.SalesResults
            .Where(r => r.MemberId == memberId && r.UndoneAt == null
                && (r.Source == ResultSources.Chat || r.Source == ResultSources.Card))
            .OrderByDescending(r => r.RecordedAt)
            .ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (last is null)
        {
            return new UndoOutcome(UndoStatus.NothingToUndo, []);
        }

        List<SalesResult> rows = [last];
        var separator = last.ExternalId.LastIndexOf(ActionSeparator);
        if (separator > 0)
        {
            var prefix = last.ExternalId[..(separator + 1)];
            rows = await store.SalesResults
                .Where(r => r.MemberId == memberId && r.Source == last.Source && r.UndoneAt == null && r.ExternalId.StartsWith(prefix))
                .OrderBy(r => r.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        if (now - last.RecordedAt > UndoWindow)
        {
            return new UndoOutcome(UndoStatus.TooLate, rows);
        }

        foreach (var row in rows)
        {
            row.UndoneAt = now;
        }

        await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new UndoOutcome(UndoStatus.Undone, rows);
    }

    private static SalesResult NewResult(string tenantId, ResultEntry entry, string externalId, DateTimeOffset recordedAt) => new()
    {
        TenantId = tenantId,
        MemberId = entry.MemberId,
        KpiId = entry.KpiId,
        Amount = entry.Amount,
        OccurredOn = entry.OccurredOn,
        Customer = entry.Customer,
        Note = entry.Note,
        Source = entry.Source,
        ExternalId = externalId,
        RecordedAt = recordedAt,
        RecordedByMemberId = entry.RecordedByMemberId ?? entry.MemberId,
    };

    /// <summary>
    /// A period's actual from its results: the sum, the number of results (Count), or their mean rounded to two decimals
    /// once, at the end (Average, e.g. a rate logged weekly). Last KPIs are read by <see cref="LatestAsync"/> instead.
    /// </summary>
    internal static decimal Aggregate(KpiAggregation aggregation, decimal sum, int results) => aggregation switch
    {
        KpiAggregation.Count => results,
        KpiAggregation.Average => results == 0 ? 0m : Math.Round(sum / results, 2, MidpointRounding.AwayFromZero),
        _ => sum,
    };

    /// <summary>
    /// The member's actual for one KPI, both dates inclusive; Count KPIs count results, Average ones average them, Last
    /// ones take the latest (0 without results, like the others).
    /// </summary>
    public async Task<decimal> ActualAsync(long memberId, long kpiId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var aggregation = await store.Kpis.Where(k => k.Id == kpiId).Select(k => (KpiAggregation?)k.Aggregation)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var results = InRange(memberId, from, to).Where(r => r.KpiId == kpiId);
        if (aggregation == KpiAggregation.Last)
        {
            return (await LatestAsync(results, cancellationToken).ConfigureAwait(false)).GetValueOrDefault((memberId, kpiId));
        }

        if (aggregation == KpiAggregation.Count)
        {
            return await results.CountAsync(cancellationToken).ConfigureAwait(false);
        }

        var sum = await results.SumAsync(r => r.Amount, cancellationToken).ConfigureAwait(false);
        return aggregation == KpiAggregation.Average
            ? Aggregate(KpiAggregation.Average, sum, await results.CountAsync(cancellationToken).ConfigureAwait(false))
            : sum;
    }

    /// <summary>The member's actual of every KPI with results in the range, in one query.</summary>
    public async Task<IReadOnlyDictionary<long, KpiActual>> ActualsAsync(long memberId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var sums = await InRange(memberId, from, to)
            .Join(store.Kpis, r => r.KpiId, k => k.Id, (r, k) => new { r.KpiId, r.Amount, k.Aggregation })
            .GroupBy(r => new { r.KpiId, r.Aggregation })
            .Select(g => new { g.Key.KpiId, g.Key.Aggregation, Amount = g.Sum(r => r.Amount), Results = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Only when a Last KPI has results: no extra query otherwise.
        var latest = sums.Any(s => s.Aggregation == KpiAggregation.Last)
            ? await LatestAsync(InRange(memberId, from, to), cancellationToken).ConfigureAwait(false)
            : [];
        return sums.ToDictionary(
            s => s.KpiId,
            s => new KpiActual(s.KpiId, latest.TryGetValue((memberId, s.KpiId), out var last) ? last : Aggregate(s.Aggregation, s.Amount, s.Results), s.Results));
    }

    async Task<RecordedResult> IResultLedger.RecordAsync(ResultEntry entry, CancellationToken cancellationToken)
    {
        var outcome = await RecordAsync(entry, cancellationToken).ConfigureAwait(false);
        return new RecordedResult(outcome.Result.Id, outcome.IsDuplicate);
    }

    /// <summary>Every active rep's actual per KPI of a sales team in the range, in one grouped query whatever the team size.</summary>
    public async Task<IReadOnlyDictionary<(long MemberId, long KpiId), decimal>> RepActualsAsync(
        long salesTeamId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var repIds = store.TeamMemberships
            .Where(m => m.SalesTeamId == salesTeamId && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => m.MemberId);
        var results = store.SalesResults.AsNoTracking()
            .Where(r => repIds.Contains(r.MemberId) && r.OccurredOn >= from && r.OccurredOn <= to && r.UndoneAt == null);
        var sums = await results
            .Join(store.Kpis, r => r.KpiId, k => k.Id, (r, k) => new { r.MemberId, r.KpiId, r.Amount, k.Aggregation })
            .GroupBy(r => new { r.MemberId, r.KpiId, r.Aggregation })
            .Select(g => new { g.Key.MemberId, g.Key.KpiId, g.Key.Aggregation, Amount = g.Sum(r => r.Amount), Results = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var latest = sums.Any(s => s.Aggregation == KpiAggregation.Last)
            ? await LatestAsync(results, cancellationToken).ConfigureAwait(false)
            : [];
        return sums.ToDictionary(
            s => (s.MemberId, s.KpiId),
            s => latest.TryGetValue((s.MemberId, s.KpiId), out var last) ? last : Aggregate(s.Aggregation, s.Amount, s.Results));
    }

    /// <summary>
    /// The actual of each Last KPI among the results, per member: the latest result's amount (latest day, then the one
    /// recorded last, then the later row). Ordered here: SQLite cannot order by a date-time offset, and a period's
    /// readings of one team are few.
    /// </summary>
    private async Task<Dictionary<(long MemberId, long KpiId), decimal>> LatestAsync(IQueryable<SalesResult> results, CancellationToken cancellationToken)
    {
        var readings = await results
            .Join(store.Kpis.Where(k => k.Aggregation == KpiAggregation.Last), r => r.KpiId, k => k.Id,
                (r, k) => new { r.Id, r.MemberId, r.KpiId, r.Amount, r.OccurredOn, r.RecordedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return readings.GroupBy(r => (r.MemberId, r.KpiId)).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).First().Amount);
    }

    public async Task<IReadOnlyList<StoredResult>> LargestAsync(
        long salesTeamId, long kpiId, DateOnly from, DateOnly to, int take, CancellationToken cancellationToken = default)
    {
        var repIds = store.TeamMemberships
            .Where(m => m.SalesTeamId == salesTeamId && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => m.MemberId);
        var rows = await store.SalesResults.AsNoTracking()
            .Where(r => repIds.Contains(r.MemberId) && r.KpiId == kpiId && r.OccurredOn >= from && r.OccurredOn <= to && r.UndoneAt == null)
            .Select(r => new StoredResult(r.Id, r.MemberId, r.KpiId, r.Amount, r.OccurredOn, r.Customer, r.Source))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Ordered here: SQLite cannot order by a decimal column, and a week's results of one team are few.
        return [.. rows.OrderByDescending(r => r.Amount).ThenBy(r => r.ResultId).Take(Math.Max(0, take))];
    }

    private IQueryable<SalesResult> InRange(long memberId, DateOnly from, DateOnly to) =>
        store.SalesResults.Where(r => r.MemberId == memberId && r.OccurredOn >= from && r.OccurredOn <= to && r.UndoneAt == null);

    private Task<SalesResult?> FindAsync(string source, string externalId, CancellationToken cancellationToken) =>
        store.SalesResults.FirstOrDefaultAsync(r => r.Source == source && r.ExternalId == externalId, cancellationToken);

    /// <summary>
    /// Records a batch (an uploaded file) with one look-up of the (source, external id) pairs already stored and one
    /// SaveChanges: entries already there, or repeated within the batch, are left out — reported as already there when
    /// the holder is the entry's member, and as taken when it is another member, so one member's ids never pass for
    /// (or hide) another's results. Every member and KPI id must belong to the bound tenant, else nothing is recorded.
    /// </summary>
    public async Task<BatchOutcome> RecordManyAsync(IReadOnlyList<ResultEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var tenantId = store.CurrentTenantId ?? throw new InvalidOperationException("The store is not bound to a tenant.");
        foreach (var entry in entries)
        {
            if (!ResultSources.All.Contains(entry.Source) || entry.Amount < 0 || string.IsNullOrWhiteSpace(entry.ExternalId)
                || entry.ExternalId.Length > ColumnLengths.ExternalId || entry.Customer?.Length > ColumnLengths.Customer
                || entry.Note?.Length > ColumnLengths.Note)
            {
                throw new ArgumentException("A batch entry needs a known source, an external id and fitting values.", nameof(entries));
            }
        }

        if (entries.Count == 0)
        {
            return new BatchOutcome([]);
        }

        var memberIds = entries.Select(e => e.MemberId).Concat(entries.Select(e => e.RecordedByMemberId ?? e.MemberId)).Distinct().ToList();
        var kpiIds = entries.Select(e => e.KpiId).Distinct().ToList();
        // The tenant filter makes another tenant's ids unknown.
        var knownMembers = await store.Members.Where(m => memberIds.Contains(m.Id)).CountAsync(cancellationToken).ConfigureAwait(false);
        var knownKpis = await store.Kpis.Where(k => kpiIds.Contains(k.Id)).CountAsync(cancellationToken).ConfigureAwait(false);
        if (knownMembers != memberIds.Count || knownKpis != kpiIds.Count)
        {
            throw new ArgumentException("Unknown member or KPI.", nameof(entries));
        }

        var externalIds = entries.Select(e => e.ExternalId!).Distinct().ToList();
        var stored = await store.SalesResults.Where(r => externalIds.Contains(r.ExternalId))
            .Select(r => new { r.Source, r.ExternalId, r.MemberId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var holders = stored.ToDictionary(r => (r.Source, r.ExternalId), r => r.MemberId);
        var now = time.GetUtcNow();
        var statuses = new BatchEntryStatus[entries.Count];
        var added = new List<SalesResult>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (holders.TryGetValue((entry.Source, entry.ExternalId!), out var holder))
            {
                statuses[i] = holder == entry.MemberId ? BatchEntryStatus.AlreadyThere : BatchEntryStatus.TakenByAnotherMember;
                continue;
            }

            holders.Add((entry.Source, entry.ExternalId!), entry.MemberId);
            var row = NewResult(tenantId, entry, entry.ExternalId!, now);
            store.SalesResults.Add(row);
            added.Add(row);
        }

        await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await TellObserversAsync(added, cancellationToken).ConfigureAwait(false);
        return new BatchOutcome(statuses);
    }

    public async Task<IReadOnlyDictionary<string, long>> OwnersAsync(
        string source, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalIds);
        if (externalIds.Count == 0)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }

        var ids = externalIds.Distinct(StringComparer.Ordinal).ToList();
        var owners = await store.SalesResults.AsNoTracking()
            .Where(r => r.Source == source && ids.Contains(r.ExternalId))
            .Select(r => new { r.ExternalId, r.MemberId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return owners.ToDictionary(o => o.ExternalId, o => o.MemberId, StringComparer.Ordinal);
    }
}
