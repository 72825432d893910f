using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesCoachBot.Sales;

internal static class SalesServiceCollectionExtensions
{
    /// <summary>The sales kernel: the sales-team defaults (section "Teams", checked at start), the sales clock and the working calendars.</summary>
    public static IServiceCollection AddSalesKernel(this IServiceCollection services)
    {
        services.AddOptions<SalesTeamOptions>()
            .BindConfiguration(SalesTeamOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.DefaultTimeZone, out _), "Teams:DefaultTimeZone is not a known IANA time zone.")
            .ValidateOnStart();
        services.TryAddScoped<SalesClock>();
        services.TryAddScoped<WorkingCalendars>();
        services.TryAddSingleton<WorkingCalendarCache>();
        services.TryAddScoped<IKpiCatalog, KpiCatalog>();
        return services;
    }
}
