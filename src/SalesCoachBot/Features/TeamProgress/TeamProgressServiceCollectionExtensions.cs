using SalesCoachBot.Contacts;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.TeamProgress;

internal static class TeamProgressServiceCollectionExtensions
{
    /// <summary>The team card and the leaderboard: their reader, the team guard and help lines.</summary>
    public static IServiceCollection AddTeamProgress(this IServiceCollection services)
    {
        services.AddScoped<TeamProgressReader>();
        services.AddScoped<TeamSelection>();
        services.AddHelpTopic(TeamProgressCommands.TeamTopic);
        services.AddHelpTopic(TeamProgressCommands.LeaderboardTopic);
        return services;
    }
}
