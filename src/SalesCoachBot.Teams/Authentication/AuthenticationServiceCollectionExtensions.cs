using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Authentication;

/// <summary>Registers inbound token validation and the outbound token provider.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IBotRequestAuthenticator"/> (Bot Connector and Entra ID tokens; loopback only without an app id),
    /// <see cref="IBotTokenProvider"/> (MSAL client credentials) and a start-up warning when running without authentication.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(BotRequestAuthenticator.MetadataHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddHttpClient(MsalBotTokenProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsBotOptions>, TeamsBotOptionsAuthenticationValidator>());
        services.TryAddSingleton<IBotRequestAuthenticator, BotRequestAuthenticator>();
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalDevelopmentWarning>());
        return services;
    }
}
