using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Scorecards;

/// <summary>GET/PUT /api/admin/tenants/{t}/teams/{teamsTeamId}/scorecard: weights by KPI key and the cap, guarded per tenant.</summary>
public sealed class ScorecardAdminTests
{
    private const string KeyA = "scorecard-admin-key-tenant-a-0001";
    private const string KeyB = "scorecard-admin-key-tenant-b-0002";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AdminApi_GetAndPut_WeightsAndCap_OnlyForItsOwnTenant_AndBadBodiesChangeNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantA] = KeyA;
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantB] = KeyB;
        var world = await TeamWorld.CreateAsync(app);
        await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        using var client = Client(app, KeyA);
        using var other = Client(app, KeyB);
        using var wrong = Client(app, "not-the-key-of-anyone-000");
        var path = $"/api/admin/tenants/{TeamWorld.TenantA}/teams/{Uri.EscapeDataString(TeamWorld.TeamsTeamId)}/scorecard";

        using var defaults = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var put = await PutAsync(client, path, """{ "weights": { "revenue": 40, "contracts": 30, "new-customers": 15, "visits": 15 }, "cap": 130 }""");
        using var notHundred = await PutAsync(client, path, """{ "weights": { "revenue": 40, "visits": 15 }, "cap": 110 }""");
        using var bad = await PutAsync(client, path, """{ "weights": { "bananas": 100 }, "cap": 50, "colour": "red" }""");
        using var notJson = await PutAsync(client, path, "weights=1");
        using var otherTenant = await PutAsync(other, path, """{ "cap": 110 }""");
        using var otherTenantsTeam = await PutAsync(other, $"/api/admin/tenants/{TeamWorld.TenantB}/teams/{Uri.EscapeDataString("19:nope@thread.tacv2")}/scorecard", """{ "cap": 110 }""");
        using var wrongKey = await PutAsync(wrong, path, """{ "cap": 110 }""");
        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, defaults.StatusCode);
        using (var body = JsonDocument.Parse(await defaults.Content.ReadAsStringAsync()))
        {
            Assert.True(body.RootElement.GetProperty("equalWeights").GetBoolean());
            Assert.Equal(120m, body.RootElement.GetProperty("cap").GetDecimal());
        }

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notHundred.StatusCode);
        Assert.Contains("add up to 55, not 100", await notHundred.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await bad.Content.ReadAsStringAsync();
        Assert.Contains("bananas", errors, StringComparison.Ordinal);
        Assert.Contains("must be a percent from 100 to 300", errors, StringComparison.Ordinal);
        Assert.Contains("colour", errors, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTenantsTeam.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);

        // Only the good PUT changed anything.
        using (var body = JsonDocument.Parse(await get.Content.ReadAsStringAsync()))
        {
            var root = body.RootElement;
            Assert.False(root.GetProperty("equalWeights").GetBoolean());
            Assert.Equal(130m, root.GetProperty("cap").GetDecimal());
            var weights = root.GetProperty("weights");
            Assert.Equal((40m, 30m, 15m, 15m), (weights.GetProperty(KpiDefaults.Revenue).GetDecimal(), weights.GetProperty(KpiDefaults.Contracts).GetDecimal(),
                weights.GetProperty(KpiDefaults.NewCustomers).GetDecimal(), weights.GetProperty(KpiDefaults.Visits).GetDecimal()));
        }

        var (scope, store) = app.NewStore(TeamWorld.TenantB);
        await using (scope)
        {
            Assert.Empty(await store.ScorecardWeights.AsNoTracking().ToListAsync());
            Assert.Empty(await store.ScorecardSettings.AsNoTracking().ToListAsync());
        }

        // Null removes the weights: equal weights again.
        using var clear = await PutAsync(client, path, """{ "weights": null }""");
        using var cleared = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        using (var body = JsonDocument.Parse(await cleared.Content.ReadAsStringAsync()))
        {
            Assert.True(body.RootElement.GetProperty("equalWeights").GetBoolean());
            Assert.Equal(130m, body.RootElement.GetProperty("cap").GetDecimal());
        }

        _ = world;
    }

    private static HttpClient Client(SalesCoachBotApplication app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(AdminApiKeyFilter.KeyHeader, key);
        return client;
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PutAsync(new Uri(path, UriKind.Relative), content);
    }
}
