using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Authentication;

namespace SalesCoachBot.Teams.Connector;

/// <summary>Registers the connector client.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IConnectorClient"/> with rate limiting and retries, bound to the "Bot:Connector" section.
    /// Uses the registered <see cref="TimeProvider"/> (the system clock unless one is registered) and, when registered,
    /// <see cref="IBotTokenProvider"/> for bearer tokens. Calls go only to hosts in <see cref="ServiceUrlAllowList"/> (Bot:AllowedServiceUrlHosts).
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<ConnectorOptions>()
            .BindConfiguration(ConnectorOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.BaseRetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.BaseRetryDelay && o.MaxRetryAfter >= TimeSpan.Zero,
                "Connector retry delays must be non-negative and MaxRetryDelay at least BaseRetryDelay.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero || o.AttemptTimeout == Timeout.InfiniteTimeSpan,
                "Connector AttemptTimeout must be positive or infinite.")
            .Validate(o => o.RateLimitSafetyMargin >= TimeSpan.Zero, "Connector RateLimitSafetyMargin must be non-negative.")
            .ValidateOnStart();

        // Attempts have their own timeout on the TimeProvider; HttpClient's own 100 s default would only get in the way.
        // The client logs retries and failures itself; the factory's per-request Information lines would cost more
        // than the call on a busy bot.
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        services.TryAddSingleton(TimeProvider.System);

        // One limiter per process: the limits are per app, whatever part of the app sends.
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ConnectorOptions>>().Value;
            return new ConnectorRateLimiter(sp.GetRequiredService<TimeProvider>(), RateLimits.FromOptions(options), options.RateLimitingEnabled);
        });

        services.TryAddSingleton<ServiceUrlAllowList>();
        services.TryAddSingleton<IConnectorClient>(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<ConnectorRateLimiter>(),
            sp.GetRequiredService<IOptions<ConnectorOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>(),
            sp.GetService<IBotTokenProvider>(),
            sp.GetRequiredService<ServiceUrlAllowList>()));

        return services;
    }
}
