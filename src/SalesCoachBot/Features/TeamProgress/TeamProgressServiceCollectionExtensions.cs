using SalesCoachBot.Features.Help;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.Teams;

namespace SalesCoachBot.Features.TeamProgress;

internal static class TeamProgressServiceCollectionExtensions
{
    /// <summary>The team card, the leaderboard and <c>set target</c>: their reader, the team guard and help lines.</summary>
    public static IServiceCollection AddTeamProgress(this IServiceCollection services)
    {
        services.AddSalesTeams();
        services.AddScoped<TeamProgressReader>();
        services.AddScoped<TeamSelection>();
        services.AddHelpTopic(TeamProgressCommands.TeamTopic);
        services.AddHelpTopic(TeamProgressCommands.LeaderboardTopic);
        services.AddHelpTopic(SetTargetCommand.Topic);
        return services;
    }
}
