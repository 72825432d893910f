using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Kpis;

internal static class KpisServiceCollectionExtensions
{
    /// <summary>KPI management: the book of changes (chat and admin API), <c>kpi</c> with its help line. The reading side is the kernel's <see cref="IKpiCatalog"/>.</summary>
    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.AddScoped<KpiBook>();
        services.AddHelpTopic(KpiCommand.Topic);
        return services;
    }

    /// <summary>GET/POST /api/admin/tenants/{tenantId}/kpis and GET/PATCH …/kpis/{key} on the admin API's tenant group.</summary>
    public static RouteGroupBuilder MapKpisAdmin(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/kpis", KpiAdminEndpoints.ListAsync);
        tenant.MapPost("/kpis", KpiAdminEndpoints.AddAsync);
        tenant.MapGet("/kpis/{key}", KpiAdminEndpoints.GetAsync);
        tenant.MapPatch("/kpis/{key}", KpiAdminEndpoints.PatchAsync);
        return tenant;
    }
}
