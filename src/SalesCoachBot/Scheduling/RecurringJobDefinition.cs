using System.Linq.Expressions;
using Hangfire;
using Hangfire.Common;

namespace SalesCoachBot.Scheduling;

/// <summary>A recurring job a feature declares (<see cref="SchedulingServiceCollectionExtensions.AddRecurringJob{TJob}"/>); applied at start.</summary>
internal interface IRecurringJobDefinition
{
    /// <summary>Stable id: the job is updated, not duplicated, when the schedule changes between deployments.</summary>
    string Id { get; }

    string Cron { get; }

    TimeZoneInfo TimeZone { get; }

    void Apply(IRecurringJobManager manager);
}

internal sealed class RecurringJobDefinition<TJob>(string id, string cron, TimeZoneInfo timeZone, Expression<Func<TJob, Task>> run)
    : IRecurringJobDefinition
{
    public string Id { get; } = id;

    public string Cron { get; } = cron;

    public TimeZoneInfo TimeZone { get; } = timeZone;

    public void Apply(IRecurringJobManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.AddOrUpdate(Id, Job.FromExpression(run), Cron, new RecurringJobOptions { TimeZone = TimeZone });
    }
}

internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Declares a recurring job with an explicit id, cron expression and time zone. <typeparamref name="TJob"/> is
    /// resolved from a fresh scope each run; <paramref name="run"/> should pass ids, never entities.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(
        this IServiceCollection services, string id, string cron, TimeZoneInfo timeZone, Expression<Func<TJob, Task>> run)
        where TJob : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(cron);
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(run);
        services.AddSingleton<IRecurringJobDefinition>(new RecurringJobDefinition<TJob>(id, cron, timeZone, run));
        return services;
    }
}
