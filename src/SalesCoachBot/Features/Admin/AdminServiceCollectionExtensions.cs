using Microsoft.Extensions.Options;

namespace SalesCoachBot.Features.Admin;

internal static class AdminServiceCollectionExtensions
{
    /// <summary>Options and key check of the admin API.</summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>()
            .BindConfiguration(AdminOptions.SectionName)
            .Validate(o => o.MaxImportBytes > 0, "Admin:MaxImportBytes must be positive.")
            .Validate(
                o => o.ApiKeys.Values.All(k => k is { Length: >= AdminOptions.MinimumKeyLength }),
                $"Every Admin:ApiKeys entry must be at least {AdminOptions.MinimumKeyLength} characters.")
            .Validate(
                o => o.ApiKeys.Values.Distinct(StringComparer.Ordinal).Count() == o.ApiKeys.Count,
                "Two tenants cannot share one Admin:ApiKeys key.")
            .ValidateOnStart();
        services.AddSingleton<AdminApiKeyFilter>();
        return services;
    }

    /// <summary>
    /// The tenant group /api/admin/tenants/{tenantId}, behind the tenant's API key (<see cref="AdminApiKeyFilter"/>),
    /// with members.csv and teams.csv (GET exports, POST imports), the tenant's China calendar years (GET, PUT, DELETE
    /// calendars/cn/{year}) and each team's calendar choice. Other features add their admin endpoints to it.
    /// </summary>
    public static RouteGroupBuilder MapAdminApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var tenant = app.MapGroup("/api/admin/tenants/{tenantId}")
            .AddEndpointFilter(app.Services.GetRequiredService<AdminApiKeyFilter>());
        tenant.MapGet("/members.csv", AdminEndpoints.ExportMembersAsync);
        tenant.MapPost("/members.csv", AdminEndpoints.ImportMembersAsync);
        tenant.MapGet("/teams.csv", AdminEndpoints.ExportTeamsAsync);
        tenant.MapPost("/teams.csv", AdminEndpoints.ImportTeamsAsync);
        tenant.MapGet("/calendars/cn", CalendarAdminEndpoints.ListAsync);
        tenant.MapGet("/calendars/cn/{year}", CalendarAdminEndpoints.GetYearAsync);
        tenant.MapPut("/calendars/cn/{year}", CalendarAdminEndpoints.PutYearAsync);
        tenant.MapDelete("/calendars/cn/{year}", CalendarAdminEndpoints.DeleteYearAsync);
        tenant.MapPut("/teams/{teamId}/calendar", CalendarAdminEndpoints.PutTeamCalendarAsync);
        return tenant;
    }
}
