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
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("Database:Provider must be Sqlite or Postgres.");
        }

        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"Database:Provider is Postgres but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is empty.");
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
            return ValidateOptionsResult.Fail($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not a valid {options.Provider} connection string.");
        }

        return ValidateOptionsResult.Success;
    }
}
