using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Recognition.RecognitionWorld;

namespace SalesCoachBot.Tests.Features.Recognition;

public sealed class PraiseFormTests
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static object Open(TeamWorld world, string who, string? reason = null) => reason is null
        ? new { teamId = Id(world.TeamId), memberId = Id(world.Members[who]) }
        : new { teamId = Id(world.TeamId), memberId = Id(world.Members[who]), reason };

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Form_OpenedInPersonalChat_TakesTheCardsPlace_SendPostsTheCardAndNotes_ASecondSendStoresAndPostsNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await SetValuesAsync(app, world.TeamId, null, ("customer-first", 3));

        var opened = await app.Chat().SendAsync(TeamWorld.Invoke(PraiseFormActions.OpenVerb, Open(world, "29:bob")));

        var form = opened.InvokeCard();
        Assert.Equal("Praise someone in East Sales", form["body"]![0]!["text"]!.GetValue<string>());
        var people = form["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == PraiseForm.PeopleField)!;
        Assert.Equal(Id(world.Members["29:bob"]), people["value"]!.GetValue<string>());
        // Everyone in the team but the giver, Mia.
        Assert.Equal(["Alice Wang", "Bob Li", "Carol Chen"], people["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.Contains("#customer-first (+3 points)", opened.InvokeCardText(), StringComparison.Ordinal);
        var (verb, data) = Buttons(form).First();
        Assert.Equal(PraiseForm.SubmitVerb, verb);
        var entry = data!["entry"]!.GetValue<string>();
        Assert.Empty(opened);

        var send = TeamWorld.Invoke(PraiseForm.SubmitVerb, new
        {
            entry, teamId = Id(world.TeamId), people = $"{Id(world.Members["29:bob"])},{Id(world.Members["29:alice"])}", reason = "Closed the Acme deal", value = "customer-first", @private = "false",
        });
        var sent = await app.Chat().SendAsync(send);

        TeamWorld.AssertInOrder(sent.InvokeCardText(), "Praise sent", "Posted in East Sales's channel; Alice Wang, Bob Li will get a note from me.");
        var delivered = await app.Connector.WaitForSentAsync(3);
        var post = Assert.Single(delivered, r => r.ConversationId == TeamWorld.TeamsTeamId).Activity!;
        TeamWorld.AssertInOrder(post.CardText(), "Mia Manager praised", "Closed the Acme deal", "#customer-first", "+3 each");
        Assert.Equal(["29:alice", "29:bob"], post.Entities!.Select(e => e.Mentioned!.Id).Order(StringComparer.Ordinal));
        var praise = Assert.Single(await PraisesAsync(app));
        Assert.Equal((world.Members[TeamWorld.Manager], "Closed the Acme deal", "customer-first", 3, false),
            (praise.GiverMemberId, praise.Reason, praise.Value, praise.Points, praise.IsPrivate));

        // A double click, or Teams retrying the invoke: the same form again stores and posts nothing.
        var again = await app.Chat().SendAsync(send);

        Assert.Contains("This praise was sent already", again.InvokeCardText(), StringComparison.Ordinal);
        Assert.Single(await PraisesAsync(app));
        Assert.Equal(3, (await OutboxAsync(app)).Count);
        Assert.Equal(3, app.Connector.SentCount);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Form_OpenedFromACardInTheChannel_ArrivesInThePressersPersonalChat_AndLeavesTheChannelCardAsItIs(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);

        // Bob (a rep) presses "Add your praise" on a celebration card in the channel, the reason filled in.
        var pressed = await app.Chat().SendAsync(ChannelInvoke(PraiseFormActions.OpenVerb, Open(world, "29:alice", "100% of the November target"), "29:bob", "Bob Li"));

        Assert.Equal("I've sent you the praise form in our private chat.", pressed.InvokeMessage());
        Assert.Empty(pressed.Updated);
        var delivered = Assert.Single(await app.Connector.WaitForSentAsync(1));
        Assert.StartsWith("a:", delivered.ConversationId, StringComparison.Ordinal);
        Assert.Equal("Praise someone in East Sales", delivered.Activity!.CardTitle());
        Assert.Contains("100% of the November target", delivered.Activity!.CardText(), StringComparison.Ordinal);
        var row = Assert.Single(await OutboxAsync(app));
        Assert.Equal(world.Members["29:bob"], row.MemberId);
        // Nothing went to the channel: no post, no update of the shared card.
        Assert.All(app.Connector.Requests, r => Assert.False(r.ConversationId?.StartsWith("19:", StringComparison.Ordinal) ?? false, $"{r.Operation} {r.ConversationId}"));
        Assert.Empty(await PraisesAsync(app));

        // The form from Bob's chat sends like the typed praise.
        var entry = Buttons(delivered.Activity!.Card()).First().Data!["entry"]!.GetValue<string>();
        var sent = await app.Chat().SendAsync(TeamWorld.Invoke(PraiseForm.SubmitVerb, new
        {
            entry, teamId = Id(world.TeamId), people = Id(world.Members["29:alice"]), reason = "100% of the November target", @private = "false",
        }, "29:bob", "Bob Li"));
        Assert.Contains("Posted in East Sales's channel", sent.InvokeCardText(), StringComparison.Ordinal);
        Assert.Equal(world.Members["29:bob"], Assert.Single(await PraisesAsync(app)).GiverMemberId);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Form_SentPrivately_ReachesOnlyTheReceiverAndTheManagersInOneToOne(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        var opened = await app.Chat().SendAsync(TeamWorld.Invoke(PraiseFormActions.OpenVerb, Open(world, "29:bob"), "29:alice", "Alice Wang"));
        var entry = Buttons(opened.InvokeCard()).First().Data!["entry"]!.GetValue<string>();

        var sent = await app.Chat().SendAsync(TeamWorld.Invoke(PraiseForm.SubmitVerb, new
        {
            entry, teamId = Id(world.TeamId), people = Id(world.Members["29:bob"]), reason = "Quietly fixed my proposal", @private = "true",
        }, "29:alice", "Alice Wang"));

        Assert.Contains("Sent privately to Bob Li (and their managers).", sent.InvokeCardText(), StringComparison.Ordinal);
        // Bob and his team's manager Mia, each once, in 1:1.
        var delivered = await app.Connector.WaitForSentAsync(2);
        Assert.Contains(delivered, r => r.Activity!.Text!.StartsWith("Alice Wang praised you privately (East Sales): “Quietly fixed my proposal”", StringComparison.Ordinal));
        Assert.Contains(delivered, r => r.Activity!.Text!.StartsWith("Alice Wang privately praised Bob Li (East Sales)", StringComparison.Ordinal));
        Assert.True(Assert.Single(await PraisesAsync(app)).IsPrivate);
        var channelCalls = IntoChannels(app);
        Assert.All(channelCalls, json => Assert.DoesNotContain("Quietly fixed", json, StringComparison.Ordinal));
    }

    public static TheoryData<DatabaseProvider, string> Refusals()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var refusal in new[] { "other-team", "other-tenant", "forged-member", "guest", "self", "not-member", "stale-team" })
            {
                data.Add(provider, refusal);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Refusals))]
    public async Task Form_OpenedWithForgedOrForbiddenIds_IsRefusedClearly_AndNothingIsStoredOrSent(DatabaseProvider provider, string refusal)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        var (westId, wesId) = await WestAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest");
        var zedTeam = await FabrikamAsync(app);
        await app.PostActivityAsync(TeamWorld.Personal("help", "29:dan", "Dan Zhao"));
        app.Connector.Reset();

        var (press, expected) = refusal switch
        {
            // Mia is in no West Sales membership.
            "other-team" => (TeamWorld.Invoke(PraiseFormActions.OpenVerb, new { teamId = Id(westId), memberId = Id(wesId) }), "This button is for a team you're not in."),
            // Zed (Fabrikam) with Contoso's team and rep ids: his store never sees them.
            "other-tenant" => (TeamWorld.Invoke(PraiseFormActions.OpenVerb, Open(world, "29:bob"), "29:zed", "Zed Zhou", TeamWorld.TenantB), "This button is for a team you're not in."),
            // Wes is West's, not East's.
            "forged-member" => (TeamWorld.Invoke(PraiseFormActions.OpenVerb, new { teamId = Id(world.TeamId), memberId = Id(wesId) }), "That person is not a member of East Sales"),
            "guest" => (TeamWorld.Invoke(PraiseFormActions.OpenVerb, Open(world, "29:bob"), "29:gus", "Gus Guest"), "Guests can't give praise"),
            "self" => (TeamWorld.Invoke(PraiseFormActions.OpenVerb, Open(world, "29:bob"), "29:bob", "Bob Li"), "You can't praise yourself"),
            // Dan is known to the bot but in no team.
            "not-member" => (TeamWorld.Invoke(PraiseFormActions.OpenVerb, Open(world, "29:bob"), "29:dan", "Dan Zhao"), "This button is for a team you're not in."),
            // In the channel, a team id that is not the channel's own.
            "stale-team" => (ChannelInvoke(PraiseFormActions.OpenVerb, new { teamId = Id(westId), memberId = Id(wesId) }, TeamWorld.Manager, TeamWorld.ManagerName),
                "This button is for a team you're not in."),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };
        _ = zedTeam;

        var replies = await app.Chat().SendAsync(press);

        Assert.StartsWith(expected, replies.InvokeMessage(), StringComparison.Ordinal);
        Assert.Empty(replies.Updated);
        Assert.Empty(app.Connector.Sent);
        Assert.Empty(await OutboxAsync(app));
        Assert.Empty(await OutboxAsync(app, TeamWorld.TenantB));
    }

    public static TheoryData<DatabaseProvider, string> SendRefusals()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var refusal in new[] { "quota", "self", "empty", "unknown-value", "forged-member", "other-tenant-team", "guest", "in-channel" })
            {
                data.Add(provider, refusal);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(SendRefusals))]
    public async Task Form_SentWithSomethingTheGuardsRefuse_ComesBackOrIsRefused_AndNothingIsStoredOrPosted(DatabaseProvider provider, string refusal)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await SetValuesAsync(app, world.TeamId, quota: 1, ("customer-first", 3));
        var (_, wesId) = await WestAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest");
        var fabrikamTeam = await FabrikamAsync(app);
        var before = 0;
        if (refusal == "quota")
        {
            app.Connector.Reset();
            await app.Chat().SendAsync(InChannel("praise <at>Alice Wang</at> demo", TeamWorld.Manager, TeamWorld.ManagerName, Alice));
            await app.Connector.WaitForSentAsync(2);
            before = 1;
        }

        app.Connector.Reset();
        var entry = PraiseForm.NewEntryId();
        var bob = Id(world.Members["29:bob"]);
        object Fields(string people, string reason, string? value = null, long? teamId = null) =>
            new { entry, teamId = Id(teamId ?? world.TeamId), people, reason, value, @private = "false" };
        var (send, expected, formBack) = refusal switch
        {
            "quota" => (TeamWorld.Invoke(PraiseForm.SubmitVerb, Fields(bob, "Great call")), "You've given 1 praises in East Sales today", true),
            "self" => (TeamWorld.Invoke(PraiseForm.SubmitVerb, Fields($"{bob},{Id(world.Members[TeamWorld.Manager])}", "Great call")), "You can't praise yourself", true),
            "empty" => (TeamWorld.Invoke(PraiseForm.SubmitVerb, Fields(bob, "   ")), "Say what they did.", true),
            "unknown-value" => (TeamWorld.Invoke(PraiseForm.SubmitVerb, Fields(bob, "Great call", "speed")), "East Sales has no value #speed", true),
            "forged-member" => (TeamWorld.Invoke(PraiseForm.SubmitVerb, Fields(Id(wesId), "Great call")), "That person is not a member of East Sales", true),
            "other-tenant-team" => (TeamWorld.Invoke(PraiseForm.SubmitVerb, Fields(bob, "Great call", teamId: fabrikamTeam)), "This button is for a team you're not in.", false),
            "guest" => (TeamWorld.Invoke(PraiseForm.SubmitVerb, Fields(bob, "Great call"), "29:gus", "Gus Guest"), "Guests can't give praise", false),
            // The form lives in the 1:1 chat; a send from a channel is not ours.
            "in-channel" => (ChannelInvoke(PraiseForm.SubmitVerb, Fields(bob, "Great call"), TeamWorld.Manager, TeamWorld.ManagerName), "works only in", false),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };

        var replies = await app.Chat().SendAsync(send);

        if (formBack)
        {
            TeamWorld.AssertInOrder(replies.InvokeCardText(), "Praise someone in East Sales", "Not sent yet:", expected);
            Assert.Equal(PraiseForm.SubmitVerb, Buttons(replies.InvokeCard()).First().Verb);
        }
        else
        {
            Assert.Contains(expected, replies.InvokeMessage(), StringComparison.Ordinal);
        }

        Assert.Equal(before, (await PraisesAsync(app)).Count);
        Assert.Empty(await PraisesAsync(app, TeamWorld.TenantB));
        Assert.Empty(app.Connector.Sent);
        // The earlier praise's one note (to Alice) at most.
        Assert.Equal(before, (await OutboxAsync(app)).Count);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Form_Cancelled_SaysNothingWasSent_InChinese(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);

        var replies = await app.Chat().SendAsync(TeamWorld.Invoke(PraiseForm.CancelVerb, new { }).WithLocale("zh-CN"));

        TeamWorld.AssertInOrder(replies.InvokeCardText(), "已取消表扬", "没有发送任何内容。");
        Assert.Empty(await PraisesAsync(app));
    }

    // West Sales, managed by Wes, in the same tenant.
    private static async Task<(long TeamId, long WesId)> WestAsync(SalesCoachBotApplication app)
    {
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using var _scope = scope;
        var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
        var west = await directory.EnsureTeamAsync(TeamWorld.TenantA, "19:west@thread.tacv2", "West Sales", null);
        var wes = (await directory.AddMembersAsync(TeamWorld.TenantA, west.Id, [new("29:wes", null, "Wes West", null)])).Single();
        await directory.SetRoleAsync(TeamWorld.TenantA, west.Id, wes, TeamRole.Manager);
        return (west.Id, wes);
    }

    // Fabrikam's team with its manager Zed, who has written to the bot.
    private static async Task<long> FabrikamAsync(SalesCoachBotApplication app)
    {
        await app.PostActivityAsync(ActivityBuilder.Message("help").InTenant(TeamWorld.TenantB).InPersonalChat("a:personal-29:zed").From("29:zed", "Zed Zhou"));
        var (scope, _) = app.NewStore(TeamWorld.TenantB);
        await using var _scope = scope;
        var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
        var team = await directory.EnsureTeamAsync(TeamWorld.TenantB, "19:fabrikam@thread.tacv2", "Fabrikam Sales", null);
        var zed = (await directory.AddMembersAsync(TeamWorld.TenantB, team.Id, [new("29:zed", null, "Zed Zhou", null), new("29:yan", null, "Yan Rep", null)]))[0];
        await directory.SetRoleAsync(TeamWorld.TenantB, team.Id, zed, TeamRole.Manager);
        return team.Id;
    }
}
