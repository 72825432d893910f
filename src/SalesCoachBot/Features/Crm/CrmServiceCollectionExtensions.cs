using System.Text.RegularExpressions;

namespace SalesCoachBot.Features.Crm;

internal static partial class CrmServiceCollectionExtensions
{
    /// <summary>Options (checked at start) and the recorder of the CRM webhook.</summary>
    public static IServiceCollection AddCrm(this IServiceCollection services)
    {
        services.AddOptions<CrmOptions>()
            .BindConfiguration(CrmOptions.SectionName)
            .Validate(o => o.MaxBodyBytes > 0 && o.MaxEventsPerRequest > 0, "Crm:MaxBodyBytes and Crm:MaxEventsPerRequest must be positive.")
            .Validate(o => o.TimestampTolerance > TimeSpan.Zero && o.TimestampTolerance <= TimeSpan.FromHours(1), "Crm:TimestampTolerance must be between 0 and 1 hour.")
            .Validate(o => o.Sources.Keys.All(k => SourceName().IsMatch(k)), "Crm:Sources names must be 1-64 letters, digits, '-' or '_'.")
            .Validate(o => o.Sources.Values.All(s => !string.IsNullOrWhiteSpace(s.Tenant)), "Every Crm:Sources entry needs a Tenant.")
            .Validate(
                o => o.Sources.Values.All(s => s.Secret is { Length: >= CrmOptions.MinimumSecretLength }),
                $"Every Crm:Sources entry needs a Secret of at least {CrmOptions.MinimumSecretLength} characters.")
            .Validate(o => o.Sources.Values.All(s => !string.IsNullOrWhiteSpace(s.RevenueKpi)), "Crm:Sources RevenueKpi cannot be empty.")
            .ValidateOnStart();
        services.AddScoped<CrmEventRecorder>();
        return services;
    }

    /// <summary>POST /api/crm/{source}/events (signed by each CRM, no admin key).</summary>
    public static IEndpointRouteBuilder MapCrmWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/crm/{source}/events", CrmWebhook.ReceiveAsync);
        return app;
    }

    /// <summary>The admin list of unmatched events, on the admin API's tenant group (which checks the key).</summary>
    public static RouteGroupBuilder MapCrmAdmin(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/crm/unmatched", CrmAdminEndpoints.UnmatchedAsync);
        return tenant;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SourceName();
}
