using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Features.WeekAhead;

internal static class WeekAheadServiceCollectionExtensions
{
    /// <summary>
    /// The week-ahead card and the pace nudge: their options ("WeekAhead"), the per-tenant round and the job every 15
    /// minutes. Targets and results come through the kernel contracts (<c>ITargetPlan</c>, <c>IResultLedger</c>); the
    /// cards' opt-out button is handled by the settings feature (<c>OptOutActions</c>).
    /// </summary>
    public static IServiceCollection AddWeekAhead(this IServiceCollection services)
    {
        services.AddOptions<WeekAheadOptions>()
            .BindConfiguration(WeekAheadOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<WeekAheadRound>();
        services.AddScoped<WeekAheadJob>();
        services.AddRecurringJob<WeekAheadJob>(
            WeekAheadJob.RecurringJobId, WeekAheadJob.Cron, TimeZoneInfo.Utc, job => job.RunAsync(CancellationToken.None));
        return services;
    }
}
