using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Kpis;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.SalesResults;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Kpis;

public sealed class KpiCommandTests
{
    private const string Alice = "29:alice";
    private const string AliceName = "Alice Wang";

    private static async Task<Activity> SendAsync(SalesCoachBotApplication app, ActivityBuilder activity)
    {
        app.Connector.Reset();
        await app.PostActivityAsync(activity);
        return Assert.Single(app.Connector.SentActivities);
    }

    private static async Task<string> TextAsync(SalesCoachBotApplication app, ActivityBuilder activity)
    {
        var reply = await SendAsync(app, activity);
        Assert.Empty(reply.Attachments ?? []);
        Assert.Equal("plain", reply.TextFormat);
        return reply.Text!;
    }

    private static async Task<List<KpiDefinition>> KpisAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _ = scope;
        return await store.Kpis.AsNoTracking().OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync();
    }

    private static async Task<List<KpiAliasWord>> AliasesAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _ = scope;
        return await store.KpiAliases.AsNoTracking().ToListAsync();
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Kpi_RepAsksForTheList_GetsEveryKpiInBothLanguagesWithWordsAndRetiredMarked(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await TeamWorld.CreateAsync(app);
        await TextAsync(app, TeamWorld.Personal("kpi retire visits"));

        var reply = await SendAsync(app, TeamWorld.Personal("kpi", Alice, AliceName));

        var card = reply.CardText();
        TeamWorld.AssertInOrder(card, "KPIs", "Revenue · 销售额", "money (CNY)", "sum", "key revenue", "Words: revenue, rev, sales",
            "Collections · 回款", "key collections", "Contracts signed · 签约数", "Customer visits · 客户拜访", "(retired)");
        var chinese = (await SendAsync(app, TeamWorld.Personal("指标", Alice, AliceName).WithLocale("zh-CN"))).CardText();
        TeamWorld.AssertInOrder(chinese, "指标", "Revenue · 销售额", "合计", "Collections · 回款", "(已停用)");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task KpiAdd_ThenLogSetTargetAndCard_TheCustomKpiWorksEndToEnd(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);

        var added = await TextAsync(app, TeamWorld.Personal("kpi add Renewals 续约 money"));
        var log = await SendAsync(app, TeamWorld.Personal("log 续约 5万 华为", Alice, AliceName));
        var target = await TextAsync(app, TeamWorld.Personal("set target Alice Wang renewals 2026-11 50万"));
        var chineseLog = await SendAsync(app, TeamWorld.Personal("记录 renewals 10000", Alice, AliceName).WithLocale("zh-CN"));

        Assert.Equal("Added the KPI Renewals (key renewals, money (CNY), sum). Log it with: log renewals <amount>. Set its targets with set target.", added);
        var renewals = (await KpisAsync(app)).Single(k => k.Key == "renewals");
        Assert.Equal(("Renewals", "续约", KpiUnit.Currency, "CNY", KpiAggregation.Sum, true), (renewals.NameEn, renewals.NameZh, renewals.Unit, renewals.Currency, renewals.Aggregation, renewals.IsActive));
        Assert.True(renewals.SortOrder > 40);
        Assert.Contains("Logged Renewals +¥50,000 · 华为.", log.CardText(), StringComparison.Ordinal);
        Assert.StartsWith("Renewals target for Alice Wang for November 2026 set to ¥500,000.", target, StringComparison.Ordinal);
        world.Kpis["renewals"] = renewals.Id;
        Assert.Equal(500_000m, await world.TargetAsync(TargetOwner.Member(world.Members[Alice]), "renewals", SalesPeriod.Month(2026, 11)));
        var rows = await LogCommandTests.CountingResultsAsync(app);
        Assert.Equal([("renewals", 50_000m), ("renewals", 10_000m)], rows.Select(r => (r.Kpi, r.Result.Amount)));
        // The targets card after the log shows the new KPI against its target.
        var card = chineseLog.CardText();
        Assert.Contains("续约", card, StringComparison.Ordinal);
        Assert.Contains("¥6万 / ¥50万", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task KpiAdd_ChineseInAUsdTenant_Collections回款IsAddedAndLogged(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        app.Settings["Teams:DefaultCurrency"] = "USD";
        await TeamWorld.CreateAsync(app);
        Assert.DoesNotContain(await KpisAsync(app), k => k.Key == KpiDefaults.Collections);

        var added = await TextAsync(app, TeamWorld.Personal("指标 添加 回款 金额").WithLocale("zh-CN"));
        var log = await SendAsync(app, TeamWorld.Personal("记录 回款 5000", Alice, AliceName).WithLocale("zh-CN"));

        Assert.StartsWith("已添加指标 回款（键 collections，金额（", added, StringComparison.Ordinal);
        var collections = (await KpisAsync(app)).Single(k => k.Key == KpiDefaults.Collections);
        Assert.Equal(((string?)null, "回款", "USD"), (collections.NameEn, collections.NameZh, collections.Currency));
        Assert.Contains("回款", log.CardText(), StringComparison.Ordinal);
        Assert.Equal([(KpiDefaults.Collections, 5_000m)], (await LogCommandTests.CountingResultsAsync(app)).Select(r => (r.Kpi, r.Result.Amount)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task KpiAliasRenameRetireRestore_ChangeWhatLogAndTargetsAccept(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await TeamWorld.CreateAsync(app);

        var alias = await TextAsync(app, TeamWorld.Personal("kpi alias collections 收款"));
        var logAlias = await SendAsync(app, TeamWorld.Personal("log 收款 3万", Alice, AliceName));
        var rename = await TextAsync(app, TeamWorld.Personal("指标 改名 回款 回款额").WithLocale("zh-CN"));
        var renameEn = await TextAsync(app, TeamWorld.Personal("kpi rename collections en:Cash collected"));
        var retire = await TextAsync(app, TeamWorld.Personal("kpi retire 收款"));
        var logRetired = await TextAsync(app, TeamWorld.Personal("log 回款额 1000", Alice, AliceName));
        var targetRetired = await TextAsync(app, TeamWorld.Personal("set target Alice Wang 收款 2026-11 1000"));
        var again = await TextAsync(app, TeamWorld.Personal("kpi retire collections"));
        var restore = await TextAsync(app, TeamWorld.Personal("指标 恢复 collections").WithLocale("zh-CN"));
        var logRestored = await SendAsync(app, TeamWorld.Personal("log 回款额 1000", Alice, AliceName));

        Assert.Equal("收款 now also means the KPI Collections, e.g. log 收款 <amount>.", alias);
        Assert.Contains("Logged Collections +¥30,000.", logAlias.CardText(), StringComparison.Ordinal);
        Assert.Equal("已把指标 回款 改名为 回款额。", rename);
        Assert.Equal("Renamed the KPI Collections to Cash collected.", renameEn);
        Assert.StartsWith("Retired the KPI Cash collected: its history is kept", retire, StringComparison.Ordinal);
        Assert.Contains("doesn't track \"回款额\"", logRetired, StringComparison.Ordinal);
        // Only active KPIs get targets.
        Assert.StartsWith("I don't know the KPI 收款.", targetRetired, StringComparison.Ordinal);
        Assert.Equal("The KPI Cash collected is already retired.", again);
        Assert.Equal("指标 回款额 已恢复，可以继续记录和设置目标。", restore);
        Assert.Contains("Logged Cash collected +¥1,000.", logRestored.CardText(), StringComparison.Ordinal);
        var collections = (await KpisAsync(app)).Single(k => k.Key == KpiDefaults.Collections);
        Assert.Equal(("Cash collected", "回款额", true), (collections.NameEn, collections.NameZh, collections.IsActive));
        Assert.Equal(["收款"], (await AliasesAsync(app)).Select(a => a.Word));
        // The history stayed through retire and restore.
        Assert.Equal([30_000m, 1_000m], (await LogCommandTests.CountingResultsAsync(app)).Select(r => r.Result.Amount));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task KpiChange_ByARep_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await TeamWorld.CreateAsync(app);
        var before = await KpisAsync(app);

        string[] commands = ["kpi add Renewals 续约 money", "kpi alias revenue 流水", "kpi rename revenue Sales total", "kpi retire visits", "kpi restore visits", "指标 添加 续约 金额"];
        foreach (var command in commands)
        {
            var reply = await TextAsync(app, TeamWorld.Personal(command, Alice, AliceName));
            Assert.True(reply.StartsWith("Only a team's manager or a tenant admin", StringComparison.Ordinal) || reply.StartsWith("只有团队经理", StringComparison.Ordinal), reply);
        }

        Assert.Equivalent(before, await KpisAsync(app));
        Assert.Empty(await AliasesAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task KpiChange_ByATenantAdminWithoutATeam_IsAllowed(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await TeamWorld.CreateAsync(app);
        await app.PostActivityAsync(TeamWorld.Personal("help", "29:ada", "Ada Admin"));
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var ada = await store.Members.SingleAsync(m => m.TeamsUserId == "29:ada");
            ada.IsAdmin = true;
            await store.SaveChangesAsync();
        }

        var reply = await TextAsync(app, TeamWorld.Personal("kpi add Demos count", "29:ada", "Ada Admin"));

        Assert.StartsWith("Added the KPI Demos (key demos, count, sum)", reply, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "kpi add Deal money", "\"Deal\" is one of the built-in words (for Revenue)")]
    [InlineData(DatabaseProvider.Postgres, "kpi add Deal money", "\"Deal\" is one of the built-in words (for Revenue)")]
    [InlineData(DatabaseProvider.Sqlite, "kpi alias collections 签约", "\"签约\" is one of the built-in words (for Contracts signed)")]
    [InlineData(DatabaseProvider.Sqlite, "kpi add 回款 money", "\"回款\" already means the KPI Collections")]
    [InlineData(DatabaseProvider.Sqlite, "kpi add Revenue money", "\"Revenue\" is one of the built-in words (for Revenue)")]
    [InlineData(DatabaseProvider.Sqlite, "kpi alias visits collections", "\"collections\" already means the KPI Collections")]
    [InlineData(DatabaseProvider.Sqlite, "kpi add Renewals dollars", "I need the unit last: money, count or percent")]
    [InlineData(DatabaseProvider.Sqlite, "kpi add 12万 money", "\"12万\" can't be a KPI name or word")]
    [InlineData(DatabaseProvider.Sqlite, "kpi add <b>x</b> count", "can't be a KPI name or word")]
    [InlineData(DatabaseProvider.Sqlite, "kpi retire colections", "I don't know the KPI \"colections\". Nothing was changed. Did you mean \"collections\"?")]
    [InlineData(DatabaseProvider.Postgres, "kpi retire colections", "I don't know the KPI \"colections\". Nothing was changed. Did you mean \"collections\"?")]
    [InlineData(DatabaseProvider.Sqlite, "kpi rename widgets Gadgets", "I don't know the KPI \"widgets\"")]
    [InlineData(DatabaseProvider.Sqlite, "kpi frobnicate", "Type one of:")]
    public async Task KpiChange_BadInput_SaysWhyAndChangesNothing(DatabaseProvider provider, string command, string expected)
    {
        await using var app = TeamWorld.NewApp(provider);
        await TeamWorld.CreateAsync(app);
        var before = await KpisAsync(app);

        var reply = await TextAsync(app, TeamWorld.Personal(command));

        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.Equivalent(before, await KpisAsync(app));
        Assert.Empty(await AliasesAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task KpiAdd_SameSlugTwice_GetsAUniqueKeyPerTenant(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await TeamWorld.CreateAsync(app);
        await TeamWorld.CreateAsync(app, TeamWorld.TenantB);

        await TextAsync(app, TeamWorld.Personal("kpi add \"Demo calls\" count"));
        var second = await TextAsync(app, TeamWorld.Personal("kpi add demo_calls count"));
        var chineseOnly = await TextAsync(app, TeamWorld.Personal("kpi add 演示会 count"));
        var otherTenant = await TextAsync(app, TeamWorld.Personal("kpi add \"Demo calls\" count", tenant: TeamWorld.TenantB));

        Assert.Contains("(key demo-calls-2,", second, StringComparison.Ordinal);
        Assert.Contains("(key kpi-2,", chineseOnly, StringComparison.Ordinal);
        Assert.Contains("(key demo-calls,", otherTenant, StringComparison.Ordinal);
        Assert.Equal(["demo-calls", "demo-calls-2", "kpi-2"], (await KpisAsync(app)).Select(k => k.Key).Where(k => k.StartsWith("demo", StringComparison.Ordinal) || k.StartsWith("kpi", StringComparison.Ordinal)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Kpi_InAChannel_SaysItWorksInTheOneToOneChat(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await TeamWorld.CreateAsync(app);

        var reply = await TextAsync(app, TeamWorld.Channel("kpi add Renewals money", TeamWorld.Manager, TeamWorld.ManagerName));

        Assert.Contains("1:1", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(await KpisAsync(app), k => k.Key == "renewals");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task KpiAdd_Last_TheMonthIsTheLatestReading(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);

        var added = await TextAsync(app, TeamWorld.Personal("kpi add Pipeline 商机金额 money last"));
        var chinese = await TextAsync(app, TeamWorld.Personal("指标 添加 线索池 个数 最新").WithLocale("zh-CN"));
        await SendAsync(app, TeamWorld.Personal("log pipeline 50万", Alice, AliceName));
        await SendAsync(app, TeamWorld.Personal("log 商机金额 30万", Alice, AliceName));

        Assert.StartsWith("Added the KPI Pipeline (key pipeline, ", added, StringComparison.Ordinal);
        Assert.Contains(", latest value).", added, StringComparison.Ordinal);
        Assert.Contains("取最新值", chinese, StringComparison.Ordinal);
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var kpi = await store.Kpis.SingleAsync(k => k.Key == "pipeline");
            Assert.Equal(KpiAggregation.Last, kpi.Aggregation);
            var actuals = await scope.ServiceProvider.GetRequiredService<SalesCoachBot.Features.SalesResults.ResultLedger>()
                .ActualsAsync(world.Members[Alice], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
            Assert.Equal((300_000m, 2), (actuals[kpi.Id].Amount, actuals[kpi.Id].Results));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task KpiAdd_PercentAverage_LogsRatesAndTheMonthIsTheirMean(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);

        var added = await TextAsync(app, TeamWorld.Personal("kpi add \"Win rate\" 赢单率 percent average"));
        var first = await SendAsync(app, TeamWorld.Personal("log 赢单率 30", Alice, AliceName));
        var second = await SendAsync(app, TeamWorld.Personal("log win-rate 41.5", Alice, AliceName));
        var tooPrecise = await TextAsync(app, TeamWorld.Personal("log 赢单率 12.345", Alice, AliceName));

        Assert.StartsWith("Added the KPI Win rate (key win-rate, percent, average).", added, StringComparison.Ordinal);
        Assert.Contains("Logged Win rate +30%.", first.CardText(), StringComparison.Ordinal);
        Assert.Contains("35.75%", second.CardText(), StringComparison.Ordinal);
        Assert.Contains("12.345", tooPrecise, StringComparison.Ordinal);
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var kpi = await store.Kpis.SingleAsync(k => k.Key == "win-rate");
            var actuals = await scope.ServiceProvider.GetRequiredService<SalesCoachBot.Features.SalesResults.ResultLedger>()
                .ActualsAsync(world.Members[Alice], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
            Assert.Equal((35.75m, 2), (actuals[kpi.Id].Amount, actuals[kpi.Id].Results));
        }
    }

    [Theory]
    [InlineData(KpiAggregation.Sum, 100, 3, 100)]
    [InlineData(KpiAggregation.Count, 100, 3, 3)]
    [InlineData(KpiAggregation.Average, 100, 3, 33.33)]
    [InlineData(KpiAggregation.Average, 0, 0, 0)]
    [InlineData(KpiAggregation.Average, 0.05, 2, 0.03)]
    public void Aggregate_EachKind_SumCountOrMeanRoundedOnce(KpiAggregation aggregation, decimal sum, int results, decimal expected) =>
        Assert.Equal(expected, SalesCoachBot.Features.SalesResults.ResultLedger.Aggregate(aggregation, sum, results));

    [Fact]
    public void Parser_AddWithBothNamesUnitAndAggregation_ReadsEachPart()
    {
        Assert.Equal(new KpiRequest(KpiVerb.Add, NameEn: "Collections", NameZh: "回款", Unit: KpiUnit.Currency), KpiCommandParser.Read("add Collections 回款 money"));
        Assert.Equal(new KpiRequest(KpiVerb.Add, NameEn: "Win rate", Unit: KpiUnit.Percent, Aggregation: KpiAggregation.Average), KpiCommandParser.Read("add “Win rate” percent average"));
        Assert.Equal(new KpiRequest(KpiVerb.Add, NameEn: "Pipeline", NameZh: "商机金额", Unit: KpiUnit.Currency, Aggregation: KpiAggregation.Last), KpiCommandParser.Read("add Pipeline 商机金额 money last"));
        Assert.Equal(new KpiRequest(KpiVerb.Add, NameZh: "商机金额", Unit: KpiUnit.Currency, Aggregation: KpiAggregation.Last), KpiCommandParser.Read("添加 商机金额 金额 最新"));
        Assert.Equal(new KpiRequest(KpiVerb.Add, NameZh: "回款", Unit: KpiUnit.Currency), KpiCommandParser.Read("添加 回款 金额 合计"));
        Assert.Equal(new KpiRequest(KpiVerb.Add, NameZh: "拜访量", Unit: KpiUnit.Count), KpiCommandParser.Read("添加 拜访量 次数"));
        Assert.Equal(KpiVerb.Usage, KpiCommandParser.Read("add Collections Payments money").Verb);
        Assert.Equal(new KpiRequest(KpiVerb.Rename, "revenue", "营业额", KpiNameLanguage.Chinese), KpiCommandParser.Read("rename revenue zh:营业额"));
        Assert.Equal(new KpiRequest(KpiVerb.List), KpiCommandParser.Read(""));
        Assert.Equal(KpiVerb.Usage, KpiCommandParser.Read("alias revenue").Verb);
    }
}
