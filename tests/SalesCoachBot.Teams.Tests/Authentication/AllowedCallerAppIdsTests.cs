using System.Net;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Testing;
using static SalesCoachBot.Teams.Tests.Authentication.AuthenticatedBotFixture;

namespace SalesCoachBot.Teams.Tests.Authentication;

/// <summary>Bot:AllowedCallerAppIds, when set, is the whole list of apps whose Entra tokens may call the bot.</summary>
public sealed class AllowedCallerAppIdsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_EntraTokenOfConfiguredCaller_ReachesHandlerAndOthersDoNot(bool v1)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var issuer = await LocalTokenIssuer.StartAsync(time);
        var configuration = new Dictionary<string, string?>(issuer.BotConfiguration(AppId, TenantId))
        {
            ["Bot:AllowedCallerAppIds:0"] = OtherAppId,
        };
        await using var bot = await BotTestHost.StartAsync(configuration, time);

        var configured = await bot.PostWithTokenAsync(Activity(), issuer.CreateEntraToken(AppId, TenantId, v1, callerAppId: OtherAppId));
        var notListed = await bot.PostWithTokenAsync(Activity(), issuer.CreateEntraToken(AppId, TenantId, v1, callerAppId: "3f2e1d0c-aaaa-4bbb-8ccc-0123456789ab"));
        var botItself = await bot.PostWithTokenAsync(Activity(), issuer.CreateEntraToken(AppId, TenantId, v1));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (configured, notListed, botItself));
        Assert.Equal(1, bot.HandlerCalls);
    }

    [Fact]
    public async Task Post_BotConnectorToken_IsNotAffectedByTheCallerList()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var issuer = await LocalTokenIssuer.StartAsync(time);
        var configuration = new Dictionary<string, string?>(issuer.BotConfiguration(AppId, TenantId))
        {
            ["Bot:AllowedCallerAppIds:0"] = OtherAppId,
        };
        await using var bot = await BotTestHost.StartAsync(configuration, time);

        var status = await bot.PostWithTokenAsync(Activity(), issuer.CreateBotConnectorToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Post_ServiceUrlOfConfiguredHost_ReachesHandler()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var issuer = await LocalTokenIssuer.StartAsync(time);
        var configuration = new Dictionary<string, string?>(issuer.BotConfiguration(AppId, TenantId))
        {
            ["Bot:AllowedServiceUrlHosts:0"] = "https://*.botframework.com",
        };
        await using var bot = await BotTestHost.StartAsync(configuration, time);
        const string configured = "https://europe.botframework.com/";

        var allowed = await bot.PostWithTokenAsync(Activity(configured), issuer.CreateBotConnectorToken(AppId, configured));
        // The configured list replaces the default.
        var microsoftDefault = await bot.PostWithTokenAsync(Activity(), issuer.CreateBotConnectorToken(AppId, ServiceUrl));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (allowed, microsoftDefault));
        Assert.Equal(1, bot.HandlerCalls);
    }
}
