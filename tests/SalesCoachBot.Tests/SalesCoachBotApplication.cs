using System.Net;
using System.Security.Claims;
using System.Text;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests;

/// <summary>
/// The real Program for app-level tests: its own fresh database (temp SQLite file, or a new PostgreSQL database
/// that is dropped on dispose), local-development bot mode (no AppId), and <see cref="Connector"/> recording
/// every outbound call. Use one per test (<c>await using var app = new SalesCoachBotApplication();</c>) or one per
/// test class as a fixture; on PostgreSQL construct it inside a [SkippableFact] so a missing server skips.
/// Subclass and override <see cref="ConfigureServices"/> to swap more services (e.g. a FakeTimeProvider).
/// </summary>
public class SalesCoachBotApplication : WebApplicationFactory<Program>
{
    public SalesCoachBotApplication(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Database = TestDatabase.CreateEmptyAsync(provider).GetAwaiter().GetResult();
    }

    /// <summary>The database the app runs on (open contexts on it through <see cref="Services"/>).</summary>
    public TestDatabase Database { get; }

    /// <summary>Records what the bot sends.</summary>
    public RecordingConnectorClient Connector { get; } = new();

    /// <summary>Configuration on top of the app's own (set before the first request or <c>Services</c> use).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal) { ["Bot:AppId"] = "" };

    /// <summary>
    /// True (default): Hangfire keeps its jobs in memory, fast and gone with the host. False: the app's own storage
    /// (hangfire.db beside the test's SQLite file, or the hangfire schema of its PostgreSQL database).
    /// </summary>
    public bool InMemoryJobs { get; init; } = true;

    /// <summary>When set (before first use), the app's <see cref="TimeProvider"/>: <c>new SalesCoachBotApplication { Time = new FakeTimeProvider(...) }</c>.</summary>
    public FakeTimeProvider? Time { get; init; }

    /// <summary>A store in a new scope of the app, bound to <paramref name="tenantId"/> when given. Dispose the scope.</summary>
    public (AsyncServiceScope Scope, SalesCoachDbContext Store) NewStore(string? tenantId = null)
    {
        var scope = Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        if (tenantId is not null)
        {
            store.ForTenant(tenantId);
        }

        return (scope, store);
    }

    /// <summary>POSTs an activity to /api/messages as the local channel would.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(ActivityBuilder activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var client = CreateClient();
        using var content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Added last, so it wins over appsettings and environment; the app reads options lazily, so it applies.
        builder.ConfigureAppConfiguration(configuration =>
        {
            var values = new Dictionary<string, string?>(Database.ConfigurationValues(), StringComparer.Ordinal);
            foreach (var (key, value) in Settings)
            {
                values[key] = value;
            }

            configuration.AddInMemoryCollection(values);
        });
        builder.ConfigureTestServices(services =>
        {
            if (Time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }

            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);

            if (InMemoryJobs)
            {
                // Replaces the app's database storage; a factory so the host disposes it with itself.
                services.RemoveAll<JobStorage>();
                services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions()));
            }

            services.AddSingleton<IStartupFilter, LoopbackClientAddress>();
            ConfigureServices(services);
        });
    }

    /// <summary>TestServer leaves the client address empty; the bot treats its callers as if on loopback Kestrel.</summary>
    private sealed class LoopbackClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
