using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Hosting;

internal static class SchedulingHostingExtensions
{
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Hangfire on the storage the options pick (see <see cref="SchedulingOptions"/>), the server (unless disabled),
    /// the recurring-job seam and the outbox housekeeping job (features add
    /// their own jobs with <see cref="SchedulingServiceCollectionExtensions.AddRecurringJob"/>). Code uses <see cref="IBackgroundJobClient"/> and
    /// <see cref="IRecurringJobManager"/> from DI, never the static API.
    /// </summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>()
            .BindConfiguration(SchedulingOptions.SectionName)
            .Validate(o => o.OutboxRetention > TimeSpan.Zero, "Scheduling:OutboxRetention must be positive.")
            .Validate(o => o.OutboxCleanupBatchSize > 0, "Scheduling:OutboxCleanupBatchSize must be positive.")
            .Validate(o => o.QueuePollInterval > TimeSpan.Zero, "Scheduling:QueuePollInterval must be positive.")
            .Validate(o => o.WorkerCount >= 0, "Scheduling:WorkerCount must be 0 (automatic) or more.")
            .Validate(o => Enum.IsDefined(o.Storage), "Scheduling:Storage must be Database.")
            .ValidateOnStart();

        // Registered before AddHangfire (which only TryAdds these), so each host has its own storage and activator
        // instead of the process-wide statics; two hosts in one process (tests) stay apart. Tests that want jobs in
        // memory replace the JobStorage registration.
        services.AddSingleton<JobStorage>(sp => JobStorageFactory.Create(
            sp.GetRequiredService<IOptions<SchedulingOptions>>().Value,
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) => configuration
            .UseLogProvider(new HostBoundLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        services.AddSingleton<DashboardAccessFilter>();
        services.AddHostedService<RecurringJobRegistrar>();
        services.AddHostedService<JobServerHost>();

        services.AddScoped<OutboxCleanupJob>();
        services.AddRecurringJob<OutboxCleanupJob>(
            OutboxCleanupJob.RecurringJobId, OutboxCleanupJob.Cron, TimeZoneInfo.Utc, job => job.RunAsync(CancellationToken.None));
        return builder;
    }

    /// <summary>The dashboard at /hangfire (see <see cref="DashboardAccessFilter"/> for who gets in).</summary>
    public static WebApplication MapScheduling(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<DashboardAccessFilter>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(DashboardPath, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use((context, next) => access.RefuseThrottledAsync(context, () => next(context))));
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [access],
            // The storage description could show a connection string with its password.
            DisplayStorageConnectionString = false,
            DashboardTitle = "SalesCoachBot jobs",
        });
        return app;
    }
}
