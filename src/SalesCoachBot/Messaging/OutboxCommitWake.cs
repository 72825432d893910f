using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesCoachBot.Messaging;

/// <summary>Wakes the dispatcher when a transaction that enqueued messages commits, so delivery does not wait for a poll.</summary>
internal sealed class OutboxCommitWake(OutboxSignal signal) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        signal.TransactionEnded(eventData.Context, committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.TransactionEnded(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        signal.TransactionEnded(eventData.Context, committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.TransactionEnded(eventData.Context, committed: false);
        return Task.CompletedTask;
    }
}
