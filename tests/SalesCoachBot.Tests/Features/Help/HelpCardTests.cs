using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Contacts;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Tests.Features.Help;

public class HelpCardTests
{
    private static readonly BotText Text = new(NullLogger<BotText>.Instance);

    // A personal-only topic whose texts exist: the welcome body stands in for a feature's description.
    private static readonly HelpTopic PersonalOnly = new("targets", "目标", HelpScopes.Personal, "welcome.personal.body");
    private static readonly HelpTopic ChannelOnly = new("meeting", "例会", HelpScopes.Channel, "welcome.team.body");

    private static JsonNode Json(AdaptiveCard card) => JsonNode.Parse(card.ToJson())!;

    private static string Title(AdaptiveCard card) => Json(card)["body"]![0]!["text"]!.GetValue<string>();

    private static List<string> FactTitles(AdaptiveCard card) =>
        Json(card)["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray()
            .Select(f => f!["title"]!.GetValue<string>()).ToList();

    [Theory]
    [InlineData("personal", "en-US", "What I can do in our chat")]
    [InlineData("personal", "zh-CN", "我在私聊中能做什么")]
    [InlineData("channel", "en-US", "What I can do in this channel")]
    [InlineData("channel", "zh-CN", "我在频道中能做什么")]
    [InlineData("groupChat", "en-US", "What I can do in this channel")]
    [InlineData("groupChat", "zh-TW", "我在频道中能做什么")]
    [InlineData("personal", null, "What I can do in our chat")]
    public void Build_ScopeAndLocale_HasExactTitle(string scope, string? locale, string expected)
    {
        var card = HelpCard.Build(Text, locale, scope, [HelpCommand.Topic]);

        Assert.Equal(expected, Title(card));
    }

    [Fact]
    public void Build_English_ListsHelpWithBothWordsAndDescription()
    {
        var card = HelpCard.Build(Text, "en-US", "personal", [HelpCommand.Topic]);

        var fact = Json(card)["body"]![2]!["facts"]![0]!;
        Assert.Equal("help · 帮助", fact["title"]!.GetValue<string>());
        Assert.Equal("Shows what I can do here.", fact["value"]!.GetValue<string>());
    }

    [Fact]
    public void Build_Chinese_PutsTheChineseWordFirst()
    {
        var card = HelpCard.Build(Text, "zh-CN", "personal", [HelpCommand.Topic]);

        Assert.Equal(["帮助 · help"], FactTitles(card));
        Assert.Equal("显示我在这里能做的事情。", Json(card)["body"]![2]!["facts"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Build_Channel_ListsOnlyTopicsThatWorkThere_AndNamesTheBotInTheHint()
    {
        var card = HelpCard.Build(Text, "en-US", "channel", [HelpCommand.Topic, PersonalOnly, ChannelOnly], botName: "Coach");

        Assert.Equal(["help · 帮助", "meeting · 例会"], FactTitles(card));
        Assert.Contains("@Coach help", Json(card)["body"]![1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Personal_LeavesOutChannelOnlyTopics()
    {
        var card = HelpCard.Build(Text, "en-US", "personal", [HelpCommand.Topic, PersonalOnly, ChannelOnly]);

        Assert.Equal(["help · 帮助", "targets · 目标"], FactTitles(card));
    }

    [Fact]
    public void Catalog_TopicWhoseCommandIsNotRouted_IsNotListed()
    {
        var catalog = new HelpCatalog([HelpCommand.Topic, PersonalOnly], ["help", "帮助"]);

        Assert.Equal([HelpCommand.Topic], catalog.Topics);
        Assert.Equal([HelpCommand.Topic], catalog.For("personal"));
        Assert.Null(catalog.Find("targets"));
        Assert.Equal(HelpCommand.Topic, catalog.Find("帮助"));
    }

    [Fact]
    public void Catalog_FromTheAppsServices_ListsTheHelpCommand()
    {
        using var app = FeatureHost.Build();

        var catalog = app.Services.GetRequiredService<HelpCatalog>();

        Assert.Contains(HelpCommand.Topic, catalog.Topics);
        Assert.All(catalog.Topics, t => Assert.Contains(t.Command, app.Services.GetRequiredService<SalesCoachBot.Teams.Routing.BotRoutes>().CommandWords));
    }

    [Theory]
    [InlineData("en-US", "\"targets\" works only in our 1:1 chat.")]
    [InlineData("zh-CN", "“目标”只能在私聊中使用。")]
    public void WhereItWorks_PersonalOnlyCommand_SaysWhere(string locale, string expected)
    {
        Assert.Equal(expected, TurnGuard.WhereItWorks(Text, locale, PersonalOnly));
    }

    [Fact]
    public void WhereItWorks_SeveralScopes_JoinsThem()
    {
        var topic = new HelpTopic("praise", "表扬", HelpScopes.Personal | HelpScopes.Channel, "welcome.team.body");

        Assert.Equal("\"praise\" works only in our 1:1 chat or a team channel.", TurnGuard.WhereItWorks(Text, "en-US", topic));
    }
}
