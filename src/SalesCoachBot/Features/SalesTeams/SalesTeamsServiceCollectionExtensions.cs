using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.SalesTeams;

internal static class SalesTeamsServiceCollectionExtensions
{
    /// <summary>Managing a sales team from its channel: <c>manager add/remove</c> and its help line.</summary>
    public static IServiceCollection AddSalesTeams(this IServiceCollection services)
    {
        services.AddScoped<ManagerCommand>();
        services.AddHelpTopic(ManagerCommand.Topic);
        return services;
    }
}
