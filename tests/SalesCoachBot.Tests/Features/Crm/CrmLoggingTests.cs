using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Features.Crm;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.Crm;

public sealed class CrmLoggingTests
{
    private const string Secret = "logging-secret-never-in-logs-42";
    private const string OwnerEmail = "unknown.owner@contoso.com";
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Receive_UnknownOwnerAndBadSignature_LogsNeitherEmailNorSecret()
    {
        await using var app = new LoggingApplication { Time = new FakeTimeProvider(Now) };
        app.Settings["Crm:Sources:contoso:Tenant"] = ActivityBuilder.DefaultTenant;
        app.Settings["Crm:Sources:contoso:Secret"] = Secret;
        await app.PostActivityAsync(ActivityBuilder.Message("help").InPersonalChat());
        var body = CrmSamples.Generic("evt-log", "D-log", 5_000m, owner: OwnerEmail);

        using var unknown = await SendAsync(app, body, Secret);
        using var forged = await SendAsync(app, body, Secret + "-wrong");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Unauthorized), (unknown.StatusCode, forged.StatusCode));
        var lines = app.Logs.ToArray();
        Assert.Contains(lines, l => l.Contains("no member has the owner's e-mail", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("refused: Mismatch", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(OwnerEmail, StringComparison.OrdinalIgnoreCase) || l.Contains(Secret, StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> SendAsync(SalesCoachBotApplication app, string body, string secret)
    {
        using var client = app.CreateClient();
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/crm/contoso/events", UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Headers.Add(CrmSignature.TimestampHeader, timestamp);
        request.Headers.Add(CrmSignature.SignatureHeader, CrmSignature.Sign(secret, timestamp, bytes));
        return await client.SendAsync(request);
    }

    /// <summary>The app with every log message (all levels, formatted, with exceptions) collected.</summary>
    private sealed class LoggingApplication : SalesCoachBotApplication
    {
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
