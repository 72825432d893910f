using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.Imports;

public sealed class PendingImportCleanupJobTests
{
    [Fact]
    public Task RunAsync_Sqlite_DeletesExpiredAndOldFinishedImportsOfEveryTenant() => DeletesExpiredAndOldFinished(DatabaseProvider.Sqlite);

    [SkippableFact]
    public Task RunAsync_Postgres_DeletesExpiredAndOldFinishedImportsOfEveryTenant() => DeletesExpiredAndOldFinished(DatabaseProvider.Postgres);

    [Fact]
    public async Task RunAsync_NothingStale_DeletesNothingAndKeepsRows()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var now = database.Time.GetUtcNow();
        await SeedAsync(database, "tenant-a", [("fresh", PendingImportStatus.Pending, now.AddHours(-1), now.AddHours(23))]);

        Assert.Equal(0, await RunJobAsync(database, batchSize: 500));
        Assert.Equal(["tenant-a:fresh"], await RemainingAsync(database));
    }

    [Fact]
    public async Task Startup_App_RegistersDailyCleanupWithItsCronInUtc()
    {
        await using var app = new SalesCoachBotApplication();

        var definition = Assert.Single(app.Services.GetServices<IRecurringJobDefinition>(), d => d.Id == "pending-import-cleanup");
        Assert.Equal("47 3 * * *", definition.Cron);
        Assert.Equal(TimeZoneInfo.Utc, definition.TimeZone);
        Assert.NotEqual(OutboxCleanupJob.Cron, definition.Cron);

        // Applied to Hangfire at start, with the same schedule.
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var scheduled = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "pending-import-cleanup");
        Assert.Equal("47 3 * * *", scheduled.Cron);
        Assert.Equal(typeof(PendingImportCleanupJob), scheduled.Job.Type);
    }

    private static async Task DeletesExpiredAndOldFinished(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = database.Time.GetUtcNow();
        foreach (var tenant in new[] { "tenant-a", "tenant-b" })
        {
            await SeedAsync(database, tenant,
            [
                ("expired", PendingImportStatus.Pending, now.AddDays(-2), now.AddMinutes(-1)),
                ("fresh", PendingImportStatus.Pending, now.AddHours(-1), now.AddHours(23)),
                ("imported-old", PendingImportStatus.Imported, now.AddDays(-8), now.AddDays(-7)),
                ("cancelled-old", PendingImportStatus.Cancelled, now.AddDays(-8), now.AddDays(-7)),
                ("imported-young", PendingImportStatus.Imported, now.AddDays(-6), now.AddDays(-5)),
                ("cancelled-young", PendingImportStatus.Cancelled, now.AddDays(-6), now.AddDays(-5)),
            ]);
        }

        // Batch of 2 so the 6 stale rows take several statements.
        var deleted = await RunJobAsync(database, batchSize: 2);

        Assert.Equal(6, deleted);
        Assert.Equal(
            ["tenant-a:cancelled-young", "tenant-a:fresh", "tenant-a:imported-young", "tenant-b:cancelled-young", "tenant-b:fresh", "tenant-b:imported-young"],
            await RemainingAsync(database));

        // Reentrant: a second run finds nothing more.
        Assert.Equal(0, await RunJobAsync(database, batchSize: 2));
    }

    private static async Task SeedAsync(
        TestDatabase database, string tenant, (string File, PendingImportStatus Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)[] imports)
    {
        var now = database.Time.GetUtcNow();
        var (scope, store) = database.NewStore(tenant);
        await using (scope)
        {
            store.Tenants.Add(new Tenant { TenantId = tenant, FirstSeenAt = now });
            var member = new Member { TenantId = tenant, TeamsUserId = "29:uploader", CreatedAt = now, UpdatedAt = now };
            store.Members.Add(member);
            await store.SaveChangesAsync();
            foreach (var (file, status, createdAt, expiresAt) in imports)
            {
                store.PendingImports.Add(new PendingImport
                {
                    TenantId = tenant, MemberId = member.Id, FileName = file, Kind = ImportKind.Results, RowsJson = "[]",
                    ValidRows = 0, Status = status, CreatedAt = createdAt, ExpiresAt = expiresAt,
                });
            }

            await store.SaveChangesAsync();
        }
    }

    private static async Task<int> RunJobAsync(TestDatabase database, int batchSize)
    {
        var (scope, store) = database.NewStore();
        await using (scope)
        {
            var options = Options.Create(new ImportOptions { CleanupBatchSize = batchSize });
            return await new PendingImportCleanupJob(store, database.Time, options, NullLogger<PendingImportCleanupJob>.Instance)
                .RunAsync(CancellationToken.None);
        }
    }

    private static async Task<List<string>> RemainingAsync(TestDatabase database)
    {
        var (scope, store) = database.NewStore();
        await using (scope)
        {
            var rows = await store.PendingImports.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter])
                .Select(p => p.TenantId + ":" + p.FileName).ToListAsync();
            return [.. rows.Order(StringComparer.Ordinal)];
        }
    }
}
