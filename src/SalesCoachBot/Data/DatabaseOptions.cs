using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// "Database" section plus ConnectionStrings:SalesCoach. The connection string may hold a password: it comes from
/// configuration or environment only and is never logged.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "SalesCoach";

    /// <summary>Sqlite (default, a file beside the app) or Postgres (several instances sharing one server).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>From ConnectionStrings:SalesCoach. Empty on SQLite = data/salescoach.db in the content root.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Filled from the host's content root at registration, for the default SQLite file.</summary>
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    /// <summary>The connection string the provider gets.</summary>
    public string ResolveConnectionString() =>
        !string.IsNullOrWhiteSpace(ConnectionString)
            ? ConnectionString
            : new SqliteConnectionStringBuilder { DataSource = Path.Combine(ContentRootPath, "data", "salescoach.db") }.ToString();
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private const string Setting = "ConnectionStrings:" + DatabaseOptions.ConnectionStringName;

    /// <summary>Examples in the messages; values, which may hold a password, are never echoed.</summary>
    private const string SqliteExample = Setting + "=Data Source=data/salescoach.db";
    private const string PostgresExample = Setting + "=Host=db.example.com;Database=salescoach;Username=salescoach;Password=...";

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("Database:Provider must be Sqlite or Postgres, e.g. Database:Provider=Sqlite.");
        }

        var example = options.Provider == DatabaseProvider.Sqlite ? SqliteExample : PostgresExample;
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"Database:Provider is Postgres but {Setting} is empty: set it, e.g. {example}.");
        }

        // A bare path or a postgres:// URL has no key=value pair; both providers want the keyword form.
        if (!string.IsNullOrWhiteSpace(options.ConnectionString) && !options.ConnectionString.Contains('=', StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} looks like a file path or URL, not a {options.Provider} connection string: write key=value pairs, e.g. {example}.");
        }

        // Parse without echoing the value: a malformed string may still carry a password.
        try
        {
            _ = options.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(options.ResolveConnectionString()).DataSource
                : new Npgsql.NpgsqlConnectionStringBuilder(options.ResolveConnectionString()).Host;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail($"{Setting} is not a valid {options.Provider} connection string: e.g. {example}.");
        }

        return ValidateOptionsResult.Success;
    }
}
