using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.Targets;

public sealed class TargetsCommandTests
{
    private const string TenantA = ActivityBuilder.DefaultTenant;
    private const string TenantB = "tenant-fabrikam";

    // Wednesday 18 November 2026, 10:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private static SalesCoachBotApplication NewApp(DatabaseProvider provider) => new(provider) { Time = new FakeTimeProvider(Now) };

    /// <summary>Alice (tenant A) with a yearly revenue target of 1,200,000 and two November results; returns her monthly target.</summary>
    private static async Task<decimal> SeedAliceAsync(SalesCoachBotApplication app)
    {
        // The first message makes Alice and the tenant's default KPIs known.
        await app.Chat().SendAsync("help");
        var (scope, store) = app.NewStore(TenantA);
        await using var _ = scope;
        var alice = await store.Members.SingleAsync(m => m.TeamsUserId == "29:alice");
        var revenue = await store.Kpis.SingleAsync(k => k.Key == KpiDefaults.Revenue);
        var plan = scope.ServiceProvider.GetRequiredService<TargetPlan>();
        var ledger = scope.ServiceProvider.GetRequiredService<ResultLedger>();
        await plan.SetYearlyAsync(TargetOwner.Member(alice.Id), revenue.Id, 2026, 1_200_000m);
        await ledger.RecordAsync(new ResultEntry(alice.Id, revenue.Id, 30_000m, new DateOnly(2026, 11, 3), "chat"));
        await ledger.RecordAsync(new ResultEntry(alice.Id, revenue.Id, 45_500m, new DateOnly(2026, 11, 16), "chat"));
        // October: outside the month shown.
        await ledger.RecordAsync(new ResultEntry(alice.Id, revenue.Id, 9_000m, new DateOnly(2026, 10, 30), "chat"));
        var target = await plan.TargetForAsync(TargetOwner.Member(alice.Id), revenue.Id, SalesPeriod.Month(2026, 11), WorkingCalendarFile.China);
        return target!.Value;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_RepWithTargetAndResults_SendsMonthCardWithActualAndTarget(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var target = await SeedAliceAsync(app);

        var replies = await app.Chat().SendAsync(ActivityBuilder.Message("targets").InPersonalChat());

        var reply = Assert.Single(replies);
        Assert.Equal("This month · November 2026", reply.CardTitle());
        var card = reply.CardText();
        Assert.Contains("Targets and progress for Alice Wang", card, StringComparison.Ordinal);
        Assert.Contains("Revenue", card, StringComparison.Ordinal);
        Assert.Contains("¥75,500 / " + SalesFormat.Amount("en-US", KpiUnit.Currency, "CNY", target), card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_ChineseWeek_SendsChineseWeekCard(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedAliceAsync(app);

        var replies = await app.Chat().SendAsync(ActivityBuilder.Message("目标 周").InPersonalChat().WithLocale("zh-CN"));

        var card = Assert.Single(replies).CardText();
        Assert.Contains("本周 · 2026年第47周", card, StringComparison.Ordinal);
        Assert.Contains("销售额", card, StringComparison.Ordinal);
        // Only the result of Monday 16 November is in ISO week 47.
        Assert.Contains("¥4.55万 / ", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PeriodAction_Quarter_ReturnsUpdatedCardInResponse(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedAliceAsync(app);

        var replies = await app.Chat().SendAsync(ActivityBuilder.Of("invoke").InPersonalChat().WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb = ProgressCardActions.PeriodVerb, data = new { period = "quarter" } } }));

        Assert.Equal(HttpStatusCode.OK, replies.Status);
        var card = replies.InvokeCardText();
        Assert.Contains("This quarter · Q4 2026", card, StringComparison.Ordinal);
        // October's result counts in the quarter: 30,000 + 45,500 + 9,000.
        Assert.Contains("¥84,500 / ", card, StringComparison.Ordinal);
        // The card changes in place through the invoke response: nothing is sent or updated.
        Assert.Empty(replies);
        Assert.Empty(replies.Updated);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_UnknownPeriod_RepliesWithErrorAndNoCard(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedAliceAsync(app);

        var replies = await app.Chat().SendAsync(ActivityBuilder.Message("targets fortnight").InPersonalChat());

        var reply = Assert.Single(replies);
        Assert.Empty(reply.Attachments ?? []);
        Assert.Contains("fortnight", reply.Text, StringComparison.Ordinal);
        Assert.Contains("targets week", reply.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_InChannel_SaysItWorksOnlyInPersonalChat(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedAliceAsync(app);

        var replies = await app.Chat().SendAsync(ActivityBuilder.Message("targets").InChannel().MentioningBot());

        var reply = Assert.Single(replies);
        Assert.Empty(reply.Attachments ?? []);
        Assert.Contains("1:1", reply.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_OtherTenantsMember_SeesNoneOfTenantAResults(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedAliceAsync(app);

        var replies = await app.Chat().SendAsync(ActivityBuilder.Message("targets").InPersonalChat().InTenant(TenantB));

        var card = Assert.Single(replies).CardText();
        Assert.Contains("This month · November 2026", card, StringComparison.Ordinal);
        Assert.Contains("¥0 / ¥0", card, StringComparison.Ordinal);
        Assert.DoesNotContain("75,500", card, StringComparison.Ordinal);
    }


    [Theory]
    [InlineData("进度", "本月 · 2026年11月")]
    [InlineData("完成率", "本月 · 2026年11月")]
    [InlineData("业绩 周", "本周 · 2026年第47周")]
    [InlineData("目标本月", "本月 · 2026年11月")]
    [InlineData("目标。", "本月 · 2026年11月")]
    [InlineData("目标周", "本周 · 2026年第47周")]
    [InlineData("目标：季度", "本季度 · 2026年第4季度")]
    public async Task Targets_OtherWordsOrNoSpace_SendTheCard(string command, string title)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        await SeedAliceAsync(app);

        var replies = await app.Chat().SendAsync(ActivityBuilder.Message(command).InPersonalChat().WithLocale("zh-CN"));

        Assert.Contains(title, Assert.Single(replies).CardText(), StringComparison.Ordinal);
    }
}
