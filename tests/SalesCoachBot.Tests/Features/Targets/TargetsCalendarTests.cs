using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.Targets;

/// <summary>
/// The targets card when its period reaches a year the calendar does not know: late December 2026, China's 2027
/// holidays not bundled (no official notice yet), so the week across the new year says pace counts Monday to Friday,
/// until an admin supplies 2027.
/// </summary>
public sealed class TargetsCalendarTests
{
    private const string Tenant = ActivityBuilder.DefaultTenant;
    private const string Key = "key-of-the-default-tenant-0123";
    private const string EnglishNote = "The 2027 holiday schedule has not been loaded yet; pace counts Monday to Friday.";
    private const string ChineseNote = "2027年节假日安排尚未导入，进度按周一至周五计算";

    // Wednesday 30 December 2026, 10:00 in Shanghai: this week runs Monday 28 December to Sunday 3 January 2027.
    private static readonly DateTimeOffset Now = new(2026, 12, 30, 2, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_WeekInto2027WithoutItsCalendar_FooterSaysPaceCountsMondayToFriday(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedWeekTargetAsync(app);

        var english = Assert.Single(await app.Chat().SendAsync(ActivityBuilder.Message("targets week").InPersonalChat())).CardText();
        var chinese = Assert.Single(await app.Chat().SendAsync(ActivityBuilder.Message("目标 周").InPersonalChat().WithLocale("zh-CN"))).CardText();

        Assert.Contains(EnglishNote, english, StringComparison.Ordinal);
        Assert.Contains(ChineseNote, chinese, StringComparison.Ordinal);
        // 2 of 5 working days (Monday to Friday, 1 January counted) are behind us: 2/5 of 10,000.
        Assert.Contains("Expected by now\n¥4,000", english, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_December2026_NoFooter(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedWeekTargetAsync(app);

        var card = Assert.Single(await app.Chat().SendAsync(ActivityBuilder.Message("targets month").InPersonalChat())).CardText();

        Assert.Contains("December 2026", card, StringComparison.Ordinal);
        Assert.DoesNotContain("holiday schedule", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_After2027IsSupplied_NoFooterAndPaceSkipsNewYearsDay(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedWeekTargetAsync(app);
        // The card is read once before, so the tenant's calendar is cached when the year arrives.
        Assert.Single(await app.Chat().SendAsync(ActivityBuilder.Message("targets week").InPersonalChat()));

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AdminApiKeyFilter.KeyHeader, Key);
        using var body = new StringContent("""{ "year": 2027, "holidays": ["2027-01-01"] }""", Encoding.UTF8, "application/json");
        using var put = await client.PutAsync(new Uri($"/api/admin/tenants/{Tenant}/calendars/cn/2027", UriKind.Relative), body);
        var card = Assert.Single(await app.Chat().SendAsync(ActivityBuilder.Message("targets week").InPersonalChat())).CardText();

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.DoesNotContain("holiday schedule", card, StringComparison.Ordinal);
        // 1 January is a holiday now: 2 of 4 working days are behind us, 2/4 of 10,000.
        Assert.Contains("Expected by now\n¥5,000", card, StringComparison.Ordinal);
    }

    private static SalesCoachBotApplication NewApp(DatabaseProvider provider)
    {
        var app = new SalesCoachBotApplication(provider) { Time = new FakeTimeProvider(Now) };
        app.Settings["Admin:ApiKeys:" + Tenant] = Key;
        return app;
    }

    /// <summary>Alice (zone: the default, Asia/Shanghai) with a yearly revenue target and 10,000 for this week.</summary>
    private static async Task SeedWeekTargetAsync(SalesCoachBotApplication app)
    {
        await app.Chat().SendAsync("help");
        var (scope, store) = app.NewStore(Tenant);
        await using var _ = scope;
        var alice = await store.Members.SingleAsync(m => m.TeamsUserId == "29:alice");
        var revenue = await store.Kpis.SingleAsync(k => k.Key == KpiDefaults.Revenue);
        var plan = scope.ServiceProvider.GetRequiredService<TargetPlan>();
        await plan.SetYearlyAsync(TargetOwner.Member(alice.Id), revenue.Id, 2026, 1_200_000m);
        await plan.OverrideAsync(TargetOwner.Member(alice.Id), revenue.Id, SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 12, 30)), 10_000m);
    }
}
