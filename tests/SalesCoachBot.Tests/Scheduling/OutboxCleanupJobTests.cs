using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Scheduling;

public sealed class OutboxCleanupJobTests
{
    [Fact]
    public Task RunAsync_Sqlite_DeletesOnlyOldFinishedRows() => DeletesOnlyOldFinishedRows(DatabaseProvider.Sqlite);

    [SkippableFact]
    public Task RunAsync_Postgres_DeletesOnlyOldFinishedRows() => DeletesOnlyOldFinishedRows(DatabaseProvider.Postgres);

    private static async Task DeletesOnlyOldFinishedRows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = database.Time.GetUtcNow();
        var old = now - TimeSpan.FromDays(31);
        var recent = now - TimeSpan.FromDays(29);
        var expectedKept = new List<string>();
        foreach (var tenant in new[] { "tenant-a", "tenant-b" })
        {
            var (scope, store) = database.NewStore(tenant);
            await using (scope)
            {
                store.Tenants.Add(new Tenant { TenantId = tenant, FirstSeenAt = old });
                foreach (var status in Enum.GetValues<OutboxStatus>())
                {
                    foreach (var (age, createdAt) in new[] { ("old", old), ("recent", recent) })
                    {
                        var key = $"{tenant}:{status}:{age}";
                        store.Outbox.Add(new OutboxMessage
                        {
                            TenantId = tenant, IdempotencyKey = key, Kind = AutomaticMessageKinds.Nudges,
                            ActivityJson = "{}", Status = status, DueAt = createdAt, CreatedAt = createdAt,
                        });
                        if (status == OutboxStatus.Pending || age == "recent")
                        {
                            expectedKept.Add(key);
                        }
                    }
                }

                await store.SaveChangesAsync();
            }
        }

        int deleted;
        var (jobScope, jobStore) = database.NewStore();
        await using (jobScope)
        {
            // Batch of 2 so the 6 old finished rows take several statements.
            var options = Options.Create(new SchedulingOptions { OutboxCleanupBatchSize = 2 });
            deleted = await new OutboxCleanupJob(jobStore, database.Time, options, NullLogger<OutboxCleanupJob>.Instance).RunAsync(CancellationToken.None);
        }

        Assert.Equal(6, deleted);
        var (checkScope, checkStore) = database.NewStore();
        await using (checkScope)
        {
            var kept = await checkStore.Outbox.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter])
                .Select(o => o.IdempotencyKey).ToListAsync();
            Assert.Equal(expectedKept.Order(StringComparer.Ordinal), kept.Order(StringComparer.Ordinal));
        }
    }
}
