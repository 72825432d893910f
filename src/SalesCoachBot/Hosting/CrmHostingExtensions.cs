using System.Text.RegularExpressions;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Features.Crm;

namespace SalesCoachBot.Hosting;

internal static partial class CrmHostingExtensions
{
    /// <summary>Options (checked at start) and the recorder of the CRM webhook.</summary>
    public static WebApplicationBuilder AddCrm(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrmOptions>()
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
        builder.Services.AddScoped<CrmEventRecorder>();
        return builder;
    }

    /// <summary>POST /api/crm/{source}/events and the admin list of unmatched events.</summary>
    public static WebApplication MapCrmWebhooks(this WebApplication app)
    {
        app.MapPost("/api/crm/{source}/events", CrmWebhook.ReceiveAsync);
        app.MapGroup("/api/admin/tenants/{tenantId}")
            .AddEndpointFilter(app.Services.GetRequiredService<AdminApiKeyFilter>())
            .MapGet("/crm/unmatched", CrmAdminEndpoints.UnmatchedAsync);
        return app;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SourceName();
}
