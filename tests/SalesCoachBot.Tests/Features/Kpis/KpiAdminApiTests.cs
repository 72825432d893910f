using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Kpis;

public sealed class KpiAdminApiTests
{
    private const string KeyA = "key-of-tenant-a-0123456789";
    private const string KeyB = "key-of-tenant-b-9876543210";

    private static async Task<SalesCoachBotApplication> NewAppAsync(DatabaseProvider provider)
    {
        var app = TeamWorld.NewApp(provider);
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantA] = KeyA;
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantB] = KeyB;
        await TeamWorld.CreateAsync(app);
        await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
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

    private static Uri Url(string tenant, string? key = null) => new($"/api/admin/tenants/{tenant}/kpis" + (key is null ? string.Empty : "/" + key), UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<List<KpiDefinition>> KpisAsync(SalesCoachBotApplication app, string tenant)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _ = scope;
        return await store.Kpis.AsNoTracking().OrderBy(k => k.Id).ToListAsync();
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PostGetPatch_AddsReadsRenamesAliasesAndRetiresAKpi(DatabaseProvider provider)
    {
        await using var app = await NewAppAsync(provider);
        using var client = Client(app, KeyA);

        using var post = await client.PostAsync(Url(TeamWorld.TenantA), Json("""{"nameEn": "Renewals", "nameZh": "续约", "unit": "money", "aliases": ["续费"]}"""));
        using var patch = await client.PatchAsync(Url(TeamWorld.TenantA, "renewals"), Json("""{"nameZh": "续约额", "aliases": ["renew"], "active": false}"""));
        using var list = await client.GetAsync(Url(TeamWorld.TenantA));
        using var one = await client.GetAsync(Url(TeamWorld.TenantA, "collections"));

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var added = await BodyAsync(post);
        Assert.Equal(("renewals", "money", "sum", "CNY", true), (added.GetProperty("key").GetString(), added.GetProperty("unit").GetString(),
            added.GetProperty("aggregation").GetString(), added.GetProperty("currency").GetString(), added.GetProperty("active").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var patched = await BodyAsync(patch);
        Assert.Equal(("Renewals", "续约额", false), (patched.GetProperty("nameEn").GetString(), patched.GetProperty("nameZh").GetString(), patched.GetProperty("active").GetBoolean()));
        Assert.Equal(["续费", "renew"], patched.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        var keys = (await BodyAsync(list)).GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("key").GetString()).ToList();
        Assert.Equal(["revenue", "collections", "contracts", "new-customers", "visits", "renewals"], keys);
        Assert.Equal("回款", (await BodyAsync(one)).GetProperty("nameZh").GetString());
        // The other tenant is untouched.
        Assert.DoesNotContain(await KpisAsync(app, TeamWorld.TenantB), k => k.Key == "renewals");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Kpis_WrongOrMissingKeyOrAnotherTenantsKey_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var app = await NewAppAsync(provider);
        var before = await KpisAsync(app, TeamWorld.TenantA);

        using var none = Client(app, null);
        using var wrong = Client(app, "not-the-key-of-anyone-000000");
        using var otherTenant = Client(app, KeyB);
        using var noKey = await none.GetAsync(Url(TeamWorld.TenantA));
        using var wrongKey = await wrong.PostAsync(Url(TeamWorld.TenantA), Json("""{"nameEn": "Renewals", "unit": "money"}"""));
        using var keyOfB = await otherTenant.PatchAsync(Url(TeamWorld.TenantA, "visits"), Json("""{"active": false}"""));
        using var keyOfBRead = await otherTenant.GetAsync(Url(TeamWorld.TenantA));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, keyOfB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, keyOfBRead.StatusCode);
        Assert.Equivalent(before, await KpisAsync(app, TeamWorld.TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, """{"nameEn": "Renewals"}""", "'unit' is required")]
    [InlineData(DatabaseProvider.Postgres, """{"nameEn": "Renewals"}""", "'unit' is required")]
    [InlineData(DatabaseProvider.Sqlite, """{"unit": "money"}""", "'nameEn' or 'nameZh' is required")]
    [InlineData(DatabaseProvider.Sqlite, """{"nameEn": "Renewals", "unit": "dollars"}""", "'unit' must be money, count or percent")]
    [InlineData(DatabaseProvider.Sqlite, """{"nameEn": "Renewals", "unit": "money", "aggregation": "median"}""", "'aggregation' must be sum, count, average or last")]
    [InlineData(DatabaseProvider.Sqlite, """{"nameEn": "Deal", "unit": "money"}""", "'Deal' is a built-in word of the KPI 'revenue'")]
    [InlineData(DatabaseProvider.Sqlite, """{"nameZh": "回款", "unit": "money"}""", "'回款' already names the KPI 'collections'")]
    [InlineData(DatabaseProvider.Sqlite, """{"nameEn": "Renewals", "unit": "money", "key": "Bad Key"}""", "'key' must be lower-case letters")]
    [InlineData(DatabaseProvider.Sqlite, """{"nameEn": "Renewals", "unit": "money", "colour": "red"}""", "'colour' is not a KPI field")]
    [InlineData(DatabaseProvider.Sqlite, """{"nameEn": "Renewals", "unit": "money", "aliases": "renew"}""", "'aliases' must be an array of strings")]
    [InlineData(DatabaseProvider.Sqlite, "not json", "the body must be a JSON object")]
    [InlineData(DatabaseProvider.Sqlite, "[1]", "the body must be a JSON object")]
    public async Task Post_BadBody_400ProblemNamingTheErrorAndNothingStored(DatabaseProvider provider, string body, string expected)
    {
        await using var app = await NewAppAsync(provider);
        using var client = Client(app, KeyA);
        var before = await KpisAsync(app, TeamWorld.TenantA);

        using var response = await client.PostAsync(Url(TeamWorld.TenantA), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, (await BodyAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equivalent(before, await KpisAsync(app, TeamWorld.TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Patch_BadBodyOrUnknownKey_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var app = await NewAppAsync(provider);
        using var client = Client(app, KeyA);
        var before = await KpisAsync(app, TeamWorld.TenantA);

        using var unit = await client.PatchAsync(Url(TeamWorld.TenantA, "visits"), Json("""{"unit": "money", "active": false}"""));
        using var shadow = await client.PatchAsync(Url(TeamWorld.TenantA, "visits"), Json("""{"aliases": ["deal"], "active": false}"""));
        using var active = await client.PatchAsync(Url(TeamWorld.TenantA, "visits"), Json("""{"active": "no"}"""));
        using var unknown = await client.PatchAsync(Url(TeamWorld.TenantA, "widgets"), Json("""{"active": false}"""));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (unit.StatusCode, shadow.StatusCode, active.StatusCode, unknown.StatusCode));
        Assert.Contains("can't change", (await BodyAsync(unit)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equivalent(before, await KpisAsync(app, TeamWorld.TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, """{"nameEn": "Money in", "aliases": ["money in"], "active": false}""")]
    [InlineData(DatabaseProvider.Postgres, """{"nameEn": "Money in", "aliases": ["money in"], "active": false}""")]
    [InlineData(DatabaseProvider.Sqlite, """{"nameZh": "收回款", "aliases": ["收回款"]}""")]
    [InlineData(DatabaseProvider.Postgres, """{"nameZh": "收回款", "aliases": ["收回款"]}""")]
    public async Task Patch_APartRefusedOnTheWay_ChangesNothing(DatabaseProvider provider, string body)
    {
        // Each part passes the checks against the KPIs as they were; a later part clashes with an earlier one (the alias
        // is the new name), so the earlier ones are rolled back with it.
        await using var app = await NewAppAsync(provider);
        using var client = Client(app, KeyA);
        var before = await KpisAsync(app, TeamWorld.TenantA);

        using var response = await client.PatchAsync(Url(TeamWorld.TenantA, "collections"), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nothing was changed", (await BodyAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equivalent(before, await KpisAsync(app, TeamWorld.TenantA));
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            Assert.Empty(await store.KpiAliases.AsNoTracking().ToListAsync());
        }
    }
}
