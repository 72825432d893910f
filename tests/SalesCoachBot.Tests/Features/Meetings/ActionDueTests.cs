using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Meetings.ActionItemTests;
using static SalesCoachBot.Tests.Features.Meetings.MeetingWorld;

namespace SalesCoachBot.Tests.Features.Meetings;

public sealed class ActionDueTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "Asia/Shanghai", 1)]
    [InlineData(DatabaseProvider.Postgres, "Asia/Shanghai", 1)]
    [InlineData(DatabaseProvider.Sqlite, "America/New_York", 14)]
    [InlineData(DatabaseProvider.Postgres, "America/New_York", 14)]
    public async Task DueReminder_FirstRunAtOrAfterNineInTheOwnersZone_OnceWithDoneAndOptOut(DatabaseProvider provider, string zone, int utcHourOfNine)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await SetMemberAsync(app, "29:bob", m => m.TimeZone = zone);
        await app.Chat().SendAsync(ForBob("action <at>Bob Li</at> call Huawei back friday"));
        await WaitForSentRowAsync(app, "action-given:");
        var item = Assert.Single(await ActionsAsync(app));

        // Friday 20 November, 08:05 local: not yet; 09:05 local: the reminder; again at 09:05 and 10:05: nothing more.
        await RunAtAsync(app, new DateTimeOffset(2026, 11, 20, utcHourOfNine - 1, 5, 0, TimeSpan.Zero));
        Assert.Empty(await OutboxAsync(app, "action-due:"));
        await RunAtAsync(app, new DateTimeOffset(2026, 11, 20, utcHourOfNine, 5, 0, TimeSpan.Zero));
        await RunAtAsync(app, new DateTimeOffset(2026, 11, 20, utcHourOfNine, 5, 0, TimeSpan.Zero));
        await RunAtAsync(app, new DateTimeOffset(2026, 11, 20, utcHourOfNine + 1, 5, 0, TimeSpan.Zero));

        var row = Assert.Single(await OutboxAsync(app, "action-due:"));
        Assert.Equal(($"action-due:{item.Id}", AutomaticMessageKinds.Reminders, world.Members["29:bob"], new DateTimeOffset(2026, 11, 20, utcHourOfNine, 5, 0, TimeSpan.Zero)),
            (row.IdempotencyKey, row.Kind, row.MemberId, row.DueAt));
        Assert.NotNull(Assert.Single(await ActionsAsync(app)).RemindedAt);
        await WaitForSentRowAsync(app, "action-due:");
        var reminder = Assert.Single(app.Connector.Sent, r => r.Activity?.Attachments is { Count: > 0 } && r.Activity.CardTitle().StartsWith("⏰ Action", StringComparison.Ordinal));
        TeamWorld.AssertInOrder(reminder.Activity!.CardText(), "⏰ Action item due · East Sales", "#1 call Huawei back — Bob Li", "Due today (Fri, Nov 20, 2026).",
            "Turn reminders off with the button below or in “settings”.", "Done", "Turn off reminders");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DueReminder_QuietHoursHoldIt_OptOutDropsIt_DayOffMovesItToTheNextWorkingMorning(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        // Bob's quiet hours last until 10:00; Carol turned reminders off.
        await SetMemberAsync(app, "29:bob", m => (m.QuietHoursStart, m.QuietHoursEnd) = (new TimeOnly(21, 0), new TimeOnly(10, 0)));
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            store.OptOuts.Add(new MemberOptOut { TenantId = TeamWorld.TenantA, MemberId = world.Members["29:carol"], Kind = AutomaticMessageKinds.Reminders, CreatedAt = TeamWorld.Now });
            await store.SaveChangesAsync();
        }

        await app.Chat().SendAsync(ForBob("action <at>Bob Li</at> call Huawei back friday"));
        await app.Chat().SendAsync(TeamWorld.Personal("action Carol Chen update the CRM friday"));
        // Saturday 21 November is a day off in Shanghai: the reminder waits for Monday morning.
        await app.Chat().SendAsync(TeamWorld.Personal("action Alice Wang plan the Acme visit saturday"));
        var items = await ActionsAsync(app);

        // Friday 09:05 in Shanghai.
        await RunAtAsync(app, new DateTimeOffset(2026, 11, 20, 1, 5, 0, TimeSpan.Zero));

        var held = Assert.Single(await OutboxAsync(app, "action-due:"));
        Assert.Equal(($"action-due:{items[0].Id}", new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)), (held.IdempotencyKey, held.DueAt));
        Assert.NotNull((await ActionsAsync(app))[1].RemindedAt);
        // Saturday morning: nothing; Monday 09:05: Alice's.
        await RunAtAsync(app, new DateTimeOffset(2026, 11, 21, 1, 5, 0, TimeSpan.Zero));
        Assert.Single(await OutboxAsync(app, "action-due:"));
        await RunAtAsync(app, new DateTimeOffset(2026, 11, 23, 1, 5, 0, TimeSpan.Zero));
        Assert.Equal([$"action-due:{items[0].Id}", $"action-due:{items[2].Id}"], (await OutboxAsync(app, "action-due:")).Select(o => o.IdempotencyKey).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DueReminder_DoneButton_ClosesForTheOwner_RefusedToOthersAndAnotherTenant(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await app.Chat().SendAsync(ForBob("action <at>Bob Li</at> call Huawei back friday"));
        var item = Assert.Single(await ActionsAsync(app));
        object Data(string tenant = TeamWorld.TenantA) => new { teamId = Id(world.TeamId), itemId = Id(item.Id), tenant };

        var byCarol = await app.Chat().SendAsync(TeamWorld.Invoke(ActionForm.DoneVerb, Data(), "29:carol", "Carol Chen"));
        var replayed = await app.Chat().SendAsync(TeamWorld.Invoke(ActionForm.DoneVerb, Data("tenant-other"), "29:bob", "Bob Li"));
        var otherTenant = await app.Chat().SendAsync(TeamWorld.Invoke(ActionForm.DoneVerb, Data(TeamWorld.TenantB), "29:zed", "Zed Zhou", TeamWorld.TenantB));
        Assert.Null(Assert.Single(await ActionsAsync(app)).DoneAt);
        var byBob = await app.Chat().SendAsync(TeamWorld.Invoke(ActionForm.DoneVerb, Data(), "29:bob", "Bob Li"));
        var again = await app.Chat().SendAsync(TeamWorld.Invoke(ActionForm.DoneVerb, Data(), "29:bob", "Bob Li"));

        Assert.StartsWith("Only the owner (Bob Li)", byCarol.InvokeMessage(), StringComparison.Ordinal);
        Assert.StartsWith("This channel isn't bound to a sales team yet", replayed.InvokeMessage(), StringComparison.Ordinal);
        Assert.StartsWith("This channel isn't bound to a sales team yet", otherTenant.InvokeMessage(), StringComparison.Ordinal);
        TeamWorld.AssertInOrder(byBob.InvokeCardText(), "Action item done", "Done: action item #1 of East Sales, “call Huawei back” (Bob Li).");
        Assert.Equal("Action item #1 of East Sales is done already.", again.InvokeMessage());
        Assert.Equal(world.Members["29:bob"], Assert.Single(await ActionsAsync(app)).DoneByMemberId);
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task RunAtAsync(SalesCoachBotApplication app, DateTimeOffset at)
    {
        app.MoveClockTo(at);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ActionDueJob>().RunAsync(CancellationToken.None);
    }

    private static async Task SetMemberAsync(SalesCoachBotApplication app, string who, Action<Member> change)
    {
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using var _scope = scope;
        var member = await store.Members.SingleAsync(m => m.TeamsUserId == who);
        change(member);
        await store.SaveChangesAsync();
    }
}
