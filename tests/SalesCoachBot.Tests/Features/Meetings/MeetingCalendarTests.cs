using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Integrations.Graph;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using SalesCoachBot.Tests.Integrations.Graph;
using static SalesCoachBot.Tests.Features.Meetings.MeetingWorld;

namespace SalesCoachBot.Tests.Features.Meetings;

/// <summary>
/// The weekly meeting in the team calendar: the app with Microsoft Graph configured to a <see cref="FakeGraphServer"/>
/// (its real GraphServiceClient over HTTP, a token provider that does not call Entra), Mia with an Entra object id and
/// East Sales with its Microsoft 365 group.
/// </summary>
public sealed class MeetingCalendarTests : IAsyncLifetime
{
    private const string MiaAad = GraphTeamCalendarTests.Organizer;
    private const string Group = GraphTeamCalendarTests.Group;

    private const string SetAnswer =
        "Weekly meeting of East Sales set: every Monday at 09:30 (Asia/Shanghai). The agenda is posted here on Sunday at 09:30, a reminder 15 minutes before the start. Add an item with “agenda add …”.";

    private const string Added = " It is in the team calendar too: sent from your Outlook calendar with the team invited.";
    private const string Failed = " The team calendar could not be updated this time (Microsoft Graph refused or did not answer); the agenda and reminders here are not affected.";
    private const string NotConfigured =
        " The meeting was not added to the team calendar because Microsoft Graph is not configured for this bot (an admin can set it up: see “Team calendar” in the README).";

    private FakeGraphServer _graph = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.GroupMail[Group] = GraphTeamCalendarTests.GroupMail;
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_SetWithGraph_SeriesInMiasCalendarWithTheTeamsGroupInvited(DatabaseProvider provider)
    {
        await using var app = NewGraphApp(provider);
        var world = await CreateWithGroupAsync(app);

        var reply = Assert.Single(await app.Chat().SendAsync(Mia("meeting monday 09:30")));

        Assert.Equal(SetAnswer + Added, reply.Text);
        Assert.Equal(["GET /v1.0/groups/" + Group, $"POST /v1.0/users/{MiaAad}/events"], _graph.Requests.Select(r => r.Method + " " + r.Path));
        var body = GraphTeamCalendarTests.LastPost(_graph);
        Assert.Equal("East Sales weekly meeting", (string?)body["subject"]);
        Assert.Equal(("2026-11-23T09:30:00", "China Standard Time"), ((string?)body["start"]!["dateTime"], (string?)body["start"]!["timeZone"]));
        Assert.Equal("2026-11-23T10:30:00", (string?)body["end"]!["dateTime"]);
        Assert.Equal(("weekly", "monday"), ((string?)body["recurrence"]!["pattern"]!["type"], (string?)body["recurrence"]!["pattern"]!["daysOfWeek"]![0]));
        Assert.Equal(("noEnd", "2026-11-23"), ((string?)body["recurrence"]!["range"]!["type"], (string?)body["recurrence"]!["range"]!["startDate"]));
        Assert.Equal(GraphTeamCalendarTests.GroupMail, (string?)body["attendees"]![0]!["emailAddress"]!["address"]);
        var series = await SeriesAsync(app);
        Assert.Equal((_graph.Events.Keys.Single(), MiaAad, (DateTimeOffset?)null), (series!.CalendarEventId, series.CalendarOrganizerAadId, series.CalendarNoticeAt));
        Assert.Equal(2, MeetingJobs(app).Count);
        _ = world;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_MovedSkippedStopped_PatchCancelOccurrenceDelete_RepChangesNothing(DatabaseProvider provider)
    {
        await using var app = NewGraphApp(provider);
        await CreateWithGroupAsync(app);
        var chat = app.Chat();
        await chat.SendAsync(Mia("meeting monday 09:30"));
        var eventId = _graph.Events.Keys.Single();
        var events = $"/v1.0/users/{MiaAad}/events/{eventId}";

        var moved = Assert.Single(await chat.SendAsync(Mia("meeting time tuesday 10:00")));
        var skipped = Assert.Single(await chat.SendAsync(Mia("meeting skip")));
        var refused = Assert.Single(await chat.SendAsync(Channel("meeting off", "29:alice", "Alice Wang")));
        var beforeOff = _graph.CalendarRequests.Count;
        var off = Assert.Single(await chat.SendAsync(Mia("例会 关闭").WithLocale("zh-CN")));

        Assert.EndsWith("The team calendar is updated too.", moved.Text, StringComparison.Ordinal);
        Assert.Equal(
            "The meeting on Nov 24, 2026 is skipped: no agenda and no reminder for it. The next one is on Dec 1, 2026. That date is cancelled in the team calendar too.",
            skipped.Text);
        Assert.StartsWith("Only a manager of East Sales", refused.Text, StringComparison.Ordinal);
        Assert.EndsWith("也已从团队日历中删除。", off.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["POST", "PATCH " + events, "GET " + events + "/instances", "DELETE " + events + FakeGraphServer.OccurrenceSuffix, "DELETE " + events],
            _graph.CalendarRequests.Select(r => r.Method == "POST" ? r.Method : r.Method + " " + r.Path));
        Assert.Equal(4, beforeOff);
        var patch = _graph.CalendarRequests[1].Body!;
        Assert.Equal("2026-11-24T10:00:00", (string?)patch["start"]!["dateTime"]);
        Assert.Equal("tuesday", (string?)patch["recurrence"]!["pattern"]!["daysOfWeek"]![0]);
        // The skipped Tuesday, 24 November, from midnight to midnight in Shanghai.
        Assert.Contains("startDateTime=2026-11-23T16:00:00Z", _graph.CalendarRequests[2].Query, StringComparison.Ordinal);
        Assert.Empty(_graph.Events);
        Assert.Null(await SeriesAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, HttpStatusCode.InternalServerError)]
    [InlineData(DatabaseProvider.Sqlite, HttpStatusCode.TooManyRequests)]
    [InlineData(DatabaseProvider.Sqlite, HttpStatusCode.Forbidden)]
    [InlineData(DatabaseProvider.Postgres, HttpStatusCode.InternalServerError)]
    public async Task Meeting_GraphFails_MeetingSetAnywayAndTheAnswerSaysSo_NextChangeTriesAgain(DatabaseProvider provider, HttpStatusCode status)
    {
        await using var app = NewGraphApp(provider);
        await CreateWithGroupAsync(app);
        var chat = app.Chat();

        _graph.FailNext(status);
        var set = Assert.Single(await chat.SendAsync(Mia("meeting monday 09:30")));
        var afterFailure = await SeriesAsync(app);
        var moved = Assert.Single(await chat.SendAsync(Mia("meeting time 10:00")));

        Assert.Equal(SetAnswer + Failed, set.Text);
        Assert.DoesNotContain("Jane Doe", set.Text, StringComparison.Ordinal);
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(9, 30), (string?)null), (afterFailure!.Weekday, afterFailure.LocalTime, afterFailure.CalendarEventId));
        Assert.Equal(2, MeetingJobs(app).Count);
        Assert.EndsWith(Added, moved.Text, StringComparison.Ordinal);
        Assert.Equal(_graph.Events.Keys.Single(), (await SeriesAsync(app))!.CalendarEventId);

        // A failed move keeps the event it could not move.
        _graph.FailNext(status);
        var failedMove = Assert.Single(await chat.SendAsync(Mia("meeting time 11:00")));
        Assert.EndsWith(Failed, failedMove.Text, StringComparison.Ordinal);
        Assert.Equal(_graph.Events.Keys.Single(), (await SeriesAsync(app))!.CalendarEventId);
        Assert.Equal(new TimeOnly(11, 0), (await SeriesAsync(app))!.LocalTime);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_EventDeletedInOutlook_CreatedAgainByTheManagerWhoMovesIt(DatabaseProvider provider)
    {
        await using var app = NewGraphApp(provider);
        await CreateWithGroupAsync(app);
        await app.Chat().SendAsync(Mia("meeting monday 09:30"));
        _graph.Events.Clear();

        var moved = Assert.Single(await app.Chat().SendAsync(Mia("meeting time 10:00")));

        Assert.EndsWith(Added, moved.Text, StringComparison.Ordinal);
        Assert.Equal(["POST", "PATCH", "POST"], _graph.CalendarRequests.Select(r => r.Method));
        Assert.Equal(_graph.Events.Keys.Single(), (await SeriesAsync(app))!.CalendarEventId);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_WithoutGraph_SaidOnceAndOnlyOnce(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);
        var chat = app.Chat();

        var first = Assert.Single(await chat.SendAsync(Channel("例会 周一 09:30").WithLocale("zh-CN")));
        var later = new[]
        {
            Assert.Single(await chat.SendAsync(Channel("meeting time 10:00"))).Text,
            Assert.Single(await chat.SendAsync(Channel("meeting monday 09:30"))).Text,
            Assert.Single(await chat.SendAsync(Channel("meeting skip"))).Text,
        };

        Assert.EndsWith(
            "例会没有加入团队日历，因为机器人没有配置 Microsoft Graph（管理员可以配置，见 README 中的“Team calendar”一节）。", first.Text, StringComparison.Ordinal);
        Assert.All(later, text => Assert.DoesNotContain("calendar", text, StringComparison.OrdinalIgnoreCase));
        Assert.NotNull((await SeriesAsync(app))!.CalendarNoticeAt);
        Assert.Null((await SeriesAsync(app))!.CalendarEventId);
        Assert.Equal(SetAnswer + NotConfigured, await FirstSetAnswerAsync(provider));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_TeamWithoutItsGroup_SaidOnceWhy_NothingSentToGraph(DatabaseProvider provider)
    {
        await using var app = NewGraphApp(provider);
        await CreateAsync(app);

        var first = Assert.Single(await app.Chat().SendAsync(Mia("meeting monday 09:30")));
        var again = Assert.Single(await app.Chat().SendAsync(Mia("meeting time 10:00")));

        Assert.Equal(
            SetAnswer + " It could not be added to the team calendar: I don't know the Microsoft 365 group of East Sales yet (Teams tells me when the bot is added to the team).",
            first.Text);
        Assert.DoesNotContain("calendar", again.Text, StringComparison.Ordinal);
        Assert.Empty(_graph.CalendarRequests);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Meeting_ManagerWithoutAnEntraId_SaidOnceWhy_NothingSentToGraph(DatabaseProvider provider)
    {
        await using var app = NewGraphApp(provider);
        await CreateWithGroupAsync(app);

        // Teams gave this manager no Entra object id the bot can use (the test world's default "aad-29:mia").
        var first = Assert.Single(await app.Chat().SendAsync(Channel("meeting monday 09:30")));
        var again = Assert.Single(await app.Chat().SendAsync(Channel("meeting time 10:00")));

        Assert.EndsWith(
            " It could not be added to the team calendar: Teams did not tell me your Microsoft Entra ID, and the event is sent from the calendar of the manager who sets the meeting.",
            first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("calendar", again.Text, StringComparison.Ordinal);
        Assert.Empty(_graph.CalendarRequests);
    }

    private static async Task<string?> FirstSetAnswerAsync(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);
        return Assert.Single(await app.Chat().SendAsync(Channel("meeting monday 09:30"))).Text;
    }

    private GraphApplication NewGraphApp(DatabaseProvider provider) => new GraphApplication(provider, _graph) { Time = new FakeTimeProvider(TeamWorld.Now) };

    /// <summary>The meeting world, with East Sales bound to its Microsoft 365 group (as Teams tells the bot when it is added).</summary>
    private static async Task<TeamWorld> CreateWithGroupAsync(SalesCoachBotApplication app)
    {
        var world = await CreateAsync(app);
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            await store.SalesTeams.Where(t => t.Id == world.TeamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.AadGroupId, Group));
        }

        return world;
    }

    /// <summary>Mia in East Sales' channel, with her Entra object id (Teams sends it with each message).</summary>
    private static ActivityBuilder Mia(string text) =>
        ActivityBuilder.Message(text).InTenant(TeamWorld.TenantA).InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId)
            .From(TeamWorld.Manager, TeamWorld.ManagerName, MiaAad).MentioningBot();

    /// <summary>The app with the "Graph" section set and pointed at the fake; its token provider signs without Entra.</summary>
    private sealed class GraphApplication : SalesCoachBotApplication
    {
        public GraphApplication(DatabaseProvider provider, FakeGraphServer graph)
            : base(provider)
        {
            Settings["Graph:TenantId"] = "00000000-0000-4000-8000-00000000c0de";
            Settings["Graph:ClientId"] = "11111111-0000-4000-8000-00000000c0de";
            Settings["Graph:ClientSecret"] = "not-a-real-secret";
            Settings["Graph:BaseUrl"] = graph.BaseUrl;
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddKeyedSingleton(GraphServiceCollectionExtensions.TokenProviderKey, FakeGraphServer.TokenProvider);
    }
}
