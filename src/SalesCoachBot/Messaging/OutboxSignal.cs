using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace SalesCoachBot.Messaging;

/// <summary>
/// In-process wake-up for the dispatcher: a writer pulses it after enqueueing so delivery starts at once instead of at
/// the next poll. Pulses coalesce; a lost one only costs a poll interval.
/// </summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pulses = new(0, 1);
    private readonly ConditionalWeakTable<DbContext, object> _wakeAfterCommit = [];

    public void Pulse()
    {
        try
        {
            _pulses.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pulsed and not yet consumed: one wake-up covers both.
        }
    }

    /// <summary>Pulse when the open transaction of <paramref name="store"/> commits (rows are invisible to the dispatcher until then).</summary>
    public void PulseAfterCommit(DbContext store) => _wakeAfterCommit.AddOrUpdate(store, this);

    /// <summary>Called when a store's transaction ended: pulses if it had enqueued and committed.</summary>
    internal void TransactionEnded(DbContext? store, bool committed)
    {
        if (store is not null && _wakeAfterCommit.Remove(store) && committed)
        {
            Pulse();
        }
    }

    /// <summary>Waits for a pulse or <paramref name="timeout"/>, whichever comes first; true when pulsed.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var expiry = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, cancellationToken);
        try
        {
            await _pulses.WaitAsync(either.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _pulses.Dispose();
}
