using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SalesCoachDbContext"/> (scoped) on the configured provider. Options are read when the first
    /// context is created, not here, so test hosts can still override configuration.
    /// </summary>
    public static IServiceCollection AddSalesCoachStore(this IServiceCollection services, string contentRootPath)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
                options.ContentRootPath = contentRootPath;
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Options built once per process (they depend on singletons only); every turn gets a context, so this is hot.
        services.AddDbContext<SqliteSalesCoachDbContext>(
            (sp, builder) => builder.UseSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveConnectionString()),
            ServiceLifetime.Scoped,
            ServiceLifetime.Singleton);
        services.AddDbContext<PostgresSalesCoachDbContext>(
            (sp, builder) => builder.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveConnectionString()),
            ServiceLifetime.Scoped,
            ServiceLifetime.Singleton);
        services.AddScoped<SalesCoachDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresSalesCoachDbContext>()
                : sp.GetRequiredService<SqliteSalesCoachDbContext>());
        return services;
    }
}
