using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Authentication;

/// <summary>No app id: only loopback callers with a loopback serviceUrl, and a warning at start.</summary>
public sealed class LocalDevelopmentAuthenticationTests
{
    private static readonly Dictionary<string, string?> NoAppId = new() { ["Bot:AppId"] = "" };

    [Fact]
    public async Task Post_LoopbackCallerWithLoopbackServiceUrl_ReachesHandler()
    {
        await using var bot = await BotTestHost.StartAsync(NoAppId);

        var status = await bot.PostAsync(ActivityBuilder.Message("ping").WithServiceUrl(ActivityBuilder.LoopbackServiceUrl).ToJson(), null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, bot.HandlerCalls);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://localhost.attacker.example/_connector")]
    [InlineData("http://10.0.0.5:56150/_connector")]
    public async Task Post_NonLoopbackServiceUrl_IsRefused(string serviceUrl)
    {
        await using var bot = await BotTestHost.StartAsync(NoAppId);

        var status = await bot.PostAsync(ActivityBuilder.Message("ping").WithServiceUrl(serviceUrl).ToJson(), null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, bot.HandlerCalls);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task Post_InvalidServiceUrl_IsRejectedAsBadInput(string serviceUrl)
    {
        await using var bot = await BotTestHost.StartAsync(NoAppId);

        var status = await bot.PostAsync(ActivityBuilder.Message("ping").WithServiceUrl(serviceUrl).ToJson(), null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(0, bot.HandlerCalls);
    }

    [Fact]
    public async Task Start_WithoutAppId_LogsWarning()
    {
        await using var bot = await BotTestHost.StartAsync(NoAppId);

        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("WITHOUT authentication", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Start_WithoutAppIdOutsideDevelopment_RefusesWithOneLineSayingWhatToSet(string environment)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestHost.StartAsync(NoAppId, environment: environment));

        Assert.DoesNotContain('\n', failure.Message);
        Assert.Contains("set Bot:AppId, Bot:ClientSecret and Bot:TenantId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HttpMetadataOutsideDevelopment_Refuses()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var issuer = await LocalTokenIssuer.StartAsync(time);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestHost.StartAsync(issuer.BotConfiguration("app-id"), time, "Production"));

        Assert.Contains("Bot:RequireHttpsMetadata=false", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_WithoutAppId_ReturnsNull()
    {
        await using var bot = await BotTestHost.StartAsync(NoAppId);

        var provider = bot.Services.GetRequiredService<IBotTokenProvider>();

        Assert.IsType<MsalBotTokenProvider>(provider);
        Assert.Null(await provider.GetTokenAsync());
    }

    [Fact]
    public async Task Start_WithAppId_LogsNoWarning()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var issuer = await LocalTokenIssuer.StartAsync(time);
        await using var bot = await BotTestHost.StartAsync(issuer.BotConfiguration("app-id"), time);

        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains("WITHOUT authentication", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1", "http://localhost:56150/_connector", BotAuthenticationStatus.Allowed)]
    [InlineData("::1", "http://[::1]:56150/_connector", BotAuthenticationStatus.Allowed)]
    [InlineData("::ffff:127.0.0.1", "http://127.0.0.1:56150/_connector", BotAuthenticationStatus.Allowed)]
    [InlineData(null, "http://127.0.0.1:56150/_connector", BotAuthenticationStatus.Unauthorized)]
    [InlineData("203.0.113.7", "http://127.0.0.1:56150/_connector", BotAuthenticationStatus.Unauthorized)]
    [InlineData("192.168.1.20", "http://localhost:56150/_connector", BotAuthenticationStatus.Unauthorized)]
    [InlineData(null, "https://smba.trafficmanager.net/emea/", BotAuthenticationStatus.Unauthorized)]
    [InlineData("127.0.0.1", null, BotAuthenticationStatus.Unauthorized)]
    public async Task AuthenticateAsync_LocalDevelopment_AllowsOnlyLoopback(string? remoteAddress, string? serviceUrl, BotAuthenticationStatus expected)
    {
        using var authenticator = new BotRequestAuthenticator(Options.Create(new TeamsBotOptions()), Mock.Of<IHttpClientFactory>(),
            new FakeTimeProvider(), NullLogger<BotRequestAuthenticator>.Instance);

        var activity = new Activities.Activity { Type = "message", ServiceUrl = serviceUrl, ChannelId = "msteams" };

        var result = await authenticator.AuthenticateAsync(null, activity, remoteAddress is null ? null : IPAddress.Parse(remoteAddress));

        Assert.Equal(expected, result.Status);
    }
}
