using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// Deletes finished outbox rows (sent, unreachable, failed) older than the retention, for every tenant. Pending rows
/// are never touched. Reentrant: two runs at once only delete the same old rows, in small batches.
/// </summary>
internal sealed partial class OutboxCleanupJob(
    SalesCoachDbContext db,
    TimeProvider time,
    IOptions<SchedulingOptions> options,
    ILogger<OutboxCleanupJob> logger)
{
    public const string RecurringJobId = "outbox-cleanup";

    /// <summary>Daily at 03:17 UTC: off the hour, when Teams traffic and other jobs are low.</summary>
    public const string Cron = "17 3 * * *";

    /// <summary>Runs one cleanup; returns the number of rows deleted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoff = time.GetUtcNow() - settings.OutboxRetention;
        var batchSize = Math.Max(1, settings.OutboxCleanupBatchSize);
        var deleted = 0;

        // Housekeeping spans tenants on purpose: it reads ids and statuses only, never message content.
        var finished = db.Outbox.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter])
            .Where(o => o.Status != OutboxStatus.Pending && o.CreatedAt < cutoff);
        while (true)
        {
            var ids = await finished.OrderBy(o => o.Id).Select(o => o.Id).Take(batchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0)
            {
                break;
            }

            deleted += await db.Outbox.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter])
                .Where(o => ids.Contains(o.Id) && o.Status != OutboxStatus.Pending)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (ids.Count < batchSize)
            {
                break;
            }
        }

        LogCleaned(logger, deleted, cutoff);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox cleanup deleted {Count} finished message(s) created before {Cutoff:o}")]
    private static partial void LogCleaned(ILogger logger, int count, DateTimeOffset cutoff);
}
