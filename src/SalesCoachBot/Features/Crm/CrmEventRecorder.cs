using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Crm;

/// <summary>What the webhook answers for one event; <see cref="CrmOutcomeStatus.Duplicate"/> changed nothing.</summary>
internal enum CrmOutcomeStatus
{
    Accepted,
    Ignored,
    UnknownOwner,
    Rejected,
    Duplicate,
}

internal sealed record CrmOutcome(string EventId, CrmOutcomeStatus Status, IReadOnlyList<long> ResultIds, string? OwnerEmail = null, string? Reason = null);

/// <summary>
/// Records CRM events for the tenant the scope's store is bound to. The event row and its results are written in one
/// transaction; the event row goes first, so of two concurrent deliveries of one event id only the one that wins the
/// unique index records anything. Results carry the deal id (plus the KPI key) as external id, so the same deal
/// arriving in two different events still counts once. Accepted and ignored events are final; unknown-owner and
/// rejected ones are processed again when the same event id comes back (after the member's e-mail is fixed).
/// </summary>
internal sealed class CrmEventRecorder(SalesCoachDbContext store, IResultLedger ledger, SalesClock clock, TimeProvider time, IKpiCatalog catalog)
{
    public static string SourceOf(CrmFormat format) => format switch
    {
        CrmFormat.Zoho => ResultSources.Zoho,
        CrmFormat.Fxiaoke => ResultSources.Fxiaoke,
        _ => ResultSources.GenericCrm,
    };

    public async Task<CrmOutcome> RecordAsync(string sourceName, CrmSourceOptions source, CrmDeal deal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(deal);
        var tenantId = store.CurrentTenantId ?? throw new InvalidOperationException("The store is not bound to a tenant.");
        var existing = await store.CrmEvents.FirstOrDefaultAsync(e => e.Source == sourceName && e.EventId == deal.EventId, cancellationToken).ConfigureAwait(false);
        if (existing is { Status: CrmEventStatus.Accepted or CrmEventStatus.Ignored })
        {
            return new CrmOutcome(deal.EventId, CrmOutcomeStatus.Duplicate, ParseIds(existing.ResultIds));
        }

        var decision = await DecideAsync(source, deal, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (existing is null)
        {
            await EnsureTenantAsync(tenantId, now, cancellationToken).ConfigureAwait(false);
        }

        var transaction = await store.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionLifetime = transaction.ConfigureAwait(false);
        var row = existing ?? new CrmEvent { TenantId = tenantId, Source = sourceName, EventId = deal.EventId, ReceivedAt = now };
        row.DealId = deal.DealId;
        row.Status = decision.Status;
        row.OwnerEmail = decision.Status == CrmEventStatus.UnknownOwner ? deal.OwnerEmail : null;
        row.Detail = decision.Reason;
        row.ResultIds = null;
        row.UpdatedAt = now;
        if (existing is null)
        {
            store.CrmEvents.Add(row);
        }

        try
        {
            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // A concurrent delivery of the same event id holds the row: it records, this one changes nothing.
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            store.Entry(row).State = EntityState.Detached;
            return new CrmOutcome(deal.EventId, CrmOutcomeStatus.Duplicate, []);
        }

        var ids = new List<long>();
        foreach (var entry in decision.Entries)
        {
            var recorded = await ledger.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
            ids.Add(recorded.ResultId);
        }

        if (ids.Count > 0)
        {
            row.ResultIds = string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var status = decision.Status switch
        {
            CrmEventStatus.Accepted => CrmOutcomeStatus.Accepted,
            CrmEventStatus.Ignored => CrmOutcomeStatus.Ignored,
            CrmEventStatus.UnknownOwner => CrmOutcomeStatus.UnknownOwner,
            _ => CrmOutcomeStatus.Rejected,
        };
        return new CrmOutcome(deal.EventId, status, ids, row.OwnerEmail, decision.Reason);
    }

    /// <summary>Recent events that recorded nothing because of their owner or data, newest first (for admins).</summary>
    public async Task<IReadOnlyList<CrmEvent>> UnmatchedAsync(int limit, CancellationToken cancellationToken = default) =>
        await store.CrmEvents.AsNoTracking()
            .Where(e => e.Status == CrmEventStatus.UnknownOwner || e.Status == CrmEventStatus.Rejected)
            .OrderByDescending(e => e.ReceivedAt)
            .ThenByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    private sealed record Decision(CrmEventStatus Status, IReadOnlyList<ResultEntry> Entries, string? Reason = null);

    private async Task<Decision> DecideAsync(CrmSourceOptions source, CrmDeal deal, CancellationToken cancellationToken)
    {
        if (!deal.IsWon && !deal.IsPayment)
        {
            return new Decision(CrmEventStatus.Ignored, [], Clip($"Stage '{deal.Stage}' is not a won stage."));
        }

        var email = deal.OwnerEmail!.ToLowerInvariant();
        // ToLower() becomes SQL lower() on both providers; e-mails are compared ignoring case.
#pragma warning disable CA1304, CA1311, CA1862
        var owners = await store.Members.AsNoTracking()
            .Where(m => m.Email != null && m.Email.ToLower() == email)
#pragma warning restore CA1304, CA1311, CA1862
            .Select(m => new { m.Id, m.TimeZone })
            .Take(2)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (owners.Count == 0)
        {
            return new Decision(CrmEventStatus.UnknownOwner, [], "No member has the owner's e-mail.");
        }

        if (owners.Count > 1)
        {
            return new Decision(CrmEventStatus.Rejected, [], "Several members have the owner's e-mail.");
        }

        var owner = owners[0];
        if (deal.IsPayment)
        {
            return await PaymentAsync(source, deal, owner.Id, owner.TimeZone, cancellationToken).ConfigureAwait(false);
        }

        var kpis = await store.Kpis.AsNoTracking()
            .Where(k => k.IsActive && (k.Key == source.RevenueKpi || k.Key == source.ContractsKpi))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var revenue = kpis.FirstOrDefault(k => k.Key == source.RevenueKpi);
        var contracts = kpis.FirstOrDefault(k => k.Key == source.ContractsKpi);
        if (revenue is null || (contracts is null && !string.IsNullOrEmpty(source.ContractsKpi)))
        {
            return new Decision(CrmEventStatus.Rejected, [], Clip($"The tenant has no active KPI '{(revenue is null ? source.RevenueKpi : source.ContractsKpi)}'."));
        }

        if (deal.Currency is not null && revenue.Currency is not null
            && !string.Equals(deal.Currency, revenue.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return new Decision(CrmEventStatus.Rejected, [], Clip($"The deal is in {deal.Currency} but the KPI '{revenue.Key}' counts {revenue.Currency}; amounts are never converted."));
        }

        var day = deal.ClosedOn ?? await LocalDayAsync(owner.Id, owner.TimeZone, deal.ClosedAt ?? deal.OccurredAt ?? time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var sourceKind = SourceOf(source.Format);
        var note = deal.Name;
        List<ResultEntry> entries =
        [
            new(owner.Id, revenue.Id, deal.Amount!.Value, day, sourceKind, deal.DealId + ":" + revenue.Key, deal.Customer, note),
        ];
        if (contracts is not null)
        {
            entries.Add(new(owner.Id, contracts.Id, 1m, day, sourceKind, deal.DealId + ":" + contracts.Key, deal.Customer, note));
        }

        return new Decision(CrmEventStatus.Accepted, entries);
    }

    /// <summary>
    /// A payment: its amount adds to the collections KPI (configured by key or any word of the tenant's KPI list), once
    /// per deal (external id <c>dealId:kpiKey</c>), on the day it closed or happened in the owner's zone.
    /// </summary>
    private async Task<Decision> PaymentAsync(CrmSourceOptions source, CrmDeal deal, long ownerId, string? ownerZone, CancellationToken cancellationToken)
    {
        var vocabulary = await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        var collections = vocabulary.FindKpi(source.CollectionsKpi);
        if (collections is null || !collections.IsActive || collections.Unit != KpiUnit.Currency)
        {
            return new Decision(CrmEventStatus.Rejected, [], Clip($"The tenant has no active money KPI '{source.CollectionsKpi}'."));
        }

        if (deal.Currency is not null && collections.Currency is not null
            && !string.Equals(deal.Currency, collections.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return new Decision(CrmEventStatus.Rejected, [], Clip($"The payment is in {deal.Currency} but the KPI '{collections.Key}' counts {collections.Currency}; amounts are never converted."));
        }

        var day = deal.ClosedOn ?? await LocalDayAsync(ownerId, ownerZone, deal.ClosedAt ?? deal.OccurredAt ?? time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new Decision(CrmEventStatus.Accepted,
            [new(ownerId, collections.Id, deal.Amount!.Value, day, SourceOf(source.Format), deal.DealId + ":" + collections.Key, deal.Customer, deal.Name)]);
    }

    /// <summary>The sales day of an instant in the owner's zone (their own, else their home team's, else the default).</summary>
    private async Task<DateOnly> LocalDayAsync(long memberId, string? memberZone, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The same rule as the targets card, so a CRM deal counts on the day the rep's card shows it.
        var zone = await clock.MemberZoneAsync(memberId, memberZone, cancellationToken).ConfigureAwait(false);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
    }

    private async Task EnsureTenantAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.Tenants.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var tenant = new Tenant { TenantId = tenantId, FirstSeenAt = now };
        store.Tenants.Add(tenant);
        try
        {
            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // First contact from Teams (or another delivery) created it meanwhile.
            store.Entry(tenant).State = EntityState.Detached;
        }
    }

    private static IReadOnlyList<long> ParseIds(string? ids) =>
        string.IsNullOrEmpty(ids) ? [] : [.. ids.Split(',').Select(id => long.Parse(id, CultureInfo.InvariantCulture))];

    private static string Clip(string text) => text.Length <= ColumnLengths.ShortReason ? text : text[..ColumnLengths.ShortReason];
}
