using SalesCoachBot.Exports;
using SalesCoachBot.Sales;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Features.Scorecards;

internal static class ScorecardsServiceCollectionExtensions
{
    /// <summary>
    /// Scorecards: the weights and cap store, the reader, the period-end job (hourly) and its options ("Scorecards"), the
    /// help line, and the admin endpoints (<see cref="MapScorecardsAdmin"/>). Targets and results come through the
    /// kernel contracts; the cards' opt-out button is handled by the settings feature (<c>OptOutActions</c>).
    /// </summary>
    public static IServiceCollection AddScorecards(this IServiceCollection services)
    {
        services.AddOptions<ScorecardOptions>()
            .BindConfiguration(ScorecardOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<ScorecardBook>();
        services.AddScoped<ScorecardReader>();
        services.AddScoped<ScorecardRound>();
        services.AddScoped<ScorecardJob>();
        services.AddScoped<IExportSource, ScorecardExport>();
        services.AddRecurringJob<ScorecardJob>(ScorecardJob.RecurringJobId, ScorecardJob.Cron, TimeZoneInfo.Utc, job => job.RunAsync(CancellationToken.None));
        services.AddHelpTopic(ScorecardCommand.Topic);
        return services;
    }

    public static RouteGroupBuilder MapScorecardsAdmin(this RouteGroupBuilder tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        tenant.MapGet("/teams/{teamsTeamId}/scorecard", ScorecardAdminEndpoints.GetAsync);
        tenant.MapPut("/teams/{teamsTeamId}/scorecard", ScorecardAdminEndpoints.PutAsync);
        return tenant;
    }
}
