using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesCoachBot.Features.Help;

public static class HelpServiceCollectionExtensions
{
    /// <summary>Adds a line to the help card. Only topics whose command words are routed are shown.</summary>
    public static IServiceCollection AddHelpTopic(this IServiceCollection services, HelpTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        services.AddSingleton(topic);
        return services;
    }

    /// <summary>The help catalog and the help command's own topic.</summary>
    internal static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.TryAddSingleton<HelpCatalog>();
        return services.AddHelpTopic(HelpTopic.Help);
    }
}
