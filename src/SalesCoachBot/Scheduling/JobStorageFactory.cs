using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using SalesCoachBot.Data;

namespace SalesCoachBot.Scheduling;

/// <summary>Builds the one Hangfire storage of this host from the options (never through the static JobStorage.Current).</summary>
internal static partial class JobStorageFactory
{
    public static JobStorage Create(SchedulingOptions scheduling, DatabaseOptions database, ILogger logger)
    {
        if (scheduling.Storage == SchedulingStorage.InMemory)
        {
            LogInMemory(logger);
            return new InMemoryStorage(new InMemoryStorageOptions());
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hangfire runs on in-memory storage: jobs are lost on restart (meant for tests)")]
    private static partial void LogInMemory(ILogger logger);
}
