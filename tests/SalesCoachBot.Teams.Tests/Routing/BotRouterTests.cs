using System.Text.Json;
using Moq;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Routing;

public class BotRouterTests
{
    private static RouterTestHost Host() => new(routes => routes
        .Use<Gate>()
        .OnCommand<LogCommand>("log", "记录")
        .OnCommand<HelpCommand>("help", "帮助")
        .OnCardAction<CounterAction>("refresh", "say")
        .OnInvoke<PingInvoke>("ping/test")
        .OnActivity<InstallHandler>(ActivityTypes.InstallationUpdate)
        .OnFallback<Fallback>());

    [Theory]
    [InlineData("log deal 120000 Acme", "log:deal 120000 Acme")]
    [InlineData("LOG deal 5", "log:deal 5")]
    [InlineData("  log   deal   5  ", "log:deal 5")]
    [InlineData("记录 成交 12万", "log:成交 12万")]
    [InlineData("记录\u3000成交", "log:成交")]
    [InlineData("help", "help:")]
    [InlineData("帮助", "help:")]
    public async Task RouteAsync_CommandWord_ReachesItsHandlerWithArguments(string text, string expected)
    {
        var host = Host();
        await host.RouteAsync(ActivityBuilder.Message(text).ToJson());
        Assert.Equal(["gate", expected], host.Calls.Log);
    }

    [Theory]
    [InlineData("logdeal 5")]
    [InlineData("what can you do")]
    [InlineData("")]
    public async Task RouteAsync_NoCommandMatches_GoesToFallback(string text)
    {
        var host = Host();
        await host.RouteAsync(ActivityBuilder.Message(text).ToJson());
        Assert.Equal(["gate", $"fallback:{text}"], host.Calls.Log);
    }

    [Fact]
    public async Task RouteAsync_ChannelMessageWithBotMention_StripsMentionBeforeParsing()
    {
        var host = Host();
        var json = ActivityBuilder.Message("log deal 5").InChannel().MentioningBot().ToJson();
        await host.RouteAsync(json);
        Assert.Equal(["gate", "log:deal 5"], host.Calls.Log);
    }

    [Fact]
    public async Task RouteAsync_OtherPersonMentioned_KeepsTheirMentionInArguments()
    {
        var host = Host();
        var json = ActivityBuilder.Message("log praise").InChannel().MentioningBot().Mentioning("29:bob", "Bob Li", prepend: false).ToJson();
        var turn = await host.RouteAsync(json);
        Assert.Equal(["gate", "log:praise <at>Bob Li</at>"], host.Calls.Log);
        Assert.Contains(turn.Activity.GetMentions(), m => m.Mentioned.Id == "29:bob");
    }

    [Fact]
    public async Task RouteAsync_ActionExecuteInvoke_DispatchesByVerbAndAnswersWithCard()
    {
        var host = Host();
        var json = ActivityBuilder.Of("invoke").WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb = "refresh", data = new { period = "month" } } })
            .ToJson();
        var turn = await host.RouteAsync(json);

        Assert.Equal(["gate", "action:refresh:month:execute"], host.Calls.Log);
        var body = JsonSerializer.SerializeToElement(turn.InvokeResponse!.Body, BotJson.Options);
        Assert.Equal(200, turn.InvokeResponse.Status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        Assert.Equal("AdaptiveCard", body.GetProperty("value").GetProperty("type").GetString());
        host.Connector.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RouteAsync_ActionExecuteWithMessageResult_AnswersWithMessageBody()
    {
        var host = Host();
        var json = ActivityBuilder.Of("invoke").WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb = "say" } }).ToJson();
        var turn = await host.RouteAsync(json);
        var body = JsonSerializer.SerializeToElement(turn.InvokeResponse!.Body, BotJson.Options);
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        Assert.Equal("said", body.GetProperty("value").GetString());
    }

    [Fact]
    public async Task RouteAsync_ActionExecuteUnknownVerb_Answers400WithoutCallingHandlers()
    {
        var host = Host();
        var json = ActivityBuilder.Of("invoke").WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb = "nope" } }).ToJson();
        var turn = await host.RouteAsync(json);
        Assert.Equal(400, turn.InvokeResponse!.Status);
        Assert.Equal(["gate"], host.Calls.Log);
    }

    [Fact]
    public async Task RouteAsync_ActionSubmitFallback_SameHandlerUpdatesTheCardInPlace()
    {
        var host = Host();
        var json = ActivityBuilder.Message(null).WithValue(new { verb = "refresh", period = "week" }).WithReplyToId("card-activity-7").ToJson();
        var turn = await host.RouteAsync(json);

        Assert.Equal(["gate", "action:refresh:week:submit"], host.Calls.Log);
        host.Connector.Verify(c => c.UpdateActivityAsync(ActivityBuilder.LoopbackServiceUrl, "a:personal-alice", "card-activity-7",
            It.Is<Activity>(a => a.Attachments!.Single().ContentType == Attachment.AdaptiveCardContentType), ActivityBuilder.DefaultTenant,
            It.IsAny<CancellationToken>()), Times.Once);
        Assert.Null(turn.InvokeResponse);
    }

    [Fact]
    public async Task RouteAsync_SubmitWithUnknownVerb_IsTreatedAsTextAndFallsBack()
    {
        var host = Host();
        await host.RouteAsync(ActivityBuilder.Message("hello").WithValue(new { verb = "nope" }).ToJson());
        Assert.Equal(["gate", "fallback:hello"], host.Calls.Log);
    }

    [Fact]
    public async Task RouteAsync_NamedInvoke_ReturnsItsResponse()
    {
        var host = Host();
        var turn = await host.RouteAsync(ActivityBuilder.Of("invoke").WithName("ping/test").ToJson());
        Assert.Equal(["gate", "invoke:ping"], host.Calls.Log);
        Assert.Equal(200, turn.InvokeResponse!.Status);
    }

    [Fact]
    public async Task RouteAsync_UnknownInvoke_Answers400()
    {
        var host = Host();
        var turn = await host.RouteAsync(ActivityBuilder.Of("invoke").WithName("composeExtension/query").ToJson());
        Assert.Equal(400, turn.InvokeResponse!.Status);
        Assert.Equal(["gate"], host.Calls.Log);
    }

    [Fact]
    public async Task RouteAsync_ConversationEvent_GoesToTypeHandlerNotFallback()
    {
        var host = Host();
        await host.RouteAsync(ActivityBuilder.Of("installationUpdate").WithAction("add").ToJson());
        Assert.Equal(["gate", "install:add"], host.Calls.Log);
    }

    [Fact]
    public async Task RouteAsync_UnhandledEventType_IsIgnored()
    {
        var host = Host();
        await host.RouteAsync(ActivityBuilder.Of("messageReaction").ToJson());
        Assert.Equal(["gate"], host.Calls.Log);
        host.Connector.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RouteAsync_MiddlewareStops_NoHandlerRuns()
    {
        var host = Host();
        await host.RouteAsync(ActivityBuilder.Message("stop").ToJson());
        Assert.Equal(["gate"], host.Calls.Log);
    }
}
