using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Scorecards;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Scorecards;

/// <summary>
/// The period-end scorecards through the real app on the fake clock: TeamWorld's team (Shanghai), Alice and Bob with
/// revenue targets, Carol without; Mia manages. The job runs, the outbox holds what it decided, the fake connector what
/// reached Teams.
/// </summary>
public sealed class ScorecardJobTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private sealed record Row(string Key, long? MemberId, DateTimeOffset DueAt, Activity Activity);

    private static async Task<TeamWorld> WorldAsync(SalesCoachBotApplication app)
    {
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        foreach (var (id, name) in new[] { ("29:alice", "Alice Wang"), ("29:bob", "Bob Li"), ("29:carol", "Carol Chen"), (TeamWorld.Manager, TeamWorld.ManagerName) })
        {
            await app.PostActivityAsync(TeamWorld.Personal("help", id, name));
        }

        app.Connector.Reset();
        return world;
    }

    private static async Task<int> RunAsync(SalesCoachBotApplication app)
    {
        var scope = app.Services.CreateAsyncScope();
        await using (scope)
        {
            return await scope.ServiceProvider.GetRequiredService<ScorecardJob>().RunAsync(CancellationToken.None);
        }
    }

    private static async Task<List<Row>> OutboxAsync(SalesCoachBotApplication app)
    {
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var rows = await store.Outbox.AsNoTracking().Where(o => o.Kind == AutomaticMessageKinds.Scorecards).OrderBy(o => o.Id).ToListAsync();
            return [.. rows.Select(o => new Row(o.IdempotencyKey, o.MemberId, o.DueAt, JsonSerializer.Deserialize<Activity>(o.ActivityJson, BotJson.Options)!))];
        }
    }

    private static async Task UpdateMemberAsync(SalesCoachBotApplication app, long memberId, Action<Member> change)
    {
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            change(await store.Members.SingleAsync(m => m.Id == memberId));
            await store.SaveChangesAsync();
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_FirstWorkingMorningOfDecember_SendsNovembersScorecardsOnceEach_InPrivate(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await WorldAsync(app);
        long alice = world.Members["29:alice"], bob = world.Members["29:bob"], carol = world.Members["29:carol"], mia = world.Members[TeamWorld.Manager];

        // Monday 30 November, 09:13 in Shanghai: November is not over.
        app.MoveClockTo(Utc(11, 30, 1, 13));
        Assert.Equal(0, await RunAsync(app));
        // Tuesday 1 December, 08:13: not yet; 09:13: Alice, Bob and Mia's summary; twice at once and again later: once.
        app.MoveClockTo(Utc(12, 1, 0, 13));
        Assert.Equal(0, await RunAsync(app));
        app.MoveClockTo(Utc(12, 1, 1, 13));
        var together = await Task.WhenAll(RunAsync(app), RunAsync(app));
        Assert.Equal(3, together.Sum());
        app.MoveClockTo(Utc(12, 1, 2, 13));
        Assert.Equal(0, await RunAsync(app));

        var rows = await OutboxAsync(app);
        Assert.Equal(
            [$"scorecard-summary:{mia}:{world.TeamId}:2026-11", $"scorecard:{alice}:2026-11", $"scorecard:{bob}:2026-11"],
            rows.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(rows, r => r.MemberId == carol);

        var sent = await app.Connector.WaitForSentAsync(3);
        // Only 1:1 chats: nothing to the team's channel.
        Assert.Equal(3, sent.Count);
        Assert.All(sent, s => Assert.StartsWith("a:personal-", s.ConversationId, StringComparison.Ordinal));
        var aliceCard = sent.Single(s => s.ConversationId == "a:personal-29:alice").Activity!;
        Assert.Equal("Scorecard · November 2026", aliceCard.CardTitle());
        TeamWorld.AssertInOrder(aliceCard.CardText(), "Total score: 80", "¥80,000 of ¥100,000 (80%)", "settings off scorecards", "Stop scorecards");
        Assert.DoesNotContain("So far", aliceCard.CardText(), StringComparison.Ordinal);
        var summary = sent.Single(s => s.ConversationId is not "a:personal-29:alice" and not "a:personal-29:bob").Activity!;
        TeamWorld.AssertInOrder(summary.CardText(), "Team scorecard · November 2026", "1. Alice Wang", "80", "2. Bob Li", "20", "Stop scorecards");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_QuarterEnd_InEachMembersZone_AfterTheHoliday_AndOptedOutGetNone(DatabaseProvider provider)
    {
        // Monday 28 September 2026: Q3 is about to end; 1–7 October is the National Day holiday in China's calendar.
        await using var app = new SalesCoachBotApplication(provider) { Time = new FakeTimeProvider(Utc(9, 28, 2, 0)) };
        var world = await WorldAsync(app);
        long alice = world.Members["29:alice"], bob = world.Members["29:bob"], mia = world.Members[TeamWorld.Manager];
        await UpdateMemberAsync(app, bob, m => m.TimeZone = "America/New_York");
        await app.PostActivityAsync(TeamWorld.Personal("settings off scorecards"));
        app.Connector.Reset();

        // Thursday 1 October, 09:13 in Shanghai: a holiday, nothing.
        app.MoveClockTo(Utc(10, 1, 1, 13));
        Assert.Equal(0, await RunAsync(app));
        // Thursday 8 October, 09:13 in Shanghai: Alice gets September and Q3; Bob in New York is still on the 7th.
        app.MoveClockTo(Utc(10, 8, 1, 13));
        Assert.Equal(2, await RunAsync(app));
        // 09:13 in New York (summer time, UTC-4) is 13:13 UTC.
        app.MoveClockTo(Utc(10, 8, 12, 13));
        Assert.Equal(0, await RunAsync(app));
        app.MoveClockTo(Utc(10, 8, 13, 13));
        Assert.Equal(2, await RunAsync(app));
        app.MoveClockTo(Utc(10, 8, 14, 13));
        Assert.Equal(0, await RunAsync(app));

        var rows = await OutboxAsync(app);
        Assert.Equal([$"scorecard:{alice}:2026-09", $"scorecard:{alice}:2026-Q3", $"scorecard:{bob}:2026-09", $"scorecard:{bob}:2026-Q3"], rows.Select(r => r.Key));
        // Mia turned scorecards off: no summary.
        Assert.DoesNotContain(rows, r => r.MemberId == mia);
        Assert.Equal("Scorecard · Q3 2026", rows[1].Activity.CardTitle());
        // Bob's cards are due at 09:13 New York time.
        Assert.All(rows.Where(r => r.MemberId == bob),
            r => Assert.Equal(new TimeSpan(9, 13, 0), TimeZoneInfo.ConvertTime(r.DueAt, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).TimeOfDay));
    }

    [Fact]
    public void FirstWorkingDay_SkipsWeekendsAndHolidays()
    {
        Assert.Equal(new DateOnly(2026, 12, 1), ScorecardRound.FirstWorkingDay(WorkingCalendarFile.China, new DateOnly(2026, 12, 20)));
        Assert.Equal(new DateOnly(2026, 11, 2), ScorecardRound.FirstWorkingDay(WorkingCalendar.WeekendsOnly, new DateOnly(2026, 11, 30)));
    }
}
