using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Scorecards;

/// <summary>
/// <c>scorecard</c> for a manager of two teams (TeamWorld's East Sales and <see cref="SecondTeam"/>'s West Sales): the
/// team's name comes first; without it, or with a name that is neither a team nor a rep, she gets the list of her teams.
/// </summary>
public sealed class ScorecardSeveralTeamsTests
{
    private static async Task<(TeamWorld World, long WestId)> WorldAsync(SalesCoachBotApplication app)
    {
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        return (world, await SecondTeam.AddAsync(world));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Summary_NamedTeam_IsThatTeams_AndWithoutANameTheTeamsAreListed(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("scorecard East Sales"));
        await app.PostActivityAsync(TeamWorld.Personal("scorecard west sales last month"));
        await app.PostActivityAsync(TeamWorld.Personal("scorecard"));
        await app.PostActivityAsync(TeamWorld.Personal("scorecard North Sales"));
        await app.PostActivityAsync(TeamWorld.Personal("scorecard Bob"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(5, sent.Count);
        Assert.Equal("Team scorecard · November 2026", sent[0].CardTitle());
        TeamWorld.AssertInOrder(sent[0].CardText(), "East Sales", "1. Alice Wang", "2. Bob Li");
        Assert.DoesNotContain("Wes West", sent[0].CardText(), StringComparison.Ordinal);
        Assert.Equal("Team scorecard · October 2026", sent[1].CardTitle());
        Assert.Contains("West Sales", sent[1].CardText(), StringComparison.Ordinal);
        Assert.Contains("Wes West", sent[1].CardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Alice Wang", sent[1].CardText(), StringComparison.Ordinal);
        Assert.Null(sent[2].Attachments);
        Assert.Equal("You manage several teams (East Sales, West Sales). Name the team first, e.g. “scorecard East Sales” or “scorecard East Sales last month”.", sent[2].Text);
        Assert.Null(sent[3].Attachments);
        Assert.Equal("Neither a team you manage nor one of your reps is called North Sales. Your teams: East Sales, West Sales.", sent[3].Text);
        // A rep of either team is still found by name.
        Assert.Contains("Bob Li · East Sales", sent[4].CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Summary_Chinese_NamedTeam_AndTheListOfTeams(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("绩效 West Sales").WithLocale("zh-CN"));
        await app.PostActivityAsync(TeamWorld.Personal("绩效").WithLocale("zh-CN"));
        await app.PostActivityAsync(TeamWorld.Personal("绩效 北区").WithLocale("zh-CN"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(3, sent.Count);
        Assert.Contains("Wes West", sent[0].CardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Alice Wang", sent[0].CardText(), StringComparison.Ordinal);
        Assert.Equal("你管理多个团队（East Sales、West Sales）。请先写团队名称，例如“绩效 East Sales”或“绩效 East Sales 上月”。", sent[1].Text);
        Assert.Equal("你管理的团队和你的销售中都没有名为 北区 的。你的团队：East Sales、West Sales。", sent[2].Text);
        Assert.All(sent.Skip(1), a => Assert.Null(a.Attachments));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Weights_InPersonalChat_AreSetForTheNamedTeam_AndWithoutANameNothingChanges(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var (world, westId) = await WorldAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("scorecard weights West Sales revenue 100"));
        await app.PostActivityAsync(TeamWorld.Personal("scorecard cap 150"));
        await app.PostActivityAsync(TeamWorld.Personal("绩效 封顶 150").WithLocale("zh-CN"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(3, sent.Count);
        Assert.StartsWith("Scorecard weights of West Sales set", sent[0].Text, StringComparison.Ordinal);
        Assert.Equal("You manage several teams (East Sales, West Sales). Name the team first, e.g. “scorecard weights East Sales revenue 60 visits 40” or “scorecard cap East Sales 120”.", sent[1].Text);
        Assert.StartsWith("你管理多个团队（East Sales、West Sales）。请先写团队名称", sent[2].Text, StringComparison.Ordinal);
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var weights = await store.ScorecardWeights.AsNoTracking().ToListAsync();
            var weight = Assert.Single(weights);
            Assert.Equal((westId, world.Kpis[KpiDefaults.Revenue], 100m), (weight.SalesTeamId, weight.KpiId, weight.WeightPercent));
            Assert.DoesNotContain(await store.ScorecardSettings.AsNoTracking().ToListAsync(), s => s.CapPercent == 150m);
        }
    }
}
