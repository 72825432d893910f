using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Authentication;

/// <summary>HasSigningKeysAsync, behind the app's readiness check: true once the issuer's keys are loaded, false while they cannot be.</summary>
public sealed class SigningKeyReadinessTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HasSigningKeys_BeforeAnyMessage_IsWhetherTheIssuerGaveKeys(bool expected)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var issuer = await LocalTokenIssuer.StartAsync(time);
        var configuration = new Dictionary<string, string?>(issuer.BotConfiguration(AuthenticatedBotFixture.AppId));
        if (!expected)
        {
            configuration["Bot:BotConnectorOpenIdMetadataUrl"] = issuer.BaseUrl + "/no-such-metadata";
        }

        await using var bot = await BotTestHost.StartAsync(configuration, time);
        var authenticator = bot.Services.GetRequiredService<IBotRequestAuthenticator>();

        Assert.Equal(expected, await authenticator.HasSigningKeysAsync());
    }
}
