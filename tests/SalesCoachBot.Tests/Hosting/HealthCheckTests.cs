using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SalesCoachBot.Data;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>
/// /healthz/ready says whether this instance can serve (store reachable and migrated, job storage reachable, signing
/// keys loaded); /healthz/live and its alias /healthz only that the process answers.
/// </summary>
public sealed class HealthCheckTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Ready_AppUp_Is200WithEveryCheckHealthy(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);

        var (status, body) = await GetAsync(app, "/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal(["jobs", "signing-keys", "store"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Ready_DatabaseGone_Is503WhileLiveStays200(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        _ = app.Services;
        await TakeDatabaseAwayAsync(app.Database);

        var (status, body) = await GetAsync(app, "/healthz/ready");
        var (liveStatus, _) = await GetAsync(app, "/healthz/live");
        var (aliasStatus, _) = await GetAsync(app, "/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var store = body.GetProperty("checks").GetProperty("store");
        Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
        Assert.Equal("The database cannot be reached.", store.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal(HttpStatusCode.OK, aliasStatus);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Ready_MigrationPending_Is503NamingIt(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        var (scope, store) = app.NewStore();
        await using (scope)
        {
            // As if this instance's code were newer than the schema: its latest migration is not recorded as applied.
            var latest = store.Database.GetMigrations().Last();
            var history = store.GetService<IHistoryRepository>();
            await store.Database.ExecuteSqlRawAsync(history.GetDeleteScript(latest));
        }

        var (status, body) = await GetAsync(app, "/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("The database has 1 pending migration(s).",
            body.GetProperty("checks").GetProperty("store").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Ready_AppIdSetAndSigningKeysUnreachable_Is503()
    {
        await using var app = new SalesCoachBotApplication();
        app.Settings["Bot:AppId"] = "00000000-0000-0000-0000-000000000001";
        app.Settings["Bot:ClientSecret"] = "test-secret";
        app.Settings["Bot:RequireHttpsMetadata"] = "false";
        // Nothing listens on the discard port: the fetch is refused at once.
        app.Settings["Bot:BotConnectorOpenIdMetadataUrl"] = "http://127.0.0.1:9/.well-known/openidconfiguration";

        var (status, body) = await GetAsync(app, "/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("signing-keys").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.DoesNotContain("test-secret", body.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(SalesCoachBotApplication app, string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task TakeDatabaseAwayAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await using var admin = new NpgsqlConnection(TestRequirements.Postgres());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
