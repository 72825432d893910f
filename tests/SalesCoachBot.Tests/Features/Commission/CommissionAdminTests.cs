using System.Net;
using System.Text;
using SalesCoachBot.Data;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Meetings.MeetingWorld;

namespace SalesCoachBot.Tests.Features.Commission;

public sealed class CommissionAdminTests
{
    private const string Body = """{"kpi": "revenue", "mode": "whole", "period": "quarter", "cap": 20000.5, "tiers": [{"from": 0, "rate": 1}, {"from": 90, "rate": 4}]}""";

    private static string Path(string tenant = TeamWorld.TenantA, string teamsTeamId = TeamWorld.TeamsTeamId) =>
        $"/api/admin/tenants/{tenant}/teams/{Uri.EscapeDataString(teamsTeamId)}/commission";

    private static StringContent Content(string body) => new(body, Encoding.UTF8, "application/json");

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PutThenGet_StoresThePlanAndTheBotUsesIt(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        AddAdminKeys(app);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        using var admin = AdminClient(app, AdminKeyA);

        using var none = await admin.GetAsync(new Uri(Path(), UriKind.Relative));
        using var put = await admin.PutAsync(new Uri(Path(), UriKind.Relative), Content(Body));
        using var get = await admin.GetAsync(new Uri(Path(), UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (none.StatusCode, put.StatusCode, get.StatusCode));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, PlanOf(await none.Content.ReadAsStringAsync()).ValueKind);
        var plan = PlanOf(await get.Content.ReadAsStringAsync());
        Assert.Equal(("revenue", "whole", "quarter", 20000.5m, 2), (plan.GetProperty("kpi").GetString(), plan.GetProperty("mode").GetString(),
            plan.GetProperty("period").GetString(), plan.GetProperty("cap").GetDecimal(), plan.GetProperty("tiers").GetArrayLength()));
        var stored = Assert.Single(await CommissionCommandTests.PlansAsync(app));
        Assert.Equal((CommissionMode.WholeAmount, CommissionPeriod.Quarter), (stored.Mode, stored.Period));

        using var delete = await admin.DeleteAsync(new Uri(Path(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Empty(await CommissionCommandTests.PlansAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Put_BadPlan_400WithTheReasonsAndNothingChanges(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        AddAdminKeys(app);
        await TeamWorld.CreateAsync(app);
        using var admin = AdminClient(app, AdminKeyA);
        using var first = await admin.PutAsync(new Uri(Path(), UriKind.Relative), Content(Body));

        string[] bad =
        [
            "not json",
            """{"kpi": "revenue", "mode": "sideways", "tiers": [{"from": 0, "rate": 1}]}""",
            """{"kpi": "revenue", "mode": "marginal", "tiers": [{"from": 10, "rate": 1}]}""",
            """{"kpi": "revenue", "mode": "marginal", "tiers": [{"from": 0, "rate": 3}, {"from": 80, "rate": 2}]}""",
            """{"kpi": "revenue", "mode": "marginal", "cap": -1, "tiers": [{"from": 0, "rate": 3}]}""",
            """{"kpi": "visits", "mode": "marginal", "tiers": [{"from": 0, "rate": 3}]}""",
            """{"kpi": "nope", "mode": "marginal", "tiers": [{"from": 0, "rate": 3}]}""",
            """{"kpi": "revenue", "mode": "marginal", "tiers": [{"from": 0, "rate": 101}]}""",
        ];
        List<string> details = [];
        foreach (var body in bad)
        {
            using var response = await admin.PutAsync(new Uri(Path(), UriKind.Relative), Content(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            details.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.All(details, d => Assert.Contains("nothing was changed", d, StringComparison.Ordinal));
        Assert.Contains("marginal", details[1], StringComparison.Ordinal);
        Assert.Contains("first tier must start at 0%", details[2], StringComparison.Ordinal);
        Assert.Contains("may not pay a lower rate", details[3], StringComparison.Ordinal);
        Assert.Contains("cap", details[4], StringComparison.Ordinal);
        Assert.Contains("not a money KPI", details[5], StringComparison.Ordinal);
        Assert.Contains("no active KPI", details[6], StringComparison.Ordinal);
        Assert.Contains("between 0 and 100", details[7], StringComparison.Ordinal);
        var stored = Assert.Single(await CommissionCommandTests.PlansAsync(app));
        Assert.Equal((CommissionMode.WholeAmount, 20000.5m), (stored.Mode, stored.CapAmount));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task WrongKeyOtherTenantUnknownTeam_Refused(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        AddAdminKeys(app);
        await TeamWorld.CreateAsync(app);
        using var tenantA = AdminClient(app, AdminKeyA);
        using var tenantB = AdminClient(app, AdminKeyB);
        using var wrong = AdminClient(app, "not-a-key-of-anyone-000000");
        using var anonymous = app.CreateClient();

        using var noKey = await anonymous.PutAsync(new Uri(Path(), UriKind.Relative), Content(Body));
        using var badKey = await wrong.PutAsync(new Uri(Path(), UriKind.Relative), Content(Body));
        using var otherKey = await tenantB.PutAsync(new Uri(Path(), UriKind.Relative), Content(Body));
        using var otherKeyGet = await tenantB.GetAsync(new Uri(Path(), UriKind.Relative));
        // Tenant B's key on its own path: tenant A's Teams team is not a sales team of B.
        using var otherTenant = await tenantB.PutAsync(new Uri(Path(TeamWorld.TenantB), UriKind.Relative), Content(Body));
        using var unknown = await tenantA.PutAsync(new Uri(Path(teamsTeamId: "19:nope@thread.tacv2"), UriKind.Relative), Content(Body));

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { noKey, badKey, otherKey, otherKeyGet, otherTenant, unknown }.Select(r => r.StatusCode));
        Assert.Empty(await CommissionCommandTests.PlansAsync(app));
        Assert.Empty(await CommissionCommandTests.PlansAsync(app, TeamWorld.TenantB));
    }

    private static System.Text.Json.JsonElement PlanOf(string body) => Json(body).GetProperty("plan");
}
