using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Localization;

namespace SalesCoachBot.Tests.Features.Onboarding;

public sealed class WelcomeCardSetupTests
{
    private static readonly BotText Text = new(NullLogger<BotText>.Instance);

    // Every string in the card, unescaped and joined: what a reader sees.
    private static string Readable(string cardJson) =>
        string.Join('\n', System.Text.Json.Nodes.JsonNode.Parse(cardJson)!.AsObject()["body"]!.AsArray().Select(e => (string?)e!["text"]));

    [Theory]
    [InlineData("en-US", "I've set up East Sales with 3 members; Mia, Ray manages it.", "Entra ID lists Ada as line manager")]
    [InlineData("zh-CN", "我已为East Sales建好团队，共3名成员，由Mia、Ray担任经理。", "根据 Entra ID，Ada是本团队成员的直属上级")]
    public void Build_TeamWithSetup_ReportsMembersManagersAndSuggestions(string locale, string setupLine, string suggestion)
    {
        var json = Readable(WelcomeCard.Build(Text, locale, WelcomeAudience.Team, "East Sales", new TeamSetup("East Sales", 3, ["Mia", "Ray"], ["Ada"])).ToJson());

        Assert.Contains(setupLine, json, StringComparison.Ordinal);
        Assert.Contains(suggestion, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TeamWithoutManagerOrSuggestions_SaysOnlyTheCount()
    {
        var json = Readable(WelcomeCard.Build(Text, "en-US", WelcomeAudience.Team, "East Sales", new TeamSetup("East Sales", 1, [], [])).ToJson());

        Assert.Contains("I've set up East Sales with 1 members.", json, StringComparison.Ordinal);
        Assert.DoesNotContain("manages it", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Entra ID", json, StringComparison.Ordinal);
    }
}
