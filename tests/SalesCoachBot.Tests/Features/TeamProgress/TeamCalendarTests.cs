using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.TeamProgress;

/// <summary>
/// The team card and the leaderboard in the week across the new year 2027, whose holidays are not bundled: a footer
/// says pace counts Monday to Friday, until the tenant supplies 2027 or chooses weekends only for the team. One
/// tenant's calendar never changes another's cards.
/// </summary>
public sealed class TeamCalendarTests
{
    private const string KeyA = "key-of-the-default-tenant-0123";
    private const string KeyB = "key-of-tenant-fabrikam-012345";
    private const string EnglishNote = "The 2027 holiday schedule has not been loaded yet; pace counts Monday to Friday.";
    private const string ChineseNote = "2027年节假日安排尚未导入，进度按周一至周五计算";

    // Wednesday 30 December 2026, 10:00 in Shanghai (the team's zone): this week ends on Sunday 3 January 2027.
    private static readonly DateTimeOffset Now = new(2026, 12, 30, 2, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TeamAndLeaderboard_WeekInto2027_FooterInBothLanguages(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await SeedWeekAsync(world);

        var team = await CardAsync(app, TeamWorld.Personal("team week"));
        var leaderboard = await CardAsync(app, TeamWorld.Personal("排行榜 周").WithLocale("zh-CN"));
        var month = await CardAsync(app, TeamWorld.Personal("team month"));

        TeamWorld.AssertInOrder(team, "Team East Sales", "Alice Wang", "As of", EnglishNote);
        Assert.Contains(ChineseNote, leaderboard, StringComparison.Ordinal);
        Assert.DoesNotContain("holiday schedule", month, StringComparison.Ordinal);
        // Alice has 4,000 of 10,000: 2 of 5 working days are behind us (1 January counted), so she is on pace at 100 %.
        TeamWorld.AssertInOrder(team, "Alice Wang", "40%", "On pace · ¥4,000 / ¥10,000");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Team_2027SuppliedByItsTenant_NoFooterThereButStillInAnotherTenant(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        var other = await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        await SeedWeekAsync(world);
        await SeedWeekAsync(other, TeamWorld.TenantB);

        using var put = await AdminAsync(app, KeyA, HttpMethod.Put, TeamWorld.TenantA, "calendars/cn/2027", """{ "year": 2027, "holidays": ["2027-01-01..2027-01-03"] }""");
        var team = await CardAsync(app, TeamWorld.Personal("team week"));
        var otherTeam = await CardAsync(app, TeamWorld.Personal("team week", tenant: TeamWorld.TenantB));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.DoesNotContain("holiday schedule", team, StringComparison.Ordinal);
        // 1 January off: 2 of 4 working days behind us, 5,000 expected; Alice's 4,000 is 80 % of that, behind.
        TeamWorld.AssertInOrder(team, "Alice Wang", "40%", "Behind · ¥4,000 / ¥10,000");
        Assert.Contains(EnglishNote, otherTeam, StringComparison.Ordinal);
        TeamWorld.AssertInOrder(otherTeam, "Alice Wang", "40%", "On pace · ¥4,000 / ¥10,000");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Team_WeekendsOnlyChosen_NoFooterAndChinasHolidaysIgnored(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await SeedWeekAsync(world);

        using var choose = await AdminAsync(app, KeyA, HttpMethod.Put, TeamWorld.TenantA, $"teams/{world.TeamId}/calendar", """{ "calendar": "weekends" }""");
        var week = await CardAsync(app, TeamWorld.Personal("leaderboard week"));

        Assert.Equal(HttpStatusCode.OK, choose.StatusCode);
        Assert.DoesNotContain("holiday schedule", week, StringComparison.Ordinal);
        Assert.Equal(WorkingCalendarKind.WeekendsOnly, await ChoiceAsync(app, world.TeamId));
    }

    private static SalesCoachBotApplication NewApp(DatabaseProvider provider)
    {
        var app = new SalesCoachBotApplication(provider) { Time = new FakeTimeProvider(Now) };
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantA] = KeyA;
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantB] = KeyB;
        return app;
    }

    /// <summary>Alice: 10,000 revenue for this week (an override of her 2026 plan) and 4,000 logged on Monday.</summary>
    private static async Task SeedWeekAsync(TeamWorld world, string tenant = TeamWorld.TenantA)
    {
        await world.SetYearlyAsync("29:alice", KpiDefaults.Revenue, 1_200_000m, tenant);
        await world.OverrideAsync("29:alice", KpiDefaults.Revenue, SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 12, 30)), 10_000m, tenant);
        await world.RecordAsync("29:alice", KpiDefaults.Revenue, 4_000m, new DateOnly(2026, 12, 28), tenant);
        world.App.Connector.Reset();
    }

    private static async Task<string> CardAsync(SalesCoachBotApplication app, ActivityBuilder activity)
    {
        app.Connector.Reset();
        await app.PostActivityAsync(activity);
        return CardText.Of(Assert.Single(app.Connector.SentActivities));
    }

    private static async Task<HttpResponseMessage> AdminAsync(SalesCoachBotApplication app, string key, HttpMethod method, string tenant, string path, string json)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AdminApiKeyFilter.KeyHeader, key);
        using var request = new HttpRequestMessage(method, new Uri($"/api/admin/tenants/{tenant}/{path}", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await client.SendAsync(request);
    }

    private static async Task<WorkingCalendarKind?> ChoiceAsync(SalesCoachBotApplication app, long teamId)
    {
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            return (await store.SalesTeams.SingleAsync(t => t.Id == teamId)).WorkingCalendar;
        }
    }
}
