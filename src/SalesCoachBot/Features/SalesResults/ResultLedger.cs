using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.SalesResults;

/// <summary>What a rep (or an import) wants recorded; the ledger adds tenant, time and id.</summary>
public sealed record ResultEntry(
    long MemberId,
    long KpiId,
    decimal Amount,
    DateOnly OccurredOn,
    string Source,
    string? ExternalId = null,
    string? Customer = null,
    string? Note = null,
    long? RecordedByMemberId = null);

/// <summary>The row now in the store, and whether it was already there (same source and external id).</summary>
public sealed record RecordOutcome(SalesResult Result, bool IsDuplicate);

public enum UndoStatus
{
    Undone = 0,
    NothingToUndo = 1,
    TooLate = 2,
}

/// <summary>The rows `undo` took back (all rows of the last action), or would have when too late.</summary>
public sealed record UndoOutcome(UndoStatus Status, IReadOnlyList<SalesResult> Rows);

/// <summary>A KPI's actual over a date range.</summary>
public sealed record KpiActual(long KpiId, decimal Amount, int Results);

/// <summary>
/// The results store of one tenant (the scope's store must be bound with <c>ForTenant</c>). Recording is idempotent
/// by (source, external id) so imports and webhooks can be retried; undone results stay but never count.
/// </summary>
public sealed class ResultLedger(SalesCoachDbContext store, TimeProvider time)
{
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

        var existing = await FindAsync(entry.Source, externalId, cancellationToken);
        if (existing is not null)
        {
            return new RecordOutcome(existing, IsDuplicate: true);
        }

        // Ids from a card or an import must belong to this tenant; the tenant filter makes another tenant's unknown.
        if (!await store.Members.AnyAsync(m => m.Id == entry.MemberId, cancellationToken)
            || !await store.Kpis.AnyAsync(k => k.Id == entry.KpiId, cancellationToken))
        {
            throw new ArgumentException("Unknown member or KPI.", nameof(entry));
        }

        var result = NewResult(tenantId, entry, externalId, time.GetUtcNow());
        store.SalesResults.Add(result);
        try
        {
            await store.SaveChangesAsync(cancellationToken);
            return new RecordOutcome(result, IsDuplicate: false);
        }
        catch (DbUpdateException)
        {
            // A concurrent writer won the unique index race: theirs is the row.
            store.Entry(result).State = EntityState.Detached;
            var winner = await FindAsync(entry.Source, externalId, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new RecordOutcome(winner, IsDuplicate: true);
        }
    }

    /// <summary>
    /// Takes back the member's latest chat or card action if it was recorded within <see cref="UndoWindow"/>: every row
    /// whose external id shares its action prefix (<c>&lt;actionId&gt;:&lt;kpi key&gt;</c>, so both rows of a deal), else
    /// the one row.
    /// </summary>
    public async Task<UndoOutcome> UndoLastAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var last = await store.SalesResults
            .Where(r => r.MemberId == memberId && r.UndoneAt == null
                && (r.Source == ResultSources.Chat || r.Source == ResultSources.Card))
            .OrderByDescending(r => r.RecordedAt)
            .ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
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
                .ToListAsync(cancellationToken);
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

        await store.SaveChangesAsync(cancellationToken);
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

    /// <summary>The member's actual for one KPI, both dates inclusive; Count KPIs count results.</summary>
    public async Task<decimal> ActualAsync(long memberId, long kpiId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var aggregation = await store.Kpis.Where(k => k.Id == kpiId).Select(k => (KpiAggregation?)k.Aggregation)
            .FirstOrDefaultAsync(cancellationToken);
        var results = InRange(memberId, from, to).Where(r => r.KpiId == kpiId);
        return aggregation == KpiAggregation.Count
            ? await results.CountAsync(cancellationToken)
            : await results.SumAsync(r => r.Amount, cancellationToken);
    }

    /// <summary>The member's actual of every KPI with results in the range, in one query.</summary>
    public async Task<IReadOnlyDictionary<long, KpiActual>> ActualsAsync(long memberId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var sums = await InRange(memberId, from, to)
            .Join(store.Kpis, r => r.KpiId, k => k.Id, (r, k) => new { r.KpiId, r.Amount, k.Aggregation })
            .GroupBy(r => new { r.KpiId, r.Aggregation })
            .Select(g => new { g.Key.KpiId, g.Key.Aggregation, Amount = g.Sum(r => r.Amount), Results = g.Count() })
            .ToListAsync(cancellationToken);
        return sums.ToDictionary(
            s => s.KpiId,
            s => new KpiActual(s.KpiId, s.Aggregation == KpiAggregation.Count ? s.Results : s.Amount, s.Results));
    }

    private IQueryable<SalesResult> InRange(long memberId, DateOnly from, DateOnly to) =>
        store.SalesResults.Where(r => r.MemberId == memberId && r.OccurredOn >= from && r.OccurredOn <= to && r.UndoneAt == null);

    private Task<SalesResult?> FindAsync(string source, string externalId, CancellationToken cancellationToken) =>
        store.SalesResults.FirstOrDefaultAsync(r => r.Source == source && r.ExternalId == externalId, cancellationToken);

    /// <summary>
    /// Records a batch (an uploaded file) with one look-up of the (source, external id) pairs already stored and one
    /// SaveChanges: entries already there, or repeated within the batch, are left out and reported as duplicates.
    /// Every member and KPI id must belong to the bound tenant, else nothing is recorded.
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
        var knownMembers = await store.Members.Where(m => memberIds.Contains(m.Id)).CountAsync(cancellationToken);
        var knownKpis = await store.Kpis.Where(k => kpiIds.Contains(k.Id)).CountAsync(cancellationToken);
        if (knownMembers != memberIds.Count || knownKpis != kpiIds.Count)
        {
            throw new ArgumentException("Unknown member or KPI.", nameof(entries));
        }

        var externalIds = entries.Select(e => e.ExternalId!).Distinct().ToList();
        var stored = await store.SalesResults.Where(r => externalIds.Contains(r.ExternalId))
            .Select(r => new { r.Source, r.ExternalId })
            .ToListAsync(cancellationToken);
        var seen = stored.Select(r => (r.Source, r.ExternalId)).ToHashSet();
        var now = time.GetUtcNow();
        var duplicates = new bool[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!seen.Add((entry.Source, entry.ExternalId!)))
            {
                duplicates[i] = true;
                continue;
            }

            store.SalesResults.Add(NewResult(tenantId, entry, entry.ExternalId!, now));
        }

        await store.SaveChangesAsync(cancellationToken);
        return new BatchOutcome(duplicates);
    }
}

internal static class SalesResultsServiceCollectionExtensions
{
    public static IServiceCollection AddSalesResults(this IServiceCollection services)
    {
        services.AddScoped<ResultLedger>();
        services.AddScoped<TargetPlan>();
        return services;
    }
}

/// <summary>Per entry of a batch, in order: whether it was already stored (or repeated in the batch) and so left out.</summary>
public sealed record BatchOutcome(IReadOnlyList<bool> IsDuplicate)
{
    public int Added => IsDuplicate.Count(d => !d);

    public int Duplicates => IsDuplicate.Count(d => d);
}
