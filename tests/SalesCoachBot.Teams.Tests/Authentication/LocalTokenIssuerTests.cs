using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Authentication;

/// <summary>The shared issuer double, used directly against the authenticator (no endpoint).</summary>
public sealed class LocalTokenIssuerTests
{
    [Fact]
    public async Task ConfigureBot_GenuineToken_IsAllowedWithItsClaims()
    {
        // Minted and checked on one fake clock.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var issuer = await LocalTokenIssuer.StartAsync(time);
        var options = new TeamsBotOptions();
        issuer.ConfigureBot(options, "app-direct", tenantId: "tenant-direct");
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        using var authenticator = new BotRequestAuthenticator(Options.Create(options), services.GetRequiredService<IHttpClientFactory>(),
            time, NullLogger<BotRequestAuthenticator>.Instance);

        var result = await authenticator.AuthenticateAsync(
            "Bearer " + issuer.CreateBotConnectorToken("app-direct", "https://smba.example/amer/"),
            new Activities.Activity { Type = "message", ServiceUrl = "https://smba.example/amer/", ChannelId = "msteams" },
            IPAddress.Parse("198.51.100.4"));

        Assert.Equal(BotAuthenticationStatus.Allowed, result.Status);
        Assert.Equal("https://smba.example/amer/", result.Identity!.FindFirst("serviceurl")!.Value);
        Assert.Equal("app-direct", result.Identity.FindFirst("aud")!.Value);
        Assert.Equal(1, issuer.BotConnectorMetadataRequests);
    }

    [Fact]
    public async Task BotConfiguration_MatchesConfigureBot()
    {
        await using var issuer = await LocalTokenIssuer.StartAsync(new FakeTimeProvider());
        var options = new TeamsBotOptions();
        issuer.ConfigureBot(options, "app", "tenant");

        var configuration = issuer.BotConfiguration("app", "tenant");

        Assert.Equal(options.AppId, configuration["Bot:AppId"]);
        Assert.Equal(options.TenantId, configuration["Bot:TenantId"]);
        Assert.Equal(options.ClientSecret, configuration["Bot:ClientSecret"]);
        Assert.Equal(options.BotConnectorOpenIdMetadataUrl, configuration["Bot:BotConnectorOpenIdMetadataUrl"]);
        Assert.Equal(options.EntraOpenIdMetadataUrlTemplate, configuration["Bot:EntraOpenIdMetadataUrlTemplate"]);
        Assert.StartsWith("http://127.0.0.1:", options.BotConnectorOpenIdMetadataUrl, StringComparison.Ordinal);
        Assert.False(options.RequireHttpsMetadata);
    }
}
