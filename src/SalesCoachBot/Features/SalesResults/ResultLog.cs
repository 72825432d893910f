using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.SalesResults;

/// <summary>One KPI of a log action and how much it goes up by.</summary>
internal sealed record LoggedAmount(KpiDefinition Kpi, decimal Amount);

/// <summary>Why a log action cannot be recorded as asked; the caller words it.</summary>
internal enum LogRefusal
{
    None,
    /// <summary>The word names a KPI the tenant does not track (any more).</summary>
    KpiNotTracked,
    /// <summary>A currency was written that is not the KPI's.</summary>
    WrongCurrency,
    /// <summary>A currency was written for a count.</summary>
    NotMoney,
}

/// <summary>The KPIs of a log action, or why they cannot be logged (with the KPI at fault).</summary>
internal sealed record LogResolution(IReadOnlyList<LoggedAmount> Amounts, LogRefusal Refusal = LogRefusal.None, KpiDefinition? Kpi = null, string? MissingKey = null);

/// <summary>
/// What one log action recorded (as stored: when <see cref="IsDuplicate"/>, the amounts and customer of the earlier
/// recording with the same action id).
/// </summary>
internal sealed record LoggedAction(IReadOnlyList<LoggedAmount> Amounts, string? Customer, DateOnly OccurredOn, bool IsDuplicate);

/// <summary>The rows `undo` took back (all rows of the rep's last action), or would have when too late.</summary>
internal sealed record UndoneAction(UndoStatus Status, IReadOnlyList<LoggedAmount> Amounts, string? Customer);

/// <summary>
/// What a rep logs by hand (chat or card), one action at a time. One action may add to several KPIs (a deal is revenue
/// plus one contract): its rows are recorded together or not at all and share an external id prefix
/// (<c>&lt;actionId&gt;:&lt;kpi key&gt;</c>), so a retried action records once and `undo` takes back the whole action.
/// The scope's store must be bound to the tenant.
/// </summary>
internal sealed class ResultLog(SalesCoachDbContext store, ResultLedger ledger)
{
    /// <summary>The tenant's active KPIs in card order.</summary>
    public Task<List<KpiDefinition>> ActiveKpisAsync(CancellationToken cancellationToken) =>
        store.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(cancellationToken);

    /// <summary>Maps each amount's KPI key to the tenant's active KPI and checks a written currency against it.</summary>
    public async Task<LogResolution> ResolveAsync(IReadOnlyList<KpiAmount> amounts, string? currency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var active = await ActiveKpisAsync(cancellationToken).ConfigureAwait(false);
        var resolved = new List<LoggedAmount>(amounts.Count);
        foreach (var amount in amounts)
        {
            var kpi = active.FirstOrDefault(k => string.Equals(k.Key, amount.KpiKey, StringComparison.Ordinal));
            if (kpi is null)
            {
                return new LogResolution([], LogRefusal.KpiNotTracked, MissingKey: amount.KpiKey);
            }

            resolved.Add(new LoggedAmount(kpi, amount.Amount));
        }

        if (currency is not null)
        {
            // The currency goes with the written amount: the money KPI (a deal's contract count is fixed, not written).
            var money = resolved.FirstOrDefault(r => r.Kpi.Unit == KpiUnit.Currency);
            if (money is null)
            {
                return new LogResolution([], LogRefusal.NotMoney, resolved[0].Kpi);
            }

            if (!string.Equals(money.Kpi.Currency ?? string.Empty, currency, StringComparison.OrdinalIgnoreCase))
            {
                return new LogResolution([], LogRefusal.WrongCurrency, money.Kpi);
            }
        }

        return new LogResolution(resolved);
    }

    /// <summary>
    /// Records every amount of one action in one transaction. The same <paramref name="actionId"/> again (a double
    /// click, a retried delivery) records nothing and reports a duplicate.
    /// </summary>
    public async Task<LoggedAction> RecordAsync(
        long memberId, string actionId, string source, IReadOnlyList<LoggedAmount> amounts, DateOnly occurredOn,
        string? customer, string? note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        ArgumentNullException.ThrowIfNull(amounts);
        var strategy = store.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            var transaction = await store.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            var duplicate = false;
            var stored = new List<LoggedAmount>(amounts.Count);
            var (storedCustomer, storedOn) = (customer, occurredOn);
            foreach (var amount in amounts)
            {
                var entry = new ResultEntry(memberId, amount.Kpi.Id, amount.Amount, occurredOn, source,
                    ExternalId: actionId + ResultLedger.ActionSeparator + amount.Kpi.Key, Customer: customer, Note: note, RecordedByMemberId: memberId);
                var outcome = await ledger.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
                duplicate |= outcome.IsDuplicate;
                stored.Add(amount with { Amount = outcome.Result.Amount });
                (storedCustomer, storedOn) = (outcome.Result.Customer, outcome.Result.OccurredOn);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new LoggedAction(stored, storedCustomer, storedOn, duplicate);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes back the member's last chat or card action (all its rows) if it was recorded within
    /// <see cref="ResultLedger.UndoWindow"/>.
    /// </summary>
    public async Task<UndoneAction> UndoLastLoggedAsync(long memberId, CancellationToken cancellationToken)
    {
        var undone = await ledger.MarkLastActionUndoneAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (undone.Rows.Count == 0)
        {
            return new UndoneAction(undone.Status, [], null);
        }

        var kpiIds = undone.Rows.Select(r => r.KpiId).ToList();
        var kpis = await store.Kpis.AsNoTracking().Where(k => kpiIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, cancellationToken).ConfigureAwait(false);
        var amounts = undone.Rows.OrderBy(r => kpis[r.KpiId].SortOrder).ThenBy(r => r.Id).Select(r => new LoggedAmount(kpis[r.KpiId], r.Amount)).ToList();
        return new UndoneAction(undone.Status, amounts, undone.Rows[0].Customer);
    }

    /// <summary>The words a rep can log with, for the tenant's active KPIs (English and Chinese, by locale).</summary>
    public static IReadOnlyList<string> WordsFor(IEnumerable<KpiDefinition> active, bool chinese)
    {
        var keys = active.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        string[] shown = chinese ? ["成交", "销售额", "合同", "新客户", "拜访"] : ["deal", "revenue", "contract", "new-customer", "visit"];
        var words = shown.Where(w => KpiAliases.Find(w) is { } alias && alias.Effects.All(e => keys.Contains(e.KpiKey))).ToList();
        // A tenant's own KPIs (collections, or one a manager added) are typed by their Chinese name or their key.
        words.AddRange(active.Where(k => !KpiDefaults.IsDefault(k)).Select(k => chinese ? k.NameZh ?? k.Key : k.Key));
        return words;
    }
}
