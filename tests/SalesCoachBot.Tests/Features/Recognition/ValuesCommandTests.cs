using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Recognition.RecognitionWorld;

namespace SalesCoachBot.Tests.Features.Recognition;

public sealed class ValuesCommandTests
{
    private const string KeyA = "key-of-contoso-0123456789";
    private const string KeyB = "key-of-fabrikam-0123456789";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Values_ManagerAddsChangesListsAndRemoves_InChannelAndPersonalChat(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);
        var chat = app.Chat();

        var empty = await chat.SendAsync(TeamWorld.Channel("values", "29:alice", "Alice Wang"));
        var added = await chat.SendAsync(TeamWorld.Channel("values add customer first 3", TeamWorld.Manager, TeamWorld.ManagerName));
        var chinese = await chat.SendAsync(TeamWorld.Personal("价值观 添加 #客户第一").WithLocale("zh-CN"));
        var changed = await chat.SendAsync(TeamWorld.Personal("values add Customer-First 5"));
        var listed = await chat.SendAsync(TeamWorld.Channel("values", "29:bob", "Bob Li"));
        var removed = await chat.SendAsync(TeamWorld.Personal("价值观 移除 客户第一").WithLocale("zh-CN"));
        var missing = await chat.SendAsync(TeamWorld.Personal("values remove speed"));

        Assert.Equal("East Sales has no company values yet. A manager adds one with “values add customer-first 3”.", Assert.Single(empty).Text);
        Assert.Equal("Added #customer-first (3 points) to East Sales.", Assert.Single(added).Text);
        Assert.Equal("已为East Sales添加价值观 #客户第一（1 分）。", Assert.Single(chinese).Text);
        Assert.Equal("#customer-first is now worth 5 points in East Sales.", Assert.Single(changed).Text);
        Assert.Equal("Company values of East Sales: #customer-first (5 points), #客户第一 (1 points). A praise without a value is worth 1 point(s).",
            Assert.Single(listed).Text);
        Assert.Equal("已从East Sales移除价值观 #客户第一，以往的表扬不受影响。", Assert.Single(removed).Text);
        Assert.Equal("East Sales has no value speed.", Assert.Single(missing).Text);
        Assert.Equal([("customer-first", 5)], await ValuesAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "values add speed 2", "Only a manager of East Sales can change its values.")]
    [InlineData(DatabaseProvider.Postgres, "values add speed 2", "Only a manager of East Sales can change its values.")]
    [InlineData(DatabaseProvider.Sqlite, "价值观 移除 customer-first", "只有East Sales的经理可以修改价值观。")]
    [InlineData(DatabaseProvider.Postgres, "价值观 移除 customer-first", "只有East Sales的经理可以修改价值观。")]
    public async Task Values_RepChanges_IsRefusedAndNothingChanges(DatabaseProvider provider, string typed, string expected)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await SetValuesAsync(app, world.TeamId, null, ("customer-first", 3));

        var replies = await app.Chat().SendAsync(TeamWorld.Channel(typed, "29:alice", "Alice Wang").WithLocale(typed.StartsWith('价') ? "zh-CN" : "en-US"));

        Assert.Equal(expected, Assert.Single(replies).Text);
        Assert.Equal([("customer-first", 3)], await ValuesAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "values add speed 0")]
    [InlineData(DatabaseProvider.Postgres, "values add speed 101")]
    [InlineData(DatabaseProvider.Sqlite, "values add")]
    [InlineData(DatabaseProvider.Sqlite, "values add a-name-that-is-much-longer-than-forty-characters")]
    public async Task Values_BadInput_AnswersHowAndChangesNothing(DatabaseProvider provider, string typed)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);

        var replies = await app.Chat().SendAsync(TeamWorld.Personal(typed));

        Assert.StartsWith("Use “values add <value> [points]”", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Empty(await ValuesAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Values_Guest_IsRefused(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await CreateAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest", asManager: true);

        var replies = await app.Chat().SendAsync(TeamWorld.Channel("values add speed 2", "29:gus", "Gus Guest"));

        Assert.Equal("Guests can't give praise, change the team's values or see its recognition board.", Assert.Single(replies).Text);
        Assert.Empty(await ValuesAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AdminApi_PutThenGet_ReplacesTheValuesAndTheQuota_OnlyForItsOwnTenant(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantA] = KeyA;
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantB] = KeyB;
        var world = await CreateAsync(app);
        await SetValuesAsync(app, world.TeamId, null, ("old", 1));
        using var client = Client(app, KeyA);
        using var other = Client(app, KeyB);
        var path = $"/api/admin/tenants/{TeamWorld.TenantA}/teams/{world.TeamId}/values";

        using var put = await PutAsync(client, path, """{ "values": [ { "name": "客户第一", "points": 3 }, { "name": "#speed" } ], "dailyPraiseQuota": 2 }""");
        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var otherTenant = await PutAsync(other, path, """{ "values": [] }""");
        using var otherTenantsTeam = await PutAsync(other, $"/api/admin/tenants/{TeamWorld.TenantB}/teams/{world.TeamId}/values", """{ "values": [] }""");
        using var bad = await PutAsync(client, path, """{ "values": [ { "name": "two words", "points": 500 }, { "name": "speed" }, { "name": "SPEED" } ], "dailyPraiseQuota": 0 }""");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var body = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("dailyPraiseQuota").GetInt32());
        Assert.Equal(["speed:1", "客户第一:3"], body.RootElement.GetProperty("values").EnumerateArray()
            .Select(v => $"{v.GetProperty("name").GetString()}:{v.GetProperty("points").GetInt32()}"));
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTenantsTeam.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await bad.Content.ReadAsStringAsync();
        Assert.Contains("values[0]", errors, StringComparison.Ordinal);
        Assert.Contains("listed twice", errors, StringComparison.Ordinal);
        Assert.Contains("dailyPraiseQuota", errors, StringComparison.Ordinal);
        Assert.Equal([("speed", 1), ("客户第一", 3)], await ValuesAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecognitionHistory_ReceivedNewestFirst_PagedAndPerMember(DatabaseProvider provider)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TeamWorld.Now);
        await using var app = new SalesCoachBotApplication(provider) { Time = time };
        var world = await CreateAsync(app);
        await SetValuesAsync(app, world.TeamId, null, ("customer-first", 3));
        await app.Chat().SendAsync(InChannel("praise <at>Alice Wang</at> first #customer-first", TeamWorld.Manager, TeamWorld.ManagerName, Alice));
        time.Advance(TimeSpan.FromMinutes(5));
        await app.Chat().SendAsync(InChannel("praise private <at>Alice Wang</at> second", "29:bob", "Bob Li", Alice));
        time.Advance(TimeSpan.FromMinutes(5));
        await app.Chat().SendAsync(InChannel("praise <at>Bob Li</at> third", "29:alice", "Alice Wang", Bob));

        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using var _scope = scope;
        var history = scope.ServiceProvider.GetRequiredService<IRecognitionHistory>();
        var alice = await history.ReceivedAsync(world.Members["29:alice"], null, 10, CancellationToken.None);
        var page = await history.ReceivedAsync(world.Members["29:alice"], alice[0].At, 10, CancellationToken.None);

        Assert.Equal([("second", "Bob Li", (string?)null, 1, true), ("first", "Mia Manager", "customer-first", 3, false)],
            alice.Select(e => (e.Reason, e.GiverName!, e.Value, e.Points, e.IsPrivate)));
        Assert.Equal(["first"], page.Select(e => e.Reason));
        Assert.Equal(["third"], (await history.ReceivedAsync(world.Members["29:bob"], null, 10, CancellationToken.None)).Select(e => e.Reason));
    }

    private static async Task<List<(string, int)>> ValuesAsync(SalesCoachBotApplication app)
    {
        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using var _scope = scope;
        var values = await store.CompanyValues.AsNoTracking().ToListAsync();
        return [.. values.OrderBy(v => v.Name, StringComparer.Ordinal).Select(v => (v.Name, v.Points))];
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
