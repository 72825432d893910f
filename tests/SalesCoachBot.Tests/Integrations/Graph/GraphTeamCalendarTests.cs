using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using SalesCoachBot.Integrations.Graph;

namespace SalesCoachBot.Tests.Integrations.Graph;

public sealed class GraphTeamCalendarTests : IAsyncLifetime
{
    internal const string Organizer = "5d8e2c1a-7f3b-4e6d-9a0c-1b2c3d4e5f60";
    internal const string Group = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d";
    internal const string GroupMail = "east-sales@contoso.com";

    private static readonly WeeklyMeetingEvent Monday = new(
        "East Sales weekly meeting", "The agenda is posted in the team channel.", DayOfWeek.Monday, new TimeOnly(9, 30), TimeSpan.FromHours(1),
        "Asia/Shanghai", new DateOnly(2026, 11, 23), 15);

    private FakeGraphServer _graph = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.GroupMail[Group] = GroupMail;
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _graph.DisposeAsync();
    }

    private GraphTeamCalendar NewCalendar() =>
        new(new GraphServiceClient(_http, new BaseBearerTokenAuthenticationProvider(FakeGraphServer.TokenProvider), _graph.BaseUrl), NullLogger<GraphTeamCalendar>.Instance);

    [Fact]
    public async Task CreateAsync_WeeklySeries_InTheOrganisersMailboxWithTheGroupInvitedByItsAddress()
    {
        var result = await NewCalendar().CreateAsync(Organizer, Group, Monday);

        Assert.Equal(TeamCalendarOutcome.Done, result.Outcome);
        Assert.Equal(["GET /v1.0/groups/" + Group, "POST /v1.0/users/" + Organizer + "/events"], _graph.Requests.Select(r => r.Method + " " + r.Path));
        Assert.Contains("$select=mail", _graph.Requests.First().Query, StringComparison.Ordinal);
        Assert.All(_graph.Requests, r => Assert.Equal("Bearer " + FakeGraphServer.Token, r.Authorization));
        var body = _graph.Requests.Last().Body!;
        Assert.Equal("East Sales weekly meeting", (string?)body["subject"]);
        Assert.Equal("2026-11-23T09:30:00", (string?)body["start"]!["dateTime"]);
        Assert.Equal("2026-11-23T10:30:00", (string?)body["end"]!["dateTime"]);
        // Outlook's zone names are Windows ones.
        Assert.Equal("China Standard Time", (string?)body["start"]!["timeZone"]);
        Assert.Equal("China Standard Time", (string?)body["end"]!["timeZone"]);
        var pattern = body["recurrence"]!["pattern"]!;
        Assert.Equal(("weekly", 1, "monday"), ((string?)pattern["type"], (int?)pattern["interval"], (string?)pattern["daysOfWeek"]!.AsArray().Single()));
        var range = body["recurrence"]!["range"]!;
        Assert.Equal(("noEnd", "2026-11-23", "China Standard Time"), ((string?)range["type"], (string?)range["startDate"], (string?)range["recurrenceTimeZone"]));
        var attendee = body["attendees"]!.AsArray().Single()!;
        Assert.Equal((GroupMail, "required"), ((string?)attendee["emailAddress"]!["address"], (string?)attendee["type"]));
        Assert.Equal((true, 15), ((bool?)body["isReminderOn"], (int?)body["reminderMinutesBeforeStart"]));
        Assert.Equal(_graph.Events.Keys.Single(), result.EventId);
    }

    [Fact]
    public async Task UpdateDeleteAndCancelOccurrence_PatchDeleteAndTheOccurrenceOfThatDay()
    {
        var calendar = NewCalendar();
        var eventId = (await calendar.CreateAsync(Organizer, Group, Monday)).EventId!;
        var before = _graph.Requests.Count;

        var moved = await calendar.UpdateAsync(Organizer, eventId, Monday with { Weekday = DayOfWeek.Tuesday, LocalStart = new TimeOnly(10, 0), FirstDate = new DateOnly(2026, 11, 24) });
        var from = new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero);
        var cancelled = await calendar.CancelOccurrenceAsync(Organizer, eventId, from, from.AddDays(1));
        var deleted = await calendar.DeleteAsync(Organizer, eventId);

        Assert.Equal([TeamCalendarOutcome.Done, TeamCalendarOutcome.Done, TeamCalendarOutcome.Done], new[] { moved.Outcome, cancelled.Outcome, deleted.Outcome });
        var calls = _graph.Requests.Skip(before).ToList();
        var events = $"/v1.0/users/{Organizer}/events/";
        Assert.Equal(
        [
            "PATCH " + events + eventId,
            "GET " + events + eventId + "/instances",
            "DELETE " + events + eventId + FakeGraphServer.OccurrenceSuffix,
            "DELETE " + events + eventId,
        ], calls.Select(r => r.Method + " " + r.Path));
        var patch = calls[0].Body!;
        Assert.Equal("2026-11-24T10:00:00", (string?)patch["start"]!["dateTime"]);
        Assert.Equal("tuesday", (string?)patch["recurrence"]!["pattern"]!["daysOfWeek"]!.AsArray().Single());
        // A PATCH leaves the invitation as it is.
        Assert.Null(patch["attendees"]);
        Assert.Contains("startDateTime=2026-11-23T16:00:00Z", calls[1].Query, StringComparison.Ordinal);
        Assert.Contains("endDateTime=2026-11-24T16:00:00Z", calls[1].Query, StringComparison.Ordinal);
        Assert.Empty(_graph.Events);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Calls_GraphFails_FailedWithoutThrowing(HttpStatusCode status)
    {
        var calendar = NewCalendar();
        var eventId = (await calendar.CreateAsync(Organizer, Group, Monday)).EventId!;

        _graph.FailNext(status, times: 5);
        var results = new[]
        {
            await calendar.CreateAsync(Organizer, Group, Monday),
            await calendar.UpdateAsync(Organizer, eventId, Monday),
            await calendar.CancelOccurrenceAsync(Organizer, eventId, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)),
            await calendar.DeleteAsync(Organizer, eventId),
        };

        Assert.All(results, r => Assert.Equal(TeamCalendarOutcome.Failed, r.Outcome));
        Assert.Single(_graph.Events);
    }

    [Fact]
    public async Task Calls_UnknownEventGroupOrNoMailbox_NotFound_AndIdsThatAreNoEntraIds_SendNothing()
    {
        var calendar = NewCalendar();
        _graph.GroupMail["0e0e0e0e-0000-4000-8000-000000000000"] = null;

        var results = new[]
        {
            await calendar.UpdateAsync(Organizer, "AAMk-gone=", Monday),
            await calendar.DeleteAsync(Organizer, "AAMk-gone="),
            await calendar.CancelOccurrenceAsync(Organizer, "AAMk-gone=", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)),
            await calendar.CreateAsync(Organizer, "99999999-9999-4999-8999-999999999999", Monday),
            await calendar.CreateAsync(Organizer, "0e0e0e0e-0000-4000-8000-000000000000", Monday),
        };
        var sent = _graph.Requests.Count;
        var refused = new[]
        {
            await calendar.CreateAsync("../me", Group, Monday),
            await calendar.CreateAsync(Organizer, "group-East-Sales", Monday),
            await calendar.UpdateAsync("aad-mia", "AAMk=", Monday),
            await calendar.DeleteAsync(Organizer, ""),
        };

        Assert.All(results.Concat(refused), r => Assert.Equal(TeamCalendarOutcome.NotFound, r.Outcome));
        Assert.Equal(sent, _graph.Requests.Count);
        Assert.Empty(_graph.Events);
    }

    [Fact]
    public void ToEvent_ZoneWithoutAWindowsName_KeepsTheIanaId() =>
        Assert.Equal("Etc/Unknown-Zone", GraphTeamCalendar.GraphZone("Etc/Unknown-Zone"));

    [Fact]
    public void AddGraph_WithoutCredentials_NoCalendar_WithCredentials_GraphCalendar()
    {
        static ITeamCalendar Resolve(Dictionary<string, string?> settings)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            services.AddLogging();
            services.AddGraph();
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<ITeamCalendar>();
        }

        var off = Resolve(new() { ["Graph:TenantId"] = "contoso", ["Graph:ClientId"] = "app" });
        var on = Resolve(new() { ["Graph:TenantId"] = "contoso", ["Graph:ClientId"] = "app", ["Graph:ClientSecret"] = "secret" });

        Assert.IsType<NoTeamCalendar>(off);
        Assert.False(off.IsEnabled);
        Assert.IsType<GraphTeamCalendar>(on);
        Assert.True(on.IsEnabled);
    }

    internal static JsonObject LastPost(FakeGraphServer graph) => graph.Requests.Last(r => r.Method == "POST").Body!;
}
