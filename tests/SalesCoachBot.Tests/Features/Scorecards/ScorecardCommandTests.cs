using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Scorecards;

/// <summary>
/// <c>scorecard</c> · <c>绩效</c> through the app: TeamWorld's team (Mia manages Alice, Bob and Carol) on Wednesday
/// 18 November 2026. Alice: revenue 1,200,000 a year (100,000 in November) with 80,000 logged, visits 240 a year (20 in
/// November) with 5 logged; Bob: revenue only, 20,000 logged; Carol: no target.
/// </summary>
public sealed class ScorecardCommandTests
{
    private static async Task<TeamWorld> WorldAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var world = await TeamWorld.CreateAsync(app, tenant);
        await world.SeedNovemberAsync(tenant);
        await world.SetYearlyAsync("29:alice", KpiDefaults.Visits, 240m, tenant);
        await world.RecordAsync("29:alice", KpiDefaults.Visits, 5m, new DateOnly(2026, 11, 12), tenant);
        app.Connector.Reset();
        return world;
    }

    private static async Task<List<(long KpiId, decimal Weight)>> WeightsAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using (scope)
        {
            return [.. (await store.ScorecardWeights.AsNoTracking().OrderBy(w => w.KpiId).ToListAsync()).Select(w => (w.KpiId, w.WeightPercent))];
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Scorecard_RepInPersonalChat_SeesTheirOwnWithEqualWeightsAndASuggestion(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("scorecard", "29:alice", "Alice Wang"));

        var card = Assert.Single(app.Connector.SentActivities);
        Assert.Equal("Scorecard · November 2026", card.CardTitle());
        // Revenue 80 % (score 80), visits 5 of 20 = 25 %: total (80 + 25) / 2 = 52.5. Visits are far behind pace.
        TeamWorld.AssertInOrder(card.CardText(), "Alice Wang · East Sales", "Total score: 52.5", "So far", "Revenue", "¥80,000 of ¥100,000 (80%)",
            "Score 80 · weight 50%", "Customer visits", "5 of 20 (25%)", "Score 25 · weight 50%", "To work on: few customer visits", "each KPI with a target weighs the same",
            "up to 120%");
        Assert.DoesNotContain("Bob Li", card.CardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Stop scorecards", card.CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Scorecard_Chinese_LastMonthAndThisQuarter(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("绩效 上月", "29:alice", "Alice Wang").WithLocale("zh-CN"));
        await app.PostActivityAsync(TeamWorld.Personal("绩效 本季度", "29:alice", "Alice Wang").WithLocale("zh-CN"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(2, sent.Count);
        Assert.Equal("绩效 · 2026年10月", sent[0].CardTitle());
        // October: 90,000 of 100,000 revenue, no visit results of 20: (90 + 0) / 2 = 45.
        TeamWorld.AssertInOrder(sent[0].CardText(), "总分：45", "销售额", "完成 ¥9万 / 目标 ¥10万（90%）", "得分 90 · 权重 50%", "客户拜访偏少");
        Assert.Equal("绩效 · 2026年第4季度", sent[1].CardTitle());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Scorecard_InAChannel_IsRefusedForEveryone_AndShowsNoNumbers(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldAsync(app);

        await app.PostActivityAsync(TeamWorld.Channel("scorecard", "29:alice", "Alice Wang"));
        await app.PostActivityAsync(TeamWorld.Channel("绩效 @Alice", TeamWorld.Manager, TeamWorld.ManagerName).WithLocale("zh-CN"));
        await app.PostActivityAsync(ActivityBuilder.Message("scorecard").InTenant(TeamWorld.TenantA).InGroupChat("19:group").From("29:alice", "Alice Wang"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(3, sent.Count);
        Assert.All(sent, s => Assert.Empty(s.Attachments ?? []));
        Assert.StartsWith("Scorecards are private", sent[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("绩效是私密信息", sent[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Scorecards are private", sent[2].Text, StringComparison.Ordinal);
        Assert.All(sent, s => Assert.DoesNotContain("80", s.Text, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Scorecard_Manager_SeesTheTeamSummarySorted_AndOneRepsByName(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("scorecard"));
        await app.PostActivityAsync(TeamWorld.Personal("scorecard Bob last month"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(2, sent.Count);
        Assert.Equal("Team scorecard · November 2026", sent[0].CardTitle());
        // Alice 52.5, Bob 20, Carol without a target last.
        TeamWorld.AssertInOrder(sent[0].CardText(), "East Sales", "1. Alice Wang", "52.5", "2. Bob Li", "20", "3. Carol Chen", "no score");
        Assert.Equal("Scorecard · October 2026", sent[1].CardTitle());
        TeamWorld.AssertInOrder(sent[1].CardText(), "Bob Li · East Sales", "Total score: 120", "¥205,000 of ¥100,000 (205%)", "Score 120");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Scorecard_RepAskingForAnother_AndAnotherTenant_AreRefused(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldAsync(app);
        var other = await TeamWorld.CreateAsync(app, TeamWorld.TenantB);

        await app.PostActivityAsync(TeamWorld.Personal("scorecard Bob", "29:alice", "Alice Wang"));
        await app.PostActivityAsync(TeamWorld.Personal("scorecard weights revenue 100", "29:alice", "Alice Wang"));
        // Tenant B's manager (same Teams ids) sees tenant B's empty team only, and cannot name tenant A's people.
        await app.PostActivityAsync(TeamWorld.Personal("scorecard", tenant: TeamWorld.TenantB));
        await app.PostActivityAsync(TeamWorld.Personal("scorecard Dan", tenant: TeamWorld.TenantB));
        await app.PostActivityAsync(TeamWorld.Personal("scorecard last wek", "29:alice", "Alice Wang"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(5, sent.Count);
        Assert.Equal("Only a team's managers can see another rep's scorecard.", sent[0].Text);
        Assert.Equal("Only a team's managers can set its scorecard weights and cap.", sent[1].Text);
        var tenantB = sent[2].CardText();
        Assert.DoesNotContain("80,000", tenantB, StringComparison.Ordinal);
        Assert.DoesNotContain("52.5", tenantB, StringComparison.Ordinal);
        Assert.Equal("I don't know anyone called Dan in your teams.", sent[3].Text);
        // A typo in the period reads as a name: a rep is told they cannot see others, not shown anything.
        Assert.Equal("Only a team's managers can see another rep's scorecard.", sent[4].Text);
        Assert.Empty(await WeightsAsync(app));
        _ = other;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Weights_ManagerSetsThem_InChineseAndInTheChannel_AndTheScoreFollows(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await WorldAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("绩效 权重 签约额 40 新客户 15 拜访 15 合同 30").WithLocale("zh-CN"));
        var chinese = await WeightsAsync(app);
        await app.PostActivityAsync(TeamWorld.Channel("scorecard weights revenue 80 visits 20", TeamWorld.Manager, TeamWorld.ManagerName));
        await app.PostActivityAsync(TeamWorld.Channel("scorecard cap 150", TeamWorld.Manager, TeamWorld.ManagerName));
        await app.PostActivityAsync(TeamWorld.Personal("scorecard", "29:alice", "Alice Wang"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(4, sent.Count);
        TeamWorld.AssertInOrder(sent[0].Text!, "已设置 East Sales 的绩效权重：", "销售额 40%", "签约数 30%", "新客户 15%", "客户拜访 15%");
        Assert.Equal(
            [(world.Kpis[KpiDefaults.Revenue], 40m), (world.Kpis[KpiDefaults.Contracts], 30m), (world.Kpis[KpiDefaults.NewCustomers], 15m), (world.Kpis[KpiDefaults.Visits], 15m)],
            chinese.OrderBy(w => w.KpiId == world.Kpis[KpiDefaults.Revenue] ? 0 : w.KpiId == world.Kpis[KpiDefaults.Contracts] ? 1 : w.KpiId == world.Kpis[KpiDefaults.NewCustomers] ? 2 : 3));
        Assert.Equal("Scorecard weights of East Sales set: Revenue 80%, Customer visits 20%.", sent[1].Text);
        Assert.Equal("Scorecard cap of East Sales set: attainment counts up to 150%.", sent[2].Text);
        // 80 × 80 % + 20 × 25 % = 69.
        TeamWorld.AssertInOrder(sent[3].CardText(), "Total score: 69", "Score 80 · weight 80%", "Score 25 · weight 20%", "up to 150%");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Weights_BadInput_IsRefusedWithAClearError_AndChangesNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await WorldAsync(app);
        await app.PostActivityAsync(TeamWorld.Personal("scorecard weights revenue 60 visits 40"));
        var before = await WeightsAsync(app);
        app.Connector.Reset();

        string[] typed =
        [
            "scorecard weights revenue 60 visits 30",
            "scorecard weights revenue 50 sales 50",
            "scorecard weights revenue 60 bananas 40",
            "scorecard weights revenue sixty",
            "scorecard cap 90",
        ];
        foreach (var line in typed)
        {
            await app.PostActivityAsync(TeamWorld.Personal(line));
        }

        await app.PostActivityAsync(TeamWorld.Channel("scorecard weights revenue 100", "29:alice", "Alice Wang"));

        var sent = app.Connector.SentActivities.Select(s => s.Text).ToList();
        Assert.Equal("The weights add up to 90, not 100. Nothing was changed.", sent[0]);
        Assert.Equal("Revenue is named twice. Nothing was changed.", sent[1]);
        Assert.StartsWith("I don't know a KPI called bananas. Your KPIs: Revenue, ", sent[2], StringComparison.Ordinal);
        Assert.StartsWith("revenue sixty is not a weight", sent[3], StringComparison.Ordinal);
        Assert.StartsWith("90 is not a cap", sent[4], StringComparison.Ordinal);
        Assert.Equal("Only a manager of East Sales can change its scorecard.", sent[5]);
        Assert.Equal(before, await WeightsAsync(app));
        Assert.Equal(2, before.Count);
    }
}
