using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Settings;

internal static class SettingsServiceCollectionExtensions
{
    /// <summary>The settings store and the help line; the routes are added in AddFeatures.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.TryAddScoped<SettingsStore>();
        return services.AddHelpTopic(SettingsTurn.Topic);
    }
}
