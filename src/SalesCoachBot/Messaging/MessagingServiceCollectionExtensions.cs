using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Messaging;

internal static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The outbox writer (scoped, on the caller's store) and its dispatcher (a hosted service). Needs the store and an
    /// <see cref="Teams.Connector.IConnectorClient"/>.
    /// </summary>
    public static IServiceCollection AddOutboxMessaging(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.MaxBackoff >= o.BackoffBase, "Messaging:MaxBackoff must be at least Messaging:BackoffBase.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxCommitWake>();
        // Added to the store's options (built once, like the store's own, hence Singleton).
        services.ConfigureDbContext<SqliteSalesCoachDbContext>(
            (sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxCommitWake>()), ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgresSalesCoachDbContext>(
            (sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxCommitWake>()), ServiceLifetime.Singleton);
        services.TryAddScoped(sp => new Outbox(
            sp.GetRequiredService<SalesCoachDbContext>(), sp.GetRequiredService<OutboxSignal>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SalesTeamOptions>>().Value.DefaultTimeZone));
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
