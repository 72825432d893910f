using System.Diagnostics;
using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.Recognition;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Meetings.MeetingWorld;

namespace SalesCoachBot.Tests.Features.Meetings;

public sealed class AgendaTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AgendaJob_RunTwiceAtItsInstant_PostsOnceInTheChannelWithTheTeamsWeek(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        await SeedWeekAsync(world);
        await app.Chat().SendAsync(TeamWorld.Personal("agenda add Q4 pipeline review", "29:alice", "Alice Wang"));
        // Praise of the week: a public one is on the agenda, a private one never (the agenda is posted in the channel).
        await app.Chat().SendAsync(RecognitionWorld.InChannel("praise <at>Alice Wang</at> great demo for Acme", TeamWorld.Manager, TeamWorld.ManagerName, RecognitionWorld.Alice));
        await app.Chat().SendAsync(RecognitionWorld.InPersonalChat("praise private <at>Bob Li</at> kept calm with a hard customer", TeamWorld.Manager, TeamWorld.ManagerName, RecognitionWorld.Bob));
        Assert.Equal(2, (await RecognitionWorld.PraisesAsync(app)).Count);
        app.Time!.Advance(AgendaInstant - app.Time.GetUtcNow());

        await RunAgendaJobAsync(app, world.TeamId);
        await RunAgendaJobAsync(app, world.TeamId);

        // The praise notes go to 1:1 chats meanwhile; the agenda is the one card of its kind in the channel.
        var post = await AgendaPostAsync(app, "Weekly meeting agenda");
        var card = post.Activity!.CardText();
        TeamWorld.AssertInOrder(card,
            "Weekly meeting agenda · East Sales",
            "Monday, Nov 23, 2026, 09:30 (Asia/Shanghai)",
            "Results of Week 47, 2026 against target: Revenue",
            "East Sales: ¥43,000 of ¥",
            "Alice Wang: ¥30,000 of ¥",
            "Bob Li: ¥8,000 of ¥",
            "Carol Chen: ¥5,000 · no target",
            "Wins of the week",
            "Alice Wang · ¥30,000 · Acme",
            "Bob Li · ¥8,000",
            "Carol Chen · ¥5,000",
            "Praise of the week",
            "Mia Manager praised Alice Wang: great demo for Acme",
            "Behind pace this month",
            "Bob Li",
            "Items from the team",
            "1. Q4 pipeline review — Alice Wang",
            "A manager turns agendas off with “meeting off”.");
        Assert.DoesNotContain("kept calm", card, StringComparison.Ordinal);
        var row = Assert.Single(await OutboxAsync(app, "agenda"));
        Assert.Equal(($"agenda:{world.TeamId}:2026-11-23", AutomaticMessageKinds.Agendas), (row.IdempotencyKey, row.Kind));
        Assert.Single(app.Connector.Sent, r => r.Activity?.Attachments is { Count: > 0 } && r.Activity.CardTitle().StartsWith("Weekly meeting agenda", StringComparison.Ordinal));
    }

    /// <summary>The first card posted in the team channel whose title starts with <paramref name="title"/>, once it was sent.</summary>
    private static async Task<RecordedRequest> AgendaPostAsync(SalesCoachBotApplication app, string title)
    {
        for (var count = 1; ; count++)
        {
            var sent = await app.Connector.WaitForSentAsync(count);
            if (sent.FirstOrDefault(r => r.ConversationId == TeamWorld.TeamsTeamId && r.Activity?.Attachments is { Count: > 0 }
                    && r.Activity.CardTitle().StartsWith(title, StringComparison.Ordinal)) is { } post)
            {
                return post;
            }
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AgendaJob_NothingRecordedYet_EmptySectionsLeftOut(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);

        await RunAgendaJobAsync(app, world.TeamId);

        var card = Assert.Single(await app.Connector.WaitForSentAsync(1)).Activity!.CardText();
        TeamWorld.AssertInOrder(card, "Weekly meeting agenda · East Sales", "Monday, Nov 23, 2026, 09:30 (Asia/Shanghai)",
            "Add an item: “agenda add …”. A manager turns agendas off with “meeting off”.");
        foreach (var section in new[] { "Results of", "Wins of the week", "Praise of the week", "Behind pace", "Items from the team" })
        {
            Assert.DoesNotContain(section, card, StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AgendaJob_SkippedWeek_PostsNothingAndTheFollowingWeekPosts(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        await app.Chat().SendAsync(Channel("meeting skip"));
        app.Connector.Reset();
        app.Time!.Advance(AgendaInstant - app.Time.GetUtcNow());

        await RunAgendaJobAsync(app, world.TeamId);
        await RunReminderJobAsync(app, world.TeamId);

        Assert.Empty(await OutboxAsync(app, "agenda"));
        Assert.Empty(await OutboxAsync(app, "meeting-reminder"));
        Assert.Empty(app.Connector.Requests);

        // A week later the agenda of 30 November goes out.
        app.Time.Advance(TimeSpan.FromDays(7));
        await RunAgendaJobAsync(app, world.TeamId);
        Assert.Equal([$"agenda:{world.TeamId}:2026-11-30"], (await OutboxAsync(app, "agenda")).Select(o => o.IdempotencyKey));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AgendaJob_InstanceCrashedBetweenClaimAndSend_AgendaPostedOnceAfterTheLease(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        // The dispatcher is driven by hand here, so the claim of the instance that "crashed" can be placed before any send.
        app.Settings["Messaging:DispatcherEnabled"] = "false";
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        app.Connector.Reset();
        app.Time!.Advance(AgendaInstant - app.Time.GetUtcNow());
        await RunAgendaJobAsync(app, world.TeamId);

        // Another instance claimed the agenda and died before sending it: its lease still holds the row.
        var leaseEnd = app.Time.GetUtcNow() + TimeSpan.FromMinutes(5);
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            Assert.Equal(1, await store.Outbox.Where(m => m.IdempotencyKey.StartsWith("agenda:"))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "crashed-instance").SetProperty(m => m.ClaimedUntil, leaseEnd)));
        }

        var dispatcher = app.Services.GetRequiredService<SalesCoachBot.Messaging.OutboxDispatcher>();
        Assert.Equal(0, await dispatcher.DispatchDueAsync());
        // The job's retry (or the next instance's run) finds the agenda enqueued: nothing new.
        await RunAgendaJobAsync(app, world.TeamId);
        Assert.Empty(app.Connector.Requests);

        app.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync());

        var row = Assert.Single(await OutboxAsync(app, "agenda"));
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Single(app.Connector.Sent, r => r.ConversationId == TeamWorld.TeamsTeamId && r.Activity?.Attachments is { Count: > 0 }
            && r.Activity.CardTitle().StartsWith("Weekly meeting agenda", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AgendaJob_AfterMeetingOff_PostsNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        await app.Chat().SendAsync(Channel("meeting off"));
        app.Connector.Reset();

        await RunAgendaJobAsync(app, world.TeamId);

        Assert.Empty(MeetingJobs(app));
        Assert.Empty(await OutboxAsync(app, "agenda"));
        Assert.Empty(app.Connector.Requests);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "en-US")]
    [InlineData(DatabaseProvider.Sqlite, "zh-CN")]
    [InlineData(DatabaseProvider.Postgres, "en-US")]
    [InlineData(DatabaseProvider.Postgres, "zh-CN")]
    public async Task AgendaAdd_AfterTheAdminTrigger_ThePostedCardIsUpdatedInPlace(DatabaseProvider provider, string locale)
    {
        var chinese = locale == "zh-CN";
        await using var app = TeamWorld.NewApp(provider);
        AddAdminKeys(app);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        await SetLocaleAsync(app, locale);
        using var admin = AdminClient(app, AdminKeyA);

        using var response = await admin.PostAsync(new Uri(AgendaPath(), UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = Json(await response.Content.ReadAsStringAsync());
        Assert.Equal(("2026-11-23", true), (body.GetProperty("occurrence").GetString(), body.GetProperty("posted").GetBoolean()));
        var post = Assert.Single(await app.Connector.WaitForSentAsync(1));
        Assert.Equal(chinese ? "周例会议程 · East Sales" : "Weekly meeting agenda · East Sales", post.Activity!.CardTitle());
        await WaitForSentRowAsync(app, $"agenda:{world.TeamId}:2026-11-23");

        var added = Assert.Single(await app.Chat().SendAsync(Channel(chinese ? "议程 添加 华为项目报价" : "agenda add Pricing for Acme", "29:bob", "Bob Li").WithLocale(locale)));
        Assert.Equal(chinese
            ? "已添加到East Sales2026年11月23日例会的议程：“华为项目报价” 频道里的议程已同步更新。"
            : "Added to the agenda of East Sales for Nov 23, 2026: “Pricing for Acme” The agenda posted in the channel is updated.", added.Text);
        var first = await WaitForUpdateAsync(app, 1);
        Assert.Equal((TeamWorld.TeamsTeamId, post.AssignedId), (first.ConversationId, first.ActivityId));
        Assert.Contains(chinese ? "1. 华为项目报价（Bob Li提出）" : "1. Pricing for Acme — Bob Li", first.Activity!.CardText(), StringComparison.Ordinal);

        // A second item from Carol's 1:1 chat: the same activity again, now with both items.
        await WaitForSentRowAsync(app, $"agenda-update:");
        await app.Chat().SendAsync(TeamWorld.Personal(chinese ? "议程添加 客户回款" : "agenda add Collections", "29:carol", "Carol Chen").WithLocale(locale));
        var second = await WaitForUpdateAsync(app, 2);
        Assert.Equal(post.AssignedId, second.ActivityId);
        TeamWorld.AssertInOrder(second.Activity!.CardText(), chinese ? "1. 华为项目报价" : "1. Pricing for Acme", chinese ? "2. 客户回款（Carol Chen提出）" : "2. Collections — Carol Chen");
        Assert.Single(app.Connector.Sent, r => r.ConversationId == TeamWorld.TeamsTeamId && r.Activity!.Attachments is { Count: > 0 });

        // Triggered again: the same occurrence, nothing new.
        using var again = await admin.PostAsync(new Uri(AgendaPath(), UriKind.Relative), null);
        Assert.False(Json(await again.Content.ReadAsStringAsync()).GetProperty("posted").GetBoolean());
        Assert.Single(await OutboxAsync(app, "agenda:"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AgendaAdd_BeforePosting_StoredForTheNextMeetingAndNoUpdate(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);

        var reply = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("agenda add Hiring plan", "29:alice", "Alice Wang")));

        Assert.Equal("Added to the agenda of East Sales for Nov 23, 2026: “Hiring plan”", reply.Text);
        var item = Assert.Single(await ItemsAsync(app));
        Assert.Equal((world.TeamId, NextMonday, "Hiring plan", world.Members["29:alice"]), (item.SalesTeamId, item.OccurrenceDate, item.Text, item.AddedByMemberId));
        Assert.Empty(await OutboxAsync(app, "agenda"));
        var shown = Assert.Single(await app.Chat().SendAsync(Channel("agenda", "29:carol", "Carol Chen")));
        Assert.Contains("1. Hiring plan — Alice Wang", shown.CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Agenda_Refusals_GuestOutsiderNoMeetingEmptyItem(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest");
        var chat = app.Chat();

        var noMeeting = Assert.Single(await chat.SendAsync(Channel("agenda add Hiring", "29:alice", "Alice Wang"))).Text;
        await ScheduleAsync(app);
        var guest = Assert.Single(await chat.SendAsync(Channel("agenda add Hiring", "29:gus", "Gus Guest"))).Text;
        var outsider = Assert.Single(await chat.SendAsync(TeamWorld.Personal("agenda", "29:zoe", "Zoe Outsider"))).Text;
        var empty = Assert.Single(await chat.SendAsync(Channel("agenda add", "29:alice", "Alice Wang"))).Text;
        var otherTenant = Assert.Single(await chat.SendAsync(Channel("agenda add Hiring", "29:alice", "Alice Wang", TeamWorld.TenantB))).Text;

        Assert.Equal("East Sales has no weekly meeting yet. A manager sets one in the team channel, e.g. “meeting monday 09:30”.", noMeeting);
        Assert.Equal("Sorry, guests can't see or change the team's meetings.", guest);
        Assert.Equal("You're not in a sales team yet, so there is no meeting to show.", outsider);
        Assert.Equal("What should I add? Write the item after the command, e.g. “agenda add Q4 pipeline review”.", empty);
        Assert.StartsWith("This channel isn't bound to a sales team yet", otherTenant, StringComparison.Ordinal);
        Assert.Empty(await ItemsAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Reminder_AfterTheAgendaWasSent_LinksToItOnce(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        await RunAgendaJobAsync(app, world.TeamId);
        var agenda = Assert.Single(await app.Connector.WaitForSentAsync(1));
        await WaitForSentRowAsync(app, $"agenda:{world.TeamId}:");
        // Monday 23 November, 09:15 in Shanghai.
        app.Time!.Advance(new DateTimeOffset(2026, 11, 23, 1, 15, 0, TimeSpan.Zero) - app.Time.GetUtcNow());

        await RunReminderJobAsync(app, world.TeamId);
        await RunReminderJobAsync(app, world.TeamId);

        var reminder = (await app.Connector.WaitForSentAsync(2))[1];
        var card = reminder.Activity!.Card();
        Assert.Equal(TeamWorld.TeamsTeamId, reminder.ConversationId);
        TeamWorld.AssertInOrder(reminder.Activity!.CardText(), "⏰ Weekly meeting of East Sales", "Starts at 09:30, in 15 minutes.", "Open the agenda");
        Assert.Equal(
            $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(TeamWorld.TeamsTeamId)}/{agenda.AssignedId}?tenantId={TeamWorld.TenantA}&parentMessageId={agenda.AssignedId}",
            card["actions"]![0]!["url"]!.GetValue<string>());
        var row = Assert.Single(await OutboxAsync(app, "meeting-reminder"));
        Assert.Equal(($"meeting-reminder:{world.TeamId}:2026-11-23", AutomaticMessageKinds.Reminders), (row.IdempotencyKey, row.Kind));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AdminTrigger_WrongKeyOtherTenantUnknownTeamNoMeeting_Refused(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        AddAdminKeys(app);
        await CreateAsync(app);
        using var tenantA = AdminClient(app, AdminKeyA);
        using var tenantB = AdminClient(app, AdminKeyB);
        using var wrong = AdminClient(app, "not-a-key-of-anyone-000000");

        using var noMeeting = await tenantA.PostAsync(new Uri(AgendaPath(), UriKind.Relative), null);
        await ScheduleAsync(app);
        using var badKey = await wrong.PostAsync(new Uri(AgendaPath(), UriKind.Relative), null);
        using var otherKey = await tenantB.PostAsync(new Uri(AgendaPath(), UriKind.Relative), null);
        // Tenant B's own key on its own path: tenant A's Teams team is not bound to a sales team of B.
        using var otherTenant = await tenantB.PostAsync(new Uri(AgendaPath(TeamWorld.TenantB), UriKind.Relative), null);
        using var unknown = await tenantA.PostAsync(new Uri(AgendaPath(teamsTeamId: "19:nope@thread.tacv2"), UriKind.Relative), null);

        Assert.Equal(
            [HttpStatusCode.Conflict, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { noMeeting, badKey, otherKey, otherTenant, unknown }.Select(r => r.StatusCode));
        Assert.Empty(await OutboxAsync(app, "agenda"));
    }

    [SkippableFact]
    public async Task DashboardTriggerNow_RunsTheRecurringJobThroughHangfire_PostsTheAgenda()
    {
        await using var app = new SalesCoachBotApplication { Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TeamWorld.Now) };
        app.Settings["Scheduling:QueuePollInterval"] = "00:00:00.200";
        var world = await CreateAsync(app);
        await ScheduleAsync(app);

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(SalesCoachBot.Features.Meetings.MeetingJobs.AgendaJobId(world.TeamId));

        var post = Assert.Single(await app.Connector.WaitForSentAsync(1, TimeSpan.FromSeconds(60)));
        Assert.Equal("Weekly meeting agenda · East Sales", post.Activity!.CardTitle());
        Assert.Equal([$"agenda:{world.TeamId}:2026-11-23"], (await OutboxAsync(app, "agenda")).Select(o => o.IdempotencyKey));
    }

    /// <summary>The nth PUT of an activity the bot made (the dispatcher's, after a turn).</summary>
    private static async Task<RecordedRequest> WaitForUpdateAsync(SalesCoachBotApplication app, int nth)
    {
        while (true)
        {
            var updates = app.Connector.Requests.Where(r => r.Operation == FakeConnectorOperation.Update).ToList();
            if (updates.Count >= nth)
            {
                return updates[nth - 1];
            }

            await app.Connector.WaitForRequestsAsync(app.Connector.Requests.Count + 1);
        }
    }

    /// <summary>
    /// Waits until the outbox recorded the message whose key starts with <paramref name="keyPrefix"/> as sent (the fake
    /// has it a moment before the dispatcher writes it down); an update enqueued before that would wait for the original.
    /// </summary>
    private static async Task WaitForSentRowAsync(SalesCoachBotApplication app, string keyPrefix)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            var (scope, store) = app.NewStore(TeamWorld.TenantA);
            await using (scope)
            {
                var rows = await store.Outbox.AsNoTracking().Where(o => o.IdempotencyKey.StartsWith(keyPrefix)).ToListAsync();
                if (rows.Count > 0 && rows.All(o => o.Status == OutboxStatus.Sent))
                {
                    return;
                }
            }

            await Task.Yield();
        }

        Assert.Fail($"No sent outbox row {keyPrefix}… within 30 s.");
    }
}
