using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.Admin;

public sealed class AdminApiTests
{
    private const string TenantA = "tenant-a";
    private const string TenantB = "tenant-b";
    private const string KeyA = "key-of-tenant-a-0123456789";
    private const string KeyB = "key-of-tenant-b-9876543210";

    private const string Teams =
        "name,teams_team_id,time_zone,channel_id\n" +
        "East Sales,19:east@thread.tacv2,Asia/Shanghai,19:east-general@thread.tacv2\n" +
        "West Sales,,America/Los_Angeles,\n";

    private const string Members =
        "email,name,team,role,time_zone,locale,line_manager_email,teams_user_id,aad_object_id\n" +
        "lin.wei@contoso.com,Lin Wei,East Sales,Manager,Asia/Shanghai,zh-CN,,,\n" +
        "amy.chen@contoso.com,\"Chen, Amy\",East Sales,Rep,,en-US,lin.wei@contoso.com,,\n" +
        "bob@contoso.com,Bob,West Sales,rep,America/Los_Angeles,,,,7b0c2a4e-1111-4a3b-9c55-3f1e2d3c4b5a\n";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ImportMembers_WithBadRows_ReportsTheirLinesAndImportsTheRest(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        using var client = Client(app, KeyA);
        await ImportAsync(client, TenantA, "teams.csv", Teams);
        var file =
            "email,name,team,role,time_zone,locale,line_manager_email\n" +     // 1
            "lin.wei@contoso.com,Lin Wei,East Sales,Manager,Asia/Shanghai,zh-CN,\n" + // 2 ok
            "not-an-email,X,East Sales,Rep,,,\n" +                                // 3 bad e-mail
            "carl@contoso.com,Carl,East Sales,Boss,,,\n" +                        // 4 bad role
            "\n" +                                                                // 5 blank, skipped
            "dan@contoso.com,Dan,North Sales,Rep,,,\n" +                          // 6 unknown team
            "eve@contoso.com,Eve,,,Mars/Olympus,,\n" +                            // 7 bad time zone
            "\"fay@contoso.com\",\"Fay\nFang\",West Sales,Rep,,,\n" +             // 8-9 ok, a name over two lines
            "LIN.WEI@contoso.com,Lin again,,,,,\n" +                              // 10 duplicate of line 2
            "gus@contoso.com,Gus,,,,,nobody@contoso.com\n" +                      // 11 unknown line manager
            "hal@contoso.com,Hal,,,,fr-FR,\n" +                                   // 12 bad locale
            "ivy@contoso.com,Ivy\n";                                              // 13 too few fields

        var report = await ImportAsync(client, TenantA, "members.csv", file);

        Assert.Equal(2, report.Imported);
        Assert.Equal(0, report.Unchanged);
        Assert.Equal([3, 4, 6, 7, 10, 11, 12, 13], report.Rejected.Select(r => r.Line));
        Assert.Contains("e-mail", Reason(report, 3), StringComparison.Ordinal);
        Assert.Contains("Rep or Manager", Reason(report, 4), StringComparison.Ordinal);
        Assert.Contains("North Sales", Reason(report, 6), StringComparison.Ordinal);
        Assert.Contains("IANA", Reason(report, 7), StringComparison.Ordinal);
        Assert.Contains("line 2", Reason(report, 10), StringComparison.Ordinal);
        Assert.Contains("nobody@contoso.com", Reason(report, 11), StringComparison.Ordinal);
        Assert.Contains("locale", Reason(report, 12), StringComparison.Ordinal);
        Assert.Contains("field", Reason(report, 13), StringComparison.Ordinal);

        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            var members = await store.Members.OrderBy(m => m.Email).ToListAsync();
            Assert.Equal(["fay@contoso.com", "lin.wei@contoso.com"], members.Select(m => m.Email));
            Assert.Equal("Fay\nFang", members[0].Name);
            Assert.All(members, m => Assert.StartsWith(Member.PendingTeamsUserIdPrefix, m.TeamsUserId, StringComparison.Ordinal));
            var lin = members[1];
            Assert.Equal(("Asia/Shanghai", "zh-CN"), (lin.TimeZone, lin.PreferredLocale));
            var place = await store.TeamMemberships.Include(t => t.SalesTeam).SingleAsync(t => t.MemberId == lin.Id);
            Assert.Equal(("East Sales", TeamRole.Manager), (place.SalesTeam!.Name, place.Role));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Import_SameFilesAgain_ReportsAllUnchangedAndWritesNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        using var client = Client(app, KeyA);
        var firstTeams = await ImportAsync(client, TenantA, "teams.csv", Teams);
        var firstMembers = await ImportAsync(client, TenantA, "members.csv", Members);
        var before = await SnapshotAsync(app, TenantA);
        app.Time!.Advance(TimeSpan.FromHours(1));

        var againTeams = await ImportAsync(client, TenantA, "teams.csv", Teams);
        var againMembers = await ImportAsync(client, TenantA, "members.csv", Members);

        Assert.Equal((2, 0), (firstTeams.Imported, firstTeams.Unchanged));
        Assert.Equal((3, 0), (firstMembers.Imported, firstMembers.Unchanged));
        Assert.Equal((0, 2, 0), (againTeams.Imported, againTeams.Unchanged, againTeams.Rejected.Count));
        Assert.Equal((0, 3, 0), (againMembers.Imported, againMembers.Unchanged, againMembers.Rejected.Count));
        Assert.Equal(before, await SnapshotAsync(app, TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Export_ImportedIntoAnotherTenant_RoundTrips(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        using var clientA = Client(app, KeyA);
        using var clientB = Client(app, KeyB);
        await ImportAsync(clientA, TenantA, "teams.csv", Teams);
        await ImportAsync(clientA, TenantA, "members.csv", Members);

        var teamsA = await clientA.GetStringAsync(Url(TenantA, "teams.csv"));
        var membersA = await clientA.GetStringAsync(Url(TenantA, "members.csv"));
        var intoB = (await ImportAsync(clientB, TenantB, "teams.csv", teamsA), await ImportAsync(clientB, TenantB, "members.csv", membersA));
        var backIntoA = await ImportAsync(clientA, TenantA, "members.csv", membersA);

        Assert.Equal((2, 3), (intoB.Item1.Imported, intoB.Item2.Imported));
        Assert.Equal((0, 3), (backIntoA.Imported, backIntoA.Unchanged));
        Assert.Equal(teamsA, await clientB.GetStringAsync(Url(TenantB, "teams.csv")));
        Assert.Equal(membersA, await clientB.GetStringAsync(Url(TenantB, "members.csv")));
        Assert.Equal(
            "email,name,team,role,time_zone,locale,line_manager_email,teams_user_id,aad_object_id\n" +
            "lin.wei@contoso.com,Lin Wei,East Sales,Manager,Asia/Shanghai,zh-CN,,,\n" +
            "amy.chen@contoso.com,\"Chen, Amy\",East Sales,Rep,,en-US,lin.wei@contoso.com,,\n" +
            "bob@contoso.com,Bob,West Sales,Rep,America/Los_Angeles,,,,7b0c2a4e-1111-4a3b-9c55-3f1e2d3c4b5a\n",
            membersA);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TenantKey_OnAnotherTenant_Forbidden(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        using var clientA = Client(app, KeyA);
        using var clientB = Client(app, KeyB);
        await ImportAsync(clientB, TenantB, "teams.csv", Teams);
        await ImportAsync(clientB, TenantB, "members.csv", Members);
        var before = await SnapshotAsync(app, TenantB);

        using var read = await clientA.GetAsync(Url(TenantB, "members.csv"));
        using var readTeams = await clientA.GetAsync(Url(TenantB, "teams.csv"));
        using var write = await PostCsvAsync(clientA, TenantB, "members.csv", "email,name\nbob@contoso.com,Robert\n");
        using var writeTeams = await PostCsvAsync(clientA, TenantB, "teams.csv", "name,time_zone\nEast Sales,UTC\n");

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { read.StatusCode, readTeams.StatusCode, write.StatusCode, writeTeams.StatusCode });
        Assert.DoesNotContain("bob@contoso.com", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app, TenantB));
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            Assert.False(await store.Members.AnyAsync());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("key-of-tenant-a-012345678")] // one character short
    [InlineData("key-of-tenant-a-0123456789x")]
    public async Task Request_WithoutValidKey_Unauthorized(string? key)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        using var client = Client(app, key);

        using var read = await client.GetAsync(Url(TenantA, "members.csv"));
        using var write = await PostCsvAsync(client, TenantA, "teams.csv", Teams);

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal(0, (await SnapshotAsync(app, TenantA)).Length);
    }

    [Fact]
    public async Task Request_NoKeysConfigured_NotFound()
    {
        await using var app = new SalesCoachBotApplication();
        using var client = Client(app, KeyA);

        using var response = await client.GetAsync(Url(TenantA, "members.csv"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("nul", "NUL")]
    [InlineData("latin1", "UTF-8")]
    [InlineData("json", "not valid CSV")]
    [InlineData("unknown", "Unknown column(s): nickname")]
    [InlineData("quote", "not valid CSV")]
    [InlineData("empty", "empty")]
    [InlineData("missing", "Missing column")]
    [InlineData("large", "larger than")]
    public async Task Import_BrokenFile_BadRequestAndNothingImported(string kind, string expected)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        app.Settings["Admin:MaxImportBytes"] = "4096";
        using var client = Client(app, KeyA);
        await ImportAsync(client, TenantA, "teams.csv", Teams);
        var before = await SnapshotAsync(app, TenantA);
        var body = kind switch
        {
            "nul" => Encoding.UTF8.GetBytes("email,name\na@contoso.com,A\0\n"),
            "latin1" => Encoding.Latin1.GetBytes("email,name\nzoe@contoso.com,Zoë\n"),
            "json" => Encoding.UTF8.GetBytes("{\"email\": \"a@contoso.com\"}"),
            "quote" => Encoding.UTF8.GetBytes("email,name\na@contoso.com,\"Amy\n"),
            "empty" => [],
            "unknown" => Encoding.UTF8.GetBytes("email,nickname\na@contoso.com,A\n"),
            "missing" => Encoding.UTF8.GetBytes("name,team\nAmy,East Sales\n"),
            _ => Encoding.UTF8.GetBytes("email,name\n" + string.Concat(Enumerable.Repeat("someone@contoso.com,Someone\n", 200))),
        };

        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("text/csv");
        using var response = await client.PostAsync(Url(TenantA, "members.csv"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app, TenantA));
    }

    [Fact]
    public async Task ImportMembers_MemberKnownFromTeams_MatchedByAadObjectIdNotDuplicated()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        using var client = Client(app, KeyA);
        const string aad = "7b0c2a4e-1111-4a3b-9c55-3f1e2d3c4b5a";
        using (var hello = await app.PostActivityAsync(ActivityBuilder.Message("hi").InTenant(TenantA).From("29:bob", "Bob", aad)))
        {
            Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
        }

        await ImportAsync(client, TenantA, "teams.csv", Teams);
        var report = await ImportAsync(client, TenantA, "members.csv", Members);

        Assert.Equal(3, report.Imported);
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            var bob = await store.Members.SingleAsync(m => m.AadObjectId == aad);
            Assert.Equal(("29:bob", "bob@contoso.com"), (bob.TeamsUserId, bob.Email));
            Assert.Equal(3, await store.Members.CountAsync());
        }

        var export = await client.GetStringAsync(Url(TenantA, "members.csv"));
        Assert.Contains("bob@contoso.com,Bob,West Sales,Rep,America/Los_Angeles,,,29:bob," + aad, export, StringComparison.Ordinal);
    }

    private static SalesCoachBotApplication NewApp(DatabaseProvider provider)
    {
        var app = new SalesCoachBotApplication(provider) { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)) };
        app.Settings["Admin:ApiKeys:" + TenantA] = KeyA;
        app.Settings["Admin:ApiKeys:" + TenantB] = KeyB;
        return app;
    }

    private static HttpClient Client(SalesCoachBotApplication app, string? key)
    {
        var client = app.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(AdminApiKeyFilter.KeyHeader, key);
        }

        return client;
    }

    private static Uri Url(string tenant, string file) => new($"/api/admin/tenants/{tenant}/{file}", UriKind.Relative);

    private static async Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string tenant, string file, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await client.PostAsync(Url(tenant, file), content);
    }

    private static async Task<Report> ImportAsync(HttpClient client, string tenant, string file, string csv)
    {
        using var response = await PostCsvAsync(client, tenant, file, csv);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Report>())!;
    }

    private static string Reason(Report report, int line) => report.Rejected.Single(r => r.Line == line).Reason;

    /// <summary>Every member, team and membership row of the tenant, as text, to show nothing changed.</summary>
    private static async Task<string> SnapshotAsync(SalesCoachBotApplication app, string tenant)
    {
        var (scope, store) = app.NewStore(tenant);
        await using (scope)
        {
            var text = new StringBuilder();
            foreach (var m in await store.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
            {
                text.AppendLine(string.Join('|', m.Id, m.Email, m.Name, m.TeamsUserId, m.AadObjectId, m.TimeZone, m.PreferredLocale, m.LineManagerId, m.UpdatedAt));
            }

            foreach (var t in await store.SalesTeams.AsNoTracking().OrderBy(t => t.Id).ToListAsync())
            {
                text.AppendLine(string.Join('|', t.Id, t.Name, t.TeamsTeamId, t.TimeZone, t.ChannelId));
            }

            foreach (var t in await store.TeamMemberships.AsNoTracking().OrderBy(t => t.Id).ToListAsync())
            {
                text.AppendLine(string.Join('|', t.Id, t.SalesTeamId, t.MemberId, t.Role, t.JoinedAt, t.LeftAt));
            }

            return text.ToString();
        }
    }

    private sealed record Report(int Imported, int Unchanged, List<RejectedLine> Rejected);

    private sealed record RejectedLine(int Line, string Reason);
}
