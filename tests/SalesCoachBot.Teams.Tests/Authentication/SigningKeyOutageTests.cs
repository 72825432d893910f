using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Authentication;

public sealed class SigningKeyOutageTests
{
    [Fact]
    public async Task Post_MetadataUnreachable_IsUnauthorizedAndLogged()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var issuer = await LocalTokenIssuer.StartAsync(time);
        var configuration = new Dictionary<string, string?>(issuer.BotConfiguration(AuthenticatedBotFixture.AppId))
        {
            ["Bot:BotConnectorOpenIdMetadataUrl"] = issuer.BaseUrl + "/no-such-metadata",
        };
        await using var bot = await BotTestHost.StartAsync(configuration, time);

        var status = await bot.PostWithTokenAsync(AuthenticatedBotFixture.Activity(),
            issuer.CreateBotConnectorToken(AuthenticatedBotFixture.AppId, AuthenticatedBotFixture.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, bot.HandlerCalls);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("Could not fetch signing keys", StringComparison.Ordinal));
    }
}
