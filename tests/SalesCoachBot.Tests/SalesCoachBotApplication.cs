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
using SalesCoachBot.Data;
using SalesCoachBot.Messaging;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests;

/// <summary>
/// The real Program for app-level tests: its own fresh database (temp SQLite file, or a new PostgreSQL database
/// that is dropped on dispose), local-development bot mode (no AppId), and the app's real connector client talking
/// HTTP to <see cref="Connector"/>, a <see cref="FakeConnectorServer"/> that records every outbound call (so the
/// wire JSON, headers and Teams' rate limits are what tests see). Use one per test
/// (<c>await using var app = new SalesCoachBotApplication();</c>) or one per test class as a fixture; on PostgreSQL
/// construct it inside a [SkippableFact] so a missing server skips. Talk to it with <see cref="Chat"/>.
/// Subclass and override <see cref="ConfigureServices"/> to swap more services (e.g. a FakeTimeProvider).
/// </summary>
public class SalesCoachBotApplication : WebApplicationFactory<Program>
{
    // Frozen: without a Time of its own the app runs on the system clock, but the fake's limit windows must not.
    private static readonly DateTimeOffset ConnectorEpoch = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly Lazy<FakeConnectorServer> _connector;

    public SalesCoachBotApplication(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Database = TestDatabase.CreateEmptyAsync(provider).GetAwaiter().GetResult();
        // Started on first use, after the init properties (Time, ConnectorSettings) are set.
        _connector = new(() => FakeConnectorServer.StartAsync(ConnectorSettings ?? new FakeConnectorOptions
        {
            TimeProvider = Time ?? (TimeProvider)new FakeTimeProvider(ConnectorEpoch),
        }).GetAwaiter().GetResult());
    }

    /// <summary>The database the app runs on (open contexts on it through <see cref="Services"/>).</summary>
    public TestDatabase Database { get; }

    /// <summary>
    /// The Teams connector the bot talks to over HTTP: records what the bot sends (<see cref="FakeConnectorServer.SentActivities"/>,
    /// <see cref="FakeConnectorServer.Updated"/>, <see cref="FakeConnectorServer.Requests"/>), serves rosters
    /// (<see cref="FakeConnectorServer.SetMembers"/>) and fails on request (<see cref="FakeConnectorServer.FailNext"/>).
    /// Activities posted with <see cref="ActivityBuilder.LoopbackServiceUrl"/> are pointed at it.
    /// </summary>
    public FakeConnectorServer Connector => _connector.Value;

    /// <summary>
    /// Settings of <see cref="Connector"/> (before first use). By default it enforces Teams' rate limits on the app's
    /// <see cref="Time"/>, or on a frozen clock when the app has none: a test that bursts past them fails.
    /// </summary>
    public FakeConnectorOptions? ConnectorSettings { get; init; }

    /// <summary>Configuration on top of the app's own (set before the first request or <c>Services</c> use).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["Bot:AppId"] = "",
        // Tests assert on the exception a bad setting causes; the real process prints it as one line and exits 1.
        ["Hosting:ThrowSettingsErrors"] = "true",
        // The fake connector enforces Teams' limits; the client's own pacing and retries would only wait on the
        // (often frozen) test clock, so a throttled or failed call surfaces at once as a ConnectorException.
        ["Bot:Connector:RateLimitingEnabled"] = "false",
        ["Bot:Connector:MaxAttempts"] = "1",
        ["Bot:Connector:AttemptTimeout"] = "-00:00:00.001",
    };

    /// <summary>
    /// True (default): Hangfire keeps its jobs in memory, fast and gone with the host. False: the app's own storage
    /// (hangfire.db beside the test's SQLite file, or the hangfire schema of its PostgreSQL database).
    /// </summary>
    public bool InMemoryJobs { get; init; } = true;

    /// <summary>When set (before first use), the app's <see cref="TimeProvider"/>: <c>new SalesCoachBotApplication { Time = new FakeTimeProvider(...) }</c>.</summary>
    public FakeTimeProvider? Time { get; init; }

    /// <summary>
    /// Moves <see cref="Time"/> to <paramref name="now"/> and wakes the outbox dispatcher, so messages due by then go out.
    /// Setting the clock alone races the dispatcher: if it reads the time just before the jump and starts its poll wait
    /// just after, the wait is measured from the new time and never ends on a clock that does not move again.
    /// </summary>
    public void MoveClockTo(DateTimeOffset now)
    {
        (Time ?? throw new InvalidOperationException("The app has no fake clock.")).SetUtcNow(now);
        Services.GetRequiredService<OutboxSignal>().Pulse();
    }

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

    /// <summary>A chat with the bot: send activities, get back what the bot sent during each turn.</summary>
    public Chat Chat(bool allowFailedTurns = false) => new(this) { AllowFailedTurns = allowFailedTurns };

    /// <summary>
    /// POSTs an activity to /api/messages as the local channel would; one naming the default
    /// <see cref="ActivityBuilder.LoopbackServiceUrl"/> is pointed at <see cref="Connector"/> first.
    /// </summary>
    public async Task<HttpResponseMessage> PostActivityAsync(ActivityBuilder activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ServiceUrl == ActivityBuilder.LoopbackServiceUrl)
        {
            activity.WithServiceUrl(Connector.ServiceUrl);
        }

        using var client = CreateClient();
        using var content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connector.IsValueCreated)
        {
            await _connector.Value.DisposeAsync();
        }

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

            // The app's own connector client (IConnectorClient) stays: it reaches Connector through the service URL.
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
