using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.Recognition;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Meetings.MeetingWorld;

namespace SalesCoachBot.Tests.Features.Meetings;

public sealed class ActionItemTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Action_ManagerInChannelForARep_NumberedConfirmedOwnerToldAndListed(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);

        var created = Assert.Single(await app.Chat().SendAsync(ForBob("action <at>Bob Li</at> call Huawei back friday")));
        // A rep records one for themself in the 1:1 chat: no note to anyone.
        var own = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("action Alice Wang prepare the Acme demo", "29:alice", "Alice Wang")));

        Assert.Equal("Action item #1 of East Sales for Bob Li: “call Huawei back”, due Fri, Nov 20, 2026.", created.Text);
        Assert.Equal("Action item #2 of East Sales for Alice Wang: “prepare the Acme demo”, no due date.", own.Text);
        var items = await ActionsAsync(app);
        Assert.Equal([(1, world.Members["29:bob"], "call Huawei back", (DateOnly?)new DateOnly(2026, 11, 20), (long?)world.Members[TeamWorld.Manager]),
            (2, world.Members["29:alice"], "prepare the Acme demo", null, world.Members["29:alice"])],
            items.Select(i => (i.Number, i.OwnerMemberId, i.Text, i.DueDate, i.CreatedByMemberId)));
        var note = Assert.Single(await OutboxAsync(app, "action-given:"));
        Assert.Equal(($"action-given:{items[0].Id}", world.Members["29:bob"], ActionItemDesk.NoteKind), (note.IdempotencyKey, note.MemberId, note.Kind));
        await WaitForSentRowAsync(app, "action-given:");
        var sent = Assert.Single(app.Connector.Sent, r => r.Activity?.Text?.StartsWith("Mia Manager gave you", StringComparison.Ordinal) == true);
        Assert.Equal("Mia Manager gave you action item #1 of East Sales: “call Huawei back”, due Fri, Nov 20, 2026. When it's done: “done 1”.", sent.Activity!.Text);

        var list = Assert.Single(await app.Chat().SendAsync(Channel("actions", "29:carol", "Carol Chen"))).CardText();
        TeamWorld.AssertInOrder(list, "Open action items · East Sales", "#1 call Huawei back — Bob Li · due Fri, Nov 20, 2026", "#2 prepare the Acme demo — Alice Wang",
            "Close one with “done <number>”.");
        // Saturday: Bob's is overdue.
        app.Time!.Advance(TimeSpan.FromDays(3));
        var later = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("actions", "29:bob", "Bob Li"))).CardText();
        Assert.Contains("#1 call Huawei back — Bob Li · overdue, was due Fri, Nov 20, 2026", later, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Action_InChinese_CreatedListedAndDone(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);
        await SetLocaleAsync(app, "zh-CN");

        var created = Assert.Single(await app.Chat().SendAsync(ForBob("行动项 <at>Bob Li</at> 回访华为 周五").WithLocale("zh-CN")));
        var list = Assert.Single(await app.Chat().SendAsync(Channel("行动项", "29:bob", "Bob Li").WithLocale("zh-CN")));
        var done = Assert.Single(await app.Chat().SendAsync(Channel("完成 1", "29:bob", "Bob Li").WithLocale("zh-CN")));

        Assert.Equal("已记录East Sales的行动项 #1，负责人Bob Li：“回访华为”，截止2026年11月20日 周五。", created.Text);
        TeamWorld.AssertInOrder(list.CardText(), "未完成的行动项 · East Sales", "#1 回访华为（负责人：Bob Li）· 截止2026年11月20日 周五");
        Assert.Equal("已完成：East Sales的行动项 #1，“回访华为”（Bob Li）。", done.Text);
        await WaitForSentRowAsync(app, "action-given:");
        Assert.Contains(app.Connector.Sent, r => r.Activity?.Text == "Mia Manager给你分配了East Sales的行动项 #1：“回访华为”，截止2026年11月20日 周五。完成后请回复“完成 1”。");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Action_BadInput_ClearErrorAndNothingSaved(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await WestAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest");
        var chat = app.Chat();

        async Task<string> Say(ActivityBuilder activity)
        {
            // The fake connector holds to Teams' per-conversation limits on the fake clock: a few seconds between channel answers.
            app.Time!.Advance(TimeSpan.FromSeconds(2));
            return Assert.Single(await chat.SendAsync(activity)).Text!;
        }


        Assert.Equal("The due date Sun, Nov 1, 2026 is in the past. Give one from today on, or none. Nothing was saved.",
            await Say(ForBob("action <at>Bob Li</at> call Huawei back 2026-11-01")));
        Assert.Equal("I can't read the due date “13/45”. Write e.g. friday, tomorrow, 12/18, 2026-12-18 or next monday. Nothing was saved.",
            await Say(ForBob("action <at>Bob Li</at> call Huawei back 13/45")));
        Assert.Equal("截止日期2026年11月16日 周一已经过去了。请写今天或以后的日期，或者不写。未保存。",
            await Say(ForBob("行动项 <at>Bob Li</at> 回访华为 本周一").WithLocale("zh-CN")));
        Assert.Equal("What should Bob Li do? Write the item after the name, e.g. “action @Bob Li call Huawei back friday”. Nothing was saved.",
            await Say(ForBob("action <at>Bob Li</at> friday")));
        Assert.Equal("Wes West is not a member of East Sales: an action item goes to someone in the team. Nothing was saved.",
            await Say(Channel("action Wes West call back")));
        Assert.Equal("I don't know “Nobody” in East Sales. Mention the owner (@name) or write their name or e-mail. Nothing was saved.",
            await Say(Channel("action Nobody call back")));
        Assert.Equal("That action item is too long: at most 500 characters, please (510 now). Nothing was saved.",
            await Say(Channel("action bob@contoso.com " + new string('x', 510))));
        Assert.Equal("Sorry, guests can't see or change the team's meetings.", await Say(Channel("action Bob Li call back", "29:gus", "Gus Guest")));
        Assert.Equal("Only members of East Sales can see or add to its meetings.", await Say(Channel("action Bob Li call back", "29:wes", "Wes West")));
        Assert.StartsWith("This channel isn't bound to a sales team yet", await Say(Channel("action Bob Li call back", "29:alice", "Alice Wang", TeamWorld.TenantB)),
            StringComparison.Ordinal);
        Assert.Empty(await ActionsAsync(app));
        Assert.Empty(await OutboxAsync(app, "action"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Done_OwnerCreatorManager_MayCloseAndEveryOtherCaseIsRefused(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        var (westId, _) = await WestAsync(app);
        var chat = app.Chat();
        async Task<string> Say(ActivityBuilder activity)
        {
            // The fake connector holds to Teams' per-conversation limits on the fake clock: a few seconds between channel answers.
            app.Time!.Advance(TimeSpan.FromSeconds(2));
            return Assert.Single(await chat.SendAsync(activity)).Text!;
        }

        await Say(ForBob("action <at>Bob Li</at> call Huawei back friday"));
        await Say(TeamWorld.Personal("action Bob Li send the Acme quote", "29:alice", "Alice Wang"));
        await Say(TeamWorld.Personal("action Carol Chen update the CRM", "29:alice", "Alice Wang"));
        await Say(TeamWorld.Personal("action Carol Chen book the demo room", "29:alice", "Alice Wang"));

        var notAllowed = await Say(Channel("done 1", "29:carol", "Carol Chen"));
        var unknown = await Say(Channel("done 7", "29:bob", "Bob Li"));
        var noNumber = await Say(Channel("done", "29:bob", "Bob Li"));
        var otherTeam = await Say(Channel("done 1", "29:wes", "Wes West"));
        var otherTeamsOwn = await Say(TeamWorld.Personal("done 1", "29:wes", "Wes West"));
        var otherTenant = await Say(Channel("done 1", "29:bob", "Bob Li", TeamWorld.TenantB));
        var byOwner = await Say(Channel("done 1", "29:bob", "Bob Li"));
        var already = await Say(TeamWorld.Personal("done 1", TeamWorld.Manager, TeamWorld.ManagerName));
        var byCreator = await Say(TeamWorld.Personal("done #2", "29:alice", "Alice Wang"));
        var byManager = await Say(Channel("done 3"));
        var byOwnerChinese = await Say(TeamWorld.Personal("完成 4", "29:carol", "Carol Chen").WithLocale("zh-CN"));

        Assert.Equal("Only the owner (Bob Li), whoever recorded it, or a manager of East Sales can close action item #1. Nothing was changed.", notAllowed);
        Assert.Equal("East Sales has no action item #7. “actions” lists the open ones.", unknown);
        Assert.Equal("Which one? Write its number, e.g. “done 3” (“actions” lists them). Nothing was changed.", noNumber);
        Assert.Equal("Only members of East Sales can see or add to its meetings.", otherTeam);
        Assert.Equal("West Sales has no action item #1. “actions” lists the open ones.", otherTeamsOwn);
        Assert.StartsWith("This channel isn't bound to a sales team yet", otherTenant, StringComparison.Ordinal);
        Assert.Equal("Done: action item #1 of East Sales, “call Huawei back” (Bob Li).", byOwner);
        Assert.Equal("Action item #1 of East Sales is done already.", already);
        Assert.Equal("Done: action item #2 of East Sales, “send the Acme quote” (Bob Li).", byCreator);
        Assert.Equal("Done: action item #3 of East Sales, “update the CRM” (Carol Chen).", byManager);
        Assert.Equal("已完成：East Sales的行动项 #4，“book the demo room”（Carol Chen）。", byOwnerChinese);
        var items = await ActionsAsync(app);
        Assert.Equal([world.Members["29:bob"], world.Members["29:alice"], world.Members[TeamWorld.Manager], world.Members["29:carol"]],
            items.Select(i => i.DoneByMemberId!.Value));
        Assert.All(items, i => Assert.True(i.DoneAt > TeamWorld.Now));
        Assert.Empty(await ActionsAsync(app, TeamWorld.TenantB));
        _ = westId;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Action_ConcurrentCreates_TakeDistinctNumbersPerTeam(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        var (westId, wesId) = await WestAsync(app);

        // Two creates in the same team at once, each in its own scope (as two requests are).
        async Task AddAsync(string tenant, long teamId, long ownerId, long creatorId, string text)
        {
            var (scope, store) = app.NewStore(tenant);
            await using var _scope = scope;
            var desk = scope.ServiceProvider.GetRequiredService<ActionItemDesk>();
            var team = await store.SalesTeams.AsNoTracking().SingleAsync(t => t.Id == teamId);
            var people = await desk.PeopleAsync(tenant, teamId, null, CancellationToken.None);
            var creator = new KnownMember(creatorId, tenant, "29:x", null, "X", null);
            await desk.CreateAsync(tenant, team, creator, people.Single(p => p.MemberId == ownerId), text, null, null, CancellationToken.None);
        }

        var mia = world.Members[TeamWorld.Manager];
        await Task.WhenAll(
            AddAsync(TeamWorld.TenantA, world.TeamId, world.Members["29:bob"], mia, "first"),
            AddAsync(TeamWorld.TenantA, world.TeamId, world.Members["29:alice"], mia, "second"),
            AddAsync(TeamWorld.TenantA, world.TeamId, world.Members["29:carol"], mia, "third"));
        await AddAsync(TeamWorld.TenantA, westId, wesId, wesId, "west's own");

        var items = await ActionsAsync(app);
        Assert.Equal([1, 2, 3], items.Where(i => i.SalesTeamId == world.TeamId).Select(i => i.Number).Order());
        Assert.Equal([1], items.Where(i => i.SalesTeamId == westId).Select(i => i.Number));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "en-US")]
    [InlineData(DatabaseProvider.Postgres, "en-US")]
    [InlineData(DatabaseProvider.Postgres, "zh-CN")]
    public async Task Agenda_ListsActionItems_AndThePostedCardIsUpdatedInPlaceOnCreateAndDone(DatabaseProvider provider, string locale)
    {
        var chinese = locale == "zh-CN";
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await ScheduleAsync(app);
        await SetLocaleAsync(app, locale);
        await app.Chat().SendAsync(ForBob("action <at>Bob Li</at> call Huawei back friday"));
        await app.Chat().SendAsync(Channel("action Carol Chen update the CRM"));
        await WaitForSentRowAsync(app, "action-given:");
        app.Connector.Reset();

        await RunAgendaJobAsync(app, world.TeamId);

        var post = Assert.Single(await app.Connector.WaitForSentAsync(1));
        TeamWorld.AssertInOrder(post.Activity!.CardText(), chinese
            ? ["行动项", "#1 call Huawei back（负责人：Bob Li）· 截止2026年11月20日 周五", "#2 update the CRM（负责人：Carol Chen）", "添加行动项"]
            : ["Action items", "#1 call Huawei back — Bob Li · due Fri, Nov 20, 2026", "#2 update the CRM — Carol Chen", "Add action item"]);
        await WaitForSentRowAsync(app, $"agenda:{world.TeamId}:");

        var done = Assert.Single(await app.Chat().SendAsync(Channel("done 1", "29:bob", "Bob Li")));
        Assert.EndsWith("The agenda posted in the channel is updated.", done.Text, StringComparison.Ordinal);
        var first = await WaitForUpdateAsync(app, 1);
        Assert.Equal(post.AssignedId, first.ActivityId);
        Assert.Contains(chinese ? "✓ #1 call Huawei back（负责人：Bob Li）· 已完成" : "✓ #1 call Huawei back — Bob Li · done", first.Activity!.CardText(), StringComparison.Ordinal);

        await WaitForSentRowAsync(app, "agenda-update:");
        var added = Assert.Single(await app.Chat().SendAsync(TeamWorld.Personal("action Alice Wang prepare the demo tomorrow", "29:alice", "Alice Wang")));
        Assert.EndsWith("The agenda posted in the channel is updated.", added.Text, StringComparison.Ordinal);
        var second = await WaitForUpdateAsync(app, 2);
        Assert.Equal(post.AssignedId, second.ActivityId);
        TeamWorld.AssertInOrder(second.Activity!.CardText(), "#2 update the CRM", "#3 prepare the demo", "✓ #1 call Huawei back");
        var items = await ActionsAsync(app);
        Assert.Equal(
            [$"agenda-update:{world.TeamId}:2026-11-23:action-{items[0].Id}-done", $"agenda-update:{world.TeamId}:2026-11-23:action-{items[2].Id}-open"],
            (await OutboxAsync(app, "agenda-update:")).Select(o => o.IdempotencyKey).Order(StringComparer.Ordinal));

        // A week on, the agenda of 30 November: #1 was done before the meeting of the 23rd, so it is gone; #2 is overdue? No due date: listed plainly.
        app.Time!.Advance(TimeSpan.FromDays(7));
        var next = Assert.Single(await app.Chat().SendAsync(Channel("agenda", "29:carol", "Carol Chen").WithLocale(locale))).CardText();
        Assert.DoesNotContain("call Huawei back", next, StringComparison.Ordinal);
        TeamWorld.AssertInOrder(next, chinese ? "#2 update the CRM（负责人：Carol Chen）" : "#2 update the CRM — Carol Chen",
            chinese ? "#3 prepare the demo（负责人：Alice Wang）· 已逾期，截止2026年11月19日 周四" : "#3 prepare the demo — Alice Wang · overdue, was due Thu, Nov 19, 2026");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Agenda_NoActionItems_SectionLeftOut(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);
        await ScheduleAsync(app);

        var card = Assert.Single(await app.Chat().SendAsync(Channel("agenda", "29:carol", "Carol Chen"))).CardText();

        Assert.DoesNotContain("Action items", card, StringComparison.Ordinal);
        Assert.Contains("Add action item", card, StringComparison.Ordinal);
    }

    internal static ActivityBuilder ForBob(string text, string from = TeamWorld.Manager, string name = TeamWorld.ManagerName) =>
        RecognitionWorld.InChannel(text, from, name, RecognitionWorld.Bob);

    internal static async Task<List<MeetingActionItem>> ActionsAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _scope = scope;
        return await store.MeetingActionItems.AsNoTracking().OrderBy(i => i.SalesTeamId).ThenBy(i => i.Number).ToListAsync();
    }

    /// <summary>West Sales (Teams team 19:west@…) with its manager Wes, who has written to the bot.</summary>
    internal static async Task<(long TeamId, long WesId)> WestAsync(SalesCoachBotApplication app)
    {
        await app.PostActivityAsync(TeamWorld.Personal("help", "29:wes", "Wes West"));
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using var _scope = scope;
        var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
        var west = await directory.EnsureTeamAsync(TeamWorld.TenantA, "19:west@thread.tacv2", "West Sales", null);
        var wes = (await directory.AddMembersAsync(TeamWorld.TenantA, west.Id, [new("29:wes", null, "Wes West", null)])).Single();
        await directory.SetRoleAsync(TeamWorld.TenantA, west.Id, wes, TeamRole.Manager);
        app.Connector.Reset();
        return (west.Id, wes);
    }

    internal static async Task<RecordedRequest> WaitForUpdateAsync(SalesCoachBotApplication app, int nth)
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

    internal static async Task WaitForSentRowAsync(SalesCoachBotApplication app, string keyPrefix)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
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
