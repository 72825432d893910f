using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Features.Onboarding;

public class WelcomeCardTests
{
    private static readonly BotText Text = new(NullLogger<BotText>.Instance);

    private static JsonNode Json(WelcomeAudience audience, string? locale, string? name = null) =>
        JsonNode.Parse(WelcomeCard.Build(Text, locale, audience, name).ToJson())!;

    private static List<string> Texts(JsonNode card) =>
        card["body"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).ToList();

    [Theory]
    [InlineData("en-US", "Hi Alice Wang, I'm your sales coach", "help")]
    [InlineData("zh-CN", "Alice Wang，你好！我是你的销售教练", "帮助")]
    public void Build_Personal_GreetsTheUserByNameAndPointsToHelp(string locale, string title, string helpWord)
    {
        var card = Json(WelcomeAudience.Personal, locale, "  Alice Wang ");

        var texts = Texts(card);
        Assert.Equal(title, texts[0]);
        Assert.Contains(texts, t => t.Contains(helpWord, StringComparison.Ordinal));
        Assert.Equal(3, texts.Count);
    }

    [Theory]
    [InlineData("en-US", "Hello, East Sales!", "Mention me with help")]
    [InlineData("zh-CN", "East Sales，大家好！", "@ 我并输入“帮助”")]
    public void Build_Team_IntroducesTheBotToTheTeamAndSaysPrivateDataStaysPrivate(string locale, string title, string hint)
    {
        var card = Json(WelcomeAudience.Team, locale, "East Sales");

        var texts = Texts(card);
        Assert.Equal(title, texts[0]);
        Assert.Contains(texts, t => t.Contains(hint, StringComparison.Ordinal));
        Assert.Contains(Text.Get(locale, WelcomeTextKeys.TeamPrivacy), texts);
    }

    [Theory]
    [InlineData(WelcomeAudience.Personal, "en-US", "Hi, I'm your sales coach")]
    [InlineData(WelcomeAudience.Team, "zh-CN", "大家好！")]
    [InlineData(WelcomeAudience.Personal, "zh-CN", "你好！我是你的销售教练")]
    public void Build_WithoutName_UsesTheGreetingWithoutName(WelcomeAudience audience, string locale, string title)
    {
        Assert.Equal(title, Texts(Json(audience, locale, "  "))[0]);
    }

    [Theory]
    [InlineData("en-US", "What can you do?")]
    [InlineData("zh-CN", "你能做什么？")]
    public void Build_HasHelpButtonRoutedByVerbWithSubmitFallback(string locale, string title)
    {
        var action = Assert.Single(Json(WelcomeAudience.Personal, locale)["actions"]!.AsArray())!;

        Assert.Equal("Action.Execute", action["type"]!.GetValue<string>());
        Assert.Equal(HelpTopic.ShowHelpVerb, action["verb"]!.GetValue<string>());
        Assert.Equal(title, action["title"]!.GetValue<string>());
        Assert.Equal("Action.Submit", action["fallback"]!["type"]!.GetValue<string>());
        Assert.Equal(HelpTopic.ShowHelpVerb, action["fallback"]!["data"]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public void Build_NameWithQuotesNewlinesMarkupAndChinese_IsKeptAsText()
    {
        var name = "O'Neil \"Ace\"\n<at>王芳</at> {0}";

        var title = Texts(Json(WelcomeAudience.Personal, "en-US", name))[0];

        Assert.Equal($"Hi {name}, I'm your sales coach", title);
    }
}
