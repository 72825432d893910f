using System.Globalization;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.TeamProgress;

public sealed class TeamCommandTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Team_ManagerInPersonalChat_ShowsTotalsAndEachRepsPercentAndPace(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();

        await app.PostActivityAsync(TeamWorld.Personal("team"));

        var card = CardText.Of(Assert.Single(app.Connector.SentActivities));
        TeamWorld.AssertInOrder(card, "Team East Sales", "This month · November 2026", "Team totals", "Revenue", "¥105,000 / ¥200,000", "52.5% · On pace");
        // Reps by name: Alice ahead (80 % done, 140 % of expected), Bob behind, Carol without a target.
        TeamWorld.AssertInOrder(card, "Reps · Revenue",
            "Alice Wang", "80%", "Ahead · ¥80,000 / ¥100,000",
            "Bob Li", "20%", "Behind · ¥20,000 / ¥100,000",
            "Carol Chen", "No target set · ¥5,000");
        Assert.DoesNotContain("Mia Manager", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Team_Chinese_ShowsChineseCardWithTheSameNumbers(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();

        await app.PostActivityAsync(TeamWorld.Personal("团队").WithLocale("zh-CN"));

        var card = CardText.Of(Assert.Single(app.Connector.SentActivities));
        TeamWorld.AssertInOrder(card, "团队 East Sales", "本月 · 2026年11月", "团队合计", "销售额", "¥10.5万 / ¥20万", "52.5% · 进度正常");
        TeamWorld.AssertInOrder(card, "销售 · 销售额", "Alice Wang", "80%", "超前进度 · ¥8万 / ¥10万", "Bob Li", "20%", "落后进度 · ¥2万 / ¥10万", "Carol Chen", "未设定目标 · ¥5,000");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Team_TargetsAsThePlanReadsThem_OverrideAndTeamsOwnTarget(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var plan = (TargetPlan)scope.ServiceProvider.GetService(typeof(TargetPlan))!;
            await plan.OverrideAsync(TargetOwner.Member(world.Members["29:bob"]), world.Kpis[KpiDefaults.Revenue], SalesPeriod.Month(2026, 11), 40_000m);
            await plan.SetYearlyAsync(TargetOwner.Team(world.TeamId), world.Kpis[KpiDefaults.Contracts], 2026, 120m);
        }

        await app.PostActivityAsync(TeamWorld.Personal("team"));

        var card = CardText.Of(Assert.Single(app.Connector.SentActivities));
        var november = SalesPeriod.Month(2026, 11);
        var bob = await world.TargetAsync(TargetOwner.Member(world.Members["29:bob"]), KpiDefaults.Revenue, november);
        var teamRevenue = await world.TargetAsync(TargetOwner.Team(world.TeamId), KpiDefaults.Revenue, november);
        var teamContracts = await world.TargetAsync(TargetOwner.Team(world.TeamId), KpiDefaults.Contracts, november);
        Assert.Equal((40_000m, 140_000m, 10m), (bob, teamRevenue, teamContracts));
        TeamWorld.AssertInOrder(card, "¥105,000 / ¥140,000", "0 / 10", "Bob Li", "50%", "¥20,000 / ¥40,000");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Team_RepInChannel_SeesTheChannelsTeam_ButNotInPersonalChat(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();

        await app.PostActivityAsync(TeamWorld.Channel("team week", "29:bob", "Bob Li"));
        await app.PostActivityAsync(TeamWorld.Personal("team", "29:bob", "Bob Li"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(2, sent.Count);
        var card = CardText.Of(sent[0]);
        Assert.Contains("This week · Week 47, 2026", card, StringComparison.Ordinal);
        Assert.Contains("Alice Wang", card, StringComparison.Ordinal);
        Assert.Empty(sent[1].Attachments ?? []);
        Assert.StartsWith("Only team managers can see this", sent[1].Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TeamPeriodAction_Quarter_ReturnsUpdatedCardInTheInvokeResponse(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();

        var response = await app.PostActivityAsync(TeamWorld.Invoke(TeamCard.PeriodVerb,
            new { teamId = world.TeamId.ToString(CultureInfo.InvariantCulture), period = "quarter" }));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("application/vnd.microsoft.card.adaptive", body, StringComparison.Ordinal);
        Assert.Contains("This quarter · Q4 2026", body, StringComparison.Ordinal);
        // October counts in the quarter: Alice 90,000 + 80,000.
        Assert.Contains("¥170,000 / ¥300,000", body, StringComparison.Ordinal);
        Assert.Empty(app.Connector.SentActivities);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TeamPeriodAction_ForgedTeamIds_AreRefusedWithoutData(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var other = await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

        var bodies = new List<string>();
        foreach (var activity in new[]
        {
            // Tenant B's manager points the card at tenant A's team, and tenant A's manager at tenant B's.
            TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId = Id(world.TeamId), period = "month" }, tenant: TeamWorld.TenantB),
            TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId = Id(other.TeamId), period = "month" }),
            // A rep of the team in the 1:1 chat, and a channel card pointed at another team.
            TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId = Id(world.TeamId), period = "month" }, "29:alice", "Alice Wang"),
            TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId = Id(other.TeamId), period = "month" }, "29:alice", "Alice Wang").InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId),
            TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId = "not-a-number", period = "month" }),
        })
        {
            var response = await app.PostActivityAsync(activity);
            Assert.True(response.IsSuccessStatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(bodies, b => Assert.DoesNotContain("application/vnd.microsoft.card.adaptive", b, StringComparison.Ordinal));
        Assert.All(bodies[..4], b => Assert.Contains("see this team", b, StringComparison.Ordinal));
        Assert.Contains("out of date", bodies[4], StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Team_OtherTenantWithSameTeamsIds_SeesOnlyItsOwnTeam(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();

        // Tenant B: the same Teams ids, but the bot was never added to its team; then its own (empty) team.
        await app.PostActivityAsync(TeamWorld.Channel("team", "29:alice", "Alice Wang", TeamWorld.TenantB));
        var unknown = Assert.Single(app.Connector.SentActivities);
        await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        await app.PostActivityAsync(TeamWorld.Personal("team", tenant: TeamWorld.TenantB));

        Assert.StartsWith("I don't know this team yet", unknown.Text, StringComparison.Ordinal);
        var card = CardText.Of(Assert.Single(app.Connector.SentActivities));
        Assert.Contains("¥0 / ¥0", card, StringComparison.Ordinal);
        Assert.DoesNotContain("80,000", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Team_ManagerOfTwoTeams_ShowsTheFirstWithAHint_AndPicksByName(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var directory = (SalesTeamDirectory)scope.ServiceProvider.GetService(typeof(SalesTeamDirectory))!;
            var west = await directory.EnsureTeamAsync(TeamWorld.TenantA, "19:west@thread.tacv2", "West Sales", null);
            await directory.AddMembersAsync(TeamWorld.TenantA, west.Id, [new(TeamWorld.Manager, null, TeamWorld.ManagerName, null), new("29:wendy", null, "Wendy Wu", null)]);
            await directory.SetRoleAsync(TeamWorld.TenantA, west.Id, world.Members[TeamWorld.Manager], TeamRole.Manager);
        }

        await app.PostActivityAsync(TeamWorld.Personal("team"));
        await app.PostActivityAsync(TeamWorld.Personal("team west"));
        await app.PostActivityAsync(TeamWorld.Personal("team North"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(4, sent.Count);
        Assert.Contains("Team East Sales", CardText.Of(sent[0]), StringComparison.Ordinal);
        Assert.Equal("You manage 2 teams (East Sales, West Sales). This is East Sales; type team <name> or leaderboard <name> for another.", sent[1].Text);
        Assert.Contains("Wendy Wu", CardText.Of(sent[2]), StringComparison.Ordinal);
        Assert.Equal("You don't manage a team called North. Your teams: East Sales, West Sales.", sent[3].Text);
    }
}
