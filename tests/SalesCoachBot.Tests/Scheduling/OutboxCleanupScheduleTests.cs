using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Tests.Scheduling;

/// <summary>The registered recurring job, triggered through Hangfire in the running app, resolves its job class and cleans.</summary>
public sealed class OutboxCleanupScheduleTests
{
    [Fact]
    public async Task Trigger_RecurringOutboxCleanup_RunsThroughHangfireAndDeletesOldFinishedRows()
    {
        var performed = new PerformedSignal();
        await using var app = new CleanupApplication(performed) { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)) };
        var now = app.Time!.GetUtcNow();
        var (scope, store) = app.NewStore("tenant-a");
        await using (scope)
        {
            store.Tenants.Add(new Tenant { TenantId = "tenant-a", FirstSeenAt = now });
            foreach (var (key, status, age) in new[] { ("old-sent", OutboxStatus.Sent, 40), ("old-pending", OutboxStatus.Pending, 40), ("new-sent", OutboxStatus.Sent, 1) })
            {
                store.Outbox.Add(new OutboxMessage
                {
                    TenantId = "tenant-a", IdempotencyKey = key, Kind = AutomaticMessageKinds.Nudges, ActivityJson = "{}",
                    Status = status, DueAt = now.AddDays(-age), CreatedAt = now.AddDays(-age),
                });
            }

            await store.SaveChangesAsync();
        }

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(OutboxCleanupJob.RecurringJobId);
        var job = await performed.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(typeof(OutboxCleanupJob), job.Type);
        var (checkScope, checkStore) = app.NewStore("tenant-a");
        await using (checkScope)
        {
            Assert.Equal(["new-sent", "old-pending"], await checkStore.Outbox.OrderBy(o => o.IdempotencyKey).Select(o => o.IdempotencyKey).ToListAsync());
        }
    }

    private sealed class CleanupApplication : SalesCoachBotApplication
    {
        private readonly PerformedSignal _performed;

        public CleanupApplication(PerformedSignal performed)
        {
            _performed = performed;
            Settings["Scheduling:QueuePollInterval"] = "00:00:00.200";
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.RemoveAll<IJobFilterProvider>();
            services.AddSingleton<IJobFilterProvider>(new JobFilterCollectionProvider(_performed));
        }
    }

    /// <summary>Completes when the server has performed a job (successfully), with that job.</summary>
    private sealed class PerformedSignal : IServerFilter
    {
        private readonly TaskCompletionSource<Job> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<Job> Task => _done.Task;

        public void OnPerforming(PerformingContext context)
        {
        }

        public void OnPerformed(PerformedContext context)
        {
            if (context.Exception is null)
            {
                _done.TrySetResult(context.BackgroundJob.Job);
            }
            else
            {
                _done.TrySetException(context.Exception);
            }
        }
    }

    private sealed class JobFilterCollectionProvider(PerformedSignal performed) : IJobFilterProvider
    {
        public IEnumerable<JobFilter> GetFilters(Job job) =>
            JobFilterProviders.Providers.GetFilters(job).Append(new JobFilter(performed, JobFilterScope.Global, null));
    }
}
