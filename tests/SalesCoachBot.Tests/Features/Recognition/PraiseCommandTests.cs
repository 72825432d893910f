using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Recognition.RecognitionWorld;

namespace SalesCoachBot.Tests.Features.Recognition;

public sealed class PraiseCommandTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Praise_InChannel_RepliesInTheThreadWithMentionsInCardAndActivity_StoresItAndNotesEachReceiverOnce(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await SetValuesAsync(app, world.TeamId, null, ("customer-first", 3));

        var replies = await app.Chat().SendAsync(InChannel(
            "praise <at>Alice Wang</at> <at>Bob Li</at> closed the Acme deal #customer-first", TeamWorld.Manager, TeamWorld.ManagerName, Alice, Bob));

        var post = Assert.Single(replies);
        var send = Assert.Single(replies.Requests);
        // A reply in the thread where it was asked.
        Assert.Equal(TeamWorld.TeamsTeamId + ";messageid=1", send.ConversationId);
        Assert.Equal("Recognition", post.CardTitle());
        var card = post.Card();
        Assert.Equal([("29:alice", "Alice Wang", "<at>Alice Wang</at>"), ("29:bob", "Bob Li", "<at>Bob Li</at>")], Mentions(card["msteams"]!["entities"]!));
        // The same mentions on the activity, so Teams notifies the people praised.
        Assert.Equal([("29:alice", "<at>Alice Wang</at>"), ("29:bob", "<at>Bob Li</at>")],
            post.Entities!.Where(e => e.Type == "mention").Select(e => (e.Mentioned!.Id!, e.Text!)));
        TeamWorld.AssertInOrder(post.CardText(), "Mia Manager praised <at>Alice Wang</at>, <at>Bob Li</at>", "closed the Acme deal",
            "Team", "East Sales", "Value", "#customer-first", "Points", "+3 each");

        var praise = Assert.Single(await PraisesAsync(app));
        Assert.Equal((world.TeamId, world.Members[TeamWorld.Manager], "closed the Acme deal", "customer-first", 3, false, send.AssignedId),
            (praise.SalesTeamId, praise.GiverMemberId, praise.Reason, praise.Value, praise.Points, praise.IsPrivate, praise.ChannelPostId));
        Assert.Equal([world.Members["29:alice"], world.Members["29:bob"]], praise.Receivers.Select(r => r.MemberId).Order());

        // One 1:1 note per receiver, with a link to the post in its thread.
        var sent = await app.Connector.WaitForSentAsync(3);
        var notes = sent.Skip(1).Select(r => r.Activity!.Text!).ToList();
        Assert.Equal(2, notes.Count);
        Assert.All(notes, n => Assert.StartsWith("Mia Manager praised you in East Sales: “closed the Acme deal” (#customer-first, +3 points).", n, StringComparison.Ordinal));
        Assert.All(notes, n => Assert.Contains($"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(TeamWorld.TeamsTeamId)}/{send.AssignedId}?", n, StringComparison.Ordinal));
        Assert.All(notes, n => Assert.Contains("&parentMessageId=1", n, StringComparison.Ordinal));
        var rows = await OutboxAsync(app);
        Assert.Equal([$"praise:{praise.Id}:to:{world.Members["29:alice"]}", $"praise:{praise.Id}:to:{world.Members["29:bob"]}"],
            rows.Select(r => r.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.Equal(3, app.Connector.SentCount);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Praise_ChineseFromPersonalChat_PostsTheCardInTheTeamChannelThroughTheOutbox(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await SetValuesAsync(app, world.TeamId, null, ("客户第一", 2));

        var replies = await app.Chat().SendAsync(InPersonalChat("表扬 <at>Bob Li</at> 拿下华为 #客户第一", "29:alice", "Alice Wang", Bob).WithLocale("zh-CN"));

        Assert.Equal("已发到East Sales的频道，我会私聊通知Bob Li。", Assert.Single(replies).Text);
        var sent = await app.Connector.WaitForSentAsync(3);
        var channelPost = Assert.Single(sent, r => r.Activity!.Attachments is { Count: > 0 });
        Assert.Equal(TeamWorld.TeamsTeamId, channelPost.ConversationId);
        Assert.Equal("表扬", channelPost.Activity!.CardTitle());
        TeamWorld.AssertInOrder(channelPost.Activity!.CardText(), "Alice Wang 表扬了 <at>Bob Li</at>", "拿下华为", "价值观", "#客户第一", "积分", "+2");
        Assert.Equal(["29:bob"], channelPost.Activity!.Entities!.Select(e => e.Mentioned!.Id));
        var note = Assert.Single(sent, r => r.Activity!.Attachments is not { Count: > 0 } && r != sent[0]);
        // In Bob's language (his Teams client is English), whatever the giver's.
        Assert.StartsWith("Alice Wang praised you in East Sales: “拿下华为” (#客户第一, +2 points). See it in the channel: https://teams.microsoft.com/l/channel/", note.Activity!.Text, StringComparison.Ordinal);

        var praise = Assert.Single(await PraisesAsync(app));
        Assert.Equal(("拿下华为", "客户第一", 2, (string?)null), (praise.Reason, praise.Value, praise.Points, praise.ChannelPostId));
        Assert.Equal(3, app.Connector.SentCount);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Praise_WithoutValue_CountsTheDefaultPoint(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);

        var replies = await app.Chat().SendAsync(InChannel("点赞 <at>Alice Wang</at> 帮新人准备方案", "29:bob", "Bob Li", Alice).WithLocale("zh-CN"));

        Assert.Contains("+1", Assert.Single(replies).CardText(), StringComparison.Ordinal);
        var praise = Assert.Single(await PraisesAsync(app));
        Assert.Equal(("帮新人准备方案", (string?)null, 1), (praise.Reason, praise.Value, praise.Points));
    }

    public static TheoryData<DatabaseProvider, string> Refusals()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var refusal in new[] { "self", "outsider", "guest", "no-one", "empty", "unknown-value", "no-values", "group-chat", "other-tenant", "not-in-team" })
            {
                data.Add(provider, refusal);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Refusals))]
    public async Task Praise_Refused_AnswersWhyAndStoresAndPostsNothing(DatabaseProvider provider, string refusal)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest");
        if (refusal != "no-values")
        {
            await SetValuesAsync(app, world.TeamId, null, ("customer-first", 3));
        }

        if (refusal == "not-in-team")
        {
            // Dan writes to the bot (so the tenant knows him) but is in no sales team.
            await app.PostActivityAsync(TeamWorld.Personal("help", "29:dan", "Dan Zhao"));
            app.Connector.Reset();
        }

        var (message, expected) = refusal switch
        {
            "self" => (InChannel("praise <at>Mia Manager</at> great quarter", TeamWorld.Manager, TeamWorld.ManagerName, Mia), "You can't praise yourself"),
            // Rita is mentioned (a real mention entity) but is no member of East Sales.
            "outsider" => (InChannel("praise <at>Alice Wang</at> <at>Rita</at> great demo", TeamWorld.Manager, TeamWorld.ManagerName, Alice, ("29:rita", "Rita")),
                "Rita is not a member of East Sales"),
            "guest" => (InChannel("praise <at>Alice Wang</at> great demo", "29:gus", "Gus Guest", Alice), "Guests can't give praise"),
            // A name typed without a mention entity praises nobody.
            "no-one" => (InChannel("praise Alice Wang great demo", TeamWorld.Manager, TeamWorld.ManagerName), "Mention the people you praise"),
            "empty" => (InChannel("praise <at>Alice Wang</at> #customer-first", TeamWorld.Manager, TeamWorld.ManagerName, Alice), "Say what they did"),
            "unknown-value" => (InChannel("praise <at>Alice Wang</at> great demo #speed", TeamWorld.Manager, TeamWorld.ManagerName, Alice),
                "East Sales has no value #speed. Its values: #customer-first (3 points). Nothing was sent."),
            "no-values" => (InChannel("praise <at>Alice Wang</at> great demo #speed", TeamWorld.Manager, TeamWorld.ManagerName, Alice), "it has no company values yet"),
            "group-chat" => (ActivityBuilder.Message("praise <at>Alice Wang</at> great demo").InGroupChat().From(TeamWorld.Manager, TeamWorld.ManagerName),
                "works only in"),
            "other-tenant" => (ActivityBuilder.Message("praise <at>Alice Wang</at> great demo").InTenant(TeamWorld.TenantB)
                .InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId).From(TeamWorld.Manager, TeamWorld.ManagerName).MentioningBot(), "I don't know this team yet"),
            "not-in-team" => (InPersonalChat("praise <at>Alice Wang</at> great demo", "29:dan", "Dan Zhao", Alice), "You're not in a sales team yet"),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };

        var replies = await app.Chat().SendAsync(message);

        var answer = Assert.Single(replies);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Attachments ?? []);
        Assert.Empty(await PraisesAsync(app));
        Assert.Empty(await PraisesAsync(app, TeamWorld.TenantB));
        Assert.Empty(await OutboxAsync(app));
        Assert.Single(app.Connector.Sent);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Praise_OverTheTeamsDailyQuota_IsRefusedUntilTheTeamsNextDay(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(TeamWorld.Now);
        await using var app = new SalesCoachBotApplication(provider) { Time = time };
        var world = await CreateAsync(app);
        await SetValuesAsync(app, world.TeamId, quota: 2);
        for (var i = 0; i < 2; i++)
        {
            await app.Chat().SendAsync(InChannel($"praise <at>Alice Wang</at> demo {i}", "29:bob", "Bob Li", Alice));
        }

        await app.Connector.WaitForSentAsync(4);
        var refused = await app.Chat().SendAsync(InChannel("praise <at>Alice Wang</at> demo 3", "29:bob", "Bob Li", Alice));
        // Another giver has a quota of their own.
        await app.Chat().SendAsync(InChannel("praise <at>Alice Wang</at> demo from Carol", "29:carol", "Carol Chen", Alice));

        Assert.Equal("You've given 2 praises in East Sales today, the daily limit. Try again tomorrow.", Assert.Single(refused).Text);
        Assert.Equal(3, (await PraisesAsync(app)).Count);

        // Every card and note is out before the next turn, so that turn's replies are its own.
        await app.Connector.WaitForSentAsync(7);

        // Midnight in Shanghai is 16:00 UTC: the next day starts then.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 18, 16, 0, 0, TimeSpan.Zero));
        var next = await app.Chat().SendAsync(InChannel("praise <at>Alice Wang</at> demo 4", "29:bob", "Bob Li", Alice));
        Assert.Equal("Recognition", Assert.Single(next).CardTitle());
        Assert.Equal(4, (await PraisesAsync(app)).Count);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PrivatePraise_TypedInTheChannel_ReachesOnlyTheReceiverAndTheManagersInOneToOne(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        const string Reason = "handled the angry customer calmly";

        var replies = await app.Chat().SendAsync(InChannel($"praise private <at>Bob Li</at> {Reason}", "29:alice", "Alice Wang", Bob));

        Assert.Equal("Sent privately: nothing of it is posted here.", Assert.Single(replies).Text);
        // Bob and his team's manager Mia, each once.
        var sent = await app.Connector.WaitForSentAsync(3);
        Assert.StartsWith($"Alice Wang praised you privately (East Sales): “{Reason}” (+1 points).", sent.Skip(1).Select(r => r.Activity!.Text).Single(t => t!.Contains("you privately", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(sent, r => r.Activity!.Text == $"Alice Wang privately praised Bob Li (East Sales): “{Reason}” (+1 points).");
        var praise = Assert.Single(await PraisesAsync(app));
        Assert.True(praise.IsPrivate);
        Assert.Null(praise.ChannelPostId);
        Assert.Equal([$"praise:{praise.Id}:manager:{world.Members[TeamWorld.Manager]}", $"praise:{praise.Id}:to:{world.Members["29:bob"]}"],
            (await OutboxAsync(app)).Select(r => r.IdempotencyKey).Order(StringComparer.Ordinal));
        AssertNothingOfItInAnyChannel(app, Reason);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PrivatePraise_ChineseFromPersonalChat_NeverReachesAChannel(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);
        const string Reason = "耐心处理客户投诉";

        var replies = await app.Chat().SendAsync(InPersonalChat($"私下表扬 <at>Bob Li</at> {Reason}", TeamWorld.Manager, TeamWorld.ManagerName, Bob).WithLocale("zh-CN"));

        Assert.Equal("已私下发给Bob Li（以及其经理）。", Assert.Single(replies).Text);
        // Mia gave it and is the only manager: Bob alone gets it.
        var sent = await app.Connector.WaitForSentAsync(2);
        Assert.Contains(Reason, sent[1].Activity!.Text, StringComparison.Ordinal);
        Assert.True(Assert.Single(await PraisesAsync(app)).IsPrivate);
        AssertNothingOfItInAnyChannel(app, Reason);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Praise_FromPersonalChatOfAMemberOfSeveralTeams_NeedsTheTeamsName(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var directory = (SalesCoachBot.Contacts.SalesTeamDirectory)scope.ServiceProvider.GetService(typeof(SalesCoachBot.Contacts.SalesTeamDirectory))!;
            var west = await directory.EnsureTeamAsync(TeamWorld.TenantA, "19:west@thread.tacv2", "West Sales", null);
            await directory.AddMembersAsync(TeamWorld.TenantA, west.Id, [new("29:alice", "aad-alice", "Alice Wang", null)]);
        }

        var unnamed = await app.Chat().SendAsync(InPersonalChat("praise <at>Bob Li</at> great demo", "29:alice", "Alice Wang", Bob));
        var named = await app.Chat().SendAsync(InPersonalChat("praise East Sales <at>Bob Li</at> great demo", "29:alice", "Alice Wang", Bob));

        Assert.Equal("You're in several teams (East Sales, West Sales). Name one first, for example “praise East Sales @name what they did”.", Assert.Single(unnamed).Text);
        Assert.Equal("Posted in East Sales's channel; Bob Li will get a note from me.", Assert.Single(named).Text);
        var praise = Assert.Single(await PraisesAsync(app));
        Assert.Equal((world.TeamId, "great demo"), (praise.SalesTeamId, praise.Reason));
    }

    // Over every connector call of the test: nothing addressed to a channel carries the praise.
    private static void AssertNothingOfItInAnyChannel(SalesCoachBotApplication app, string reason)
    {
        var calls = app.Connector.Requests;
        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var body = call.Body?.GetRawText() ?? string.Empty;
            var toChannel = call.ConversationId?.StartsWith("19:", StringComparison.Ordinal) == true || body.Contains("\"channel\"", StringComparison.Ordinal);
            if (toChannel)
            {
                Assert.DoesNotContain(reason, body, StringComparison.Ordinal);
                Assert.DoesNotContain(System.Text.Json.JsonSerializer.Serialize(reason)[1..^1], body, StringComparison.Ordinal);
                Assert.Empty(call.Activity?.Attachments ?? []);
            }
        }
    }

    private static List<(string Id, string Name, string Text)> Mentions(JsonNode entities) =>
        [.. entities.AsArray().Select(e => (e!["mentioned"]!["id"]!.GetValue<string>(), e["mentioned"]!["name"]!.GetValue<string>(), e["text"]!.GetValue<string>()))];
}
