using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.Help;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>
/// The Teams app's command lists (manifest/manifest.json in English, manifest/zh-cn.json in Chinese) offer exactly the
/// commands that work in each scope: derived from the route table and the help topics' scopes, so a command that is
/// added, removed or moved to another scope fails here until the manifest says so too.
/// </summary>
public sealed class ManifestCommandListTests : IDisposable
{
    private static readonly string ManifestFolder = Path.Combine(TestRequirements.RepositoryRoot(), "manifest");

    // Teams shows at most 10 commands per list. Left out of the 1:1 menu: undo, which the answer to every log names, and
    // recognition, which the team channel's menu offers (the board is the team's; help lists it in 1:1 too), and
    // celebrations, a manager's setting that the team channel's menu offers (every celebration card names it too). Left out
    // of both menus: agenda, which every agenda card, reminder and meeting answer names ("agenda add …" needs its text);
    // action, actions and done (the meeting's action items), which the agenda card, the item notes and reminders name.
    private static readonly Dictionary<string, string[]> LeftOutOfTheMenu = new(StringComparer.Ordinal)
    {
        ["personal"] = ["undo", "recognition", "celebrations", "agenda", "action", "actions", "done",
            // Scorecards (issue 13 point 2).
            "scorecard",
            // Commission (issue 13, point 4).
            "commission",
            // Issue 13: KPI management (managers, rarely).
            "kpi",
            // Issue 13 point 3: exports (managers, monthly).
            "export"],
        ["team"] = ["agenda", "action", "actions", "done"],
    };

    private const int TeamsListLimit = 10;

    private readonly FeatureHost _app = FeatureHost.Build();

    public static TheoryData<string, string> Scopes => new()
    {
        { ConversationTypes.Personal, "personal" },
        { ConversationTypes.Channel, "team" },
        { ConversationTypes.GroupChat, "groupChat" },
    };

    public void Dispose() => _app.Dispose();

    [Theory]
    [MemberData(nameof(Scopes))]
    public void EnglishCommandList_IsExactlyTheCommandsThatWorkInThatScope(string conversationType, string manifestScope)
    {
        var expected = InTheMenu(conversationType, manifestScope).Select(t => t.EnglishCommand).Order(StringComparer.Ordinal).ToList();

        var (_, titles) = ManifestList(manifestScope);

        Assert.Equal(expected, titles.Order(StringComparer.Ordinal));
        Assert.InRange(titles.Count, 1, TeamsListLimit);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void ChineseCommandList_IsExactlyTheChineseWordsOfTheCommandsThatWorkInThatScope(string conversationType, string manifestScope)
    {
        var expected = InTheMenu(conversationType, manifestScope).Select(t => t.ChineseCommand).Order(StringComparer.Ordinal);
        var (index, english) = ManifestList(manifestScope);
        var chinese = ReadJson("zh-cn.json");

        var titles = Enumerable.Range(0, english.Count)
            .Select(i => chinese.TryGetProperty($"bots[0].commandLists[{index}].commands[{i}].title", out var title) ? title.GetString() : null)
            .ToList();

        Assert.Equal(expected, titles.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void EveryTitle_ReachesItsCommandWhenTyped(string conversationType, string manifestScope)
    {
        var (index, english) = ManifestList(manifestScope);
        var chinese = ReadJson("zh-cn.json");

        for (var i = 0; i < english.Count; i++)
        {
            var topic = Catalog.For(conversationType).Single(t => t.EnglishCommand == english[i]);
            var chineseTitle = chinese.GetProperty($"bots[0].commandLists[{index}].commands[{i}].title").GetString();
            // The Chinese title translates the English one at the same place, and both route to the command.
            Assert.Equal(topic.ChineseCommand, chineseTitle);
            Assert.Contains(Routes.MatchCommand(english[i]).Word, topic.Words);
            Assert.Contains(Routes.MatchCommand(chineseTitle).Word, topic.Words);
        }
    }

    [Fact]
    public void EveryRoutedWord_BelongsToAHelpTopic()
    {
        // Otherwise a command could work without being in help or in the app's command lists.
        var topics = _app.Services.GetServices<HelpTopic>().ToList();
        var words = topics.SelectMany(t => t.Words).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.DoesNotContain(Routes.CommandWords, w => !words.Contains(w));
        Assert.Equal(topics.Count, Catalog.Topics.Count);
    }

    private HelpCatalog Catalog => _app.Services.GetRequiredService<HelpCatalog>();

    private BotRoutes Routes => _app.Services.GetRequiredService<BotRoutes>();

    private static (int Index, List<string> Titles) ManifestList(string manifestScope)
    {
        var lists = ReadJson("manifest.json").GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray().ToList();
        var index = lists.FindIndex(l => l.GetProperty("scopes").EnumerateArray().Any(s => s.GetString() == manifestScope));
        Assert.True(index >= 0, $"manifest.json has no command list for {manifestScope}");
        return (index, lists[index].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()!).ToList());
    }

    private static JsonElement ReadJson(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(ManifestFolder, name))).RootElement;

    // The commands that work in the scope, less those deliberately left out of Teams' 10-command menu.
    private IEnumerable<HelpTopic> InTheMenu(string conversationType, string manifestScope) =>
        Catalog.For(conversationType).Where(t => !LeftOutOfTheMenu.GetValueOrDefault(manifestScope, []).Contains(t.EnglishCommand, StringComparer.Ordinal));
}
