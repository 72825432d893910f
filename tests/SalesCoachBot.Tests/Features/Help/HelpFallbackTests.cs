using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Contacts;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.Help;

public class HelpFallbackTests
{
    private static readonly BotText Text = new(NullLogger<BotText>.Instance);
    private static readonly HelpCatalog Catalog = new([HelpCommand.Topic], ["help", "帮助"]);

    private readonly RecordingConnector _connector = new();

    private async Task<Activity> FallbackAsync(Activity inbound, string? localeOverride = null)
    {
        var turn = _connector.Turn(inbound, new ServiceCollection().BuildServiceProvider());
        turn.Locale = localeOverride;
        await new HelpFallback(Text, Catalog).HandleAsync(turn, CancellationToken.None);
        return Assert.Single(_connector.Sent);
    }

    private static JsonNode Card(Activity sent)
    {
        var attachment = Assert.Single(sent.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        return JsonNode.Parse(JsonSerializer.Serialize(attachment.Content, BotJson.Options))!;
    }

    [Fact]
    public async Task HandleAsync_UnknownText_SendsHintQuotingTheInputAndTheHelpCard()
    {
        var sent = await FallbackAsync(ActivityBuilder.Message("tell me a joke").Build());

        Assert.Equal("I didn't understand \"tell me a joke\". Here is what I can do:", sent.Text);
        Assert.Equal("plain", sent.TextFormat);
        Assert.Equal("What I can do in our chat", Card(sent)["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_LongMultilineInput_QuotesAtMostFortyCharactersOnOneLine()
    {
        var input = "please\nshow me " + new string('x', 100);

        var sent = await FallbackAsync(ActivityBuilder.Message(input).Build());

        var quoted = sent.Text!.Split('"')[1];
        Assert.Equal("please show me " + new string('x', 25) + "…", quoted);
        Assert.DoesNotContain("\n", sent.Text, StringComparison.Ordinal);
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
    public async Task HandleAsync_OnlyTheBotMentionInAChannel_SendsTheChannelHelpCardWithoutHint()
    {
        var inbound = ActivityBuilder.Message("").InChannel().MentioningBot().Build();

        var sent = await FallbackAsync(inbound);

        Assert.Null(sent.Text);
        var card = Card(sent);
        Assert.Equal("What I can do in this channel", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("@SalesCoach help", card["body"]![1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ChineseActivity_AnswersInChinese()
    {
        var sent = await FallbackAsync(ActivityBuilder.Message("你好").WithLocale("zh-CN").Build());

        Assert.Equal("我没听懂“你好”。我能做这些：", sent.Text);
        Assert.Equal("我在私聊中能做什么", Card(sent)["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_TurnLocaleSet_WinsOverTheActivityLocale()
    {
        var sent = await FallbackAsync(ActivityBuilder.Message("hello").WithLocale("en-US").InGroupChat().Build(), localeOverride: "zh-CN");

        Assert.Equal("我在频道中能做什么", Card(sent)["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("zh-CN", sent.Locale);
    }

    [Fact]
    public async Task HandleAsync_InputWithMarkupAndQuotes_IsQuotedVerbatimInPlainText()
    {
        var sent = await FallbackAsync(ActivityBuilder.Message("<b>hi</b> \"there\"").Build());

        Assert.Equal("I didn't understand \"<b>hi</b> \"there\"\". Here is what I can do:", sent.Text);
        Assert.Equal("plain", sent.TextFormat);
    }
}

public class HelpRoutingTests
{
    private readonly RecordingConnector _connector = new();

    private async Task<TurnContext> RouteAsync(Activity inbound)
    {
        using var app = FeatureHost.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var turn = _connector.Turn(inbound, scope.ServiceProvider);
        await app.Services.GetRequiredService<BotRouter>().RouteAsync(turn, CancellationToken.None);
        return turn;
    }

    private static string CardTitle(Activity sent) =>
        JsonNode.Parse(JsonSerializer.Serialize(sent.Attachments![0].Content, BotJson.Options))!["body"]![0]!["text"]!.GetValue<string>();

    [Theory]
    [InlineData("help", "en-US", "What I can do in our chat")]
    [InlineData("HELP me please", "en-US", "What I can do in our chat")]
    [InlineData("帮助", "zh-CN", "我在私聊中能做什么")]
    public async Task Route_HelpCommand_SendsHelpCardWithoutHint(string text, string locale, string title)
    {
        await RouteAsync(ActivityBuilder.Message(text).WithLocale(locale).Build());

        var sent = Assert.Single(_connector.Sent);
        Assert.Null(sent.Text);
        Assert.Equal(title, CardTitle(sent));
    }

    [Fact]
    public async Task Route_HelpInChannelWithMention_SendsChannelHelpCard()
    {
        await RouteAsync(ActivityBuilder.Message("help").InChannel().MentioningBot().Build());

        Assert.Equal("What I can do in this channel", CardTitle(Assert.Single(_connector.Sent)));
    }

    [Fact]
    public async Task Route_UnknownText_ReachesTheFallback()
    {
        await RouteAsync(ActivityBuilder.Message("what is the weather").Build());

        var sent = Assert.Single(_connector.Sent);
        Assert.Contains("\"what is the weather\"", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_WelcomeButtonAsSubmit_SendsHelpCardAndKeepsTheWelcomeCard()
    {
        var inbound = ActivityBuilder.Message("").WithValue(new { verb = HelpTopic.ShowHelpVerb }).WithReplyToId("welcome-1").Build();

        await RouteAsync(inbound);

        Assert.Equal("What I can do in our chat", CardTitle(Assert.Single(_connector.Sent)));
        Assert.Empty(_connector.Updated);
    }

    [Fact]
    public async Task Route_WelcomeButtonAsExecuteInvoke_SendsHelpCardAndAnswersTheInvoke()
    {
        var inbound = ActivityBuilder.Of("invoke").WithName(BotRoutes.AdaptiveCardActionInvoke).WithLocale("zh-CN")
            .WithValue(new { action = new { type = "Action.Execute", verb = HelpTopic.ShowHelpVerb } }).Build();

        var turn = await RouteAsync(inbound);

        Assert.Equal("我在私聊中能做什么", CardTitle(Assert.Single(_connector.Sent)));
        var response = Assert.IsType<AdaptiveCardInvokeResponse>(turn.InvokeResponse!.Body);
        Assert.Equal(200, turn.InvokeResponse.Status);
        Assert.Equal("application/vnd.microsoft.activity.message", response.Type);
        Assert.Equal("这是我能做的事情。", response.Value);
    }

    [Fact]
    public void AddFeatures_RoutesHelpInBothLanguages()
    {
        using var app = FeatureHost.Build();

        var words = app.Services.GetRequiredService<BotRoutes>().CommandWords;

        Assert.Contains("help", words);
        Assert.Contains("帮助", words);
    }
}
