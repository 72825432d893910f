using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Sales;
using SalesCoachBot.Tests.Features.Recognition;

namespace SalesCoachBot.Tests.Features.TeamProgress;

/// <summary>The team card and the leaderboard carry a Praise button per rep for the team's managers only.</summary>
public sealed class PraiseButtonTests
{
    private static List<(string TeamId, string MemberId)> PraiseButtons(System.Text.Json.Nodes.JsonNode card) =>
        [.. RecognitionWorld.Buttons(card).Where(b => b.Verb == PraiseFormActions.OpenVerb)
            .Select(b => (b.Data![PraiseFormActions.TeamIdKey]!.GetValue<string>(), b.Data![PraiseFormActions.MemberIdKey]!.GetValue<string>()))];

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TeamAndLeaderboard_ForTheManager_HaveAPraiseButtonPerRep_AlsoAfterAPeriodButton(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var team = world.TeamId.ToString(CultureInfo.InvariantCulture);
        var reps = new[] { "29:alice", "29:bob", "29:carol" }.Select(r => (team, world.Members[r].ToString(CultureInfo.InvariantCulture))).ToList();

        var teamCard = await app.Chat().SendAsync(TeamWorld.Personal("team"));
        var leaderboard = await app.Chat().SendAsync(TeamWorld.Personal("排行榜").WithLocale("zh-CN"));
        var quarter = await app.Chat().SendAsync(TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId = team, period = "quarter" }));

        Assert.Equal(reps, PraiseButtons(Assert.Single(teamCard).Card()));
        // The leaderboard ranks Alice, Bob, then Carol (no target).
        Assert.Equal(reps, PraiseButtons(Assert.Single(leaderboard).Card()));
        Assert.Contains("表扬", leaderboard.Single().CardText().Split('\n'));
        Assert.Equal(reps, PraiseButtons(quarter.InvokeCard()));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TeamAndLeaderboard_AskedByARepInTheChannel_HaveNoPraiseButton_AskedByTheManagerThere_Have(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();

        var repTeam = await app.Chat().SendAsync(TeamWorld.Channel("team", "29:bob", "Bob Li"));
        var repLeaderboard = await app.Chat().SendAsync(TeamWorld.Channel("leaderboard", "29:bob", "Bob Li"));
        var repPeriod = await app.Chat().SendAsync(RecognitionWorld.ChannelInvoke(LeaderboardCard.ViewVerb,
            new { teamId = world.TeamId.ToString(CultureInfo.InvariantCulture), period = "quarter", view = "ranking" }, "29:bob", "Bob Li"));
        var managerTeam = await app.Chat().SendAsync(TeamWorld.Channel("team", TeamWorld.Manager, TeamWorld.ManagerName));

        Assert.Empty(PraiseButtons(Assert.Single(repTeam).Card()));
        Assert.Empty(PraiseButtons(Assert.Single(repLeaderboard).Card()));
        Assert.Empty(PraiseButtons(repPeriod.InvokeCard()));
        Assert.Equal(3, PraiseButtons(Assert.Single(managerTeam).Card()).Count);
    }
}
