using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Help;

internal static class HelpServiceCollectionExtensions
{
    /// <summary>The help catalog and the help command's own topic.</summary>
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.TryAddSingleton<HelpCatalog>();
        return services.AddHelpTopic(HelpCommand.Topic);
    }
}
