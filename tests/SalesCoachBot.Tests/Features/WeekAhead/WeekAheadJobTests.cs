using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.WeekAhead;
using SalesCoachBot.Sales;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.WeekAhead;

/// <summary>The app for week-ahead tests: TeamWorld's team (Mia manages Alice, Bob and Carol; Shanghai) on a clock the test starts.</summary>
internal sealed class WeekAheadApp(DatabaseProvider provider) : SalesCoachBotApplication(provider)
{
    public FakeTimeProvider Clock => Time!;

    public static WeekAheadApp Create(DatabaseProvider provider, DateTimeOffset start) => new(provider) { Time = new FakeTimeProvider(start) };
}

/// <summary>
/// The week-ahead card and the pace nudge through the real app: the job run on the fake clock, what it enqueued in the
/// outbox and what reached Teams. Alice and Bob have a yearly revenue target of 1,200,000 (2026); Carol has none.
/// </summary>
public sealed class WeekAheadJobTests
{
    // Monday 7 December 2026, 08:34 in Shanghai (00:34 UTC): 4 of December's 23 working days are gone.
    private static readonly DateTimeOffset MondayMorning = new(2026, 12, 7, 0, 34, 0, TimeSpan.Zero);

    // Wednesday 9 December 2026, 10:04 in Shanghai (02:04 UTC): 6 of 23 working days gone.
    private static readonly DateTimeOffset WednesdayMorning = new(2026, 12, 9, 2, 4, 0, TimeSpan.Zero);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>The team with Alice's and Bob's targets; everyone has talked to the bot, so their 1:1 chats are known.</summary>
    private static async Task<TeamWorld> WorldAsync(WeekAheadApp app, string tenant = TeamWorld.TenantA)
    {
        var world = await TeamWorld.CreateAsync(app, tenant);
        await world.SetYearlyAsync("29:alice", KpiDefaults.Revenue, 1_200_000m, tenant);
        await world.SetYearlyAsync("29:bob", KpiDefaults.Revenue, 1_200_000m, tenant);
        foreach (var (id, name) in new[] { ("29:alice", "Alice Wang"), ("29:bob", "Bob Li"), ("29:carol", "Carol Chen") })
        {
            await app.PostActivityAsync(TeamWorld.Personal("help", id, name, tenant));
        }

        app.Connector.Reset();
        return world;
    }

    private static async Task<WeekAheadOutcome> RunJobAsync(WeekAheadApp app)
    {
        var scope = app.Services.CreateAsyncScope();
        await using (scope)
        {
            return await scope.ServiceProvider.GetRequiredService<WeekAheadJob>().RunAsync(CancellationToken.None);
        }
    }

    private sealed record Row(string Key, string Kind, long? MemberId, long? ConversationId, DateTimeOffset DueAt, Activity Activity);

    /// <summary>The week-ahead cards and pace nudges in the outbox, oldest first.</summary>
    private static async Task<List<Row>> OutboxAsync(WeekAheadApp app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using (scope)
        {
            var rows = await store.Outbox.AsNoTracking()
                .Where(o => o.Kind == AutomaticMessageKinds.WeekAhead || o.Kind == AutomaticMessageKinds.Nudges).OrderBy(o => o.Id).ToListAsync();
            return [.. rows.Select(o => new Row(o.IdempotencyKey, o.Kind, o.MemberId, o.ConversationId, o.DueAt, JsonSerializer.Deserialize<Activity>(o.ActivityJson, BotJson.Options)!))];
        }
    }

    private static async Task UpdateMemberAsync(WeekAheadApp app, long memberId, Action<Member> change)
    {
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            change(await store.Members.SingleAsync(m => m.Id == memberId));
            await store.SaveChangesAsync();
        }
    }

    private static async Task<List<string>> OptOutsAsync(WeekAheadApp app, long memberId, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using (scope)
        {
            return await store.OptOuts.AsNoTracking().Where(o => o.MemberId == memberId).OrderBy(o => o.Kind).Select(o => o.Kind).ToListAsync();
        }
    }

    private static string Week(long memberId, string week) => $"week-ahead:{memberId}:{week}";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_MondayMorning_SendsEachRepWithTargetsTheirWeekAheadOnceInPrivate(DatabaseProvider provider)
    {
        await using var app = WeekAheadApp.Create(provider, TeamWorld.Now);
        var world = await WorldAsync(app);
        long alice = world.Members["29:alice"], bob = world.Members["29:bob"], carol = world.Members["29:carol"];
        await world.RecordAsync("29:alice", KpiDefaults.Revenue, 30_000m, new DateOnly(2026, 12, 1));
        await UpdateMemberAsync(app, bob, m => m.PreferredLocale = "zh-CN");

        // 08:19 in Shanghai: not yet.
        app.Clock.SetUtcNow(MondayMorning.AddMinutes(-15));
        Assert.Equal(new WeekAheadOutcome(0, 0), await RunJobAsync(app));

        // 08:34: Alice and Bob, twice at once and once more: one card each. Carol has no target: nothing, not an empty card.
        app.Clock.SetUtcNow(MondayMorning);
        var together = await Task.WhenAll(RunJobAsync(app), RunJobAsync(app));
        var again = await RunJobAsync(app);
        Assert.Equal(2, together.Sum(o => o.Cards));
        Assert.Equal(new WeekAheadOutcome(0, 0), again);
        // Later in the window (10:04): still nothing more; and no nudge, it is Monday.
        app.Clock.SetUtcNow(MondayMorning.AddMinutes(90));
        Assert.Equal(new WeekAheadOutcome(0, 0), await RunJobAsync(app));

        var rows = await OutboxAsync(app);
        Assert.Equal([Week(alice, "2026-W50"), Week(bob, "2026-W50")], rows.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal((AutomaticMessageKinds.WeekAhead, (long?)null), (r.Kind, r.ConversationId)));
        Assert.DoesNotContain(rows, r => r.MemberId == carol);

        var sent = await app.Connector.WaitForSentAsync(2);
        Assert.Equal(2, app.Connector.SentCount);
        // Only the reps' own 1:1 chats: nothing to the team's channel.
        Assert.Equal(["a:personal-29:alice", "a:personal-29:bob"], sent.Select(s => s.ConversationId).Order(StringComparer.Ordinal));
        var aliceCard = sent.Single(s => s.ConversationId == "a:personal-29:alice").Activity!;
        Assert.Equal("Your week ahead · Week 50, 2026", aliceCard.CardTitle());
        TeamWorld.AssertInOrder(aliceCard.CardText(), "December 2026 (4 of 23 working days gone)", "Revenue", "This week: ¥",
            "December 2026: ¥30,000 of ¥", "Ahead", "per working day (19 working days left)", "settings off week-ahead", "Stop week-ahead cards");
        var bobCard = sent.Single(s => s.ConversationId == "a:personal-29:bob").Activity!;
        Assert.Equal("本周预览 · 2026年第50周", bobCard.CardTitle());
        TeamWorld.AssertInOrder(bobCard.CardText(), "本周目标：¥", "2026年12月：完成 ¥0 / 目标 ¥", "落后进度", "每个工作日需", "剩余 19 个工作日", "设置 关闭 周预览", "不再接收周预览");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_RepInNewYorkAcrossBothDstChanges_GetsTheCardAt0830Local(DatabaseProvider provider)
    {
        // Sunday 1 March 2026, 10:00 in Shanghai: the team starts. New York moves to summer time on 8 March and back on 1 November.
        await using var app = WeekAheadApp.Create(provider, Utc(3, 1, 2, 0));
        var world = await WorldAsync(app);
        long alice = world.Members["29:alice"], bob = world.Members["29:bob"];
        await UpdateMemberAsync(app, bob, m => m.TimeZone = "America/New_York");

        // Monday 2 March: 08:34 in Shanghai is 00:34 UTC (Alice); in New York (UTC-5) 08:34 is 13:34 UTC (Bob).
        (DateTimeOffset At, long? Who)[] steps =
        [
            (Utc(3, 2, 0, 19), null), (Utc(3, 2, 0, 34), alice), (Utc(3, 2, 13, 19), null), (Utc(3, 2, 13, 34), bob),
            // Monday 9 March, summer time (UTC-4): 08:34 in New York is 12:34 UTC, an hour earlier in UTC.
            (Utc(3, 9, 0, 34), alice), (Utc(3, 9, 12, 19), null), (Utc(3, 9, 12, 34), bob), (Utc(3, 9, 13, 34), null),
            // Monday 26 October, still summer time: 12:34 UTC. Monday 2 November, winter time again: 13:34 UTC, not 12:34.
            (Utc(10, 26, 12, 34), bob), (Utc(11, 2, 12, 34), null), (Utc(11, 2, 13, 34), bob),
        ];
        var expected = new List<string>();
        foreach (var (at, who) in steps)
        {
            app.Clock.SetUtcNow(at);
            var outcome = await RunJobAsync(app);
            Assert.True(outcome == new WeekAheadOutcome(who is null ? 0 : 1, 0), $"{outcome} at {at:o}");
            if (who is { } member)
            {
                var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(member == bob ? "America/New_York" : "Asia/Shanghai")).DateTime);
                expected.Add(Week(member, PeriodWords.Key(SalesPeriod.Containing(SalesPeriodKind.Week, date))));
            }
        }

        var rows = await OutboxAsync(app);
        Assert.Equal(expected, rows.Select(r => r.Key));
        Assert.Equal([Week(bob, "2026-W10"), Week(bob, "2026-W11"), Week(bob, "2026-W44"), Week(bob, "2026-W45")],
            rows.Where(r => r.MemberId == bob).Select(r => r.Key));
        // Due at once (after his quiet hours): the instants are 08:34 New York time.
        Assert.All(rows.Where(r => r.MemberId == bob),
            r => Assert.Equal(new TimeSpan(8, 34, 0), TimeZoneInfo.ConvertTime(r.DueAt, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).TimeOfDay));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_MondayIsAHoliday_SendsOnTheFirstWorkingDayOfTheWeek(DatabaseProvider provider)
    {
        // Monday 6 April 2026 is Qingming (清明节) in China's calendar: the card comes on Tuesday 7 April, 08:34 in Shanghai.
        await using var app = WeekAheadApp.Create(provider, Utc(3, 30, 2, 0));
        var world = await WorldAsync(app);

        app.Clock.SetUtcNow(Utc(4, 6, 0, 34));
        Assert.Equal(new WeekAheadOutcome(0, 0), await RunJobAsync(app));
        app.Clock.SetUtcNow(Utc(4, 7, 0, 34));
        Assert.Equal(new WeekAheadOutcome(2, 0), await RunJobAsync(app));
        // Wednesday 8 April is a working day again, but the week's card is sent: once a week.
        app.Clock.SetUtcNow(Utc(4, 8, 0, 34));
        Assert.Equal(0, (await RunJobAsync(app)).Cards);

        Assert.Equal([Week(world.Members["29:alice"], "2026-W15"), Week(world.Members["29:bob"], "2026-W15")],
            (await OutboxAsync(app)).Where(r => r.Kind == AutomaticMessageKinds.WeekAhead).Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_SpringFestival_NoCardInAWeekOffAndNoNudgeOnAHolidayWednesday(DatabaseProvider provider)
    {
        // Monday 9 February 2026, 10:00 in Shanghai. China's 2026 calendar: 15–23 February off (春节), Saturday 14 and
        // Saturday 28 February working days.
        await using var app = WeekAheadApp.Create(provider, Utc(2, 9, 2, 0));
        await WorldAsync(app);

        // The week of 16 February has no working day: no card. Wednesday 18 February is a holiday: no nudge, although
        // Alice and Bob (nothing sold, 11 working days gone) are behind pace.
        app.Clock.SetUtcNow(Utc(2, 16, 0, 34));
        Assert.Equal(new WeekAheadOutcome(0, 0), await RunJobAsync(app));
        app.Clock.SetUtcNow(Utc(2, 18, 2, 4));
        Assert.Equal(new WeekAheadOutcome(0, 0), await RunJobAsync(app));
        // Monday 23 February is still off: the card comes on Tuesday; the next Wednesday, the nudges.
        app.Clock.SetUtcNow(Utc(2, 23, 0, 34));
        Assert.Equal(new WeekAheadOutcome(0, 0), await RunJobAsync(app));
        app.Clock.SetUtcNow(Utc(2, 24, 0, 34));
        Assert.Equal(new WeekAheadOutcome(2, 0), await RunJobAsync(app));
        app.Clock.SetUtcNow(Utc(2, 25, 2, 4));
        Assert.Equal(new WeekAheadOutcome(0, 2), await RunJobAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_WednesdayMorning_NudgesOnlyRepsBehindPaceOnceADay(DatabaseProvider provider)
    {
        await using var app = WeekAheadApp.Create(provider, TeamWorld.Now);
        var world = await WorldAsync(app);
        long alice = world.Members["29:alice"], bob = world.Members["29:bob"];
        // By Wednesday 9 December about 31,000 of a 115,000 month is expected: Alice is ahead, Bob behind.
        await world.RecordAsync("29:alice", KpiDefaults.Revenue, 60_000m, new DateOnly(2026, 12, 1));
        await world.RecordAsync("29:bob", KpiDefaults.Revenue, 5_000m, new DateOnly(2026, 12, 1));

        // 09:49: not yet; 10:04: Bob, once, however often it runs; Thursday 10:04: no nudge day.
        app.Clock.SetUtcNow(WednesdayMorning.AddMinutes(-15));
        Assert.Equal(new WeekAheadOutcome(0, 0), await RunJobAsync(app));
        app.Clock.SetUtcNow(WednesdayMorning);
        var together = await Task.WhenAll(RunJobAsync(app), RunJobAsync(app));
        Assert.Equal(1, together.Sum(o => o.Nudges));
        app.Clock.SetUtcNow(WednesdayMorning.AddMinutes(45));
        Assert.Equal(new WeekAheadOutcome(0, 0), await RunJobAsync(app));
        app.Clock.SetUtcNow(WednesdayMorning.AddDays(1));
        Assert.Equal(new WeekAheadOutcome(0, 0), await RunJobAsync(app));

        var row = Assert.Single(await OutboxAsync(app));
        Assert.Equal(($"pace-nudge:{bob}:2026-12-09", AutomaticMessageKinds.Nudges, (long?)bob, (long?)null), (row.Key, row.Kind, row.MemberId, row.ConversationId));
        var sent = Assert.Single(await app.Connector.WaitForSentAsync(1));
        Assert.Equal("a:personal-29:bob", sent.ConversationId);
        Assert.Equal("Behind pace in December 2026", sent.Activity!.CardTitle());
        TeamWorld.AssertInOrder(sent.Activity!.CardText(), "6 of 23 working days are gone", "Revenue", "¥5,000 of ¥", "behind pace",
            "per working day for the 17 working days left", "settings off nudges", "Log a result", "Stop pace nudges");
        // "Log a result" opens the log form for this month's progress card.
        var log = sent.Activity!.Card()["actions"]![0]!;
        Assert.Equal((ProgressCardActions.LogResultVerb, "month"), (log["verb"]!.GetValue<string>(), log["data"]![ProgressCardActions.PeriodKey]!.GetValue<string>()));
        Assert.DoesNotContain(await OutboxAsync(app), r => r.MemberId == alice);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_QuietHours_HoldTheCardAndDropANudgeThatWouldArriveTomorrow(DatabaseProvider provider)
    {
        await using var app = WeekAheadApp.Create(provider, TeamWorld.Now);
        var world = await WorldAsync(app);
        long alice = world.Members["29:alice"], bob = world.Members["29:bob"];
        await world.RecordAsync("29:alice", KpiDefaults.Revenue, 5_000m, new DateOnly(2026, 12, 1));
        await world.RecordAsync("29:bob", KpiDefaults.Revenue, 5_000m, new DateOnly(2026, 12, 1));
        // Bob is quiet 08:00–11:00; Alice from 09:00 until 08:00 the next morning.
        await app.Chat().SendAsync(TeamWorld.Personal("settings quiet 08:00-11:00", "29:bob", "Bob Li"));
        await app.Chat().SendAsync(TeamWorld.Personal("settings quiet 09:00-08:00", "29:alice", "Alice Wang"));
        app.Connector.Reset();

        // Monday 08:34: Alice's card goes now; Bob's is held until 11:00 in Shanghai (03:00 UTC).
        app.Clock.SetUtcNow(MondayMorning);
        Assert.Equal(new WeekAheadOutcome(2, 0), await RunJobAsync(app));
        var cards = await OutboxAsync(app);
        Assert.Equal(MondayMorning, cards.Single(r => r.MemberId == alice).DueAt);
        Assert.Equal(Utc(12, 7, 3, 0), cards.Single(r => r.MemberId == bob).DueAt);
        Assert.Equal("a:personal-29:alice", Assert.Single(await app.Connector.WaitForSentAsync(1)).ConversationId);
        app.MoveClockTo(Utc(12, 7, 3, 1));
        Assert.Equal("a:personal-29:bob", (await app.Connector.WaitForSentAsync(2))[1].ConversationId);

        // Wednesday 10:04: both behind. Bob's nudge waits until 11:00 today; Alice's would wait until tomorrow: not sent.
        app.Clock.SetUtcNow(WednesdayMorning);
        Assert.Equal(new WeekAheadOutcome(0, 1), await RunJobAsync(app));
        var nudge = Assert.Single(await OutboxAsync(app), r => r.Kind == AutomaticMessageKinds.Nudges);
        Assert.Equal((bob, Utc(12, 9, 3, 0)), (nudge.MemberId!.Value, nudge.DueAt));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_OptedOut_GetsNeitherTheCardNorTheNudgeTheyTurnedOff(DatabaseProvider provider)
    {
        await using var app = WeekAheadApp.Create(provider, TeamWorld.Now);
        var world = await WorldAsync(app);
        long alice = world.Members["29:alice"], bob = world.Members["29:bob"];
        await world.RecordAsync("29:alice", KpiDefaults.Revenue, 1_000m, new DateOnly(2026, 12, 1));
        await world.RecordAsync("29:bob", KpiDefaults.Revenue, 1_000m, new DateOnly(2026, 12, 1));
        await app.Chat().SendAsync(TeamWorld.Personal("settings off week-ahead", "29:alice", "Alice Wang"));
        await app.Chat().SendAsync(TeamWorld.Personal("设置 关闭 督促", "29:bob", "Bob Li").WithLocale("zh-CN"));

        app.Clock.SetUtcNow(MondayMorning);
        Assert.Equal(new WeekAheadOutcome(1, 0), await RunJobAsync(app));
        app.Clock.SetUtcNow(WednesdayMorning);
        Assert.Equal(new WeekAheadOutcome(0, 1), await RunJobAsync(app));

        Assert.Equal([(Week(bob, "2026-W50"), bob), ($"pace-nudge:{alice}:2026-12-09", alice)],
            (await OutboxAsync(app)).Select(r => (r.Key, r.MemberId!.Value)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_TwoTenants_EachRepHearsOnlyOfTheirOwnFigures(DatabaseProvider provider)
    {
        await using var app = WeekAheadApp.Create(provider, TeamWorld.Now);
        var contoso = await WorldAsync(app);
        var fabrikam = await WorldAsync(app, TeamWorld.TenantB);
        await contoso.RecordAsync("29:alice", KpiDefaults.Revenue, 30_000m, new DateOnly(2026, 12, 1));
        await fabrikam.RecordAsync("29:alice", KpiDefaults.Revenue, 70_000m, new DateOnly(2026, 12, 1), TeamWorld.TenantB);

        app.Clock.SetUtcNow(MondayMorning);
        Assert.Equal(new WeekAheadOutcome(4, 0), await RunJobAsync(app));

        var a = (await OutboxAsync(app)).Single(r => r.MemberId == contoso.Members["29:alice"]);
        var b = (await OutboxAsync(app, TeamWorld.TenantB)).Single(r => r.MemberId == fabrikam.Members["29:alice"]);
        Assert.Contains("¥30,000", a.Activity.CardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("¥70,000", a.Activity.CardText(), StringComparison.Ordinal);
        Assert.Contains("¥70,000", b.Activity.CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OptOutButton_PressedByTheRep_TurnsOffOnlyTheirNudges(DatabaseProvider provider)
    {
        await using var app = WeekAheadApp.Create(provider, TeamWorld.Now);
        var world = await WorldAsync(app, TeamWorld.TenantA);
        long alice = world.Members["29:alice"], bob = world.Members["29:bob"];
        await world.RecordAsync("29:alice", KpiDefaults.Revenue, 60_000m, new DateOnly(2026, 12, 1));
        await world.RecordAsync("29:bob", KpiDefaults.Revenue, 5_000m, new DateOnly(2026, 12, 1));
        // Bob is also a member of another tenant (no targets there).
        await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        app.Clock.SetUtcNow(WednesdayMorning);
        Assert.Equal(1, (await RunJobAsync(app)).Nudges);
        var card = Assert.Single(await OutboxAsync(app)).Activity;
        var stop = card.Card()["actions"]![1]!;
        Assert.Equal((OptOutActions.Verb, "Stop pace nudges"), (stop["verb"]!.GetValue<string>(), stop["title"]!.GetValue<string>()));
        var data = stop["data"]!.AsObject();
        Assert.Equal((AutomaticMessageKinds.Nudges, bob.ToString(CultureInfo.InvariantCulture), TeamWorld.TenantA),
            (data[OptOutActions.KindKey]!.GetValue<string>(), data[OptOutActions.MemberIdKey]!.GetValue<string>(), data[OptOutActions.TenantKey]!.GetValue<string>()));
        var chat = app.Chat();

        // Refused: Alice pressing Bob's card, Bob in the other tenant, the card in a channel, a forged kind. Nothing changes.
        var notYours = "This button belongs to someone else's card, so I changed nothing. Type “settings” to change your own.";
        Assert.Equal(notYours, (await chat.SendAsync(TeamWorld.Invoke(OptOutActions.Verb, data, "29:alice", "Alice Wang"))).InvokeMessage());
        Assert.Equal(notYours, (await chat.SendAsync(TeamWorld.Invoke(OptOutActions.Verb, data, "29:bob", "Bob Li", TeamWorld.TenantB))).InvokeMessage());
        var inChannel = ActivityBuilder.Of("invoke").InTenant(TeamWorld.TenantA).InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId).From("29:bob", "Bob Li")
            .WithName("adaptiveCard/action").WithValue(new { action = new { type = "Action.Execute", verb = OptOutActions.Verb, data } });
        Assert.Contains("1:1", (await chat.SendAsync(inChannel)).InvokeMessage(), StringComparison.Ordinal);
        var forged = JsonNode.Parse(data.ToJsonString())!.AsObject();
        forged[OptOutActions.KindKey] = "horoscopes";
        Assert.Equal(notYours, (await chat.SendAsync(TeamWorld.Invoke(OptOutActions.Verb, forged, "29:bob", "Bob Li"))).InvokeMessage());
        Assert.Empty(await OptOutsAsync(app, bob));
        Assert.Empty(await OptOutsAsync(app, alice));

        // Bob presses it (twice): his nudges are off, and the card says how to turn them back on.
        var done = await chat.SendAsync(TeamWorld.Invoke(OptOutActions.Verb, data, "29:bob", "Bob Li"));
        TeamWorld.AssertInOrder(done.InvokeCardText(), "Done, turned off: Pace and follow-up nudges.", "settings on nudges", "“settings”");
        await chat.SendAsync(TeamWorld.Invoke(OptOutActions.Verb, data, "29:bob", "Bob Li"));
        Assert.Equal([AutomaticMessageKinds.Nudges], await OptOutsAsync(app, bob));
        Assert.Empty(await OptOutsAsync(app, alice));

        // The next Wednesday he is still behind, and hears nothing.
        app.Clock.SetUtcNow(WednesdayMorning.AddDays(7));
        Assert.Equal(0, (await RunJobAsync(app)).Nudges);

        // In Chinese, from the week-ahead card.
        var zh = await chat.SendAsync(TeamWorld.Invoke(OptOutActions.Verb, OptOutActions.Data(AutomaticMessageKinds.WeekAhead, TeamWorld.TenantA, bob), "29:bob", "Bob Li")
            .WithLocale("zh-CN"));
        TeamWorld.AssertInOrder(zh.InvokeCardText(), "好的，已关闭：", "“设置 开启 周预览”");
        Assert.Equal([AutomaticMessageKinds.Nudges, AutomaticMessageKinds.WeekAhead], await OptOutsAsync(app, bob));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Registration_DeclaresTheJobEveryFifteenMinutesInUtc(DatabaseProvider provider)
    {
        using var app = WeekAheadApp.Create(provider, TeamWorld.Now);
        var definition = Assert.Single(app.Services.GetServices<IRecurringJobDefinition>(), d => d.Id == WeekAheadJob.RecurringJobId);
        Assert.Equal(("4-59/15 * * * *", TimeZoneInfo.Utc), (definition.Cron, definition.TimeZone));
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var scheduled = Assert.Single(connection.GetRecurringJobs(), j => j.Id == WeekAheadJob.RecurringJobId);
        Assert.Equal(typeof(WeekAheadJob), scheduled.Job.Type);
    }
}
