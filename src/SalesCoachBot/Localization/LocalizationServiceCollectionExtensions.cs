using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesCoachBot.Localization;

internal static class LocalizationServiceCollectionExtensions
{
    /// <summary>Registers <see cref="BotText"/> (texts are read once, at first use).</summary>
    public static IServiceCollection AddBotText(this IServiceCollection services)
    {
        services.TryAddSingleton<BotText>();
        return services;
    }
}
