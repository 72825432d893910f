using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Tests.Connector;

/// <summary>Builds the connector client the way the app does (AddBotConnector), with a chosen clock and settings.</summary>
internal sealed class ConnectorTestHost : IDisposable
{
    public const string Token = "test-access-token";

    private readonly ServiceProvider _services;

    /// <param name="bot">
    /// The bot's settings; by default none (local-development mode), whose service URL allow-list takes the fake
    /// connector's loopback http.
    /// </param>
    public ConnectorTestHost(TimeProvider time, Action<ConnectorOptions>? configure = null, string? token = Token, Func<string?>? tokenSource = null,
        Action<TeamsBotOptions>? bot = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(time);
        var tokens = new Mock<IBotTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(tokenSource ?? (() => token));
        services.AddSingleton(tokens.Object);
        services.AddBotConnector();
        if (bot is not null)
        {
            services.Configure(bot);
        }

        services.Configure<ConnectorOptions>(options =>
        {
            // Tests pick their timers deliberately; an attempt timeout would add one to every call.
            options.AttemptTimeout = Timeout.InfiniteTimeSpan;
            configure?.Invoke(options);
        });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public ConnectorRateLimiter Limiter => _services.GetRequiredService<ConnectorRateLimiter>();

    public void Dispose() => _services.Dispose();
}
