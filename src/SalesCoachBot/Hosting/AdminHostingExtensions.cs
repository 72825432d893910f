using Microsoft.Extensions.Options;
using SalesCoachBot.Features.Admin;

namespace SalesCoachBot.Hosting;

internal static class AdminHostingExtensions
{
    /// <summary>Options and key check of the admin API.</summary>
    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>()
            .BindConfiguration(AdminOptions.SectionName)
            .Validate(o => o.MaxImportBytes > 0, "Admin:MaxImportBytes must be positive.")
            .Validate(
                o => o.ApiKeys.Values.All(k => k is { Length: >= AdminOptions.MinimumKeyLength }),
                $"Every Admin:ApiKeys entry must be at least {AdminOptions.MinimumKeyLength} characters.")
            .Validate(
                o => o.ApiKeys.Values.Distinct(StringComparer.Ordinal).Count() == o.ApiKeys.Count,
                "Two tenants cannot share one Admin:ApiKeys key.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AdminApiKeyFilter>();
        return builder;
    }

    /// <summary>/api/admin/tenants/{tenantId}/members.csv and teams.csv (GET exports, POST imports).</summary>
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        var tenant = app.MapGroup("/api/admin/tenants/{tenantId}")
            .AddEndpointFilter(app.Services.GetRequiredService<AdminApiKeyFilter>());
        tenant.MapGet("/members.csv", AdminEndpoints.ExportMembersAsync);
        tenant.MapPost("/members.csv", AdminEndpoints.ImportMembersAsync);
        tenant.MapGet("/teams.csv", AdminEndpoints.ExportTeamsAsync);
        tenant.MapPost("/teams.csv", AdminEndpoints.ImportTeamsAsync);
        return app;
    }
}
