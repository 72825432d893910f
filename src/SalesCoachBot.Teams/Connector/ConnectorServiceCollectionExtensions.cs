using Microsoft.Extensions.DependencyInjection;

namespace SalesCoachBot.Teams.Connector;

/// <summary>Registers the connector client.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IConnectorClient"/> with rate limiting and retries.</summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        // PLACEHOLDER until the connector work lands (same session).
        return services;
    }
}
