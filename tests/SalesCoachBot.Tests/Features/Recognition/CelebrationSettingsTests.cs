using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Recognition.CelebrationWorld;

namespace SalesCoachBot.Tests.Features.Recognition;

public sealed class CelebrationSettingsTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Command_InChannelAndPersonalChat_ShowsTheTeamsSettingsToEveryoneInIt(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await RecognitionWorld.CreateAsync(app);
        await SetAsync(app, world.TeamId, CelebrationSettings.Default with { TeamTargets = false, BigDealThreshold = 500_000m });

        var channel = await app.Chat().SendAsync(TeamWorld.Channel("celebrations", "29:bob", "Bob Li"));
        var personal = await app.Chat().SendAsync(TeamWorld.Personal("庆祝", "29:alice", "Alice Wang").WithLocale("zh-CN"));
        var groupChat = await app.Chat().SendAsync(ActivityBuilder.Message("celebrations").InTenant(TeamWorld.TenantA).InGroupChat("19:group").From("29:bob", "Bob Li"));

        var card = Assert.Single(channel);
        Assert.Equal("Celebrations in East Sales", card.CardTitle());
        TeamWorld.AssertInOrder(card.CardText(), "Big deals", "500000", "A big deal is a Revenue result of at least (CNY)",
            "A rep reaches 100% of a monthly target", "The team reaches its monthly target", "Only managers of the team can change these.", "Save");
        var inputs = card.Card()["body"]!.AsArray().Where(e => e!["id"] is not null).ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string> { ["bigDeals"] = "true", ["bigDealThreshold"] = "500000", ["repTargets"] = "true", ["teamTargets"] = "false" }, inputs);
        Assert.Equal("East Sales的庆祝", Assert.Single(personal).CardTitle());
        Assert.Contains("celebrations", Assert.Single(groupChat).Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Save_ByManager_StoresTheSwitchesAndTheAmount_ReadAsPeopleWriteIt(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await RecognitionWorld.CreateAsync(app);
        var teamId = world.TeamId.ToString(CultureInfo.InvariantCulture);

        var saved = await app.Chat().SendAsync(TeamWorld.Invoke(CelebrationSettingsCard.SaveVerb,
            new { teamId, bigDeals = "true", bigDealThreshold = "50万", repTargets = "false", teamTargets = "true" }));

        Assert.Contains("✔ Saved", saved.InvokeCardText(), StringComparison.Ordinal);
        Assert.Equal(new CelebrationSettings(true, false, true, 500_000m), await SettingsAsync(app, world.TeamId));

        // An empty amount removes it: no big-deal celebrations.
        await app.Chat().SendAsync(TeamWorld.Invoke(CelebrationSettingsCard.SaveVerb, new { teamId, bigDeals = "true", bigDealThreshold = "", repTargets = "false", teamTargets = "true" }));
        Assert.Equal(new CelebrationSettings(true, false, true, null), await SettingsAsync(app, world.TeamId));
    }

    public static TheoryData<DatabaseProvider, string> Refusals()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var refusal in new[] { "rep", "guest-manager", "other-tenant", "unknown-team", "bad-amount", "zero-amount" })
            {
                data.Add(provider, refusal);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Refusals))]
    public async Task Save_Refused_SaysWhyAndChangesNothing(DatabaseProvider provider, string refusal)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await RecognitionWorld.CreateAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest", asManager: true);
        await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        var before = CelebrationSettings.Default with { BigDealThreshold = 800_000m };
        await SetAsync(app, world.TeamId, before);
        var teamId = world.TeamId.ToString(CultureInfo.InvariantCulture);
        object Data(string amount) => new { teamId, bigDeals = "false", bigDealThreshold = amount, repTargets = "false", teamTargets = "false" };

        var (invoke, expected) = refusal switch
        {
            "rep" => (TeamWorld.Invoke(CelebrationSettingsCard.SaveVerb, Data("1"), "29:bob", "Bob Li"), "Only managers of East Sales can change its celebrations"),
            "guest-manager" => (TeamWorld.Invoke(CelebrationSettingsCard.SaveVerb, Data("1"), "29:gus", "Gus Guest"), "Only managers of East Sales can change its celebrations"),
            // Tenant B's manager Mia sends the id of tenant A's team.
            "other-tenant" => (TeamWorld.Invoke(CelebrationSettingsCard.SaveVerb, Data("1"), tenant: TeamWorld.TenantB), "no longer set up"),
            "unknown-team" => (TeamWorld.Invoke(CelebrationSettingsCard.SaveVerb, new { teamId = "99999", bigDeals = "false" }), "no longer set up"),
            "bad-amount" => (TeamWorld.Invoke(CelebrationSettingsCard.SaveVerb, Data("lots")), "Write the amount as a number above zero"),
            _ => (TeamWorld.Invoke(CelebrationSettingsCard.SaveVerb, Data("0")), "Write the amount as a number above zero"),
        };
        var replies = await app.Chat().SendAsync(invoke);

        var answer = refusal.EndsWith("amount", StringComparison.Ordinal) ? replies.InvokeCardText() : replies.InvokeMessage();
        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.Equal(before, await SettingsAsync(app, world.TeamId));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AdminApi_GetAndPut_ChangesTheNamedFields_OnlyForItsOwnTenant(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantA] = AdminKeyA;
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantB] = AdminKeyB;
        var world = await RecognitionWorld.CreateAsync(app);
        var b = await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        using var client = Client(app, AdminKeyA);
        using var other = Client(app, AdminKeyB);
        using var wrong = Client(app, "not-the-key-of-anyone-000");
        var path = $"/api/admin/tenants/{TeamWorld.TenantA}/teams/{world.TeamId}/celebrations";

        using var defaults = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var put = await PutAsync(client, path, """{ "teamTargets": false, "bigDealThreshold": 500000 }""");
        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var otherTenant = await PutAsync(other, path, """{ "bigDeals": false }""");
        using var otherTenantsTeam = await PutAsync(other, $"/api/admin/tenants/{TeamWorld.TenantB}/teams/{world.TeamId}/celebrations", """{ "bigDeals": false }""");
        using var wrongKey = await PutAsync(wrong, path, """{ "bigDeals": false }""");
        using var bad = await PutAsync(client, path, """{ "bigDeals": "yes", "bigDealThreshold": -5, "colour": "red" }""");
        using var notJson = await PutAsync(client, path, "bigDeals=false");

        Assert.Equal(HttpStatusCode.OK, defaults.StatusCode);
        using (var body = JsonDocument.Parse(await defaults.Content.ReadAsStringAsync()))
        {
            var root = body.RootElement;
            Assert.Equal((true, true, true, JsonValueKind.Null, "revenue", "CNY"),
                (root.GetProperty("bigDeals").GetBoolean(), root.GetProperty("repTargets").GetBoolean(), root.GetProperty("teamTargets").GetBoolean(),
                 root.GetProperty("bigDealThreshold").ValueKind, root.GetProperty("dealKpi").GetProperty("key").GetString(), root.GetProperty("dealKpi").GetProperty("currency").GetString()));
        }

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using (var body = JsonDocument.Parse(await get.Content.ReadAsStringAsync()))
        {
            var root = body.RootElement;
            Assert.Equal((true, true, false, 500_000m), (root.GetProperty("bigDeals").GetBoolean(), root.GetProperty("repTargets").GetBoolean(),
                root.GetProperty("teamTargets").GetBoolean(), root.GetProperty("bigDealThreshold").GetDecimal()));
        }

        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTenantsTeam.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await bad.Content.ReadAsStringAsync();
        Assert.Contains("bigDeals", errors, StringComparison.Ordinal);
        Assert.Contains("must be true or false", errors, StringComparison.Ordinal);
        Assert.Contains("bigDealThreshold", errors, StringComparison.Ordinal);
        Assert.Contains("colour", errors, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(new CelebrationSettings(true, true, false, 500_000m), await SettingsAsync(app, world.TeamId));
        Assert.Equal(CelebrationSettings.Default, await SettingsAsync(app, b.TeamId, TeamWorld.TenantB));
    }

    [Theory]
    [InlineData("", true, null)]
    [InlineData("500000", true, 500000)]
    [InlineData("50万", true, 500000)]
    [InlineData("¥1.5万", true, 15000)]
    [InlineData("0", false, null)]
    [InlineData("-3", false, null)]
    [InlineData("lots", false, null)]
    [InlineData("2000000000000", false, null)]
    public void TryReadThreshold_AmountsAsPeopleWriteThem(string typed, bool ok, int? expected)
    {
        Assert.Equal(ok, CelebrationSettingsCard.TryReadThreshold(typed, out var threshold));
        Assert.Equal(expected is { } value ? value : null, threshold);
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
