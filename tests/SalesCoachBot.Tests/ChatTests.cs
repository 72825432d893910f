using System.Net;
using SalesCoachBot.Testing;
using Xunit.Sdk;

namespace SalesCoachBot.Tests;

/// <summary>The conversation helper itself: replies per turn, over the real connector client.</summary>
public sealed class ChatTests
{
    [Fact]
    public async Task SendAsync_TwoTurns_EachHoldsOnlyItsOwnReplies()
    {
        await using var app = new SalesCoachBotApplication();
        var chat = app.Chat();

        var first = await chat.SendAsync("help");
        var second = await chat.SendAsync(ActivityBuilder.Message("帮助").WithLocale("zh-CN"));

        Assert.Equal("What I can do in our chat", Assert.Single(first).CardTitle());
        Assert.Equal("我在私聊中能做什么", Assert.Single(second).CardTitle());
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Null(second.InvokeResponse);
        // Both went over HTTP to the fake connector, into Alice's chat.
        Assert.All(app.Connector.Sent, r => Assert.Equal((FakeConnectorOperation.Send, "a:personal-alice"), (r.Operation, r.ConversationId)));
        Assert.Equal(2, app.Connector.SentCount);
    }

    [Fact]
    public async Task SendAsync_ConnectorRefusesTheReplyAndTheApology_FailsWithTheBotsAnswer()
    {
        await using var app = new SalesCoachBotApplication();
        // The reply fails, and so does the apology for it: only then is the turn answered 500.
        app.Connector.FailNext(2, HttpStatusCode.BadRequest);

        var failure = await Assert.ThrowsAsync<FailException>(() => app.Chat().SendAsync("help"));

        Assert.Contains("500", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, app.Connector.SentCount);
    }

    [Fact]
    public async Task SendAsync_TurnCrashedAndTheBotApologised_FailsUnlessAllowed()
    {
        await using var app = new SalesCoachBotApplication();
        // The help card's send fails, so the turn throws; the apology after it gets through (HTTP 200).
        app.Connector.FailNext(1, HttpStatusCode.BadRequest);

        var failure = await Assert.ThrowsAsync<FailException>(() => app.Chat().SendAsync("help"));
        Assert.Contains("crashed", failure.Message, StringComparison.Ordinal);

        app.Connector.FailNext(1, HttpStatusCode.BadRequest);
        var replies = await app.Chat(allowFailedTurns: true).SendAsync("help");
        Assert.StartsWith("Sorry, something went wrong", Assert.Single(replies).Text, StringComparison.Ordinal);
    }
}
