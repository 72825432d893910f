using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Hosting;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Data;

/// <summary>
/// A fresh, migrated database for one test: a temp SQLite file, or a uniquely named PostgreSQL database (skips
/// without SALESCOACH_TEST_POSTGRES). <see cref="Services"/> is the app's real store registration on fake time;
/// <see cref="RestartAsync"/> builds a new one on the same database, as a process restart would.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresAdmin;
    private string? _postgresDatabase;

    private TestDatabase(DatabaseProvider provider) => Provider = provider;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; private set; } = "";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; private set; } = null!;

    /// <summary>Extra configuration for the next <see cref="RestartAsync"/> or app host.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = new TestDatabase(provider);
        await database.CreateEmptyAsync();
        database.Services = database.BuildServices();
        await database.Services.MigrateDatabaseAsync();
        return database;
    }

    /// <summary>Creates the empty database (no services, no migrations), for app hosts that migrate it themselves.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        var database = new TestDatabase(provider);
        await database.CreateEmptyAsync();
        return database;
    }

    public IReadOnlyDictionary<string, string?> ConfigurationValues() =>
        new Dictionary<string, string?>(Settings, StringComparer.Ordinal)
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:SalesCoach"] = ConnectionString,
        };

    public AsyncServiceScope NewScope() => Services.CreateAsyncScope();

    /// <summary>A context in a new scope, bound to <paramref name="tenantId"/> when given. Dispose the scope.</summary>
    public (AsyncServiceScope Scope, SalesCoachDbContext Store) NewStore(string? tenantId = null)
    {
        var scope = NewScope();
        var store = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        if (tenantId is not null)
        {
            store.ForTenant(tenantId);
        }

        return (scope, store);
    }

    public async Task RestartAsync()
    {
        await Services.DisposeAsync();
        ClearPools();
        Services = BuildServices();
        await Services.MigrateDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Services is not null)
        {
            await Services.DisposeAsync();
        }

        ClearPools();
        if (_postgresDatabase is not null)
        {
            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temp folder is cleaned by the OS.
        }
    }

    private ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ConfigurationValues()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSalesCoachStore(_folder);
        services.AddSalesKernel().AddContacts();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private async Task CreateEmptyAsync()
    {
        Directory.CreateDirectory(_folder);
        if (Provider == DatabaseProvider.Sqlite)
        {
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "salescoach.db") }.ToString();
            return;
        }

        _postgresAdmin = TestRequirements.Postgres();
        _postgresDatabase = "salescoach_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(_postgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresDatabase }.ToString();
    }

    private void ClearPools()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }
    }
}
