using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SalesCoachBot.Data;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Scheduling;

public sealed class SchedulingApplicationTests
{
    [Fact]
    public async Task Boot_StorageRegisteredByTest_RunsEnqueuedJob()
    {
        await using var app = new SchedulingApplication();

        Assert.IsType<InMemoryStorage>(app.Services.GetRequiredService<JobStorage>());
        await AssertRunsJobAsync(app);
    }

    [Fact]
    public async Task Boot_SqliteStorage_RunsEnqueuedJobFromFileBesideDatabase()
    {
        await using var app = new SchedulingApplication { InMemoryJobs = false };

        Assert.IsType<SQLiteStorage>(app.Services.GetRequiredService<JobStorage>());
        await AssertRunsJobAsync(app);
        var appFolder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource)!;
        Assert.True(File.Exists(Path.Combine(appFolder, "hangfire.db")));
    }

    [SkippableFact]
    public async Task Boot_PostgresStorage_RunsEnqueuedJobInHangfireSchema()
    {
        await using var app = new SchedulingApplication(DatabaseProvider.Postgres) { InMemoryJobs = false };

        var storage = Assert.IsType<PostgreSqlStorage>(app.Services.GetRequiredService<JobStorage>());
        // Hangfire logs and shows this description at start: it must not carry the connection string's password.
        Assert.DoesNotContain("password", storage.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Password!, storage.ToString(), StringComparison.Ordinal);
        await AssertRunsJobAsync(app);
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.job", connection);
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task Boot_Disabled_EnqueuesButRunsNothing()
    {
        await using var app = new SchedulingApplication();
        app.Settings["Scheduling:Enabled"] = "false";

        var token = Guid.NewGuid().ToString("N");
        var probe = ProbeJob.Expect(token);
        var jobId = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProbeJob>(job => job.Run(token));

        // Nothing processes the queue: the job stays enqueued.
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Equal("Enqueued", connection.GetStateData(jobId).Name);
        Assert.False(probe.IsCompleted);
    }

    [Fact]
    public async Task Boot_Default_RegistersOutboxCleanupRecurringJob()
    {
        await using var app = new SchedulingApplication();
        _ = app.Services; // starts the host, which applies the recurring jobs

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetAllEntriesFromHash("recurring-job:" + OutboxCleanupJob.RecurringJobId);
        Assert.NotNull(job);
        Assert.Equal(OutboxCleanupJob.Cron, job["Cron"]);
        Assert.Equal("UTC", job["TimeZoneId"]);
    }

    [Fact]
    public async Task Dashboard_LocalCallerNoKeyConfigured_Opens()
    {
        await using var app = new SchedulingApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_RemoteCallerNoKeyConfigured_Refused()
    {
        await using var app = new SchedulingApplication();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(RemoteAddress.Header, "203.0.113.7");

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_UnknownCallerAddressNoKeyConfigured_Refused()
    {
        await using var app = new SchedulingApplication();
        using var client = app.CreateClient();
        // A Unix socket or named pipe: no address, so not loopback.
        client.DefaultRequestHeaders.Add(RemoteAddress.Header, RemoteAddress.Unknown);

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_LocalCallerNoKeyOutsideDevelopment_Refused()
    {
        await using var app = new SchedulingApplication(environment: "Production");
        // Outside Development the bot needs an app id to start at all.
        app.Settings["Bot:AppId"] = "5c4a7a3e-0f7b-4bd1-9a41-8d5e2f6c1b20";
        app.Settings["Bot:ClientSecret"] = "not-used";
        // ... and a key for export links.
        app.Settings["Exports:SigningKey"] = "export-links-signing-key-for-this-test-0001";
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData("dash-secret-1", HttpStatusCode.OK)]
    public async Task Dashboard_RemoteCallerWithKeyConfigured_NeedsTheKey(string? presented, HttpStatusCode expected)
    {
        await using var app = new SchedulingApplication();
        app.Settings["Scheduling:DashboardKey"] = "dash-secret-1";
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(RemoteAddress.Header, "203.0.113.7");
        if (presented is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + presented)));
        }

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dashboard_LocalCallerWithKeyConfigured_NeedsTheKeyToo()
    {
        await using var app = new SchedulingApplication();
        app.Settings["Scheduling:DashboardKey"] = "dash-secret-1";
        using var client = app.CreateClient();

        using var without = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        client.DefaultRequestHeaders.Add("X-Api-Key", "dash-secret-1");
        using var with = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task Dashboard_FiveWrongKeysFromOneAddress_429WithRetryAfterForThatAddressOnlyUntilTheWindowPasses()
    {
        // Friday 27 November 2026, 09:00 UTC.
        await using var app = new SchedulingApplication { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)) };
        app.Settings["Scheduling:DashboardKey"] = "dash-secret-1";
        async Task<HttpResponseMessage> VisitAsync(string address, string? key)
        {
            using var client = app.CreateClient();
            client.DefaultRequestHeaders.Add(RemoteAddress.Header, address);
            if (key is not null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + key)));
            }

            return await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        }

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await VisitAsync("203.0.113.7", "guess-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            // A browser's visit without a key is not a guess and never counts.
            using var keyless = await VisitAsync("198.51.100.9", null);
            Assert.Equal(HttpStatusCode.Unauthorized, keyless.StatusCode);
        }

        using (var right = await VisitAsync("203.0.113.7", "dash-secret-1"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
            Assert.Equal(TimeSpan.FromMinutes(1), right.Headers.RetryAfter?.Delta);
        }

        using (var otherAddress = await VisitAsync("198.51.100.9", "dash-secret-1"))
        {
            Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        }

        app.Time!.Advance(TimeSpan.FromMinutes(1));
        using var afterWindow = await VisitAsync("203.0.113.7", "dash-secret-1");
        Assert.Equal(HttpStatusCode.OK, afterWindow.StatusCode);
    }

    private static async Task AssertRunsJobAsync(SalesCoachBotApplication app)
    {
        var token = Guid.NewGuid().ToString("N");
        var probe = ProbeJob.Expect(token);

        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProbeJob>(job => job.Run(token));

        Assert.Equal(token, await probe.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    /// <summary>A job the tests enqueue through the real client; it reports its argument back (resolved from DI like any job).</summary>
    public sealed class ProbeJob
    {
        private static readonly ConcurrentDictionary<string, TaskCompletionSource<string>> Waiting = new(StringComparer.Ordinal);

        public static Task<string> Expect(string token) =>
            Waiting.GetOrAdd(token, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Hangfire activates an instance, as for real jobs.")]
        public void Run(string token)
        {
            if (Waiting.TryGetValue(token, out var waiter))
            {
                waiter.TrySetResult(token);
            }
        }
    }

    /// <summary>The app with fast queue polling and a test header that sets the caller's address.</summary>
    private sealed class SchedulingApplication(DatabaseProvider provider = DatabaseProvider.Sqlite, string environment = "Development")
        : SalesCoachBotApplication(provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Settings["Scheduling:QueuePollInterval"] = "00:00:00.200";
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter, RemoteAddress>();
    }

    private sealed class RemoteAddress : IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        /// <summary>Header value for a caller without an IP address (a Unix socket or named pipe).</summary>
        public const string Unknown = "unknown";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = address.ToString() == Unknown ? null : IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
