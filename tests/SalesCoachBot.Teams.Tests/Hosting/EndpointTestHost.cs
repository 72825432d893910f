using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Teams.Tests.Authentication;
using SalesCoachBot.Teams.Tests.Routing;

namespace SalesCoachBot.Teams.Tests.Hosting;

/// <summary>The real endpoint on a TestServer, with an authenticator that lets everything in and a mocked connector.</summary>
internal sealed class EndpointTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EndpointTestHost(WebApplication app, Mock<IConnectorClient> connector)
    {
        _app = app;
        Connector = connector;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public Mock<IConnectorClient> Connector { get; }

    public Calls Calls => _app.Services.GetRequiredService<Calls>();

    public RecordingLoggerProvider Logs => _app.Services.GetRequiredService<RecordingLoggerProvider>();

    public static async Task<EndpointTestHost> StartAsync(int maxBodyBytes = 256 * 1024, Action<BotRoutes>? routes = null)
    {
        // Development: the only environment where a bot without an app id starts.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var logs = new RecordingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(logs);
        builder.Configuration["Bot:MaxRequestBodyBytes"] = maxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var connector = new Mock<IConnectorClient>();
        connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("sent"));
        var authenticator = new Mock<IBotRequestAuthenticator>();
        authenticator.Setup(a => a.AuthenticateAsync(It.IsAny<string?>(), It.IsAny<Activity>(), It.IsAny<IPAddress?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(BotAuthenticationResult.Allowed(null));

        builder.Services.AddSingleton<Calls>();
        var table = builder.Services.AddTeamsBot()
            .OnCommand<LogCommand>("log")
            .OnCommand<Boom>("boom")
            .OnCardAction<CounterAction>("refresh")
            .OnCardAction<BoomAction>("boom")
            .OnActivity<InstallHandler>("installationUpdate")
            .OnFallback<Fallback>();
        routes?.Invoke(table);
        builder.Services.AddSingleton(authenticator.Object);
        builder.Services.AddSingleton(connector.Object);

        var app = builder.Build();
        app.MapTeamsBot();
        await app.StartAsync();
        return new EndpointTestHost(app, connector);
    }

    public Task<HttpResponseMessage> PostAsync(string body) =>
        Client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

internal sealed class Boom : ICommandHandler
{
    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("secret internal detail 42");
}

internal sealed class BoomAction : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("secret internal detail 43");
}
