using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Feedback;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Feedback;

/// <summary>
/// The cadence nudge through the real app: TeamWorld's team (Mia manages Alice, Bob and Carol, who joined on Wednesday
/// 18 November 2026, 10:00 in Shanghai), the job run on the fake clock, what it enqueued and what reached Teams.
/// </summary>
public sealed class FeedbackNudgeJobTests
{
    // Mia's 1:1 chat: the first one Teams gave her (TeamWorld's opening message, in ActivityBuilder's default chat).
    private const string MiaChat = "a:personal-alice";

    // Wednesday 2 December 2026, 10:00 in Shanghai (02:00 UTC): two weeks after the reps joined, a working day.
    private static readonly DateTimeOffset TwoWeeksOn = TeamWorld.Now.AddDays(14);

    // Everyone has talked to the bot, so the outbox finds their 1:1 chats.
    private static async Task<TeamWorld> WorldAsync(FeedbackApp app)
    {
        var world = await TeamWorld.CreateAsync(app);
        foreach (var (id, name) in new[] { (TeamWorld.Manager, TeamWorld.ManagerName), ("29:alice", "Alice Wang"), ("29:bob", "Bob Li"), ("29:carol", "Carol Chen") })
        {
            await app.PostActivityAsync(TeamWorld.Personal("help", id, name));
        }

        app.Connector.Reset();
        return world;
    }

    private static async Task<int> RunJobAsync(FeedbackApp app)
    {
        var scope = app.Services.CreateAsyncScope();
        await using (scope)
        {
            return await scope.ServiceProvider.GetRequiredService<FeedbackNudgeJob>().RunAsync(CancellationToken.None);
        }
    }

    /// <summary>The nudges the outbox holds for a member of the tenant, as (key, card text), oldest first.</summary>
    private static async Task<List<(string Key, string Text)>> NudgesAsync(FeedbackApp app, long memberId, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using (scope)
        {
            var rows = await store.Outbox.AsNoTracking().Where(o => o.Kind == AutomaticMessageKinds.Nudges && o.MemberId == memberId).OrderBy(o => o.Id).ToListAsync();
            return [.. rows.Select(o => (o.IdempotencyKey, CardText.Of(JsonSerializer.Deserialize<Activity>(o.ActivityJson, BotJson.Options)!)))];
        }
    }

    private static async Task<int> AllNudgesAsync(FeedbackApp app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using (scope)
        {
            return await store.Outbox.AsNoTracking().CountAsync(o => o.Kind == AutomaticMessageKinds.Nudges);
        }
    }

    /// <summary>A feedback note from Mia to <paramref name="who"/>, given at <paramref name="at"/>.</summary>
    private static async Task GiveAsync(FeedbackApp app, TeamWorld world, string who, DateTimeOffset at)
    {
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            store.FeedbackNotes.Add(new FeedbackNote
            {
                TenantId = TeamWorld.TenantA, EntryId = Guid.NewGuid().ToString("N"), GiverMemberId = world.Members[TeamWorld.Manager],
                ReceiverMemberId = world.Members[who], SalesTeamId = world.TeamId, Kind = FeedbackKind.Note, Behaviour = "Good call", GivenAt = at,
            });
            await store.SaveChangesAsync();
        }
    }

    private static async Task<List<FeedbackNudge>> NudgeRowsAsync(FeedbackApp app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using (scope)
        {
            return await store.FeedbackNudges.AsNoTracking().OrderBy(n => n.RepMemberId).ToListAsync();
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_FourteenDaysInTheTeamsZone_NudgesTheManagerInPrivateOnceAWeekPerRep(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        var mia = world.Members[TeamWorld.Manager];
        // Alice: 18 November 10:00 in Shanghai, 14 days before the run. Bob: 18 November 17:00 UTC, which is already
        // 19 November 01:00 in Shanghai, so 13 days in the team's zone (14 by UTC days). Carol: never, in the team 14 days.
        await GiveAsync(app, world, "29:alice", TeamWorld.Now);
        await GiveAsync(app, world, "29:bob", new DateTimeOffset(2026, 11, 18, 17, 0, 0, TimeSpan.Zero));

        // The day before, 13 days on: nobody is due.
        app.Clock.SetUtcNow(TwoWeeksOn.AddDays(-1));
        Assert.Equal(0, await RunJobAsync(app));

        app.Clock.SetUtcNow(TwoWeeksOn);
        Assert.Equal(1, await RunJobAsync(app));
        var sent = await app.Connector.WaitForSentAsync(1);

        var nudge = Assert.Single(sent);
        Assert.Equal(MiaChat, nudge.ConversationId);
        var card = nudge.Activity!;
        Assert.Equal("Time for feedback", card.CardTitle());
        TeamWorld.AssertInOrder(card.CardText(), "Alice Wang", "14 days since the last feedback", "Write feedback", "Snooze",
            "Carol Chen", "No feedback yet (in the team for 14 days)", "Write feedback", "settings off nudges");
        Assert.DoesNotContain("Bob Li", card.CardText(), StringComparison.Ordinal);
        Assert.Equal([$"feedback-nudge:{mia}:2026-12-02"], (await NudgesAsync(app, mia)).Select(n => n.Key));

        // The next day Bob is due (14 days in Shanghai); Alice and Carol were named yesterday, so only Bob.
        app.Clock.SetUtcNow(TwoWeeksOn.AddDays(1));
        Assert.Equal(1, await RunJobAsync(app));
        var second = (await app.Connector.WaitForSentAsync(2))[^1].Activity!;
        Assert.Contains("Bob Li", second.CardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Alice Wang", second.CardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Carol Chen", second.CardText(), StringComparison.Ordinal);

        // Six days after the first nudge, nobody (Bob was named the day after); on the seventh, Alice and Carol again.
        app.Clock.SetUtcNow(TwoWeeksOn.AddDays(6));
        Assert.Equal(0, await RunJobAsync(app));
        app.Clock.SetUtcNow(TwoWeeksOn.AddDays(7));
        Assert.Equal(1, await RunJobAsync(app));
        var third = (await NudgesAsync(app, mia))[^1];
        Assert.Equal($"feedback-nudge:{mia}:2026-12-09", third.Key);
        TeamWorld.AssertInOrder(third.Text, "Alice Wang", "21 days since the last feedback", "Carol Chen", "No feedback yet (in the team for 21 days)");
        Assert.DoesNotContain("Bob Li", third.Text, StringComparison.Ordinal);
        Assert.Equal(3, await AllNudgesAsync(app));
        // Only Mia's 1:1 chat ever heard of it.
        Assert.All(app.Connector.Sent, r => Assert.Equal(MiaChat, r.ConversationId));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_TwiceOrTwoAtOnce_SendsOneMessage(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        app.Clock.SetUtcNow(TwoWeeksOn);

        var together = await Task.WhenAll(RunJobAsync(app), RunJobAsync(app));
        var again = await RunJobAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var laterInTheHour = await RunJobAsync(app);
        await app.Connector.WaitForSentAsync(1);

        Assert.Equal(1, together.Sum());
        Assert.Equal((0, 0), (again, laterInTheHour));
        Assert.Single(await NudgesAsync(app, world.Members[TeamWorld.Manager]));
        Assert.Equal(1, app.Connector.SentCount);
        // Each rep marked once, at the run's time.
        Assert.Equal(3, (await NudgeRowsAsync(app)).Count(n => n.LastNudgedAt == TwoWeeksOn));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_OutsideTheManagersWorkingHours_SendsNothing(DatabaseProvider provider)
    {
        // Tuesday 1 September 2026, 10:00 in Shanghai: the team starts; a month on is China's National Day week.
        await using var app = new FeedbackApp(provider) { Time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 2, 0, 0, TimeSpan.Zero)) };
        var world = await WorldAsync(app);
        var mia = world.Members[TeamWorld.Manager];
        static DateTimeOffset Shanghai(int month, int day, int hour) => new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

        // Saturday 19 September (a weekend); 03:00 and 11:00 on Wednesday 30 September (a working day, outside the nudge
        // hour); 10:00 on 1 and 4 October (National Day holidays).
        foreach (var at in new[] { Shanghai(9, 19, 10), Shanghai(9, 30, 3), Shanghai(9, 30, 11), Shanghai(10, 1, 10), Shanghai(10, 4, 10) })
        {
            app.Clock.SetUtcNow(at);
            Assert.True(await RunJobAsync(app) == 0, $"sent at {at}");
        }

        Assert.Equal(0, await AllNudgesAsync(app));
        Assert.Empty(await NudgeRowsAsync(app));

        // Saturday 10 October is a working day in China's 2026 calendar (调休): the team works, Mia hears of them.
        app.Clock.SetUtcNow(Shanghai(10, 10, 10));
        Assert.Equal(1, await RunJobAsync(app));
        Assert.Equal([$"feedback-nudge:{mia}:2026-10-10"], (await NudgesAsync(app, mia)).Select(n => n.Key));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_ManagerInQuietHoursOrOptedOut_SendsNothingAndMarksNobody(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        var mia = world.Members[TeamWorld.Manager];
        await app.Chat().SendAsync(TeamWorld.Personal("settings quiet 09:30-12:00"));
        app.Clock.SetUtcNow(TwoWeeksOn);

        Assert.Equal(0, await RunJobAsync(app));

        await app.Chat().SendAsync(TeamWorld.Personal("settings quiet 21:00-08:00"));
        await app.Chat().SendAsync(TeamWorld.Personal("设置 关闭 督促").WithLocale("zh-CN"));
        Assert.Equal(0, await RunJobAsync(app));
        Assert.Empty(await NudgesAsync(app, mia));
        Assert.Empty(await NudgeRowsAsync(app));

        // Turned on again: the same day's nudge comes (nothing was marked while it could not be sent).
        await app.Chat().SendAsync(TeamWorld.Personal("settings on nudges"));
        Assert.Equal(1, await RunJobAsync(app));
        Assert.Single(await NudgesAsync(app, mia));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_ManagerWithOwnZone_NudgedInTheirOwnMorning(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        await app.Chat().SendAsync(TeamWorld.Personal("settings timezone Europe/Berlin"));

        // 10:00 in Shanghai is 03:00 in Berlin: nothing. 10:00 in Berlin (17:00 in Shanghai, same working day): the nudge.
        app.Clock.SetUtcNow(TwoWeeksOn);
        Assert.Equal(0, await RunJobAsync(app));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunJobAsync(app));
        Assert.Single(await NudgesAsync(app, world.Members[TeamWorld.Manager]));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_ManagersOfOtherTeamsAndTenants_HearOnlyOfTheirOwnReps(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        long wes, zed;
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var west = await directory.EnsureTeamAsync(TeamWorld.TenantA, "19:west@thread.tacv2", "West Sales", null);
            var ids = await directory.AddMembersAsync(TeamWorld.TenantA, west.Id, [new("29:wes", null, "Wes West", null), new("29:walt", null, "Walt Wu", null)]);
            wes = ids[0];
            await directory.SetRoleAsync(TeamWorld.TenantA, west.Id, wes, TeamRole.Manager);
        }

        await app.PostActivityAsync(ActivityBuilder.Message("help").InTenant(TeamWorld.TenantB).InPersonalChat("a:personal-29:zed").From("29:zed", "Zed Zhou"));
        var (scopeB, _) = app.NewStore(TeamWorld.TenantB);
        await using (scopeB)
        {
            var directory = scopeB.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var team = await directory.EnsureTeamAsync(TeamWorld.TenantB, "19:fabrikam@thread.tacv2", "Fabrikam Sales", null);
            var ids = await directory.AddMembersAsync(TeamWorld.TenantB, team.Id, [new("29:zed", null, "Zed Zhou", null), new("29:yan", null, "Yan Rep", null)]);
            zed = ids[0];
            await directory.SetRoleAsync(TeamWorld.TenantB, team.Id, zed, TeamRole.Manager);
        }

        app.Clock.SetUtcNow(TwoWeeksOn);
        Assert.Equal(3, await RunJobAsync(app));

        var toMia = Assert.Single(await NudgesAsync(app, world.Members[TeamWorld.Manager])).Text;
        var toWes = Assert.Single(await NudgesAsync(app, wes)).Text;
        var toZed = Assert.Single(await NudgesAsync(app, zed, TeamWorld.TenantB)).Text;
        TeamWorld.AssertInOrder(toMia, "Alice Wang", "Bob Li", "Carol Chen");
        Assert.All(new[] { "Walt Wu", "Yan Rep" }, name => Assert.DoesNotContain(name, toMia, StringComparison.Ordinal));
        Assert.Contains("Walt Wu", toWes, StringComparison.Ordinal);
        Assert.All(new[] { "Alice Wang", "Bob Li", "Carol Chen", "Yan Rep" }, name => Assert.DoesNotContain(name, toWes, StringComparison.Ordinal));
        Assert.Contains("Yan Rep", toZed, StringComparison.Ordinal);
        Assert.All(new[] { "Alice Wang", "Bob Li", "Carol Chen", "Walt Wu" }, name => Assert.DoesNotContain(name, toZed, StringComparison.Ordinal));
        Assert.Equal(1, await AllNudgesAsync(app, TeamWorld.TenantB));
        Assert.Single(await NudgeRowsAsync(app, TeamWorld.TenantB));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_AfterPrivateFeedback_TheContentNeverReachesAChannelNorTheNudge(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        await WorldAsync(app);
        await app.Chat().SendAsync(FeedbackApp.Personal("feedback SECRET-PRICING talk went badly", mention: ("29:bob", "Bob Li")));
        await app.Connector.WaitForSentAsync(2);

        app.Clock.SetUtcNow(TwoWeeksOn);
        Assert.Equal(1, await RunJobAsync(app));
        var nudge = (await app.Connector.WaitForSentAsync(3))[^1];

        Assert.Equal(MiaChat, nudge.ConversationId);
        TeamWorld.AssertInOrder(nudge.Activity!.CardText(), "Alice Wang", "Bob Li", "14 days since the last feedback", "Carol Chen");
        Assert.DoesNotContain("SECRET", JsonSerializer.Serialize(nudge.Activity, BotJson.Options), StringComparison.Ordinal);
        app.AssertNeverOutsidePrivateChats("SECRET");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Snooze_ByTheManager_HidesTheRepUntilThen(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        var mia = world.Members[TeamWorld.Manager];
        var alice = world.Members["29:alice"];
        app.Clock.SetUtcNow(TwoWeeksOn);
        await RunJobAsync(app);
        var card = (await app.Connector.WaitForSentAsync(1))[0].Activity!.Card();
        // Alice's Snooze → 2 weeks, as the card carries it.
        var snooze = card["body"]![2]!["items"]![2]!["actions"]![1]!["card"]!["actions"]![1]!;
        Assert.Equal(FeedbackNudgeCard.SnoozeVerb, snooze["verb"]!.GetValue<string>());
        var data = snooze["data"]!;
        Assert.Equal((Id(mia), Id(alice), "2"), (data["managerId"]!.GetValue<string>(), data["repId"]!.GetValue<string>(), data["weeks"]!.GetValue<string>()));

        var reply = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackNudgeCard.SnoozeVerb, new { managerId = Id(mia), repId = Id(alice), weeks = "2" }));
        var chinese = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackNudgeCard.SnoozeVerb, new { managerId = Id(mia), repId = Id(world.Members["29:carol"]), weeks = "1" })
            .WithLocale("zh-CN"));

        Assert.Equal("Snoozed: I won't remind you about Alice Wang before Dec 16, 2026.", reply.InvokeMessage());
        Assert.Equal("好的，2026年12月9日之前不再提醒你Carol Chen。", chinese.InvokeMessage());
        Assert.Equal(TwoWeeksOn.AddDays(14), (await NudgeRowsAsync(app)).Single(n => n.RepMemberId == alice).SnoozedUntil);

        // A week on: Bob and Carol again (Carol's week is over), not Alice; two weeks on, Alice's snooze is over too.
        app.Clock.SetUtcNow(TwoWeeksOn.AddDays(7));
        await RunJobAsync(app);
        var week = (await NudgesAsync(app, mia))[^1].Text;
        TeamWorld.AssertInOrder(week, "Bob Li", "Carol Chen");
        Assert.DoesNotContain("Alice Wang", week, StringComparison.Ordinal);
        app.Clock.SetUtcNow(TwoWeeksOn.AddDays(14));
        Assert.Equal(1, await RunJobAsync(app));
        TeamWorld.AssertInOrder((await NudgesAsync(app, mia))[^1].Text, "Alice Wang", "Bob Li", "Carol Chen");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Snooze_ForgedOrNotTheManagers_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        var mia = Id(world.Members[TeamWorld.Manager]);
        var bob = Id(world.Members["29:bob"]);
        long wes;
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var west = await directory.EnsureTeamAsync(TeamWorld.TenantA, "19:west@thread.tacv2", "West Sales", null);
            wes = (await directory.AddMembersAsync(TeamWorld.TenantA, west.Id, [new("29:wes", null, "Wes West", null)]))[0];
            await directory.SetRoleAsync(TeamWorld.TenantA, west.Id, wes, TeamRole.Manager);
        }

        app.Clock.SetUtcNow(TwoWeeksOn);
        await RunJobAsync(app);
        var before = await NudgeRowsAsync(app);

        // Another manager pressing Mia's button; a rep naming themselves the manager; Wes snoozing Mia's rep on his own
        // behalf; another tenant's member replaying Mia's data; bad weeks, ids that are not numbers; a group chat.
        var otherManager = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackNudgeCard.SnoozeVerb, new { managerId = mia, repId = bob, weeks = "1" }, "29:wes", "Wes West"));
        var rep = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackNudgeCard.SnoozeVerb, new { managerId = bob, repId = bob, weeks = "1" }, "29:bob", "Bob Li"));
        var notHisRep = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackNudgeCard.SnoozeVerb, new { managerId = Id(wes), repId = bob, weeks = "1" }, "29:wes", "Wes West"));
        await app.PostActivityAsync(ActivityBuilder.Message("help").InTenant(TeamWorld.TenantB).InPersonalChat("a:personal-29:mia").From(TeamWorld.Manager, TeamWorld.ManagerName));
        var otherTenant = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackNudgeCard.SnoozeVerb, new { managerId = mia, repId = bob, weeks = "1" }, tenant: TeamWorld.TenantB));
        var weeks = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackNudgeCard.SnoozeVerb, new { managerId = mia, repId = bob, weeks = "52" }));
        var notANumber = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackNudgeCard.SnoozeVerb, new { managerId = mia, repId = "bob", weeks = "1" }));
        var groupChat = await app.Chat().SendAsync(ActivityBuilder.Of("invoke").InTenant(TeamWorld.TenantA).InGroupChat().From(TeamWorld.Manager, TeamWorld.ManagerName)
            .WithName("adaptiveCard/action").WithValue(new { action = new { type = "Action.Execute", verb = FeedbackNudgeCard.SnoozeVerb, data = new { managerId = mia, repId = bob, weeks = "1" } } }));

        Assert.Equal("This reminder was for another manager, so I changed nothing.", otherManager.InvokeMessage());
        Assert.Equal("This person is not a rep of a team you manage any more, so I changed nothing.", rep.InvokeMessage());
        Assert.Equal("This person is not a rep of a team you manage any more, so I changed nothing.", notHisRep.InvokeMessage());
        Assert.Equal("This reminder was for another manager, so I changed nothing.", otherTenant.InvokeMessage());
        Assert.Equal("I can't read this button any more, so I changed nothing.", weeks.InvokeMessage());
        Assert.Equal("I can't read this button any more, so I changed nothing.", notANumber.InvokeMessage());
        Assert.Contains("1:1", groupChat.InvokeMessage(), StringComparison.Ordinal);
        var after = await NudgeRowsAsync(app);
        Assert.Equal(before.Select(n => (n.ManagerMemberId, n.RepMemberId, n.LastNudgedAt, n.SnoozedUntil)), after.Select(n => (n.ManagerMemberId, n.RepMemberId, n.LastNudgedAt, n.SnoozedUntil)));
        Assert.All(after, n => Assert.Null(n.SnoozedUntil));
        Assert.Empty(await NudgeRowsAsync(app, TeamWorld.TenantB));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Cadence_SetByTheManager_ChangesWhenRepsAreDue(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest", asManager: true);

        var shown = await app.Chat().SendAsync(TeamWorld.Personal("feedback cadence"));
        var set = await app.Chat().SendAsync(TeamWorld.Personal("反馈周期21").WithLocale("zh-CN"));
        var tooShort = await app.Chat().SendAsync(TeamWorld.Personal("feedback cadence 3"));
        var words = await app.Chat().SendAsync(TeamWorld.Personal("feedback cadence three weeks"));
        var byRep = await app.Chat().SendAsync(TeamWorld.Personal("feedback cadence 7", "29:bob", "Bob Li"));
        var byGuest = await app.Chat().SendAsync(TeamWorld.Personal("feedback cadence 7", "29:gus", "Gus Guest"));
        var nowShown = await app.Chat().SendAsync(TeamWorld.Personal("feedback cadence"));

        Assert.StartsWith("Feedback cadence: on working mornings", shown.Single().Text, StringComparison.Ordinal);
        Assert.Contains("East Sales: 14 days", shown.Single().Text, StringComparison.Ordinal);
        Assert.Equal("好的：East Sales的销售超过 21 天没有收到反馈时，我会提醒你。", set.Single().Text);
        Assert.Equal("The feedback cadence is a number of days from 7 to 90, e.g. feedback cadence 21. Nothing changed.", tooShort.Single().Text);
        Assert.Equal(tooShort.Single().Text, words.Single().Text);
        Assert.Equal("Only a team's managers can change the feedback cadence.", byRep.Single().Text);
        Assert.Equal("Guests can't give feedback.", byGuest.Single().Text);
        Assert.Contains("East Sales: 21 days", nowShown.Single().Text, StringComparison.Ordinal);

        // 14 days on, nobody is due any more; at 21 days they are.
        app.Clock.SetUtcNow(TwoWeeksOn);
        Assert.Equal(0, await RunJobAsync(app));
        app.Clock.SetUtcNow(TwoWeeksOn.AddDays(7));
        Assert.Equal(1, await RunJobAsync(app));
        // Mia last wrote in Chinese, so her nudge is in Chinese.
        TeamWorld.AssertInOrder(Assert.Single(await NudgesAsync(app, world.Members[TeamWorld.Manager])).Text,
            "该给反馈了", "Alice Wang", "还没有收到过反馈（已入组 21 天）", "写反馈", "稍后提醒", "设置 关闭 督促");
    }

    [Fact]
    public async Task Startup_App_RegistersTheHourlyNudgeInUtc()
    {
        await using var app = new SalesCoachBotApplication();

        var definition = Assert.Single(app.Services.GetServices<IRecurringJobDefinition>(), d => d.Id == "feedback-nudge");
        Assert.Equal(("7 * * * *", TimeZoneInfo.Utc), (definition.Cron, definition.TimeZone));
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var scheduled = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "feedback-nudge");
        Assert.Equal(typeof(FeedbackNudgeJob), scheduled.Job.Type);
    }
}
