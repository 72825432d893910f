using SalesCoachBot.Data;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Commission;

/// <summary>
/// <c>commission</c> for a manager of two teams (TeamWorld's East Sales with its plan, <see cref="SecondTeam"/>'s West
/// Sales): the team's name comes first, for the card and for the plan; without it, or with a name that is neither a team
/// nor a rep, she gets the list of her teams and nothing changes.
/// </summary>
public sealed class CommissionSeveralTeamsTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_NamedTeam_ShowsThatTeamsCardAndPlan(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CommissionCommandTests.WorldWithPlanAsync(app);
        var westId = await SecondTeam.AddAsync(world);

        var westPlan = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan West Sales revenue 0:1 whole")));
        var east = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission East Sales")));
        var west = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission west sales")));
        var eastPlan = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan East Sales")));

        Assert.StartsWith("Commission plan of West Sales saved", westPlan.Text, StringComparison.Ordinal);
        var plans = await CommissionCommandTests.PlansAsync(app);
        Assert.Equal([world.TeamId, westId], plans.Select(p => p.SalesTeamId).Order());
        Assert.Contains("Alice Wang", CardText.Of(east), StringComparison.Ordinal);
        Assert.DoesNotContain("Wes West", CardText.Of(east), StringComparison.Ordinal);
        Assert.Contains("Wes West", CardText.Of(west), StringComparison.Ordinal);
        Assert.DoesNotContain("Alice Wang", CardText.Of(west), StringComparison.Ordinal);
        Assert.StartsWith("Commission plan of East Sales: marginal", eastPlan.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_NoOrUnknownTeamName_AnsweredWithTheTeams_AndNothingChanges(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CommissionCommandTests.WorldWithPlanAsync(app);
        await SecondTeam.AddAsync(world);

        var card = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission")));
        var plan = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan")));
        var unnamedSet = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan revenue 0:9 whole")));
        var unknown = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission North Sales")));
        var unknownSet = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan North Sales revenue 0:9 whole")));
        var rep = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission Wes")));

        const string choose = "You manage several teams (East Sales, West Sales). Name the team first, e.g. “commission East Sales” or “commission plan East Sales”.";
        Assert.All(new[] { card, plan, unnamedSet, unknownSet }, r => Assert.Equal(choose, r.Text));
        Assert.Equal("Neither a team you manage nor one of your reps is called North Sales. Your teams: East Sales, West Sales.", unknown.Text);
        Assert.All(new[] { card, plan, unnamedSet, unknown, unknownSet }, r => Assert.Null(r.Attachments));
        // A rep of either team is still found by name (West Sales has no plan yet).
        Assert.StartsWith("West Sales has no commission plan yet", rep.Text, StringComparison.Ordinal);
        var stored = Assert.Single(await CommissionCommandTests.PlansAsync(app));
        Assert.Equal(world.TeamId, stored.SalesTeamId);
        Assert.Equal(3, stored.Tiers.Count);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_Chinese_NamedTeam_AndTheListOfTeams(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CommissionCommandTests.WorldWithPlanAsync(app);
        await SecondTeam.AddAsync(world);

        var set = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("提成 方案 West Sales 销售额 0:1 全额").WithLocale("zh-CN")));
        var west = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("提成 West Sales").WithLocale("zh-CN")));
        var choose = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("提成").WithLocale("zh-CN")));
        var unknown = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("提成 北区").WithLocale("zh-CN")));

        Assert.Contains("已保存", set.Text, StringComparison.Ordinal);
        Assert.Contains("West Sales", set.Text, StringComparison.Ordinal);
        Assert.Contains("Wes West", CardText.Of(west), StringComparison.Ordinal);
        Assert.Equal("你管理多个团队（East Sales、West Sales）。请先写团队名称，例如“提成 East Sales”或“提成 方案 East Sales”。", choose.Text);
        Assert.Equal("你管理的团队和你的销售中都没有名为 北区 的。你的团队：East Sales、West Sales。", unknown.Text);
        Assert.Equal(2, (await CommissionCommandTests.PlansAsync(app)).Count);
    }
}
