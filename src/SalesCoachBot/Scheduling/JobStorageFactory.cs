using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using SalesCoachBot.Data;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// Builds the one Hangfire storage of this host from the options (never through the static JobStorage.Current): always
/// the database the app uses. Tests that want jobs in memory replace the JobStorage registration.
/// </summary>
internal static class JobStorageFactory
{
    public static JobStorage Create(SchedulingOptions scheduling, DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = scheduling.PostgresSchema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = scheduling.QueuePollInterval,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ResolveConnectionString(), options), options);
        }

        var path = SqlitePath(scheduling, database);
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = scheduling.QueuePollInterval });
    }

    /// <summary>Scheduling:SqlitePath, or hangfire.db beside the app's SQLite file: its own file, so Hangfire's locks never block the app's writes.</summary>
    internal static string SqlitePath(SchedulingOptions scheduling, DatabaseOptions database)
    {
        if (!string.IsNullOrWhiteSpace(scheduling.SqlitePath))
        {
            return Path.GetFullPath(scheduling.SqlitePath, database.ContentRootPath);
        }

        var appFile = new SqliteConnectionStringBuilder(database.ResolveConnectionString()).DataSource;
        var folder = string.IsNullOrEmpty(appFile) || appFile == ":memory:"
            ? Path.Combine(database.ContentRootPath, "data")
            : Path.GetDirectoryName(Path.GetFullPath(appFile, database.ContentRootPath)) ?? database.ContentRootPath;
        return Path.Combine(folder, "hangfire.db");
    }
}
