using System.Net;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Authentication;

/// <summary>A bot without a configured tenant trusts no Entra tenant at all.</summary>
public sealed class EntraWithoutTenantTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_EntraTokenWhenNoTenantConfigured_IsUnauthorized(bool v1)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var issuer = await LocalTokenIssuer.StartAsync(time);
        await using var bot = await BotTestHost.StartAsync(issuer.BotConfiguration(AuthenticatedBotFixture.AppId, tenantId: null), time);

        var status = await bot.PostWithTokenAsync(AuthenticatedBotFixture.Activity(),
            issuer.CreateEntraToken(AuthenticatedBotFixture.AppId, AuthenticatedBotFixture.TenantId, v1));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, bot.HandlerCalls);
        Assert.Equal(0, issuer.EntraMetadataRequests);
    }
}
