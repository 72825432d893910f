using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Admin;

namespace SalesCoachBot.Tests.Features.Admin;

public sealed class CalendarAdminApiTests
{
    private const string TenantA = "tenant-a";
    private const string TenantB = "tenant-b";
    private const string KeyA = "key-of-tenant-a-0123456789";
    private const string KeyB = "key-of-tenant-b-9876543210";

    private const string Teams =
        "name,teams_team_id,time_zone,channel_id\n" +
        "East Sales,,Asia/Shanghai,\n" +
        "West Sales,,America/Los_Angeles,\n";

    // Not the official 2027 calendar (there is none yet): a tenant's own, as an admin would send it.
    private const string Year2027 = """
        { "year": 2027, "source": "Contoso HR, 2026-12-01",
          "holidays": ["2027-01-01", "2027-02-06..2027-02-14"],
          "workdays": ["2027-02-20"] }
        """;

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PutYear_NewThenAgain_CreatedThenReplacedAndListed(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        using var client = Client(app, KeyA);

        using var created = await PutAsync(client, TenantA, "calendars/cn/2027", Year2027);
        app.Time!.Advance(TimeSpan.FromMinutes(5));
        using var replaced = await PutAsync(client, TenantA, "calendars/cn/2027", """{ "year": 2027, "holidays": ["2027-01-01"] }""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/admin/tenants/{TenantA}/calendars/cn/2027", created.Headers.Location?.OriginalString);
        using (var stored = await JsonAsync(created))
        {
            var root = stored.RootElement;
            Assert.Equal(2027, root.GetProperty("year").GetInt32());
            Assert.Equal("Contoso HR, 2026-12-01", root.GetProperty("source").GetString());
            Assert.Equal(["2027-01-01", "2027-02-06..2027-02-14"], Strings(root.GetProperty("holidays")));
            Assert.Equal(["2027-02-20"], Strings(root.GetProperty("workdays")));
            // 261 weekdays, 6 of them off (1 January, 8–12 February), 1 Saturday worked.
            Assert.Equal(261 - 6 + 1, root.GetProperty("workingDays").GetInt32());
            Assert.False(root.GetProperty("replacesBundled").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        using var list = JsonDocument.Parse(await client.GetStringAsync(Url(TenantA, "calendars/cn")));
        Assert.Equal([2025, 2026], Ints(list.RootElement.GetProperty("bundledYears")));
        Assert.Equal([2025, 2026, 2027], Ints(list.RootElement.GetProperty("coveredYears")));
        var own = Assert.Single(list.RootElement.GetProperty("tenantYears").EnumerateArray());
        Assert.Equal((2027, 260), (own.GetProperty("year").GetInt32(), own.GetProperty("workingDays").GetInt32()));
        using var year = JsonDocument.Parse(await client.GetStringAsync(Url(TenantA, "calendars/cn/2027")));
        Assert.Equal("tenant", year.RootElement.GetProperty("origin").GetString());
        Assert.Equal(["2027-01-01"], Strings(year.RootElement.GetProperty("holidays")));
    }

    [Fact]
    public async Task GetYear_BundledMissingAndNotAYear_BundledFileOr404Or400()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        using var client = Client(app, KeyA);

        using var bundled = JsonDocument.Parse(await client.GetStringAsync(Url(TenantA, "calendars/cn/2026")));
        using var missing = await client.GetAsync(Url(TenantA, "calendars/cn/2027"));
        using var notAYear = await client.GetAsync(Url(TenantA, "calendars/cn/next"));

        Assert.Equal("bundled", bundled.RootElement.GetProperty("origin").GetString());
        Assert.Equal(248, bundled.RootElement.GetProperty("workingDays").GetInt32());
        Assert.Contains("2026-02-15..2026-02-23", Strings(bundled.RootElement.GetProperty("holidays")));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAYear.StatusCode);
    }

    [Theory]
    [InlineData("2027", """{ "year": 2028 }""", new[] { "\"year\" is 2028 but the address says 2027" })]
    [InlineData("2027", """{ "year": 2027, "holidays": ["2027-13-01", "2026-12-31"], "workdays": ["2027-01-04"] }""",
        new[] { "holidays[0]: '2027-13-01' is not a date", "holidays[1]: '2026-12-31' is not in 2027", "workdays[0]: 2027-01-04 is a Monday" })]
    [InlineData("2027", """{ "year": 2027, "holidays": ["2027-02-06..2027-02-14"], "workdays": ["2027-02-06"] }""",
        new[] { "workdays[0]: 2027-02-06 is also listed in \"holidays\"" })]
    [InlineData("20x7", """{ "year": 2027 }""", new[] { "'20x7', is not a year" })]
    [InlineData("1999", """{ "year": "soon" }""", new[] { "'1999', is not a year", "\"year\": 'soon' is not a year" })]
    [InlineData("2027", """{ "year": 2027, """, new[] { "not valid JSON" })]
    [InlineData("2027", "", new[] { "not valid JSON" })]
    public async Task PutYear_BadFile_BadRequestWithEveryErrorAndNothingStored(string year, string body, string[] expected)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        using var client = Client(app, KeyA);

        using var response = await PutAsync(client, TenantA, "calendars/cn/" + year, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await JsonAsync(response);
        var errors = Strings(problem.RootElement.GetProperty("errors"));
        Assert.Equal(expected.Length, errors.Count);
        Assert.All(expected, e => Assert.Contains(errors, line => line.Contains(e, StringComparison.Ordinal)));
        Assert.Equal(0, await StoredYearsAsync(app, TenantA));
    }

    [Theory]
    [InlineData("large")]
    [InlineData("latin1")]
    public async Task PutYear_TooLargeOrNotUtf8_BadRequestAndNothingStored(string kind)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        using var client = Client(app, KeyA);
        var body = kind == "large"
            ? Encoding.UTF8.GetBytes("""{ "year": 2027, "comment": " """ + new string('x', 70_000) + "\" }")
            : Encoding.Latin1.GetBytes("""{ "year": 2027, "source": "Zoë" }""");

        using var content = new ByteArrayContent(body);
        using var response = await client.PutAsync(Url(TenantA, "calendars/cn/2027"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        Assert.Contains(kind == "large" ? "larger than" : "UTF-8", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredYearsAsync(app, TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DeleteYear_OwnThenAgainThenBundled_NoContentThenNotFound(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        using var client = Client(app, KeyA);
        using (await PutAsync(client, TenantA, "calendars/cn/2027", Year2027))
        {
        }

        using var deleted = await client.DeleteAsync(Url(TenantA, "calendars/cn/2027"));
        using var again = await client.DeleteAsync(Url(TenantA, "calendars/cn/2027"));
        using var bundled = await client.DeleteAsync(Url(TenantA, "calendars/cn/2026"));

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (deleted.StatusCode, again.StatusCode, bundled.StatusCode));
        Assert.Equal(0, await StoredYearsAsync(app, TenantA));
        using var year = JsonDocument.Parse(await client.GetStringAsync(Url(TenantA, "calendars/cn/2026")));
        Assert.Equal("bundled", year.RootElement.GetProperty("origin").GetString());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Calendars_KeyOfAnotherTenant_ForbiddenAndNothingChanged(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        using var clientA = Client(app, KeyA);
        using var clientB = Client(app, KeyB);
        await ImportTeamsAsync(clientB, TenantB);
        using (await PutAsync(clientB, TenantB, "calendars/cn/2027", Year2027))
        {
        }

        var teamB = await TeamIdAsync(clientB, TenantB, "East Sales");
        using var list = await clientA.GetAsync(Url(TenantB, "calendars/cn"));
        using var put = await PutAsync(clientA, TenantB, "calendars/cn/2027", """{ "year": 2027 }""");
        using var delete = await clientA.DeleteAsync(Url(TenantB, "calendars/cn/2027"));
        using var choose = await PutAsync(clientA, TenantB, $"teams/{teamB}/calendar", """{ "calendar": "weekends" }""");
        // Through its own tenant's route, A's key does not find B's team either.
        using var chooseOwnRoute = await PutAsync(clientA, TenantA, $"teams/{teamB}/calendar", """{ "calendar": "weekends" }""");

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound],
            new[] { list.StatusCode, put.StatusCode, delete.StatusCode, choose.StatusCode, chooseOwnRoute.StatusCode });
        using var b = JsonDocument.Parse(await clientB.GetStringAsync(Url(TenantB, "calendars/cn")));
        Assert.Equal(2027, Assert.Single(b.RootElement.GetProperty("tenantYears").EnumerateArray()).GetProperty("year").GetInt32());
        Assert.All(b.RootElement.GetProperty("teams").EnumerateArray(), t => Assert.False(t.GetProperty("chosen").GetBoolean()));
        using var a = JsonDocument.Parse(await clientA.GetStringAsync(Url(TenantA, "calendars/cn")));
        Assert.Empty(a.RootElement.GetProperty("tenantYears").EnumerateArray());
        Assert.Equal([2025, 2026], Ints(a.RootElement.GetProperty("coveredYears")));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PutTeamCalendar_WeekendsThenAuto_StoredAndListed(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        using var client = Client(app, KeyA);
        await ImportTeamsAsync(client, TenantA);
        var east = await TeamIdAsync(client, TenantA, "East Sales");
        var west = await TeamIdAsync(client, TenantA, "West Sales");

        using var weekends = await PutAsync(client, TenantA, $"teams/{east}/calendar", """{ "calendar": "weekends" }""");
        using var china = await PutAsync(client, TenantA, $"teams/{west}/calendar", """{ "calendar": "China" }""");
        using var listed = JsonDocument.Parse(await client.GetStringAsync(Url(TenantA, "calendars/cn")));
        using var auto = await PutAsync(client, TenantA, $"teams/{east}/calendar", """{ "calendar": "auto" }""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (weekends.StatusCode, china.StatusCode, auto.StatusCode));
        Assert.Equal(
            ["East Sales:weekends:True", "West Sales:china:True"],
            listed.RootElement.GetProperty("teams").EnumerateArray()
                .Select(t => $"{t.GetProperty("name").GetString()}:{t.GetProperty("calendar").GetString()}:{t.GetProperty("chosen").GetBoolean()}"));
        using var back = await JsonAsync(auto);
        // Back to its zone's default: Asia/Shanghai works by China's calendar.
        Assert.Equal(("china", false), (back.RootElement.GetProperty("calendar").GetString(), back.RootElement.GetProperty("chosen").GetBoolean()));
        Assert.Equal([null, WorkingCalendarKind.China], await TeamChoicesAsync(app, TenantA));
    }

    [Theory]
    [InlineData("""{ "calendar": "holidays" }""", "unknown calendar 'holidays'")]
    [InlineData("""{ "kalender": "china" }""", "the body must be")]
    [InlineData("""{ "calendar": 1 }""", "the body must be")]
    [InlineData("china", "the body must be")]
    public async Task PutTeamCalendar_BadBody_BadRequestAndNothingChanged(string body, string expected)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        using var client = Client(app, KeyA);
        await ImportTeamsAsync(client, TenantA);
        var east = await TeamIdAsync(client, TenantA, "East Sales");

        using var response = await PutAsync(client, TenantA, $"teams/{east}/calendar", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        Assert.Contains(expected, Assert.Single(Strings(problem.RootElement.GetProperty("errors"))), StringComparison.Ordinal);
        Assert.Equal([null, null], await TeamChoicesAsync(app, TenantA));
    }

    [Theory]
    [InlineData("999")]
    [InlineData("east")]
    public async Task PutTeamCalendar_UnknownTeam_NotFound(string teamId)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        using var client = Client(app, KeyA);
        await ImportTeamsAsync(client, TenantA);

        using var response = await PutAsync(client, TenantA, $"teams/{teamId}/calendar", """{ "calendar": "weekends" }""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal([null, null], await TeamChoicesAsync(app, TenantA));
    }

    private static SalesCoachBotApplication NewApp(DatabaseProvider provider)
    {
        var app = new SalesCoachBotApplication(provider) { Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)) };
        app.Settings["Admin:ApiKeys:" + TenantA] = KeyA;
        app.Settings["Admin:ApiKeys:" + TenantB] = KeyB;
        return app;
    }

    private static HttpClient Client(SalesCoachBotApplication app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(AdminApiKeyFilter.KeyHeader, key);
        return client;
    }

    private static Uri Url(string tenant, string path) => new($"/api/admin/tenants/{tenant}/{path}", UriKind.Relative);

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string tenant, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PutAsync(Url(tenant, path), content);
    }

    private static async Task<JsonDocument> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static List<int> Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static async Task ImportTeamsAsync(HttpClient client, string tenant)
    {
        using var content = new StringContent(Teams, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(Url(tenant, "teams.csv"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<long> TeamIdAsync(HttpClient client, string tenant, string name)
    {
        var list = await client.GetFromJsonAsync<JsonElement>(Url(tenant, "calendars/cn"));
        return list.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name).GetProperty("teamId").GetInt64();
    }

    private static async Task<int> StoredYearsAsync(SalesCoachBotApplication app, string tenant)
    {
        var (scope, store) = app.NewStore(tenant);
        await using (scope)
        {
            return await store.TenantCalendarYears.CountAsync();
        }
    }

    private static async Task<List<WorkingCalendarKind?>> TeamChoicesAsync(SalesCoachBotApplication app, string tenant)
    {
        var (scope, store) = app.NewStore(tenant);
        await using (scope)
        {
            return await store.SalesTeams.OrderBy(t => t.Id).Select(t => t.WorkingCalendar).ToListAsync();
        }
    }
}
