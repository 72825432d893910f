using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Teams.Tests.Authentication;

/// <summary>
/// The real messaging endpoint on Kestrel (127.0.0.1, random port) with one recording "ping" command handler,
/// so a test can see both the HTTP status and whether the request got past authentication.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestHost(WebApplication app, string baseUrl)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>How many turns reached the handler.</summary>
    public int HandlerCalls => _app.Services.GetRequiredService<HandlerCallCounter>().Count;

    public RecordingLoggerProvider Logs => _app.Services.GetRequiredService<RecordingLoggerProvider>();

    /// <summary>
    /// Starts the bot in <paramref name="environment"/>: Development by default, the only one where the local issuer's
    /// http metadata and the no-app-id mode are accepted.
    /// </summary>
    public static async Task<BotTestHost> StartAsync(IReadOnlyDictionary<string, string?> configuration, TimeProvider? time = null,
        string environment = "Development")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment, Args = [] });
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddTeamsBot().OnCommand<RecordingPingHandler>("ping");
        builder.Services.AddSingleton<HandlerCallCounter>();
        builder.Services.AddSingleton(logs);
        // Nothing is sent in these tests; the endpoint only needs some connector to start.
        builder.Services.AddSingleton(new Mock<IConnectorClient>(MockBehavior.Strict).Object);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var app = builder.Build();
        app.MapTeamsBot();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotTestHost(app, address);
    }

    public async Task<HttpStatusCode> PostAsync(string activityJson, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activityJson, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }

    public Task<HttpStatusCode> PostWithTokenAsync(string activityJson, string token) =>
        PostAsync(activityJson, new AuthenticationHeaderValue("Bearer", token).ToString());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

public sealed class HandlerCallCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Record() => Interlocked.Increment(ref _count);
}

public sealed class RecordingPingHandler(HandlerCallCounter counter) : ICommandHandler
{
    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        counter.Record();
        return Task.CompletedTask;
    }
}

/// <summary>Keeps every log line, to check what was (and was not) logged.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider._entries.Enqueue((logLevel, category, formatter(state, exception), exception));
    }
}
