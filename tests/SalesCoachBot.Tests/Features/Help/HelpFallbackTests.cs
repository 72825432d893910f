using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.Help;

/// <summary>What the bot answers to text it does not understand, through the whole app.</summary>
public sealed class HelpFallbackTests : IAsyncLifetime
{
    private readonly SalesCoachBotApplication _app = new();
    private Chat _chat = null!;

    public Task InitializeAsync()
    {
        _chat = _app.Chat();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Fallback_UnknownText_SendsHintQuotingTheInputAndTheHelpCard()
    {
        var replies = await _chat.SendAsync("tell me a joke");

        var reply = Assert.Single(replies);
        Assert.Equal("I didn't understand \"tell me a joke\". Here is what I can do:", reply.Text);
        Assert.Equal("plain", reply.TextFormat);
        Assert.Equal("What I can do in our chat", reply.CardTitle());
    }

    [Fact]
    public async Task Fallback_LongMultilineInput_QuotesAtMostFortyCharactersOnOneLine()
    {
        var replies = await _chat.SendAsync("please\nshow me " + new string('x', 100));

        var text = Assert.Single(replies).Text!;
        Assert.Equal("please show me " + new string('x', 25) + "…", text.Split('"')[1]);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_ChineseAndEmoji_CountsTextElementsWithoutSplittingThem()
    {
        var input = string.Concat(Enumerable.Repeat("目标🚀", 30));

        var quoted = BotText.Quote(input);

        // 40 text elements: 13 × (目, 标, 🚀) + 目; the rocket (two UTF-16 units) is never cut.
        Assert.Equal(string.Concat(Enumerable.Repeat("目标🚀", 13)) + "目…", quoted);
        Assert.Equal("short", BotText.Quote("  short  "));
    }

    [Fact]
    public async Task Fallback_OnlyTheBotMentionInAChannel_SendsTheChannelHelpCardWithoutHint()
    {
        var replies = await _chat.SendAsync(ActivityBuilder.Message("").InChannel().MentioningBot());

        var reply = Assert.Single(replies);
        Assert.Null(reply.Text);
        Assert.Equal("What I can do in this channel", reply.CardTitle());
        Assert.Contains("@SalesCoach help", reply.CardText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fallback_ChineseActivity_AnswersInChinese()
    {
        var replies = await _chat.SendAsync(ActivityBuilder.Message("你好").WithLocale("zh-CN"));

        var reply = Assert.Single(replies);
        Assert.Equal("我没听懂“你好”。我能做这些：", reply.Text);
        Assert.Equal("我在私聊中能做什么", reply.CardTitle());
    }

    [Fact]
    public async Task Fallback_MemberChoseChinese_WinsOverTheActivityLocale()
    {
        await _chat.SendAsync("settings language zh-CN");

        var replies = await _chat.SendAsync(ActivityBuilder.Message("hello").WithLocale("en-US").InGroupChat());

        var reply = Assert.Single(replies);
        Assert.Equal("我在频道中能做什么", reply.CardTitle());
        Assert.Equal("zh-CN", reply.Locale);
    }

    [Fact]
    public async Task Fallback_InputWithMarkupAndQuotes_IsQuotedVerbatimInPlainText()
    {
        var replies = await _chat.SendAsync("<b>hi</b> \"there\"");

        var reply = Assert.Single(replies);
        Assert.Equal("I didn't understand \"<b>hi</b> \"there\"\". Here is what I can do:", reply.Text);
        Assert.Equal("plain", reply.TextFormat);
    }
}

/// <summary>The help command and the welcome card's help button, through the whole app.</summary>
public sealed class HelpRoutingTests : IAsyncLifetime
{
    private readonly SalesCoachBotApplication _app = new();
    private Chat _chat = null!;

    public Task InitializeAsync()
    {
        _chat = _app.Chat();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("help", "en-US", "What I can do in our chat")]
    [InlineData("HELP me please", "en-US", "What I can do in our chat")]
    [InlineData("帮助", "zh-CN", "我在私聊中能做什么")]
    public async Task Help_Command_SendsHelpCardWithoutHint(string text, string locale, string title)
    {
        var replies = await _chat.SendAsync(ActivityBuilder.Message(text).WithLocale(locale));

        var reply = Assert.Single(replies);
        Assert.Null(reply.Text);
        Assert.Equal(title, reply.CardTitle());
    }

    [Fact]
    public async Task Help_InChannelWithMention_SendsChannelHelpCard()
    {
        var replies = await _chat.SendAsync(ActivityBuilder.Message("help").InChannel().MentioningBot());

        Assert.Equal("What I can do in this channel", Assert.Single(replies).CardTitle());
    }

    [Fact]
    public async Task Route_UnknownText_ReachesTheFallback()
    {
        var replies = await _chat.SendAsync("what is the weather");

        Assert.Contains("\"what is the weather\"", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WelcomeButton_AsSubmit_SendsHelpCardAndKeepsTheWelcomeCard()
    {
        var replies = await _chat.SendAsync(ActivityBuilder.Message("").WithValue(new { verb = HelpTopic.ShowHelpVerb }).WithReplyToId("welcome-1"));

        Assert.Equal("What I can do in our chat", Assert.Single(replies).CardTitle());
        Assert.Empty(replies.Updated);
    }

    [Fact]
    public async Task WelcomeButton_AsExecuteInvoke_SendsHelpCardAndAnswersTheInvoke()
    {
        var replies = await _chat.SendAsync(ActivityBuilder.Of("invoke").WithName(BotRoutes.AdaptiveCardActionInvoke).WithLocale("zh-CN")
            .WithValue(new { action = new { type = "Action.Execute", verb = HelpTopic.ShowHelpVerb } }));

        Assert.Equal("我在私聊中能做什么", Assert.Single(replies).CardTitle());
        Assert.Equal(HttpStatusCode.OK, replies.Status);
        Assert.Equal("这是我能做的事情。", replies.InvokeMessage());
    }

    [Fact]
    public void AddFeatures_RoutesHelpInBothLanguages()
    {
        using var host = FeatureHost.Build();

        var words = host.Services.GetRequiredService<BotRoutes>().CommandWords;

        Assert.Contains("help", words);
        Assert.Contains("帮助", words);
    }
}
