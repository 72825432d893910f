using SalesCoachBot.Contacts;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Features.Commission;
using SalesCoachBot.Features.Crm;
using SalesCoachBot.Features.Exports;
using SalesCoachBot.Features.Feedback;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Features.Kpis;
using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Features.Scorecards;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.SalesTeams;
using SalesCoachBot.Features.Settings;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.WeekAhead;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Integrations.Graph;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Hosting;

internal static class FeaturesHostingExtensions
{
    /// <summary>
    /// The sales kernel, who-is-who, every feature (each registers its own services, help lines and jobs) and the route
    /// table (<see cref="RouteTable"/>). Needs the store, scheduling and messaging.
    /// </summary>
    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBotText();
        services.AddSalesKernel();
        services.AddContacts();
        services.AddGraph();

        services.AddHelp();
        services.AddOnboarding();
        services.AddSalesTeams();
        services.AddSettings();
        services.AddTargets();
        services.AddSalesResults();
        services.AddTeamProgress();
        services.AddRecognition();
        services.AddFeedback();
        services.AddWeekAhead();
        services.AddMeetings();
        services.AddCommission();
        services.AddImports();
        services.AddCrm();
        services.AddAdminApi();

        // Scorecards (issue 13 point 2).
        services.AddScorecards();
        services.AddKpis();

        // Exports (issue 13 point 3).
        services.AddExports();

        RouteTable.Map(services);
        return builder;
    }

    /// <summary>The HTTP endpoints features add beside the bot's: the admin API (with the CRM's unmatched list), the CRM webhook and export downloads.</summary>
    public static WebApplication MapFeatureEndpoints(this WebApplication app)
    {
        app.MapAdminApi().MapCrmAdmin().MapRecognitionAdmin().MapMeetingsAdmin()
            .MapScorecardsAdmin().MapCommissionAdmin().MapKpisAdmin().MapExportsAdmin();
        app.MapCrmWebhooks();
        app.MapExportDownloads();
        return app;
    }
}
