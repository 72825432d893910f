using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Imports;

/// <summary>
/// Deletes, for every tenant, pending imports whose preview expired (nobody can press Import any more) and imported
/// or cancelled ones created longer ago than <see cref="ImportOptions.FinishedRetention"/>, so the parsed rows of
/// uploaded files are not kept forever. Reentrant: two runs at once only delete the same rows, in small batches.
/// </summary>
internal sealed partial class PendingImportCleanupJob(
    SalesCoachDbContext db,
    TimeProvider time,
    IOptions<ImportOptions> options,
    ILogger<PendingImportCleanupJob> logger)
{
    public const string RecurringJobId = "pending-import-cleanup";

    /// <summary>Daily at 03:47 UTC: off the hour and half an hour after the outbox cleanup, so they do not overlap.</summary>
    public const string Cron = "47 3 * * *";

    /// <summary>Runs one cleanup; returns the number of rows deleted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        // The entity has no "finished at"; a preview is confirmed within its lifetime, so creation time is close enough.
        var finishedCutoff = now - settings.FinishedRetention;
        var batchSize = Math.Max(1, settings.CleanupBatchSize);
        var deleted = 0;

        // Housekeeping spans tenants on purpose: it reads ids only, never the rows of the file.
        var stale = db.PendingImports.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter])
            .Where(p => (p.Status == PendingImportStatus.Pending && p.ExpiresAt < now)
                || (p.Status != PendingImportStatus.Pending && p.CreatedAt < finishedCutoff));
        while (true)
        {
            var ids = await stale.OrderBy(p => p.Id).Select(p => p.Id).Take(batchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0)
            {
                break;
            }

            // The condition is repeated so an import confirmed between the two statements is not deleted as expired.
            deleted += await stale.Where(p => ids.Contains(p.Id))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (ids.Count < batchSize)
            {
                break;
            }
        }

        LogCleaned(logger, deleted, now, finishedCutoff);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pending import cleanup deleted {Count} import(s): pending ones expired before {Now:o}, finished ones created before {FinishedCutoff:o}")]
    private static partial void LogCleaned(ILogger logger, int count, DateTimeOffset now, DateTimeOffset finishedCutoff);
}
