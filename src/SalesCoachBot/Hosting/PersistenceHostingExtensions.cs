using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;

namespace SalesCoachBot.Hosting;

internal static partial class PersistenceHostingExtensions
{
    /// <summary>The store on the configured provider (its readiness check is in <see cref="HealthHostingExtensions"/>).</summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddSalesCoachStore(builder.Environment.ContentRootPath);
        return builder;
    }

    /// <summary>
    /// Creates the SQLite folder if needed and applies pending migrations. Safe with several instances on PostgreSQL:
    /// EF Core takes a database lock around migrating.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var scope = services.CreateAsyncScope();
        await using var scopeLifetime = scope.ConfigureAwait(false);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("SalesCoachBot.Data");

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = new SqliteConnectionStringBuilder(options.ResolveConnectionString()).DataSource;
            if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:"
                && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        LogMigrated(logger, options.Provider, pending.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store ready on {Provider}; applied {Count} migration(s)")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, int count);
}
