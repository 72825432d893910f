using SalesCoachBot.Data;
using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.Recognition;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Meetings.ActionItemTests;
using static SalesCoachBot.Tests.Features.Meetings.MeetingWorld;

namespace SalesCoachBot.Tests.Features.Meetings;

public sealed class ActionFormTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Form_FromTheAgendaInTheChannel_GoesToTheOnesChat_AndItsSendSavesOnce(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        var team = Id(world.TeamId);

        var pressed = await app.Chat().SendAsync(RecognitionWorld.ChannelInvoke(ActionForm.OpenVerb, new { teamId = team }, "29:alice", "Alice Wang"));

        Assert.Equal("I sent you the form in our 1:1 chat.", pressed.InvokeMessage());
        var form = Assert.Single(await app.Connector.WaitForSentAsync(1));
        Assert.StartsWith("a:personal-", form.ConversationId, StringComparison.Ordinal);
        TeamWorld.AssertInOrder(form.Activity!.CardText(), "Add an action item · East Sales", "What", "Due date (optional)", "Save");
        Assert.All(new[] { "Owner", "Alice Wang", "Bob Li", "Carol Chen", "Mia Manager" }, name => Assert.Contains(name, form.Activity!.CardText(), StringComparison.Ordinal));
        var entry = RecognitionWorld.Buttons(form.Activity!.Card()).First().Data!["entry"]!.GetValue<string>();
        object Fields(string owner, string text, string due = "") => new { entry, teamId = team, owner, text, due };

        var sent = await app.Chat().SendAsync(TeamWorld.Invoke(ActionForm.SubmitVerb, Fields(Id(world.Members["29:bob"]), "call Huawei back", "2026-11-20"), "29:alice", "Alice Wang"));
        var again = await app.Chat().SendAsync(TeamWorld.Invoke(ActionForm.SubmitVerb, Fields(Id(world.Members["29:bob"]), "call Huawei back", "2026-11-20"), "29:alice", "Alice Wang"));

        TeamWorld.AssertInOrder(sent.InvokeCardText(), "Action item saved", "Action item #1 of East Sales for Bob Li: “call Huawei back”, due Fri, Nov 20, 2026.");
        Assert.Contains("This form was sent already", again.InvokeCardText(), StringComparison.Ordinal);
        var item = Assert.Single(await ActionsAsync(app));
        Assert.Equal((world.Members["29:bob"], world.Members["29:alice"], (DateOnly?)new DateOnly(2026, 11, 20), entry), (item.OwnerMemberId, item.CreatedByMemberId, item.DueDate, item.FormEntryId));
        Assert.Single(await OutboxAsync(app, "action-given:"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "past-date")]
    [InlineData(DatabaseProvider.Sqlite, "forged-owner")]
    [InlineData(DatabaseProvider.Sqlite, "empty")]
    [InlineData(DatabaseProvider.Sqlite, "other-team")]
    [InlineData(DatabaseProvider.Sqlite, "other-tenant")]
    [InlineData(DatabaseProvider.Sqlite, "guest")]
    [InlineData(DatabaseProvider.Sqlite, "in-channel")]
    [InlineData(DatabaseProvider.Sqlite, "stale")]
    [InlineData(DatabaseProvider.Postgres, "past-date")]
    [InlineData(DatabaseProvider.Postgres, "forged-owner")]
    [InlineData(DatabaseProvider.Postgres, "other-team")]
    [InlineData(DatabaseProvider.Postgres, "other-tenant")]
    public async Task Form_SentWithSomethingTheGuardsRefuse_NothingSaved(DatabaseProvider provider, string refusal)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        var (westId, wesId) = await WestAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest");
        var entry = ActionForm.NewEntryId();
        var bob = Id(world.Members["29:bob"]);
        object Fields(string owner, string text, string due = "", long? teamId = null, string? entryId = null) =>
            new { entry = entryId ?? entry, teamId = Id(teamId ?? world.TeamId), owner, text, due };
        var (send, expected) = refusal switch
        {
            "past-date" => (TeamWorld.Invoke(ActionForm.SubmitVerb, Fields(bob, "call back", "2026-11-01")), "The due date Sun, Nov 1, 2026 is in the past."),
            "forged-owner" => (TeamWorld.Invoke(ActionForm.SubmitVerb, Fields(Id(wesId), "call back")), "Choose the owner."),
            "empty" => (TeamWorld.Invoke(ActionForm.SubmitVerb, Fields(bob, "  ")), "Write what is to be done."),
            "other-team" => (TeamWorld.Invoke(ActionForm.SubmitVerb, Fields(Id(wesId), "call back", teamId: westId)), "Only members of West Sales"),
            "other-tenant" => (TeamWorld.Invoke(ActionForm.SubmitVerb, Fields(bob, "call back"), "29:zed", "Zed Zhou", TeamWorld.TenantB), "This channel isn't bound to a sales team yet"),
            "guest" => (TeamWorld.Invoke(ActionForm.SubmitVerb, Fields(bob, "call back"), "29:gus", "Gus Guest"), "Sorry, guests can't"),
            "in-channel" => (RecognitionWorld.ChannelInvoke(ActionForm.SubmitVerb, Fields(bob, "call back"), TeamWorld.Manager, TeamWorld.ManagerName), "works only in"),
            "stale" => (TeamWorld.Invoke(ActionForm.SubmitVerb, Fields(bob, "call back", entryId: "not-a-form")), "This form is out of date."),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };

        var replies = await app.Chat().SendAsync(send);

        // Field errors bring the form back with them; guards answer with a message.
        var answer = refusal is "past-date" or "forged-owner" or "empty" ? replies.InvokeCardText() : replies.InvokeMessage();
        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.Empty(await ActionsAsync(app));
        Assert.Empty(await OutboxAsync(app, "action"));
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
