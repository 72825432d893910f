using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Commission;

internal static class CommissionServiceCollectionExtensions
{
    /// <summary>Commission (issue 13, point 4): the plan store, the reader behind the cards and the help line.</summary>
    public static IServiceCollection AddCommission(this IServiceCollection services)
    {
        services.AddScoped<CommissionPlanStore>();
        services.AddScoped<CommissionReader>();
        services.AddHelpTopic(CommissionCommand.Topic);
        return services;
    }

    /// <summary>GET, PUT and DELETE …/teams/{teamsTeamId}/commission on the admin API's tenant group (which checks the key).</summary>
    public static RouteGroupBuilder MapCommissionAdmin(this RouteGroupBuilder tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        tenant.MapGet("/teams/{teamsTeamId}/commission", CommissionAdminEndpoints.GetAsync);
        tenant.MapPut("/teams/{teamsTeamId}/commission", CommissionAdminEndpoints.PutAsync);
        tenant.MapDelete("/teams/{teamsTeamId}/commission", CommissionAdminEndpoints.DeleteAsync);
        return tenant;
    }
}
