using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Feedback;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Feedback;

public sealed class FeedbackCommandTests
{
    private const string ManagerChat = "a:personal-29:mia";

    private static readonly (string, string) Bob = ("29:bob", "Bob Li");

    // The rep has talked to the bot, so the outbox finds their 1:1 chat.
    private static async Task<TeamWorld> WorldAsync(FeedbackApp app)
    {
        var world = await TeamWorld.CreateAsync(app);
        await app.PostActivityAsync(TeamWorld.Personal("help"));
        await app.PostActivityAsync(TeamWorld.Personal("help", "29:bob", "Bob Li"));
        await app.PostActivityAsync(TeamWorld.Personal("help", "29:alice", "Alice Wang"));
        app.Connector.Reset();
        return world;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Feedback_ManagerMentionsRep_DeliversToTheRepsPrivateChatOnlyAndGivesTheManagerACopy(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        var message = FeedbackApp.Personal("feedback Great discovery call with Acme", mention: Bob);

        var replies = await app.Chat().SendAsync(message);
        var delivered = await app.Connector.WaitForSentAsync(2);
        // Teams delivers the same message again: nothing more is stored or sent.
        await app.Chat().SendAsync(message);

        var copy = FeedbackApp.In(replies, ManagerChat);
        Assert.Equal("Feedback for Bob Li", copy.CardTitle());
        TeamWorld.AssertInOrder(copy.CardText(), "Sent privately to Bob Li Nov 18, 2026 10:00.", "Great discovery call with Acme", "Not acknowledged yet.");
        var toBob = Assert.Single(delivered, r => r.ConversationId == "a:personal-29:bob");
        Assert.Equal("Feedback from Mia Manager", toBob.Activity!.CardTitle());
        TeamWorld.AssertInOrder(toBob.Activity!.CardText(), "Great discovery call with Acme", "Only you and Mia Manager can see this.", "Acknowledge");
        var note = Assert.Single(await app.NotesAsync());
        Assert.Equal((world.Members[TeamWorld.Manager], world.Members["29:bob"], FeedbackKind.Note, "Great discovery call with Acme", TeamWorld.Now),
            (note.GiverMemberId, note.ReceiverMemberId, note.Kind, note.Behaviour, note.GivenAt));
        Assert.Null(note.AcknowledgedAt);
        Assert.Equal(3, app.Connector.SentCount);
        app.AssertNeverOutsidePrivateChats("discovery call");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Acknowledge_ByTheRep_RecordsTheTimeAndUpdatesTheRepsCardAndTheManagersCopyInPlace(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        await WorldAsync(app);
        var replies = await app.Chat().SendAsync(FeedbackApp.Personal("feedback Bob Li Follow up the Huawei quote today", mention: null));
        await app.Connector.WaitForSentAsync(2);
        // The copy and the rep's card go out concurrently (the turn and the outbox), in either order.
        var copyId = app.Connector.Sent.Single(r => r.ConversationId == ManagerChat).AssignedId;
        var note = Assert.Single(await app.NotesAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(90));

        var ack = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackCards.AcknowledgeVerb, new { feedbackId = note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "29:bob", "Bob Li"));
        var again = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackCards.AcknowledgeVerb, new { feedbackId = note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "29:bob", "Bob Li"));

        Assert.Equal("Feedback for Bob Li", FeedbackApp.In(replies, ManagerChat).CardTitle());
        Assert.Contains("Acknowledged Nov 18, 2026 11:30", ack.InvokeCardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledge\n", ack.InvokeCardText() + "\n", StringComparison.Ordinal);
        var updated = Assert.Single(ack.Updated);
        Assert.Equal(("a:personal-29:mia", copyId), (updated.ConversationId, updated.ActivityId));
        Assert.Contains("Bob Li acknowledged it Nov 18, 2026 11:30.", updated.Activity!.CardText(), StringComparison.Ordinal);
        // A second press keeps the first time and does not touch the manager's copy again.
        Assert.Empty(again.Updated);
        Assert.Contains("Acknowledged Nov 18, 2026 11:30", again.InvokeCardText(), StringComparison.Ordinal);
        Assert.Equal(TeamWorld.Now.AddMinutes(90), Assert.Single(await app.NotesAsync()).AcknowledgedAt);

        // The manager's "feedback Bob" (no text) shows what she gave him, acknowledged.
        var given = await app.Chat().SendAsync(FeedbackApp.Personal("feedback", mention: Bob));
        TeamWorld.AssertInOrder(FeedbackApp.In(given, ManagerChat).CardText(), "Feedback you gave Bob Li", "Follow up the Huawei quote today", "Bob Li acknowledged it Nov 18, 2026 11:30.", "Write feedback");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Acknowledge_BySomeoneElse_IsRefusedAndRecordsNothing(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        await WorldAsync(app);
        await app.Chat().SendAsync(FeedbackApp.Personal("feedback Keep the CRM up to date", mention: Bob));
        var note = Assert.Single(await app.NotesAsync());

        var alice = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackCards.AcknowledgeVerb, new { feedbackId = note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "29:alice", "Alice Wang"));
        var forged = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackCards.AcknowledgeVerb, new { feedbackId = "x1" }, "29:bob", "Bob Li"));

        Assert.Equal("This feedback isn't yours to acknowledge.", alice.InvokeMessage());
        Assert.Equal("I can't find this feedback any more.", forged.InvokeMessage());
        Assert.Empty(alice.Updated);
        Assert.Null(Assert.Single(await app.NotesAsync()).AcknowledgedAt);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Feedback_TypedInAChannel_NothingOfItInTheChannel_TheFormArrivesInPrivateAndSendsToTheRep(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        var channel = ActivityBuilder.Message("feedback").InTenant(TeamWorld.TenantA).InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId)
            .From(TeamWorld.Manager, TeamWorld.ManagerName);
        FeedbackApp.WithMention(channel, "feedback Pricing talk went badly", Bob).MentioningBot();

        var inChannel = await app.Chat().SendAsync(channel);
        var delivered = await app.Connector.WaitForSentAsync(2);

        var channelReply = Assert.Single(inChannel.Requests, r => r.ConversationId is { } id && id.StartsWith("19:", StringComparison.Ordinal));
        Assert.Equal("Feedback is private, so I've answered you in our private chat.", channelReply.Activity!.Text);
        // Into Mia's 1:1 chat (the first one Teams gave her: TeamWorld's opening message), the only other delivery.
        var form = Assert.Single(delivered, r => r.ConversationId is { } id && id.StartsWith("a:", StringComparison.Ordinal)).Activity!;
        Assert.Equal("Private feedback", form.CardTitle());
        Assert.Contains("Pricing talk went badly", form.CardText(), StringComparison.Ordinal);
        Assert.Empty(await app.NotesAsync());

        // The manager sends the form from her 1:1 chat: now Bob gets it, privately.
        var entry = form.Card()["actions"]![0]!["data"]!["entry"]!.GetValue<string>();
        var sent = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackForm.SubmitVerb, new
        {
            entry,
            rep = world.Members["29:bob"].ToString(System.Globalization.CultureInfo.InvariantCulture),
            kind = FeedbackForm.ToImproveChoice,
            situation = "Acme renewal meeting",
            behaviour = "Pricing talk went badly",
            impact = "The customer asked for a discount",
        }).WithReplyToId("form-message-1"));
        await app.Connector.WaitForSentAsync(3);

        TeamWorld.AssertInOrder(sent.InvokeCardText(), "To improve for Bob Li", "Situation", "Acme renewal meeting", "Behaviour", "Pricing talk went badly", "Impact");
        Assert.Equal("To improve from Mia Manager", app.Connector.Sent[^1].Activity!.CardTitle());
        Assert.Equal("a:personal-29:bob", app.Connector.Sent[^1].ConversationId);
        var note = Assert.Single(await app.NotesAsync());
        Assert.Equal((FeedbackKind.ToImprove, "form-message-1"), (note.Kind, note.GiverActivityId));
        app.AssertNeverOutsidePrivateChats("Pricing talk");
        app.AssertNeverOutsidePrivateChats("Acme renewal");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Feedback_FromARepAnotherTeamsManagerAGuestOrAnotherTenant_IsRefusedAndNothingIsStoredOrSent(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest", asManager: true);
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var west = await directory.EnsureTeamAsync(TeamWorld.TenantA, "19:west@thread.tacv2", "West Sales", null);
            var wes = (await directory.AddMembersAsync(TeamWorld.TenantA, west.Id, [new("29:wes", null, "Wes West", null)])).Single();
            await directory.SetRoleAsync(TeamWorld.TenantA, west.Id, wes, TeamRole.Manager);
        }

        // Another tenant's manager, mentioning a Teams user id that is Bob's in Contoso.
        await app.PostActivityAsync(ActivityBuilder.Message("help").InTenant(TeamWorld.TenantB).From("29:zed", "Zed Zhou"));
        var (scopeB, _) = app.NewStore(TeamWorld.TenantB);
        await using (scopeB)
        {
            var directory = scopeB.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var team = await directory.EnsureTeamAsync(TeamWorld.TenantB, "19:fabrikam@thread.tacv2", "Fabrikam Sales", null);
            var zed = (await directory.AddMembersAsync(TeamWorld.TenantB, team.Id, [new("29:zed", null, "Zed Zhou", null), new("29:yan", null, "Yan Rep", null)]))[0];
            await directory.SetRoleAsync(TeamWorld.TenantB, team.Id, zed, TeamRole.Manager);
        }

        app.Connector.Reset();

        var rep = await app.Chat().SendAsync(FeedbackApp.Personal("feedback SECRET-1", "29:alice", "Alice Wang", Bob));
        var repChinese = await app.Chat().SendAsync(FeedbackApp.Personal("反馈 SECRET-2", "29:alice", "Alice Wang", Bob).WithLocale("zh-CN"));
        var otherManager = await app.Chat().SendAsync(FeedbackApp.Personal("feedback SECRET-3", "29:wes", "Wes West", Bob));
        var guest = await app.Chat().SendAsync(FeedbackApp.Personal("feedback SECRET-4", "29:gus", "Gus Guest", Bob));
        var otherTenant = await app.Chat().SendAsync(FeedbackApp.WithMention(
            ActivityBuilder.Message("feedback").InTenant(TeamWorld.TenantB).InPersonalChat("a:personal-29:zed").From("29:zed", "Zed Zhou"), "feedback SECRET-5", Bob));
        var unknown = await app.Chat().SendAsync(FeedbackApp.Personal("feedback Nobody SECRET-6"));
        var groupChat = await app.Chat().SendAsync(ActivityBuilder.Message("feedback Bob SECRET-7").InGroupChat().From(TeamWorld.Manager, TeamWorld.ManagerName));

        Assert.Equal("Only a team's managers can give feedback.", rep.Single().Text);
        Assert.Equal("只有团队经理才能给反馈。", repChinese.Single().Text);
        Assert.Equal("Bob Li is not a rep of a team you manage, so you can't give them feedback.", otherManager.Single().Text);
        Assert.Equal("Guests can't give feedback.", guest.Single().Text);
        Assert.StartsWith("I can't find Bob Li among", otherTenant.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("I can't find Nobody among", unknown.Single().Text, StringComparison.Ordinal);
        Assert.Contains("1:1", groupChat.Single().Text, StringComparison.Ordinal);
        Assert.Empty(await app.NotesAsync());
        Assert.Empty(await app.NotesAsync(TeamWorld.TenantB));
        // Each refusal was the turn's one answer: nothing else was sent, to Bob or anyone.
        Assert.Equal(7, app.Connector.SentCount);
        Assert.DoesNotContain(app.Connector.Sent, r => r.ConversationId == "a:personal-29:bob");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task History_RepInChinese_FeedbackAndRecognitionNewestFirst_PagedWithMoreInPlace(DatabaseProvider provider)
    {
        // Recognition at 10:02:30 and 10:05:30, between the notes given at 10:00 … 10:06 (one a minute).
        RecognitionEntry[] recognition =
        [
            new(1, TeamWorld.Now.AddSeconds(150), 7, "Alice Wang", "Helped with the Acme demo", "客户第一", 10, false),
            new(2, TeamWorld.Now.AddSeconds(330), null, null, "Reached 100% of the monthly target", null, 0, false),
        ];
        await using var app = FeedbackApp.Create(provider, recognition);
        await WorldAsync(app);
        for (var i = 1; i <= 7; i++)
        {
            await app.Chat().SendAsync(FeedbackApp.Personal($"feedback Note {i}", mention: Bob));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await app.Connector.WaitForSentAsync(14);

        var first = await app.Chat().SendAsync(TeamWorld.Personal("反馈", "29:bob", "Bob Li").WithLocale("zh-CN"));
        var card = FeedbackApp.In(first, "a:personal-29:bob");
        var more = card.Card()["actions"]!.AsArray().Single()!;
        var second = await app.Chat().SendAsync(TeamWorld.Invoke(FeedbackCards.MoreVerb, new { before = more["data"]!["before"]!.GetValue<string>() }, "29:bob", "Bob Li").WithLocale("zh-CN"));

        Assert.Equal("你收到的反馈和表扬", card.CardTitle());
        Assert.Equal("更多", more["title"]!.GetValue<string>());
        TeamWorld.AssertInOrder(card.CardText(), "Note 7", "庆祝", "Reached 100%", "Note 6", "Note 5", "Note 4");
        Assert.DoesNotContain("Note 3", card.CardText(), StringComparison.Ordinal);
        Assert.Contains("来自Mia Manager的反馈", card.CardText(), StringComparison.Ordinal);
        Assert.Contains("尚未确认收到", card.CardText(), StringComparison.Ordinal);
        var page2 = second.InvokeCardText();
        TeamWorld.AssertInOrder(page2, "来自Alice Wang的表扬", "#客户第一", "10 分", "Helped with the Acme demo", "Note 3", "Note 2", "Note 1");
        Assert.DoesNotContain("Note 4", page2, StringComparison.Ordinal);
        Assert.DoesNotContain("更多", page2, StringComparison.Ordinal);
        Assert.Null(second.InvokeCard()["actions"]?.AsArray().FirstOrDefault());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task History_WithoutRecognitionRegistered_ShowsFeedbackOnly_AndSomeoneWithNothingSeesNothingYet(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        await WorldAsync(app);
        await app.Chat().SendAsync(FeedbackApp.Personal("feedback Nice pipeline review", mention: Bob));
        await app.Connector.WaitForSentAsync(2);

        var bob = await app.Chat().SendAsync(TeamWorld.Personal("feedback", "29:bob", "Bob Li"));
        var alice = await app.Chat().SendAsync(TeamWorld.Personal("feedback", "29:alice", "Alice Wang"));

        TeamWorld.AssertInOrder(FeedbackApp.In(bob, "a:personal-29:bob").CardText(), "Feedback and recognition you received", "Feedback from Mia Manager", "Nice pipeline review", "Not acknowledged yet");
        Assert.Contains("Nothing yet.", alice.Single().CardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nice pipeline review", alice.Single().CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TeamCard_ShowsDaysSinceLastFeedbackToManagersInPrivateOnly_NeverInTheChannel(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        await WorldAsync(app);
        await app.Chat().SendAsync(FeedbackApp.Personal("feedback Good forecast hygiene", mention: Bob));
        await app.Connector.WaitForSentAsync(2);
        app.Clock.Advance(TimeSpan.FromDays(3));

        var personal = FeedbackApp.In(await app.Chat().SendAsync(TeamWorld.Personal("team")), ManagerChat);
        var chinese = FeedbackApp.In(await app.Chat().SendAsync(TeamWorld.Personal("团队").WithLocale("zh-CN")), ManagerChat);
        var channel = await app.Chat().SendAsync(TeamWorld.Channel("team", TeamWorld.Manager, TeamWorld.ManagerName));

        TeamWorld.AssertInOrder(personal.CardText(), "Alice Wang", "No feedback yet", "Bob Li", "Last feedback 3 days ago", "Carol Chen", "No feedback yet");
        Assert.Contains("上次反馈是 3 天前", chinese.CardText(), StringComparison.Ordinal);
        Assert.DoesNotContain("feedback", channel.Single().CardText(), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FeedbackLog_LastReceived_IsTheNewestPerRepAndSeesNoOtherTenant(DatabaseProvider provider)
    {
        await using var app = FeedbackApp.Create(provider);
        var world = await WorldAsync(app);
        await app.Chat().SendAsync(FeedbackApp.Personal("feedback one", mention: Bob));
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.Chat().SendAsync(FeedbackApp.Personal("feedback two", mention: Bob));
        await app.PostActivityAsync(ActivityBuilder.Message("help").InTenant(TeamWorld.TenantB).From("29:zed", "Zed Zhou"));

        IReadOnlyDictionary<long, DateTimeOffset> inA, inB;
        var (scopeA, _) = app.NewStore(TeamWorld.TenantA);
        await using (scopeA)
        {
            inA = await scopeA.ServiceProvider.GetRequiredService<IFeedbackLog>().LastReceivedAsync([world.Members["29:bob"], world.Members["29:alice"]], default);
        }

        var (scopeB, _) = app.NewStore(TeamWorld.TenantB);
        await using (scopeB)
        {
            inB = await scopeB.ServiceProvider.GetRequiredService<IFeedbackLog>().LastReceivedAsync([world.Members["29:bob"]], default);
        }

        Assert.Equal(TeamWorld.Now.AddHours(2), Assert.Single(inA, p => p.Key == world.Members["29:bob"]).Value);
        Assert.Single(inA);
        Assert.Empty(inB);
    }
}
