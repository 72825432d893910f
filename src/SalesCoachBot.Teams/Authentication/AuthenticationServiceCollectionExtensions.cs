using Microsoft.Extensions.DependencyInjection;

namespace SalesCoachBot.Teams.Authentication;

/// <summary>Registers inbound token validation and the outbound token provider.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IBotRequestAuthenticator"/> and <see cref="IBotTokenProvider"/>.</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        // PLACEHOLDER until the authentication work lands (same session).
        return services;
    }
}
