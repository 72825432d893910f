using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.TeamProgress;

public sealed class LeaderboardTests
{
    private static readonly SalesPeriod November = SalesPeriod.Month(2026, 11);
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static RepProgress Rep(long id, string name, decimal target, decimal actual, Improvement? improvement = null) =>
        new(id, name, new Dictionary<long, Pace> { [1] = PaceCalculator.Calculate(new PaceInput(target, actual, November, Today, WorkingCalendar.WeekendsOnly)) }, improvement);

    private static TeamProgressSnapshot Snapshot(params RepProgress[] reps) =>
        new(7, "East", November, Today, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc, [new TeamKpi(1, "revenue", "Revenue", KpiUnit.Currency, "CNY")], [], reps);

    private static List<(int? Rank, string Name)> Lines(IReadOnlyList<LeaderboardEntry> entries) => [.. entries.Select(e => (e.Rank, e.Rep.Name))];

    [Fact]
    public void Rank_ByPercent_TiesBrokenByActual_EqualsShareARank_NoTargetLast()
    {
        var snapshot = Snapshot(
            Rep(1, "Zoe", 0, 90_000),
            Rep(2, "Bob", 100_000, 20_000),
            Rep(3, "Alice", 100_000, 80_000),
            Rep(4, "Dan", 200_000, 40_000),
            Rep(5, "Eve", 100_000, 20_000),
            Rep(6, "Carol", 0, 0));

        var lines = Lines(Leaderboard.Rank(snapshot, LeaderboardView.Ranking));

        // Dan and Bob/Eve all have 20 %; Dan has more actual. Bob and Eve are equal on both: one rank, by name.
        Assert.Equal([(1, "Alice"), (2, "Dan"), (3, "Bob"), (3, "Eve"), (null, "Carol"), (null, "Zoe")], lines);
    }

    [Fact]
    public void Rank_MostImproved_ByGainThenCurrentIndex_OthersLast()
    {
        var snapshot = Snapshot(
            Rep(1, "Alice", 100_000, 80_000, new Improvement(140m, 162m)),
            Rep(2, "Bob", 100_000, 20_000, new Improvement(35m, 9m)),
            Rep(3, "Carol", 0, 5_000),
            Rep(4, "Dan", 200_000, 40_000, new Improvement(35m, 0m)),
            Rep(5, "Eve", 100_000, 50_000, new Improvement(61m, 35m)));

        var lines = Lines(Leaderboard.Rank(snapshot, LeaderboardView.Improved));

        // Bob and Eve both gained 26 points; Eve's pace now is higher.
        Assert.Equal([(1, "Dan"), (2, "Eve"), (3, "Bob"), (4, "Alice"), (null, "Carol")], lines);
    }

    [Theory]
    [InlineData("improved", LeaderboardView.Improved)]
    [InlineData("进步", LeaderboardView.Improved)]
    [InlineData("Ranking", LeaderboardView.Ranking)]
    [InlineData("排名", LeaderboardView.Ranking)]
    public void TryParseView_KnownWords(string word, LeaderboardView expected)
    {
        Assert.True(Leaderboard.TryParseView(word, out var view));
        Assert.Equal(expected, view);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Leaderboard_InChannel_RanksByPercentWithMedalsAndNoTargetLast(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app, withDan: true);
        await world.SeedNovemberAsync();

        // A rep asks in the team's channel: everyone there sees the team's ranking.
        await app.PostActivityAsync(TeamWorld.Channel("leaderboard", "29:bob", "Bob Li"));

        var card = CardText.Of(Assert.Single(app.Connector.SentActivities));
        // Dan and Bob both have 20 %; Dan has more actual.
        TeamWorld.AssertInOrder(card, "Leaderboard · East Sales", "Ranked by % of the Revenue target",
            "🥇", "Alice Wang", "80%", "🥈", "Dan Zhao", "20%", "🥉", "Bob Li", "20%", "Carol Chen", "No target");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Leaderboard_MostImproved_ComparesWithLastMonthAtTheSamePoint(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app, withDan: true);
        await world.SeedNovemberAsync();

        await app.PostActivityAsync(TeamWorld.Personal("leaderboard improved"));
        await app.PostActivityAsync(TeamWorld.Personal("排行榜 进步").WithLocale("zh-CN"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(2, sent.Count);
        // November: 12 of 21 working days elapsed; October at the same point: 10 of 18 (through 21 October).
        // Pace now vs then: Dan 35 % vs 0 %, Bob 35 % vs 9 % (his 30 October deal is after the point), Alice 140 % vs 162 %.
        TeamWorld.AssertInOrder(CardText.Of(sent[0]), "Most improved on Revenue: pace now vs the month before at the same point",
            "🥇", "Dan Zhao", "Pace 35% (was 0%)", "+35 pts",
            "🥈", "Bob Li", "Pace 35% (was 9%)", "+26 pts",
            "🥉", "Alice Wang", "Pace 140% (was 162%)", "-22 pts",
            "Carol Chen", "Nothing to compare");
        TeamWorld.AssertInOrder(CardText.Of(sent[1]), "销售额进步最快：当前完成进度对比前一个月同一时点", "Dan Zhao", "+35 个百分点", "Bob Li", "Alice Wang", "Carol Chen", "无可比较数据");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LeaderboardViewAction_TogglesViewAndPeriod_AndRefusesRepsAndForgedTeams(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var other = await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        var teamId = world.TeamId.ToString(CultureInfo.InvariantCulture);

        async Task<string> InvokeAsync(ActivityBuilder activity)
        {
            var response = await app.PostActivityAsync(activity);
            Assert.True(response.IsSuccessStatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var improved = await InvokeAsync(TeamWorld.Invoke(LeaderboardCard.ViewVerb, new { teamId, period = "week", view = "improved" }));
        var rep = await InvokeAsync(TeamWorld.Invoke(LeaderboardCard.ViewVerb, new { teamId, period = "month", view = "ranking" }, "29:alice", "Alice Wang"));
        var forged = await InvokeAsync(TeamWorld.Invoke(LeaderboardCard.ViewVerb, new { teamId = other.TeamId.ToString(CultureInfo.InvariantCulture), period = "month", view = "ranking" }));
        var otherTenant = await InvokeAsync(TeamWorld.Invoke(LeaderboardCard.ViewVerb, new { teamId, period = "month", view = "ranking" }, tenant: TeamWorld.TenantB));
        var badView = await InvokeAsync(TeamWorld.Invoke(LeaderboardCard.ViewVerb, new { teamId, period = "month", view = "sideways" }));

        Assert.Contains("application/vnd.microsoft.card.adaptive", improved, StringComparison.Ordinal);
        Assert.Contains("This week · Week 47, 2026", improved, StringComparison.Ordinal);
        Assert.Contains("pace now vs the week before at the same point", improved, StringComparison.Ordinal);
        foreach (var refused in new[] { rep, forged, otherTenant })
        {
            Assert.DoesNotContain("application/vnd.microsoft.card.adaptive", refused, StringComparison.Ordinal);
            Assert.Contains("see this team", refused, StringComparison.Ordinal);
        }

        Assert.Contains("out of date", badView, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Leaderboard_RepInPersonalChat_OnlyManagers(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await TeamWorld.CreateAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("排行榜", "29:alice", "Alice Wang").WithLocale("zh-CN"));

        var reply = Assert.Single(app.Connector.SentActivities);
        Assert.Empty(reply.Attachments ?? []);
        Assert.StartsWith("只有团队经理可以在私聊中查看", reply.Text, StringComparison.Ordinal);
    }


    [Fact]
    public async Task Leaderboard_RankingWordInChannel_SendsTheLeaderboard()
    {
        await using var app = TeamWorld.NewApp(DatabaseProvider.Sqlite);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();

        await app.PostActivityAsync(TeamWorld.Channel("排名", "29:bob", "Bob Li").WithLocale("zh-CN"));

        Assert.Contains("排行榜 · East Sales", CardText.Of(Assert.Single(app.Connector.SentActivities)), StringComparison.Ordinal);
    }
}
