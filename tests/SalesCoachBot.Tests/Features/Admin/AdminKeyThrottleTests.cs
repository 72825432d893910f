using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Features.Admin;

namespace SalesCoachBot.Tests.Features.Admin;

/// <summary>Wrong admin-API keys are throttled per client address (the throttle is <see cref="Security.KeyAttemptThrottle"/>).</summary>
public sealed class AdminKeyThrottleTests
{
    private const string TenantA = "tenant-a";
    private const string KeyA = "key-of-tenant-a-0123456789";

    // Friday 27 November 2026, 09:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static readonly Uri Members = new($"/api/admin/tenants/{TenantA}/members.csv", UriKind.Relative);

    private static async Task<HttpResponseMessage> GetAsync(LoggingApplication app, string key)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(AdminApiKeyFilter.KeyHeader, key);
        return await client.GetAsync(Members);
    }

    [Fact]
    public async Task Request_AfterFiveWrongKeysInAMinute_429WithRetryAfterEvenWithTheRightKeyUntilTheWindowPasses()
    {
        await using var app = new LoggingApplication();
        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await GetAsync(app, $"guess-number-{i}-abcdefghij");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            app.Time!.Advance(TimeSpan.FromSeconds(1));
        }

        using (var right = await GetAsync(app, KeyA))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
            // The window runs a minute from the first wrong key, five seconds ago.
            Assert.Equal(TimeSpan.FromSeconds(55), right.Headers.RetryAfter?.Delta);
        }

        app.Time!.Advance(TimeSpan.FromSeconds(54));
        using (var stillRefused = await GetAsync(app, KeyA))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), stillRefused.Headers.RetryAfter?.Delta);
        }

        app.Time.Advance(TimeSpan.FromSeconds(1));
        using (var afterWindow = await GetAsync(app, KeyA))
        {
            Assert.Equal(HttpStatusCode.OK, afterWindow.StatusCode);
        }

        var logs = string.Join('\n', app.Logs);
        Assert.Contains("wrong keys from one address", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("guess-number", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyA, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_RightKeysDoNotCount_FourWrongKeysAfterManyRightOnesStillLetTheRightKeyIn()
    {
        await using var app = new LoggingApplication();
        for (var i = 0; i < 10; i++)
        {
            using var right = await GetAsync(app, KeyA);
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await GetAsync(app, "a-wrong-key-0123456789");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var stillIn = await GetAsync(app, KeyA))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        // The fifth wrong key closes the door.
        using (var fifth = await GetAsync(app, "a-wrong-key-0123456789"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, fifth.StatusCode);
        }

        using var refused = await GetAsync(app, KeyA);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Request_ThrottleSettings_AreRead()
    {
        await using var app = new LoggingApplication();
        app.Settings["KeyAttempts:MaxFailures"] = "2";
        app.Settings["KeyAttempts:Window"] = "00:10:00";
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await GetAsync(app, "a-wrong-key-0123456789");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var refused = await GetAsync(app, KeyA);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), refused.Headers.RetryAfter?.Delta);
    }

    /// <summary>The app with tenant A's key, a test clock and every log message collected.</summary>
    private sealed class LoggingApplication : SalesCoachBotApplication
    {
        public LoggingApplication()
        {
            Time = new FakeTimeProvider(Now);
            Settings["Admin:ApiKeys:" + TenantA] = KeyA;
        }

        public ConcurrentQueue<string> Logs { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<ILoggerProvider>(new CollectingProvider(Logs));
    }

    private sealed class CollectingProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CollectingLogger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class CollectingLogger(ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            logs.Enqueue(formatter(state, exception) + " " + state + " " + exception);
        }
    }
}
