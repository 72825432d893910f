using System.Net;
using System.Text;
using System.Text.Json;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Exports;

/// <summary>GET …/teams/{teamsTeamId}/scorecard/export and …/results/export on the admin API, guarded per tenant.</summary>
public sealed class ExportAdminTests
{
    private const string KeyA = "export-admin-key-tenant-a-000001";
    private const string KeyB = "export-admin-key-tenant-b-000002";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AdminExport_BothKindsAndFormats_OnlyForItsTenant_AndBadQueriesAreListed(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantA] = KeyA;
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantB] = KeyB;
        await ExportWorld.CreateAsync(app);
        await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        using var client = Client(app, KeyA);
        using var other = Client(app, KeyB);
        using var wrong = Client(app, "not-the-key-of-anyone-0000000000");
        var team = $"/api/admin/tenants/{TeamWorld.TenantA}/teams/{Uri.EscapeDataString(TeamWorld.TeamsTeamId)}";

        using var scorecard = await client.GetAsync(new Uri(team + "/scorecard/export?period=2026-10&format=xlsx&language=zh-CN", UriKind.Relative));
        using var results = await client.GetAsync(new Uri(team + "/results/export?format=csv", UriKind.Relative));
        using var bad = await client.GetAsync(new Uri(team + "/results/export?period=someday&format=pdf&language=fr-FR", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri($"/api/admin/tenants/{TeamWorld.TenantA}/teams/{Uri.EscapeDataString("19:nope@thread.tacv2")}/scorecard/export", UriKind.Relative));
        using var otherTenant = await other.GetAsync(new Uri(team + "/scorecard/export", UriKind.Relative));
        using var otherTenantsPath = await other.GetAsync(new Uri($"/api/admin/tenants/{TeamWorld.TenantB}/teams/{Uri.EscapeDataString("19:nope@thread.tacv2")}/results/export", UriKind.Relative));
        using var wrongKey = await wrong.GetAsync(new Uri(team + "/scorecard/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, scorecard.StatusCode);
        Assert.Equal("scorecard-East-Sales-2026-10.xlsx", scorecard.Content.Headers.ContentDisposition?.FileNameStar);
        using (var workbook = ExportWorld.Workbook(await scorecard.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(["绩效", "汇总"], workbook.Worksheets.Select(w => w.Name));
            Assert.Equal(["销售", "邮箱", "指标", "单位"], workbook.Worksheet(1).Row(1).Cells(1, 4).Select(c => c.GetString()));
            Assert.Equal("销售额", workbook.Worksheet(1).Cell(2, 3).GetString());
            Assert.Equal(120d, workbook.Worksheet(2).Cell(2, 4).GetDouble());
        }

        // Defaults: last month (October, on the team's today), English.
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Equal("results-East-Sales-2026-10.csv", results.Content.Headers.ContentDisposition?.FileNameStar);
        var csv = Encoding.UTF8.GetString((await results.Content.ReadAsByteArrayAsync())[3..]);
        Assert.StartsWith("Date,Rep,E-mail,KPI,Amount,Customer,Note,Source,External id\r\n2026-10-12,Alice Wang,", csv, StringComparison.Ordinal);
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using (var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            var errors = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(3, errors.Count);
            Assert.Contains(errors, e => e.Contains("\"format\" must be xlsx or csv, not \"pdf\"", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("\"language\" must be en-US or zh-CN, not \"fr-FR\"", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("\"period\" is not a period: \"someday\"", StringComparison.Ordinal));
        }
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTenantsPath.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
    }

    private static HttpClient Client(SalesCoachBotApplication app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(AdminApiKeyFilter.KeyHeader, key);
        return client;
    }
}
