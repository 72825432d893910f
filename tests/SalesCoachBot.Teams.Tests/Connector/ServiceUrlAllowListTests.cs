using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Tests.Connector;

public sealed class ServiceUrlAllowListTests
{
    private static ServiceUrlAllowList For(string? appId, params string[] hosts) =>
        new(Options.Create(new TeamsBotOptions { AppId = appId, AllowedServiceUrlHosts = hosts }));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://SMBA.TrafficManager.net/amer", true)]
    [InlineData("https://smba.trafficmanager.net:443/apac/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams", true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams", true)]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams", true)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/emea/", false)]
    [InlineData("https://smba.trafficmanager.net.attacker.example/", false)]
    [InlineData("https://attacker.example/smba.trafficmanager.net/", false)]
    [InlineData("https://smba.trafficmanager.net@attacker.example/", false)]
    [InlineData("https://user:pw@smba.trafficmanager.net/emea/", false)]
    [InlineData("https://x.smba.trafficmanager.net/", false)]
    [InlineData("http://127.0.0.1:56150/_connector", false)]
    [InlineData("http://localhost:3978/", false)]
    [InlineData("ftp://smba.trafficmanager.net/", false)]
    [InlineData("not a url", false)]
    [InlineData(null, false)]
    public void IsAllowed_DefaultWithAppId_MicrosoftTeamsHostsOverHttpsOnly(string? serviceUrl, bool expected)
    {
        Assert.Equal(expected, For("app").IsAllowed(serviceUrl));
    }

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector", true)]
    [InlineData("http://localhost:3978/", true)]
    [InlineData("http://[::1]:56150/", true)]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("http://10.0.0.5:56150/_connector", false)]
    [InlineData("http://localhost.attacker.example/", false)]
    public void IsAllowed_DefaultInLocalDevelopment_AddsLoopbackHttp(string serviceUrl, bool expected)
    {
        Assert.Equal(expected, For(null).IsAllowed(serviceUrl));
    }

    [Theory]
    [InlineData("https://europe.botframework.com/", true)]
    [InlineData("https://EUROPE.botframework.com.", true)]
    [InlineData("https://botframework.com/", false)]
    [InlineData("https://a.b.botframework.com/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("http://europe.botframework.com/", false)]
    [InlineData("http://127.0.0.1:1/", true)]
    [InlineData("http://127.0.0.1:65535/x", true)]
    [InlineData("https://127.0.0.1:5001/", false)]
    [InlineData("http://localhost:3978/", false)]
    [InlineData("https://smba.trafficmanager.net/emea/", false)]
    public void IsAllowed_ConfiguredPatterns_WildcardLabelAndPort(string serviceUrl, bool expected)
    {
        Assert.Equal(expected, For("app", "https://*.botframework.com", "http://127.0.0.1:*").IsAllowed(serviceUrl));
    }

    [Fact]
    public void IsAllowed_ExplicitPort_MatchesThatPortOnly()
    {
        var list = For("app", "https://connector.contoso.example:8443/");

        Assert.True(list.IsAllowed("https://connector.contoso.example:8443/v3/"));
        Assert.False(list.IsAllowed("https://connector.contoso.example/v3/"));
    }
}
