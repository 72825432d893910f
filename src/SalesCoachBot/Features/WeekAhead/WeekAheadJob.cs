using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.WeekAhead;

/// <summary>
/// The week-ahead card and the pace nudge, every 15 minutes: for every tenant (each in its own scope bound with
/// <c>ForTenant</c>), <see cref="WeekAheadRound"/> sends to the reps whose local time has just reached the send time.
/// Every 15 minutes because reps live in different zones (some a half or three quarters of an hour off UTC); each rep
/// gets each message once, whatever the number of runs or instances (the outbox keys name rep and week, or rep and day).
/// </summary>
internal sealed partial class WeekAheadJob(SalesCoachDbContext db, IServiceScopeFactory scopes, ILogger<WeekAheadJob> logger)
{
    public const string RecurringJobId = "week-ahead";

    /// <summary>At :04, :19, :34 and :49: off the quarter hours other jobs and Teams traffic peak on, soon after 08:30 and 10:00.</summary>
    public const string Cron = "4-59/15 * * * *";

    /// <summary>Runs one round over every tenant; returns the week-ahead cards and nudges enqueued.</summary>
    public async Task<WeekAheadOutcome> RunAsync(CancellationToken cancellationToken)
    {
        // Spans tenants on purpose, for their ids only; each tenant's work then runs in a scope bound to it.
        var tenants = await db.Tenants.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter]).AsNoTracking()
            .OrderBy(t => t.TenantId).Select(t => t.TenantId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var total = new WeekAheadOutcome(0, 0);
        foreach (var tenantId in tenants)
        {
            var scope = scopes.CreateAsyncScope();
            await using var scopeLifetime = scope.ConfigureAwait(false);
            var outcome = await scope.ServiceProvider.GetRequiredService<WeekAheadRound>().RunAsync(tenantId, cancellationToken).ConfigureAwait(false);
            total = new WeekAheadOutcome(total.Cards + outcome.Cards, total.Nudges + outcome.Nudges);
        }

        LogRun(logger, tenants.Count, total.Cards, total.Nudges);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Week ahead: {Tenants} tenant(s), {Cards} week-ahead card(s) and {Nudges} pace nudge(s) enqueued")]
    private static partial void LogRun(ILogger logger, int tenants, int cards, int nudges);
}

/// <summary>What a run enqueued: week-ahead cards and pace nudges.</summary>
internal readonly record struct WeekAheadOutcome(int Cards, int Nudges);
