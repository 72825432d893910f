using SalesCoachBot.Exports;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Exports;

internal static class ExportsServiceCollectionExtensions
{
    /// <summary>
    /// Exports: the shared file machinery (<see cref="ExportFilesServiceCollectionExtensions.AddExportFiles"/>), links,
    /// the help line; the command and the file consent invoke are in the route table; the endpoints are
    /// <see cref="MapExportDownloads"/> and <see cref="MapExportsAdmin"/>. The scorecards and sales-results features supply
    /// the content (<see cref="IExportSource"/>).
    /// </summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddExportFiles();
        services.AddHttpContextAccessor();
        services.AddScoped<ExportLinks>();
        services.AddHelpTopic(ExportCommand.Topic);
        return services;
    }

    public static WebApplication MapExportDownloads(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ExportLinks.Path + "/{token}", ExportEndpoints.DownloadAsync);
        return app;
    }

    public static RouteGroupBuilder MapExportsAdmin(this RouteGroupBuilder tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        tenant.MapGet("/teams/{teamsTeamId}/scorecard/export", ExportEndpoints.ScorecardAsync);
        tenant.MapGet("/teams/{teamsTeamId}/results/export", ExportEndpoints.ResultsAsync);
        return tenant;
    }
}
