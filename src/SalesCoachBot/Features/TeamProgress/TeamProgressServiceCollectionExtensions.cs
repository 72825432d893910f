using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.TeamProgress;

internal static class TeamProgressServiceCollectionExtensions
{
    /// <summary>The team card and the leaderboard: their reader, the team guard, the visibility setting and help lines.</summary>
    public static IServiceCollection AddTeamProgress(this IServiceCollection services)
    {
        services.AddScoped<TeamProgressReader>();
        services.AddScoped<TeamSelection>();
        services.AddScoped<TeamVisibility>();
        services.AddHelpTopic(TeamProgressCommands.TeamTopic);
        services.AddHelpTopic(TeamProgressCommands.LeaderboardTopic);
        return services;
    }
}
