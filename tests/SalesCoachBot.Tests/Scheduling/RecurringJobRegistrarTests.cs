using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Tests.Scheduling;

public sealed class RecurringJobRegistrarTests
{
    [Fact]
    public void Apply_OutboxCleanup_RegistersExplicitIdCronAndUtc()
    {
        var manager = new Mock<IRecurringJobManager>();
        var services = new ServiceCollection();
        services.AddRecurringJob<OutboxCleanupJob>(
            OutboxCleanupJob.RecurringJobId, OutboxCleanupJob.Cron, TimeZoneInfo.Utc, job => job.RunAsync(CancellationToken.None));
        using var provider = services.BuildServiceProvider();

        new RecurringJobRegistrar(provider.GetServices<IRecurringJobDefinition>(), manager.Object, NullLogger<RecurringJobRegistrar>.Instance).Apply();

        manager.Verify(m => m.AddOrUpdate(
            "outbox-cleanup",
            It.Is<Job>(j => j.Type == typeof(OutboxCleanupJob) && j.Method.Name == nameof(OutboxCleanupJob.RunAsync)),
            "17 3 * * *",
            It.Is<RecurringJobOptions>(o => o.TimeZone == TimeZoneInfo.Utc)), Times.Once);
        manager.VerifyNoOtherCalls();
    }

    [Fact]
    public void Apply_DuplicateId_Throws()
    {
        var manager = new Mock<IRecurringJobManager>();
        var services = new ServiceCollection();
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        services.AddRecurringJob<OutboxCleanupJob>("same", "0 9 * * 1", shanghai, job => job.RunAsync(CancellationToken.None));
        services.AddRecurringJob<OutboxCleanupJob>("same", "0 10 * * 1", shanghai, job => job.RunAsync(CancellationToken.None));
        using var provider = services.BuildServiceProvider();
        var registrar = new RecurringJobRegistrar(provider.GetServices<IRecurringJobDefinition>(), manager.Object, NullLogger<RecurringJobRegistrar>.Instance);

        var error = Assert.Throws<InvalidOperationException>(registrar.Apply);

        Assert.Contains("same", error.Message, StringComparison.Ordinal);
        manager.VerifyNoOtherCalls();
    }

    [Fact]
    public void Apply_FeatureJobInItsTimeZone_PassesTheTimeZone()
    {
        var manager = new Mock<IRecurringJobManager>();
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var services = new ServiceCollection();
        services.AddRecurringJob<OutboxCleanupJob>("weekly-agenda", "0 9 * * 1", shanghai, job => job.RunAsync(CancellationToken.None));
        using var provider = services.BuildServiceProvider();

        new RecurringJobRegistrar(provider.GetServices<IRecurringJobDefinition>(), manager.Object, NullLogger<RecurringJobRegistrar>.Instance).Apply();

        manager.Verify(m => m.AddOrUpdate("weekly-agenda", It.IsAny<Job>(), "0 9 * * 1",
            It.Is<RecurringJobOptions>(o => o.TimeZone.Id == "Asia/Shanghai")), Times.Once);
    }
}
