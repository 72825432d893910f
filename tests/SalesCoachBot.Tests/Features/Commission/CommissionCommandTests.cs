using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Commission;

/// <summary>
/// <c>commission</c> · <c>提成</c> over <see cref="TeamWorld"/>'s November (Alice 80,000 of 100,000, Bob 20,000 of
/// 100,000, Carol 5,000 without a target) under the plan revenue 0:2 80:3 100:5 marginal cap 50000.
/// </summary>
public sealed class CommissionCommandTests
{
    private const string Plan = "commission plan revenue 0:2 80:3 100:5 marginal cap 50000";

    internal static async Task<TeamWorld> WorldWithPlanAsync(SalesCoachBotApplication app)
    {
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var reply = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal(Plan)));
        Assert.Contains("saved", reply.Text, StringComparison.Ordinal);
        app.Connector.Reset();
        return world;
    }

    internal static async Task<List<CommissionPlan>> PlansAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _scope = scope;
        return await store.CommissionPlans.AsNoTracking().Include(p => p.Tiers).ToListAsync();
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PlanSet_ByManager_StoredAndShown(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await WorldWithPlanAsync(app);

        var plan = Assert.Single(await PlansAsync(app));
        Assert.Equal((world.TeamId, world.Kpis[KpiDefaults.Revenue], CommissionMode.Marginal, 50_000m, CommissionPeriod.Month, "CNY"),
            (plan.SalesTeamId, plan.KpiId, plan.Mode, plan.CapAmount, plan.Period, plan.Currency));
        Assert.Equal([(0m, 2m), (80m, 3m), (100m, 5m)], plan.Tiers.OrderBy(t => t.FromPercent).Select(t => (t.FromPercent, t.RatePercent)));

        // A rep reads the plan too.
        var shown = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan", "29:alice", "Alice Wang")));
        Assert.Contains("Commission plan of East Sales: marginal", shown.Text, StringComparison.Ordinal);
        Assert.Contains("from 80%: 3%", shown.Text, StringComparison.Ordinal);
        Assert.Contains("capped at ¥50,000", shown.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PlanSet_ChineseOnCollections_StoredWith万Cap(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        // A CNY tenant starts with the collections KPI (回款).
        long collections;
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            collections = await store.Kpis.Where(k => k.Key == "collections").Select(k => k.Id).SingleAsync();
        }

        var reply = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("提成 方案 回款 0:2 80:3 100:5 全额 封顶 5万 季度").WithLocale("zh-CN")));

        Assert.Contains("已保存", reply.Text, StringComparison.Ordinal);
        Assert.Contains("封顶 ¥5万", reply.Text, StringComparison.Ordinal);
        var plan = Assert.Single(await PlansAsync(app));
        Assert.Equal((collections, CommissionMode.WholeAmount, 50_000m, CommissionPeriod.Quarter), (plan.KpiId, plan.Mode, plan.CapAmount, plan.Period));
        Assert.Equal(world.TeamId, plan.SalesTeamId);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PlanSet_BadPlanOrCountKpiOrRep_RefusedAndNothingChanges(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldWithPlanAsync(app);
        var before = Assert.Single(await PlansAsync(app));

        var notAscending = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan revenue 0:2 100:3 80:5 marginal")));
        var noMode = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan revenue 0:2 80:3")));
        var counts = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan visits 0:2 whole")));
        var unknown = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan bananas 0:2 whole")));
        var chinese = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("提成 方案 销售额 0:2 80:120 分段").WithLocale("zh-CN")));
        var rep = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan revenue 0:9 whole", "29:alice", "Alice Wang")));
        var repOff = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan off", "29:alice", "Alice Wang")));

        Assert.Contains("each tier must start above the one before (80:5)", notAscending.Text, StringComparison.Ordinal);
        Assert.Contains("marginal", noMode.Text, StringComparison.Ordinal);
        Assert.Contains("not counted in money", counts.Text, StringComparison.Ordinal);
        Assert.Contains("no active KPI called", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("提成比例须在 0% 到 100% 之间", chinese.Text, StringComparison.Ordinal);
        Assert.All(new[] { notAscending, noMode, counts, unknown }, r => Assert.StartsWith("The plan was not saved, nothing was changed", r.Text, StringComparison.Ordinal));
        Assert.Contains("Only a manager", rep.Text, StringComparison.Ordinal);
        Assert.Contains("Only a manager", repOff.Text, StringComparison.Ordinal);
        var after = Assert.Single(await PlansAsync(app));
        Assert.Equal((before.Id, before.Mode, before.CapAmount, before.Tiers.Count), (after.Id, after.Mode, after.CapAmount, after.Tiers.Count));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PlanOff_ByManager_RemovesIt(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldWithPlanAsync(app);

        var off = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("提成 方案 关闭").WithLocale("zh-CN")));
        var rep = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission", "29:alice", "Alice Wang")));

        Assert.Contains("已删除", off.Text, StringComparison.Ordinal);
        Assert.Empty(await PlansAsync(app));
        Assert.Contains("East Sales has no commission plan yet", rep.Text, StringComparison.Ordinal);
        Assert.Contains("commission plan revenue 0:2 80:3 100:5 marginal cap 50000", rep.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_Rep_SeesEarnedTierAndNextTier(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldWithPlanAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("commission", "29:alice", "Alice Wang"));

        var card = CardText.Of(Assert.Single(app.Connector.SentActivities));
        // Exactly 80 %: marginal 80,000 × 2 % = 1,600, in the 80 % tier; 20,000 more adds 20,000 × 3 % = 600.
        TeamWorld.AssertInOrder(card, "Your commission", "This month · November 2026 · Revenue", "Earned so far", "¥1,600",
            "¥80,000 of ¥100,000 target (80%)", "from 80%: 3%",
            "¥20,000 more reaches the 100% tier (5%): +¥600 commission, then 5% of every extra ¥1.");
        Assert.DoesNotContain("Bob", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_RepInChinese_SeesTheSameFigures(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldWithPlanAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("提成", "29:bob", "Bob Li").WithLocale("zh-CN"));

        var card = CardText.Of(Assert.Single(app.Connector.SentActivities));
        // Bob: 20,000 × 2 % = 400; 60,000 more reaches 80 % and adds 60,000 × 2 % = 1,200.
        TeamWorld.AssertInOrder(card, "我的提成", "本月 · 2026年11月 · 销售额", "本期已得提成", "¥400", "¥2万 / 目标 ¥10万（20%）", "0% 起：2%",
            "再完成 ¥6万 即达 80% 档（3%）：提成增加 ¥1,200");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_Manager_SeesEachRepSortedAndTheTotal(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldWithPlanAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("commission"));

        var card = CardText.Of(Assert.Single(app.Connector.SentActivities));
        // Carol has no target: her 5,000 at the first tier's 2 % = 100.
        TeamWorld.AssertInOrder(card, "Team commission", "East Sales", "Alice Wang", "¥1,600", "Bob Li", "¥400", "Carol Chen", "no target", "¥100", "Team total", "¥2,100");
        Assert.DoesNotContain("Mia", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_ManagerNamesARep_SeesThatRepsCard(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldWithPlanAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("commission").Mentioning("29:bob", "Bob Li", prepend: false));

        var card = CardText.Of(Assert.Single(app.Connector.SentActivities));
        TeamWorld.AssertInOrder(card, "Commission of", "Bob Li", "¥400");
        Assert.DoesNotContain("Alice", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_RepAsksForAnotherRep_Refused(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldWithPlanAsync(app);

        var reply = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission").From("29:alice", "Alice Wang").Mentioning("29:bob", "Bob Li", prepend: false)));

        Assert.Null(reply.Attachments);
        Assert.Contains("You can see only your own commission", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("400", reply.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_ManagerAsksForARepOfAnotherTeam_Refused(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldWithPlanAsync(app);
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var west = await directory.EnsureTeamAsync(TeamWorld.TenantA, "19:west@thread.tacv2", "West Sales", null);
            await directory.AddMembersAsync(TeamWorld.TenantA, west.Id, [new RosterEntry("29:wes", "aad-wes", "Wes West", "wes@contoso.com")]);
        }

        var reply = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission").Mentioning("29:wes", "Wes West", prepend: false)));

        Assert.Null(reply.Attachments);
        Assert.Equal("Wes West is not a rep of a team you manage.", reply.Text);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_OtherTenant_SeesNothingOfThisTenantsPlanOrReps(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldWithPlanAsync(app);
        await TeamWorld.CreateAsync(app, TeamWorld.TenantB);

        var own = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission", tenant: TeamWorld.TenantB)));
        var plan = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission plan", tenant: TeamWorld.TenantB)));
        var rep = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("commission", "29:alice", "Alice Wang", TeamWorld.TenantB)));

        Assert.All(new[] { own, plan, rep }, r => Assert.Contains("East Sales has no commission plan yet", r.Text, StringComparison.Ordinal));
        Assert.Empty(await PlansAsync(app, TeamWorld.TenantB));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Commission_InAChannel_RefusedAndPointedToTheOneToOneChat(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldWithPlanAsync(app);

        var rep = Assert.Single(await app.Chat().SendAsync(TeamWorld.Channel("commission", "29:alice", "Alice Wang")));
        var manager = Assert.Single(await app.Chat().SendAsync(TeamWorld.Channel("提成", TeamWorld.Manager, TeamWorld.ManagerName).WithLocale("zh-CN")));
        var plan = Assert.Single(await app.Chat().SendAsync(TeamWorld.Channel("commission plan revenue 0:9 whole", TeamWorld.Manager, TeamWorld.ManagerName)));

        Assert.All(new[] { rep, manager, plan }, r => Assert.Null(r.Attachments));
        Assert.Contains("only in our 1:1 chat", rep.Text, StringComparison.Ordinal);
        Assert.Contains("一对一聊天", manager.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("1,600", rep.Text + manager.Text, StringComparison.Ordinal);
        Assert.Equal(2m, Assert.Single(await PlansAsync(app)).Tiers.Min(t => t.RatePercent));
    }
}
