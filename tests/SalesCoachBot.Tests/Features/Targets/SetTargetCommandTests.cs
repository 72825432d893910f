using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Targets;

public sealed class SetTargetCommandTests
{
    private static readonly SalesPeriod Year2026 = SalesPeriod.Year(2026);

    private static async Task<string?> SendAsync(SalesCoachBotApplication app, ActivityBuilder activity)
    {
        app.Connector.Reset();
        await app.PostActivityAsync(activity);
        var reply = Assert.Single(app.Connector.SentActivities);
        Assert.Empty(reply.Attachments ?? []);
        return reply.Text;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_ManagerYearlyByName_SetsTheYearAndRepliesWithTheSplit(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);

        var reply = await SendAsync(app, TeamWorld.Personal("set target Alice Wang revenue year 1.2m"));

        var alice = TargetOwner.Member(world.Members["29:alice"]);
        Assert.Equal(1_200_000m, await world.TargetAsync(alice, KpiDefaults.Revenue, Year2026));
        Assert.Equal(100_000m, await world.TargetAsync(alice, KpiDefaults.Revenue, SalesPeriod.Month(2026, 11)));
        Assert.Equal("2026 Revenue target for Alice Wang set to ¥1,200,000 → ¥100,000 a month, about ¥23,000 a week.", reply);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_MonthOverrideByEmail_ChangesOnlyThatMonth(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await SendAsync(app, TeamWorld.Personal("set target Bob Li revenue 2026 1200000"));

        var reply = await SendAsync(app, TeamWorld.Personal("set target BOB@contoso.com sales 2026-03 150k"));
        var quarter = await SendAsync(app, TeamWorld.Personal("set target bob@contoso.com revenue Q2 2026 330000"));

        var bob = TargetOwner.Member(world.Members["29:bob"]);
        Assert.Equal(150_000m, await world.TargetAsync(bob, KpiDefaults.Revenue, SalesPeriod.Month(2026, 3)));
        Assert.Equal(100_000m, await world.TargetAsync(bob, KpiDefaults.Revenue, SalesPeriod.Month(2026, 4)));
        Assert.Equal(330_000m, await world.TargetAsync(bob, KpiDefaults.Revenue, SalesPeriod.Quarter(2026, 2)));
        Assert.Equal(1_200_000m, await world.TargetAsync(bob, KpiDefaults.Revenue, Year2026));
        Assert.Equal("Revenue target for Bob Li for March 2026 set to ¥150,000. The rest of the yearly plan is unchanged.", reply);
        Assert.Contains("for Q2 2026 set to ¥330,000", quarter, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_Team_SetsTheTeamsOwnTarget(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);

        var reply = await SendAsync(app, TeamWorld.Personal("set target team contracts year 120"));
        var week = await SendAsync(app, TeamWorld.Personal("set target team East contracts 2026-W48 5"));

        var team = TargetOwner.Team(world.TeamId);
        Assert.Equal(120m, await world.TargetAsync(team, KpiDefaults.Contracts, Year2026));
        Assert.Equal(5m, await world.TargetAsync(team, KpiDefaults.Contracts, SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 11, 23))));
        Assert.Equal("2026 Contracts signed target for team East Sales set to 120 → 10 a month, about 2 a week.", reply);
        Assert.Contains("for Week 48, 2026 set to 5", week, StringComparison.Ordinal);
        // Only the team has targets; no rep got one.
        Assert.All(await world.TargetRowsAsync(), r => Assert.Equal((null, world.TeamId), (r.MemberId, r.TeamId)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_ChineseWithMention_SetsTheMentionedRepsTarget(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        long zhang;
        await using (scope)
        {
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            zhang = (await directory.AddMembersAsync(TeamWorld.TenantA, world.TeamId, [new("29:zhang", "aad-zhang", "张伟", null)])).Single();
        }

        // As Teams sends it: the text holds <at>张伟</at>, the entity says who that is.
        var activity = TeamWorld.Personal("设定目标").WithLocale("zh-CN").Mentioning("29:zhang", "张伟", prepend: false);
        activity.WithText("设定目标 <at>张伟</at> 营收 年 120万");
        var reply = await SendAsync(app, activity);

        Assert.Equal(1_200_000m, await world.TargetAsync(TargetOwner.Member(zhang), KpiDefaults.Revenue, Year2026));
        Assert.Equal("已将张伟的2026年销售额目标设为 ¥120万，即每月 ¥10万，每周约 ¥2.3万。", reply);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_ByRep_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);

        var english = await SendAsync(app, TeamWorld.Personal("set target Alice Wang revenue year 1.2m", "29:alice", "Alice Wang"));
        var chinese = await SendAsync(app, TeamWorld.Personal("设定目标 Bob Li 营收 年 120万", "29:alice", "Alice Wang").WithLocale("zh-CN"));

        Assert.Equal("Only a team's managers can set targets.", english);
        Assert.Equal("只有团队经理才能设定目标。", chinese);
        Assert.Empty(await world.TargetRowsAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_ByManagerOfAnotherTeam_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var west = await directory.EnsureTeamAsync(TeamWorld.TenantA, "19:west@thread.tacv2", "West Sales", null);
            var wes = (await directory.AddMembersAsync(TeamWorld.TenantA, west.Id, [new("29:wes", null, "Wes West", null)])).Single();
            await directory.SetRoleAsync(TeamWorld.TenantA, west.Id, wes, TeamRole.Manager);
        }

        var byName = await SendAsync(app, TeamWorld.Personal("set target Alice Wang revenue year 1.2m", "29:wes", "Wes West"));
        // The manager herself is a member of East Sales, but not a rep: nobody sets a manager's target through it.
        var manager = await SendAsync(app, TeamWorld.Personal("set target Mia Manager revenue year 1m"));

        Assert.Equal("Alice Wang is not a rep of a team you manage, so you can't set their target.", byName);
        Assert.Equal("Mia Manager is not a rep of a team you manage, so you can't set their target.", manager);
        Assert.Empty(await world.TargetRowsAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_InChannel_SaysOneToOneOnlyAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);

        var reply = await SendAsync(app, TeamWorld.Channel("set target Alice Wang revenue year 1.2m", TeamWorld.Manager, TeamWorld.ManagerName));

        Assert.Contains("1:1", reply, StringComparison.Ordinal);
        Assert.Empty(await world.TargetRowsAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_ChineseCountWrittenAsMoney_AsksAboutRevenueAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);

        var reply = await SendAsync(app, TeamWorld.Personal("设定目标 Alice Wang 签约 年 50万").WithLocale("zh-CN"));

        Assert.StartsWith("签约数是数量，50万是金额的写法。是不是想设定营收（成交金额）目标？请输入：设定目标 Alice Wang 营收 年 50万", reply, StringComparison.Ordinal);
        Assert.Empty(await world.TargetRowsAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_BadInput_SaysWhatIsWrongAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            // Two reps with the same display name.
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            await directory.AddMembersAsync(TeamWorld.TenantA, world.TeamId, [new("29:li1", null, "Li Wei", "li.wei@contoso.com"), new("29:li2", null, "Li Wei", "wei.li@contoso.com")]);
        }

        (string Text, string Expected)[] cases =
        [
            ("set target Alice Wang widgets year 100", "I don't know the KPI"),
            ("set target Alice Wang revenue fortnight 100", "I don't understand the period"),
            ("set target Alice Wang revenue 2026-13 100", "I don't understand the period"),
            ("set target Alice Wang revenue 2026-W60 100", "I don't understand the period"),
            ("set target Alice Wang revenue year lots", "I can't read"),
            ("set target Alice Wang revenue year -5", "I can't read"),
            ("set target Alice Wang revenue year $100", "Revenue targets are in CNY"),
            ("set target Alice Wang contracts year 1.5", "counted in whole numbers"),
            ("set target Alice Wang contracts year 50万", "Did you mean a revenue (deal amount) target? Type: set target Alice Wang revenue year 500000"),
            ("set target Alice Wang contracts 2026-03 ¥50", "Type: set target Alice Wang revenue 2026-03 50"),
            ("set target Alice Wang visits year 2k", "Type: set target Alice Wang revenue year 2000"),
            ("set target Nobody Here revenue year 100", "I can't find"),
            ("set target nobody@contoso.com revenue year 100", "I can't find"),
            ("set target team North revenue year 100", "You don't manage a team called"),
            ("set target Alice Wang revenue H1 100", "H1 2027 has no target of its own: set its two quarters, Q1 2027 and Q2 2027."),
            ("set target Mia revenue year 100", "I can't find Mia among the reps of your teams"),
            ("set target Alice revenue", "Usage: set target"),
            ("set Alice Wang revenue year 100", "Usage: set target"),
        ];
        foreach (var (text, expected) in cases)
        {
            var reply = await SendAsync(app, TeamWorld.Personal(text));
            Assert.True(reply?.Contains(expected, StringComparison.Ordinal), $"{text} → {reply}");
        }

        Assert.Empty(await world.TargetRowsAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_FromAnotherTenant_CannotReachTenantAsPeople(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        // Tenant B: the same Teams ids and names, its own team and manager, but no rep called Alice Wang there.
        var other = await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        var (scope, store) = app.NewStore(TeamWorld.TenantB);
        await using (scope)
        {
            var alice = store.Members.Single(m => m.TeamsUserId == "29:alice");
            store.Members.Remove(alice);
            store.TeamMemberships.RemoveRange(store.TeamMemberships.Where(m => m.MemberId == alice.Id));
            await store.SaveChangesAsync();
        }

        var reply = await SendAsync(app, TeamWorld.Personal("set target alice@contoso.com revenue year 1m", tenant: TeamWorld.TenantB));

        Assert.StartsWith("I can't find", reply, StringComparison.Ordinal);
        Assert.Empty(await world.TargetRowsAsync());
        Assert.Empty(await other.TargetRowsAsync(TeamWorld.TenantB));
    }

    private static bool IsKpi(string word) => word is "revenue" or "营收" or "sales" or "contracts" or "合同";

    private static bool IsPeriod(string word) => PeriodWords.TryRead(word, new DateOnly(2026, 11, 18), YearlessPeriod.Ahead, out _);

    [Theory]
    [InlineData("target Alice Wang revenue year 1.2m", true, "Alice Wang", "revenue", "year", "1.2m")]
    [InlineData("TARGETS bob@contoso.com 营收 3月 120万", true, "bob@contoso.com", "营收", "3月", "120万")]
    [InlineData("<at>张伟</at> 营收 年 120万", false, "<at>张伟</at>", "营收", "年", "120万")]
    // Several words of period, before or after the value; a value with a space.
    [InlineData("target Rita revenue next month 500000", true, "Rita", "revenue", "next month", "500000")]
    [InlineData("target Rita revenue Q1 2027 500000", true, "Rita", "revenue", "Q1 2027", "500000")]
    [InlineData("target Rita Rep revenue 500000 december 2027", true, "Rita Rep", "revenue", "december 2027", "500000")]
    [InlineData("张 营收 下个月 15 万", false, "张", "营收", "下个月", "15万")]
    [InlineData("张伟 营收 2027年 一季度 15万", false, "张伟", "营收", "2027年 一季度", "15万")]
    // A name with a KPI word in it: the KPI is the one after which period and value read.
    [InlineData("target Sales Li revenue year 100", true, "Sales Li", "revenue", "year", "100")]
    [InlineData("target Alice Sales revenue year 100", true, "Alice Sales", "revenue", "year", "100")]
    public void Parse_WellFormed_FindsKpiPeriodAndValue(string arguments, bool afterSet, string who, string kpi, string period, string amount) =>
        Assert.Equal(new SetTargetRequest(who, kpi, period, amount), SetTargetParser.Parse(arguments, afterSet, IsKpi, IsPeriod));

    [Theory]
    // Nothing reads: the last word is the value and the words before it the period, so the reply names the bad part.
    [InlineData("target Alice Wang revenue fortnight 100", "Alice Wang", "revenue", "fortnight", "100")]
    [InlineData("target Alice Wang revenue next year lots", "Alice Wang", "revenue", "next year", "lots")]
    [InlineData("target Alice Wang widgets next month 100", "Alice Wang", "widgets", "next month", "100")]
    [InlineData("target Alice Wang widgets fortnight 100", "Alice Wang", "widgets", "fortnight", "100")]
    public void Parse_PartNotUnderstood_SplitsSoTheBadPartIsNamed(string arguments, string who, string kpi, string period, string amount) =>
        Assert.Equal(new SetTargetRequest(who, kpi, period, amount), SetTargetParser.Parse(arguments, afterSet: true, IsKpi, IsPeriod));

    [Theory]
    [InlineData("Alice revenue year 1m", true)]
    [InlineData("target revenue year 1m", true)]
    [InlineData("营收 年 120万", false)]
    [InlineData("", false)]
    public void Parse_WrongShape_IsNull(string arguments, bool afterSet) =>
        Assert.Null(SetTargetParser.Parse(arguments, afterSet, IsKpi, IsPeriod));

    [Theory]
    // The sentence that answered HTTP 500 (int.Parse on a full-width digit), and the same typed without spaces. In
    // November 2026 March is over, so a target for March means March 2027, and the reply says so.
    [InlineData("设定目标 Bob Li 营收 ３月 15万")]
    [InlineData("设置目标 Bob Li 营收 ３月 １５万")]
    [InlineData("设置目标Bob Li 营收 3月 15万。")]
    public async Task SetTarget_FullWidthAndSetUpWord_OverridesTheMonth(string command)
    {
        await using var app = TeamWorld.NewApp(DatabaseProvider.Sqlite);
        var world = await TeamWorld.CreateAsync(app);
        await SendAsync(app, TeamWorld.Personal("set target Bob Li revenue 2027 1200000"));

        var reply = await SendAsync(app, TeamWorld.Personal(command).WithLocale("zh-CN"));

        var bob = TargetOwner.Member(world.Members["29:bob"]);
        Assert.Equal(150_000m, await world.TargetAsync(bob, KpiDefaults.Revenue, SalesPeriod.Month(2027, 3)));
        Assert.Equal("已将Bob Li在2027年3月的销售额目标设为 ¥15万，年度计划的其他时段不变。", reply);
    }

    [Fact]
    public async Task SetTarget_SetWithoutTargetWord_ShowsTheUsage_ButChineseWordsNeedNone()
    {
        await using var app = TeamWorld.NewApp(DatabaseProvider.Sqlite);
        await TeamWorld.CreateAsync(app);

        var english = await SendAsync(app, TeamWorld.Personal("set Bob Li revenue 2026 1200000"));
        var chinese = await SendAsync(app, TeamWorld.Personal("设置目标 Bob Li 营收 2026 120万").WithLocale("zh-CN"));

        Assert.StartsWith("Usage: set target", english, StringComparison.Ordinal);
        Assert.StartsWith("已将Bob Li的2026年销售额目标设为 ¥120万", chinese, StringComparison.Ordinal);
    }
}
