using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Targets;

/// <summary>
/// Periods as people say them, people by part of their name, targets without a yearly one and cards of past periods,
/// through the app (<see cref="TeamWorld"/>: Wednesday 18 November 2026 in Shanghai, manager Mia, reps Alice, Bob, Carol).
/// </summary>
public sealed class TargetPeriodsTests
{
    private static async Task<Dictionary<string, long>> AddRepsAsync(SalesCoachBotApplication app, TeamWorld world, params RosterEntry[] people)
    {
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using var _scope = scope;
        var ids = await scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>().AddMembersAsync(TeamWorld.TenantA, world.TeamId, people);
        return people.Select((p, i) => (p.TeamsUserId, Id: ids[i])).ToDictionary(p => p.TeamsUserId, p => p.Id, StringComparer.Ordinal);
    }

    private static string Text(Replies replies) => Assert.Single(replies).Text!;

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_FirstNameOrPrefix_FindsTheOnlyRepWhoMatches(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        var people = await AddRepsAsync(app, world, new("29:rita", null, "Rita Rep", "rita@contoso.com"), new("29:zhang", null, "张伟", null));
        var chat = app.Chat();

        var rita = Text(await chat.SendAsync(TeamWorld.Personal("set target rita revenue month 500000")));
        var zhang = Text(await chat.SendAsync(TeamWorld.Personal("设定目标 张 营收 下个月 15万").WithLocale("zh-CN")));
        var wang = Text(await chat.SendAsync(TeamWorld.Personal("set target wang contracts Q1 2027 12")));

        Assert.Equal("Revenue target for Rita Rep for November 2026 set to ¥500,000. There is no yearly target for 2026, so only the periods you set have a target.", rita);
        Assert.StartsWith("已将张伟在2026年12月的销售额目标设为 ¥15万。", zhang, StringComparison.Ordinal);
        Assert.StartsWith("Contracts signed target for Alice Wang for Q1 2027 set to 12.", wang, StringComparison.Ordinal);
        Assert.Equal(500_000m, await world.TargetAsync(TargetOwner.Member(people["29:rita"]), KpiDefaults.Revenue, SalesPeriod.Month(2026, 11)));
        Assert.Equal(150_000m, await world.TargetAsync(TargetOwner.Member(people["29:zhang"]), KpiDefaults.Revenue, SalesPeriod.Month(2026, 12)));
        Assert.Equal(12m, await world.TargetAsync(TargetOwner.Member(world.Members["29:alice"]), KpiDefaults.Contracts, SalesPeriod.Quarter(2027, 1)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTarget_SeveralRepsMatch_AnswersWithAButtonEach_AndTheButtonSetsIt(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        var people = await AddRepsAsync(app, world, new("29:li1", null, "Li Wei", "li.wei@contoso.com"), new("29:li2", null, "Li Wei", "wei.li@contoso.com"));
        var chat = app.Chat();

        var replies = await chat.SendAsync(TeamWorld.Personal("set target li revenue March 300000"));
        var chinese = await chat.SendAsync(TeamWorld.Personal("设定目标 Li 营收 3月 30万").WithLocale("zh-CN"));

        var card = Assert.Single(replies).Card();
        Assert.Equal("Several reps match li. Whose target is it?", card["body"]![0]!["text"]!.GetValue<string>());
        var buttons = card["body"]![2]!["actions"]!.AsArray();
        // Bob Li and both Li Wei, in name order; the two who share a name are told apart by e-mail.
        Assert.Equal(["Bob Li", "Li Wei · li.wei@contoso.com", "Li Wei · wei.li@contoso.com"], buttons.Select(b => b!["title"]!.GetValue<string>()));
        Assert.StartsWith("有多位销售与 Li 匹配", Assert.Single(chinese).CardTitle(), StringComparison.Ordinal);
        Assert.Empty(await world.TargetRowsAsync());

        // The button carries the member and the request, March as the year it meant (2027).
        var data = buttons[2]!["data"]!;
        Assert.Equal("2027-03", data["period"]!.GetValue<string>());
        var pressed = await chat.SendAsync(TeamWorld.Invoke(SetTargetPickCard.PickVerb, Data(data)));

        Assert.Equal("Revenue target for Li Wei for March 2027 set to ¥300,000. There is no yearly target for 2027, so only the periods you set have a target.", pressed.InvokeMessage());
        Assert.Equal(300_000m, await world.TargetAsync(TargetOwner.Member(people["29:li2"]), KpiDefaults.Revenue, SalesPeriod.Month(2027, 3)));
        Assert.Single(await world.TargetRowsAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetTargetPick_ForgedOrByARep_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        var other = await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        var chat = app.Chat();
        object Pick(long memberId) => new { memberId = memberId.ToString(CultureInfo.InvariantCulture), kpi = "revenue", period = "2027-03", amount = "300000" };

        // A rep pressing a manager's button, the manager for herself (no rep), a member of another tenant, broken data.
        var byRep = await chat.SendAsync(TeamWorld.Invoke(SetTargetPickCard.PickVerb, Pick(world.Members["29:bob"]), "29:alice", "Alice Wang"));
        var manager = await chat.SendAsync(TeamWorld.Invoke(SetTargetPickCard.PickVerb, Pick(world.Members[TeamWorld.Manager])));
        var otherTenant = await chat.SendAsync(TeamWorld.Invoke(SetTargetPickCard.PickVerb, Pick(other.Members["29:bob"])));
        var fromTenantB = await chat.SendAsync(TeamWorld.Invoke(SetTargetPickCard.PickVerb, Pick(world.Members["29:bob"]), tenant: TeamWorld.TenantB));
        var broken = await chat.SendAsync(TeamWorld.Invoke(SetTargetPickCard.PickVerb, new { memberId = "x", kpi = "revenue" }));

        Assert.Equal("Only a team's managers can set targets.", byRep.InvokeMessage());
        Assert.Equal("Mia Manager is not a rep of a team you manage, so you can't set their target.", manager.InvokeMessage());
        Assert.Equal("This choice is out of date. Type set target again.", otherTenant.InvokeMessage());
        Assert.Equal("This choice is out of date. Type set target again.", fromTenantB.InvokeMessage());
        Assert.Equal("This choice is out of date. Type set target again.", broken.InvokeMessage());
        Assert.Empty(await world.TargetRowsAsync());
        Assert.Empty(await other.TargetRowsAsync(TeamWorld.TenantB));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MonthTargetWithoutYearly_ShowsInTheMonthCardWithPace_AndTheYearSaysItIsASum(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.RecordAsync("29:alice", KpiDefaults.Revenue, 30_000m, new DateOnly(2026, 11, 10));
        var chat = app.Chat();
        await chat.SendAsync(TeamWorld.Personal("set target Alice revenue this month 100000"));

        var month = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets", "29:alice", "Alice Wang"))).CardText();
        var year = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets year", "29:alice", "Alice Wang"))).CardText();
        var chineseYear = Assert.Single(await chat.SendAsync(TeamWorld.Personal("目标 全年", "29:alice", "Alice Wang").WithLocale("zh-CN"))).CardText();
        var week = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets week", "29:alice", "Alice Wang"))).CardText();

        // November: 12 of 21 working days elapsed → expected ¥57,143; 30 % done, behind.
        TeamWorld.AssertInOrder(month, "This month · November 2026", "Revenue", "¥30,000 / ¥100,000", "30% done · Behind", "Expected by now", "¥57,143", "Needed per working day");
        Assert.DoesNotContain("Sum of", month, StringComparison.Ordinal);
        TeamWorld.AssertInOrder(year, "This year · 2026", "Revenue", "¥30,000 / ¥100,000", "Sum of the months and quarters set (no yearly target)", "30% done");
        Assert.Contains("已设定月份、季度目标合计（未设年度目标）", chineseYear, StringComparison.Ordinal);
        // A week of a month-only plan has no target of its own.
        Assert.Contains("No target set", week, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task QuarterOnlyAndMixed_EachPeriodShowsItsOwnTarget_NothingCountsTwice(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        var chat = app.Chat();
        // Bob: only Q4. Carol: Q4 and, inside it, November (which must not be added to Q4 again).
        await chat.SendAsync(TeamWorld.Personal("set target Bob revenue quarter 300000"));
        await chat.SendAsync(TeamWorld.Personal("set target Carol revenue quarter 360000"));
        await chat.SendAsync(TeamWorld.Personal("set target Carol revenue month 150000"));

        var bobMonth = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets", "29:bob", "Bob Li"))).CardText();
        var bobQuarter = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets quarter", "29:bob", "Bob Li"))).CardText();
        var bobYear = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets year", "29:bob", "Bob Li"))).CardText();
        var carolQuarter = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets quarter", "29:carol", "Carol Chen"))).CardText();
        var carolMonth = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets", "29:carol", "Carol Chen"))).CardText();
        var team = Assert.Single(await chat.SendAsync(TeamWorld.Personal("team quarter"))).CardText();

        Assert.Contains("No target set", bobMonth, StringComparison.Ordinal);
        Assert.Contains("¥0 / ¥300,000", bobQuarter, StringComparison.Ordinal);
        Assert.DoesNotContain("Sum of", bobQuarter, StringComparison.Ordinal);
        TeamWorld.AssertInOrder(bobYear, "¥0 / ¥300,000", "Sum of the months and quarters set");
        Assert.Contains("¥0 / ¥360,000", carolQuarter, StringComparison.Ordinal);
        Assert.Contains("¥0 / ¥150,000", carolMonth, StringComparison.Ordinal);
        // The team's quarter is the reps' own quarter targets: 300,000 + 360,000.
        TeamWorld.AssertInOrder(team, "This quarter · Q4 2026", "Revenue", "¥0 / ¥660,000");
    }

    [Fact]
    public async Task SetTarget_InDecember_MonthAlreadyOverMeansNextYear_AndTheReplySaysSo()
    {
        // Tuesday 15 December 2026, 10:00 in Shanghai.
        await using var app = new SalesCoachBotApplication(DatabaseProvider.Sqlite) { Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 15, 2, 0, 0, TimeSpan.Zero)) };
        var world = await TeamWorld.CreateAsync(app);
        var chat = app.Chat();

        var march = Text(await chat.SendAsync(TeamWorld.Personal("set target Alice revenue March 100000")));
        var december = Text(await chat.SendAsync(TeamWorld.Personal("设定目标 Alice 营收 十二月 8万").WithLocale("zh-CN")));
        var q1 = Text(await chat.SendAsync(TeamWorld.Personal("set target Alice revenue 一季度 300000")));

        Assert.StartsWith("Revenue target for Alice Wang for March 2027 set to ¥100,000.", march, StringComparison.Ordinal);
        Assert.StartsWith("已将Alice Wang在2026年12月的销售额目标设为 ¥8万。", december, StringComparison.Ordinal);
        Assert.StartsWith("Revenue target for Alice Wang for Q1 2027 set to ¥300,000.", q1, StringComparison.Ordinal);
        var alice = TargetOwner.Member(world.Members["29:alice"]);
        Assert.Equal(100_000m, await world.TargetAsync(alice, KpiDefaults.Revenue, SalesPeriod.Month(2027, 3)));
        Assert.Null(await world.TargetAsync(alice, KpiDefaults.Revenue, SalesPeriod.Month(2026, 3)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_LastMonth_ShowsTheFinalResultWithoutPace_AndItsButtonsWork(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        // October: Alice 90,000 of 100,000 (missed), Bob 205,000 of 100,000 (reached).
        await world.SeedNovemberAsync();
        var chat = app.Chat();

        var english = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets last month", "29:alice", "Alice Wang")));
        var chinese = Assert.Single(await chat.SendAsync(TeamWorld.Personal("目标 上月", "29:alice", "Alice Wang").WithLocale("zh-CN")));
        var bob = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets 10月", "29:bob", "Bob Li")));
        var quarter = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets 2026-Q3", "29:alice", "Alice Wang")));

        Assert.Equal("October 2026 · final result", english.CardTitle());
        TeamWorld.AssertInOrder(english.CardText(), "Revenue", "¥90,000 / ¥100,000", "90% done · Target missed", "Missed by ¥10,000");
        Assert.DoesNotContain("Needed per working day", english.CardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Expected by now", english.CardText(), StringComparison.Ordinal);
        Assert.Equal("2026年10月 · 最终结果", chinese.CardTitle());
        Assert.Contains("完成率 90% · 未达成", chinese.CardText(), StringComparison.Ordinal);
        Assert.Contains("205% done · Target reached", bob.CardText(), StringComparison.Ordinal);
        Assert.Equal("Q3 2026 · final result", quarter.CardTitle());

        // The log button comes back to October; the period buttons still go to the current periods.
        var actions = english.Card()["actions"]!.AsArray();
        Assert.Equal("2026-10", actions.Single(a => a!["verb"]!.GetValue<string>() == ProgressCardActions.LogResultVerb)!["data"]!["period"]!.GetValue<string>());
        Assert.All(actions.Where(a => a!["verb"]!.GetValue<string>() == ProgressCardActions.PeriodVerb), a => Assert.Null(a!["style"]));
        var back = await chat.SendAsync(TeamWorld.Invoke(ProgressCardActions.PeriodVerb, new { period = "2026-10" }, "29:alice", "Alice Wang"));
        var week = await chat.SendAsync(TeamWorld.Invoke(ProgressCardActions.PeriodVerb, new { period = "week" }, "29:alice", "Alice Wang"));
        Assert.Contains("October 2026 · final result", back.InvokeCardText(), StringComparison.Ordinal);
        Assert.Contains("This week · Week 47, 2026", week.InvokeCardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_NextMonth_ShowsTheTargetWithoutPace_AndUnknownWordsAreRefused(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var chat = app.Chat();

        var next = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets next month", "29:alice", "Alice Wang")));
        var bad = Assert.Single(await chat.SendAsync(TeamWorld.Personal("targets fortnight", "29:alice", "Alice Wang")));

        Assert.Equal("December 2026 · not started yet", next.CardTitle());
        TeamWorld.AssertInOrder(next.CardText(), "Revenue", "¥0 / ¥100,000", "Not started yet");
        Assert.DoesNotContain("% done", next.CardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Expected by now", next.CardText(), StringComparison.Ordinal);
        Assert.StartsWith("I don't know the period fortnight.", bad.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TeamAndLeaderboard_PastPeriods_ForTheMonthlyReview(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var chat = app.Chat();

        var team = Assert.Single(await chat.SendAsync(TeamWorld.Personal("team last month")));
        var chineseTeam = Assert.Single(await chat.SendAsync(TeamWorld.Personal("团队 上季度").WithLocale("zh-CN")));
        var named = Assert.Single(await chat.SendAsync(TeamWorld.Personal("team East Sales last quarter")));
        var leaderboard = Assert.Single(await chat.SendAsync(TeamWorld.Personal("排行榜 上月").WithLocale("zh-CN")));
        var channel = Assert.Single(await chat.SendAsync(TeamWorld.Channel("leaderboard improved 2026-10", "29:alice", "Alice Wang")));
        var bad = Assert.Single(await chat.SendAsync(TeamWorld.Personal("team last fortnight")));

        TeamWorld.AssertInOrder(team.CardText(), "Team East Sales", "October 2026 · final result", "Revenue", "¥295,000 / ¥200,000", "147.5% · Target reached",
            "Alice Wang", "90%", "Target missed · ¥90,000 / ¥100,000", "Bob Li", "205%", "Target reached · ¥205,000 / ¥100,000");
        Assert.Contains("2026年第3季度 · 最终结果", chineseTeam.CardText(), StringComparison.Ordinal);
        Assert.Contains("Q3 2026 · final result", named.CardText(), StringComparison.Ordinal);
        TeamWorld.AssertInOrder(leaderboard.CardText(), "2026年10月 · 最终结果", "🥇", "Bob Li", "205%", "🥈", "Alice Wang", "90%");
        Assert.Contains("October 2026 · final result", channel.CardText(), StringComparison.Ordinal);
        Assert.Contains("You don't manage a team called last fortnight", bad.Text, StringComparison.Ordinal);

        // The buttons of a past period's card: the view toggle keeps October, the period buttons go to this month.
        var teamId = world.TeamId.ToString(CultureInfo.InvariantCulture);
        var toggle = leaderboard.Card()["actions"]!.AsArray().Last()!["data"]!;
        Assert.Equal("2026-10", toggle["period"]!.GetValue<string>());
        var improved = await chat.SendAsync(TeamWorld.Invoke("leaderboard.view", Data(toggle)));
        var month = await chat.SendAsync(TeamWorld.Invoke("team.period", new { teamId, period = "month" }));
        var october = await chat.SendAsync(TeamWorld.Invoke("team.period", new { teamId, period = "2026-10" }));
        Assert.Contains("October 2026 · final result", improved.InvokeCardText(), StringComparison.Ordinal);
        Assert.Contains("This month · November 2026", month.InvokeCardText(), StringComparison.Ordinal);
        Assert.Contains("October 2026 · final result", october.InvokeCardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task HalfYear_IsAViewOverTwoQuarters_AndIsNeverSetOnItsOwn(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var chat = app.Chat();

        var second = Assert.Single(await chat.SendAsync(TeamWorld.Personal("目标 下半年", "29:alice", "Alice Wang").WithLocale("zh-CN")));
        var first = Assert.Single(await chat.SendAsync(TeamWorld.Personal("team H1")));
        var set = Text(await chat.SendAsync(TeamWorld.Personal("设定目标 Alice 营收 上半年 60万").WithLocale("zh-CN")));

        // Alice: 1,200,000 a year, so 600,000 a half; her July–November results are 170,000.
        Assert.Equal("当前半年 · 2026年下半年", second.CardTitle());
        Assert.Contains("¥17万 / ¥60万", second.CardText(), StringComparison.Ordinal);
        Assert.Contains("H1 2026 · final result", first.CardText(), StringComparison.Ordinal);
        Assert.Equal("2027年上半年没有单独的目标：请分别设定2027年第1季度和2027年第2季度的目标。", set);
        Assert.Equal(2, (await world.TargetRowsAsync()).Count);
    }

    // A card's data as the client sends it back.
    private static Dictionary<string, string> Data(JsonNode data) =>
        data.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
}
