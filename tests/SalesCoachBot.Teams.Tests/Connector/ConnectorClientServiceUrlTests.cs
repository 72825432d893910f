using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Connector;

/// <summary>Defence in depth: whatever called it, the connector client sends the bot's token only to allowed hosts.</summary>
public sealed class ConnectorClientServiceUrlTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task EveryRoute_HostOutsideAllowList_ThrowsAndNothingIsSentNorTokenFetched()
    {
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { TimeProvider = _clock });
        var tokenRequests = 0;
        // With an app id the default list is Microsoft's hosts over https: the fake's loopback http is outside it.
        using var host = new ConnectorTestHost(_clock, tokenSource: () =>
        {
            Interlocked.Increment(ref tokenRequests);
            return ConnectorTestHost.Token;
        }, bot: bot => bot.AppId = "app");
        var client = host.Client;
        var url = server.ServiceUrl;

        Func<Task>[] calls =
        [
            () => client.SendToConversationAsync(url, "a:1", Activity.CreateMessage("hi")),
            () => client.ReplyToActivityAsync(url, "a:1", "1", Activity.CreateMessage("hi")),
            () => client.UpdateActivityAsync(url, "a:1", "1", Activity.CreateMessage("hi")),
            () => client.DeleteActivityAsync(url, "a:1", "1"),
            () => client.CreateConversationAsync(url, ConversationParameters.ForPersonalChat("28:bot", "29:user", "tenant")),
            () => client.GetPagedMembersAsync(url, "a:1"),
            () => client.GetMemberAsync(url, "a:1", "29:user"),
            () => client.GetTeamDetailsAsync(url, "19:team"),
            () => client.GetTeamChannelsAsync(url, "19:team"),
            () => client.SendToConversationAsync("https://attacker.example/emea/", "a:1", Activity.CreateMessage("hi")),
        ];
        foreach (var call in calls)
        {
            var failure = await Assert.ThrowsAsync<ConnectorException>(call);
            Assert.Equal(ConnectorFailure.ServiceUrlNotAllowed, failure.Failure);
            Assert.True(failure.IsPermanent);
        }

        Assert.Empty(server.Requests);
        Assert.Equal(0, tokenRequests);
    }

    [Fact]
    public async Task SendToConversationAsync_ConfiguredLoopbackHost_IsSent()
    {
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { TimeProvider = _clock });
        using var host = new ConnectorTestHost(_clock, bot: bot =>
        {
            bot.AppId = "app";
            bot.AllowedServiceUrlHosts = ["http://127.0.0.1:*"];
        });

        await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activity.CreateMessage("hi"));

        Assert.Single(server.Requests);
    }
}
