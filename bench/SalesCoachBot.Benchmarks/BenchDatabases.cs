using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SalesCoachBot.Data;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// The seeded bench databases, built once and reused: a SQLite file named after the latest migration, the scale and
/// <see cref="BenchData.Version"/>, and the PostgreSQL database <c>salescoach_bench</c> carrying the same key as its
/// comment. Any change of schema, scale or data rebuilds them.
/// </summary>
public static class BenchDatabases
{
    public const string PostgresDatabase = "salescoach_bench";

    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    /// <summary>Server from SALESCOACH_BENCH_POSTGRES (any database in it is replaced by <see cref="PostgresDatabase"/>).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SALESCOACH_BENCH_POSTGRES") is { Length: > 0 } configured ? configured : DefaultPostgres;

    /// <summary>Folder of the SQLite file: SALESCOACH_BENCH_DATA, else a folder in the temp directory.</summary>
    public static string SqliteFolder =>
        Environment.GetEnvironmentVariable("SALESCOACH_BENCH_DATA") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "salescoach-bench");

    /// <summary>The connection string of a ready bench database; seeds it first when missing or stale.</summary>
    public static async Task<string> EnsureAsync(DatabaseProvider provider, BenchScale scale, bool rebuild, TextWriter log, CancellationToken cancellationToken = default)
    {
        var key = $"{LatestMigration(provider)}-{scale.Key}-v{BenchData.Version}";
        return provider == DatabaseProvider.Postgres
            ? await EnsurePostgresAsync(key, scale, rebuild, log, cancellationToken)
            : await EnsureSqliteAsync(key, scale, rebuild, log, cancellationToken);
    }

    /// <summary>Creates the schema through the app itself: booting it applies the migrations.</summary>
    public static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        await using var app = new BenchApp(provider, connectionString);
        _ = app.Services; // starts the host, which migrates
    }

    public static string LatestMigration(DatabaseProvider provider)
    {
        using SalesCoachDbContext context = provider == DatabaseProvider.Postgres
            ? new PostgresSalesCoachDbContext(new DbContextOptionsBuilder<PostgresSalesCoachDbContext>().UseNpgsql("Host=unused").Options)
            : new SqliteSalesCoachDbContext(new DbContextOptionsBuilder<SqliteSalesCoachDbContext>().UseSqlite("Data Source=unused").Options);
        return context.Database.GetMigrations().Last();
    }

    private static async Task<string> EnsureSqliteAsync(string key, BenchScale scale, bool rebuild, TextWriter log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SqliteFolder);
        var file = Path.Combine(SqliteFolder, $"salescoach-bench-{key}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        if (File.Exists(file) && !rebuild)
        {
            await log.WriteLineAsync($"SQLite: reusing {file}");
            return connectionString;
        }

        // Seeded under another name and renamed at the end, so a half-seeded file is never reused.
        var building = file + ".building";
        File.Delete(building);
        File.Delete(file);
        var buildingConnection = new SqliteConnectionStringBuilder { DataSource = building }.ToString();
        await MigrateAsync(Data.DatabaseProvider.Sqlite, buildingConnection);
        await log.WriteLineAsync($"SQLite: seeding {file} …");
        var report = await BenchSeeder.SeedAsync(Data.DatabaseProvider.Sqlite, buildingConnection, scale, cancellationToken);
        SqliteConnection.ClearAllPools();
        File.Move(building, file);
        await log.WriteLineAsync($"SQLite: seeded {Describe(report)}");
        return connectionString;
    }

    private static async Task<string> EnsurePostgresAsync(string key, BenchScale scale, bool rebuild, TextWriter log, CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer);
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = PostgresDatabase }.ToString();
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ToString();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var read = new NpgsqlCommand(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = @name", connection);
            read.Parameters.AddWithValue("name", PostgresDatabase);
            var existing = await read.ExecuteScalarAsync(cancellationToken) as string;
            if (existing == key && !rebuild)
            {
                await log.WriteLineAsync($"PostgreSQL: reusing database {PostgresDatabase} ({key})");
                return connectionString;
            }

            await Execute(connection, $"DROP DATABASE IF EXISTS {PostgresDatabase} WITH (FORCE)", cancellationToken);
            await Execute(connection, $"CREATE DATABASE {PostgresDatabase}", cancellationToken);
        }

        await MigrateAsync(Data.DatabaseProvider.Postgres, connectionString);
        await log.WriteLineAsync($"PostgreSQL: seeding database {PostgresDatabase} …");
        var report = await BenchSeeder.SeedAsync(Data.DatabaseProvider.Postgres, connectionString, scale, cancellationToken);
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            // Marked complete only now: an interrupted seeding is rebuilt next time.
            await Execute(connection, $"COMMENT ON DATABASE {PostgresDatabase} IS '{key}'", cancellationToken);
        }

        await log.WriteLineAsync($"PostgreSQL: seeded {Describe(report)}");
        return connectionString;
    }

    private static string Describe(SeedReport report) =>
        $"{string.Join(", ", report.Rows.Select(r => $"{r.Key} {r.Value:N0}"))} in {report.Elapsed.TotalSeconds:F1} s";

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
