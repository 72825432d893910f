using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.SalesResults;

public sealed class UndoCommandTests
{
    private const string TenantB = "tenant-fabrikam";

    // Wednesday 18 November 2026, 10:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private static async Task<(SalesCoachBotApplication App, FakeTimeProvider Time)> StartAsync(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(Now);
        var app = new SalesCoachBotApplication(provider) { Time = time };
        await app.PostActivityAsync(ActivityBuilder.Message("help").InPersonalChat());
        app.Connector.Reset();
        return (app, time);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Undo_DealWithinTenMinutes_TakesBackBothRows(DatabaseProvider provider)
    {
        var (app, time) = await StartAsync(provider);
        await using var _ = app;
        await app.PostActivityAsync(ActivityBuilder.Message("log visits 2").InPersonalChat());
        time.Advance(TimeSpan.FromMinutes(1));
        await app.PostActivityAsync(ActivityBuilder.Message("log deal 120000 Acme").InPersonalChat());
        time.Advance(TimeSpan.FromMinutes(9));
        app.Connector.Reset();

        await app.PostActivityAsync(ActivityBuilder.Message("undo").InPersonalChat());

        var reply = Assert.Single(app.Connector.SentActivities);
        Assert.Equal("Took back ¥120,000 revenue and 1 contract · Acme.", reply.Text);
        Assert.Equal("plain", reply.TextFormat);
        // The earlier visits still count; the deal's two rows stay for the audit trail but no longer count.
        var counting = await LogCommandTests.CountingResultsAsync(app);
        Assert.Equal([(KpiDefaults.Visits, 2m)], counting.Select(r => (r.Kpi, r.Result.Amount)));
        var (scope, store) = app.NewStore(ActivityBuilder.DefaultTenant);
        await using (scope)
        {
            Assert.Equal(2, await store.SalesResults.CountAsync(r => r.UndoneAt == Now.AddMinutes(10)));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Undo_Twice_TakesBackTheActionBefore(DatabaseProvider provider)
    {
        var (app, _) = await StartAsync(provider);
        await using var __ = app;
        await app.PostActivityAsync(ActivityBuilder.Message("记录 拜访 2").InPersonalChat().WithLocale("zh-CN"));
        await app.PostActivityAsync(ActivityBuilder.Message("记录 成交 12万 华为").InPersonalChat().WithLocale("zh-CN"));
        app.Connector.Reset();

        await app.PostActivityAsync(ActivityBuilder.Message("撤销").InPersonalChat().WithLocale("zh-CN"));
        await app.PostActivityAsync(ActivityBuilder.Message("撤销").InPersonalChat().WithLocale("zh-CN"));

        Assert.Equal(["已撤回：销售额 ¥12万和签约 1 份 · 华为。", "已撤回：拜访 2 次。"], app.Connector.SentActivities.Select(a => a.Text));
        Assert.Empty(await LogCommandTests.CountingResultsAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Undo_AfterTenMinutes_SaysTooLateAndKeepsTheResult(DatabaseProvider provider)
    {
        var (app, time) = await StartAsync(provider);
        await using var _ = app;
        await app.PostActivityAsync(ActivityBuilder.Message("log deal 120000 Acme").InPersonalChat());
        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        app.Connector.Reset();

        await app.PostActivityAsync(ActivityBuilder.Message("undo").InPersonalChat());

        var reply = Assert.Single(app.Connector.SentActivities);
        Assert.Equal("Your last result (¥120,000 revenue and 1 contract · Acme) was logged more than 10 minutes ago, so I can't take it back. Ask your manager to correct it.", reply.Text);
        Assert.Equal(2, (await LogCommandTests.CountingResultsAsync(app)).Count);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Undo_NothingLoggedByHand_SaysNothingToUndo(DatabaseProvider provider)
    {
        var (app, _) = await StartAsync(provider);
        await using var __ = app;
        // An imported result is not the rep's to undo.
        var (scope, store) = app.NewStore(ActivityBuilder.DefaultTenant);
        await using (scope)
        {
            var alice = await store.Members.SingleAsync(m => m.TeamsUserId == "29:alice");
            var revenue = await store.Kpis.SingleAsync(k => k.Key == KpiDefaults.Revenue);
            await scope.ServiceProvider.GetRequiredService<ResultLedger>()
                .RecordAsync(new ResultEntry(alice.Id, revenue.Id, 5_000m, new DateOnly(2026, 11, 17), ResultSources.Import, "row-1"));
        }

        await app.PostActivityAsync(ActivityBuilder.Message("undo").InPersonalChat());

        var reply = Assert.Single(app.Connector.SentActivities);
        Assert.Equal("There is nothing to undo: you have no result logged from chat or a card that still counts.", reply.Text);
        Assert.Single(await LogCommandTests.CountingResultsAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Undo_SameUserInOtherTenant_DoesNotTouchTenantAResults(DatabaseProvider provider)
    {
        var (app, _) = await StartAsync(provider);
        await using var __ = app;
        await app.PostActivityAsync(ActivityBuilder.Message("log deal 120000 Acme").InPersonalChat());
        app.Connector.Reset();

        await app.PostActivityAsync(ActivityBuilder.Message("undo").InPersonalChat().InTenant(TenantB));

        Assert.StartsWith("There is nothing to undo", Assert.Single(app.Connector.SentActivities).Text, StringComparison.Ordinal);
        Assert.Equal(2, (await LogCommandTests.CountingResultsAsync(app)).Count);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Undo_InChannel_SaysWhereItWorks(DatabaseProvider provider)
    {
        var (app, _) = await StartAsync(provider);
        await using var __ = app;
        await app.PostActivityAsync(ActivityBuilder.Message("log deal 120000 Acme").InPersonalChat());
        app.Connector.Reset();

        await app.PostActivityAsync(ActivityBuilder.Message("undo").InChannel().MentioningBot());

        Assert.Equal("\"undo\" works only in our 1:1 chat.", Assert.Single(app.Connector.SentActivities).Text);
        Assert.Equal(2, (await LogCommandTests.CountingResultsAsync(app)).Count);
    }


    [Theory]
    [InlineData("撤回")]
    [InlineData("取消")]
    [InlineData("撤销。")]
    public async Task Undo_OtherWords_TakeBackTheDealToo(string word)
    {
        var (app, time) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        await app.PostActivityAsync(ActivityBuilder.Message("记录 成交 12万 华为").InPersonalChat().WithLocale("zh-CN"));
        time.Advance(TimeSpan.FromMinutes(1));
        app.Connector.Reset();

        await app.PostActivityAsync(ActivityBuilder.Message(word).InPersonalChat().WithLocale("zh-CN"));

        Assert.StartsWith("已撤回", Assert.Single(app.Connector.SentActivities).Text, StringComparison.Ordinal);
        Assert.Empty(await LogCommandTests.CountingResultsAsync(app));
    }

    [Fact]
    public async Task Undo_OtherWordInChannel_SaysWhereItWorksNamingTheWordTyped()
    {
        var (app, _) = await StartAsync(DatabaseProvider.Sqlite);
        await using var __ = app;
        app.Connector.Reset();

        await app.PostActivityAsync(ActivityBuilder.Message("撤回").InChannel().MentioningBot().WithLocale("zh-CN"));

        Assert.StartsWith("“撤回”", Assert.Single(app.Connector.SentActivities).Text, StringComparison.Ordinal);
    }
}
