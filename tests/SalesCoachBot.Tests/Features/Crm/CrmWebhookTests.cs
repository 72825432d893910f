using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Crm;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.Crm;

public sealed class CrmWebhookTests
{
    private const string TenantA = ActivityBuilder.DefaultTenant;
    private const string TenantB = "tenant-fabrikam";
    private const string SecretA = "generic-secret-of-contoso-0001";
    private const string SecretZoho = "zoho-secret-of-contoso-000002";
    private const string SecretFx = "fxiaoke-secret-of-contoso-003";
    private const string SecretB = "generic-secret-of-fabrikam-04";
    private const string AdminKeyA = "admin-key-of-contoso-0123456";
    private const string AliceEmail = "alice.wang@contoso.com";

    // Wednesday 18 November 2026, 10:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private static SalesCoachBotApplication NewApp(DatabaseProvider provider)
    {
        var app = new SalesCoachBotApplication(provider) { Time = new FakeTimeProvider(Now) };
        void Source(string name, string tenant, string secret, string format)
        {
            app.Settings[$"Crm:Sources:{name}:Tenant"] = tenant;
            app.Settings[$"Crm:Sources:{name}:Secret"] = secret;
            app.Settings[$"Crm:Sources:{name}:Format"] = format;
        }

        Source("contoso", TenantA, SecretA, "Generic");
        Source("contoso-zoho", TenantA, SecretZoho, "Zoho");
        Source("contoso-fx", TenantA, SecretFx, "Fxiaoke");
        Source("fabrikam", TenantB, SecretB, "Generic");
        app.Settings[$"Admin:ApiKeys:{TenantA}"] = AdminKeyA;
        return app;
    }

    /// <summary>Alice in tenant A (with her e-mail unless told otherwise) and Alice's namesake in tenant B, same e-mail.</summary>
    private static async Task<long> SeedAsync(SalesCoachBotApplication app, bool withEmail = true)
    {
        await app.PostActivityAsync(ActivityBuilder.Message("help").InPersonalChat());
        await app.PostActivityAsync(ActivityBuilder.Message("help").InPersonalChat().InTenant(TenantB));
        long aliceId;
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            var alice = await store.Members.SingleAsync(m => m.TeamsUserId == "29:alice");
            alice.Email = withEmail ? "Alice.Wang@Contoso.com" : null;
            aliceId = alice.Id;
            await store.SaveChangesAsync();
        }

        var (scopeB, storeB) = app.NewStore(TenantB);
        await using (scopeB)
        {
            (await storeB.Members.SingleAsync()).Email = AliceEmail;
            await storeB.SaveChangesAsync();
        }

        return aliceId;
    }

    private static async Task<HttpResponseMessage> SendAsync(
        SalesCoachBotApplication app, string source, string body, string secret, DateTimeOffset? at = null, Action<HttpRequestMessage>? tweak = null)
    {
        using var client = app.CreateClient();
        var timestamp = (at ?? Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/crm/{source}/events", UriKind.Relative))
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(CrmSignature.TimestampHeader, timestamp);
        request.Headers.Add(CrmSignature.SignatureHeader, CrmSignature.Sign(secret, timestamp, bytes));
        tweak?.Invoke(request);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Alice's November actuals by KPI key.</summary>
    private static async Task<Dictionary<string, decimal>> ActualsAsync(SalesCoachBotApplication app, string tenant, long memberId)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _ = scope;
        var ledger = scope.ServiceProvider.GetRequiredService<ResultLedger>();
        var actuals = await ledger.ActualsAsync(memberId, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var kpis = await store.Kpis.ToDictionaryAsync(k => k.Id, k => k.Key);
        return actuals.ToDictionary(a => kpis[a.Key], a => a.Value.Amount);
    }

    private static async Task<(int Events, int Results)> CountAsync(SalesCoachBotApplication app, string tenant)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _ = scope;
        return (await store.CrmEvents.CountAsync(), await store.SalesResults.CountAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_SignedWonDeal_AcceptedAndActualsUpdated(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var alice = await SeedAsync(app);

        using var response = await SendAsync(app, "contoso", CrmSamples.Generic("evt-1", "D-100", 120_000m), SecretA);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal("accepted", json.GetProperty("status").GetString());
        Assert.Equal(2, json.GetProperty("results").GetArrayLength());
        var actuals = await ActualsAsync(app, TenantA, alice);
        Assert.Equal(120_000m, actuals[KpiDefaults.Revenue]);
        Assert.Equal(1m, actuals[KpiDefaults.Contracts]);
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            var results = await store.SalesResults.OrderBy(r => r.ExternalId).ToListAsync();
            Assert.All(results, r => Assert.Equal((ResultSources.GenericCrm, new DateOnly(2026, 11, 17), "Acme Ltd"), (r.Source, r.OccurredOn, r.Customer)));
            Assert.Equal(["D-100:contracts", "D-100:revenue"], results.Select(r => r.ExternalId));
            var row = await store.CrmEvents.SingleAsync();
            Assert.Equal((CrmEventStatus.Accepted, "evt-1", (string?)null), (row.Status, row.EventId, row.OwnerEmail));
        }
    }

    [Fact]
    public async Task Receive_BadSignatures_401AndNothingStored()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        await SeedAsync(app);
        var body = CrmSamples.Generic("evt-1", "D-100", 120_000m);
        var cases = new (string Name, string Secret, Action<HttpRequestMessage>? Tweak)[]
        {
            ("wrong secret", SecretZoho, null),
            ("tampered body", SecretA, r => r.Content = new StringContent(body.Replace("120000", "920000", StringComparison.Ordinal), Encoding.UTF8, "application/json")),
            ("no timestamp", SecretA, r => r.Headers.Remove(CrmSignature.TimestampHeader)),
            ("no signature", SecretA, r => r.Headers.Remove(CrmSignature.SignatureHeader)),
            ("bad hex", SecretA, r => Replace(r, CrmSignature.SignatureHeader, "sha256=" + new string('g', 64))),
            ("short hex", SecretA, r => Replace(r, CrmSignature.SignatureHeader, "sha256=abcd")),
            ("no scheme", SecretA, r => Replace(r, CrmSignature.SignatureHeader, r.Headers.GetValues(CrmSignature.SignatureHeader).Single()[7..])),
            ("two signatures", SecretA, r => r.Headers.Add(CrmSignature.SignatureHeader, "sha256=" + new string('0', 64))),
            ("timestamp not a number", SecretA, r => Replace(r, CrmSignature.TimestampHeader, "yesterday")),
            ("another source's secret", SecretB, null),
        };

        foreach (var (name, secret, tweak) in cases)
        {
            using var response = await SendAsync(app, "contoso", body, secret, tweak: tweak);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal((0, 0), await CountAsync(app, TenantA));
    }

    [Fact]
    public async Task Receive_TimestampSixMinutesOldOrAhead_401WithReason()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        await SeedAsync(app);

        foreach (var offset in new[] { TimeSpan.FromMinutes(-6), TimeSpan.FromMinutes(6) })
        {
            using var response = await SendAsync(app, "contoso", CrmSamples.Generic("evt-1", "D-100", 1_000m), SecretA, Now + offset);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("minutes", (await JsonOf(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal((0, 0), await CountAsync(app, TenantA));
        using var inWindow = await SendAsync(app, "contoso", CrmSamples.Generic("evt-1", "D-100", 1_000m), SecretA, Now - TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, inWindow.StatusCode);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_SameEventTwice_DuplicateAndCountedOnce(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var alice = await SeedAsync(app);
        var body = CrmSamples.Generic("evt-1", "D-100", 50_000m);

        using var first = await SendAsync(app, "contoso", body, SecretA);
        using var second = await SendAsync(app, "contoso", body, SecretA, Now.AddSeconds(30));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var json = await JsonOf(second);
        Assert.Equal("duplicate", json.GetProperty("status").GetString());
        Assert.Equal(
            (await JsonOf(first)).GetProperty("results").EnumerateArray().Select(e => e.GetInt64()),
            json.GetProperty("results").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(50_000m, (await ActualsAsync(app, TenantA, alice))[KpiDefaults.Revenue]);
        Assert.Equal((1, 2), await CountAsync(app, TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_SameEventUnderAnotherSpellingOfTheSource_DuplicateStoredUnderConfiguredName(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var alice = await SeedAsync(app);
        var body = CrmSamples.Generic("evt-1", "D-100", 50_000m);

        using var first = await SendAsync(app, "CONTOSO", body, SecretA);
        using var second = await SendAsync(app, "contoso", body, SecretA, Now.AddSeconds(30));
        using var third = await SendAsync(app, "Contoso", body, SecretA, Now.AddSeconds(60));

        Assert.Equal("accepted", (await JsonOf(first)).GetProperty("status").GetString());
        Assert.Equal("duplicate", (await JsonOf(second)).GetProperty("status").GetString());
        Assert.Equal("duplicate", (await JsonOf(third)).GetProperty("status").GetString());
        Assert.Equal(50_000m, (await ActualsAsync(app, TenantA, alice))[KpiDefaults.Revenue]);
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            // One row, under the name as configured, whatever spelling the URL used.
            Assert.Equal("contoso", (await store.CrmEvents.SingleAsync()).Source);
        }

        Assert.Equal((1, 2), await CountAsync(app, TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_ConcurrentDeliveriesOfOneEvent_CountedOnce(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var alice = await SeedAsync(app);
        var body = CrmSamples.Generic("evt-race", "D-200", 7_000m);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendAsync(app, "contoso", body, SecretA)));

        var statuses = new List<string?>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            statuses.Add((await JsonOf(response)).GetProperty("status").GetString());
            response.Dispose();
        }

        Assert.Equal(1, statuses.Count(s => s == "accepted"));
        Assert.Equal(7, statuses.Count(s => s == "duplicate"));
        Assert.Equal(7_000m, (await ActualsAsync(app, TenantA, alice))[KpiDefaults.Revenue]);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_ConcurrentEventsOfOneDeal_AllAcceptedCountedOnce(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var alice = await SeedAsync(app);

        // Different event ids, one deal: each event row is new, the results race on the deal's external id.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => SendAsync(app, "contoso", CrmSamples.Generic($"evt-{i}", "D-300", 3_000m), SecretA)));

        var results = new HashSet<long>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await JsonOf(response);
            Assert.Equal("accepted", json.GetProperty("status").GetString());
            results.UnionWith(json.GetProperty("results").EnumerateArray().Select(e => e.GetInt64()));
            response.Dispose();
        }

        Assert.Equal(2, results.Count);
        Assert.Equal(3_000m, (await ActualsAsync(app, TenantA, alice))[KpiDefaults.Revenue]);
        Assert.Equal((6, 2), await CountAsync(app, TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_SameDealInTwoEvents_CountedOnce(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var alice = await SeedAsync(app);

        using var first = await SendAsync(app, "contoso", CrmSamples.Generic("evt-1", "D-100", 50_000m), SecretA);
        using var second = await SendAsync(app, "contoso", CrmSamples.Generic("evt-2", "D-100", 50_000m), SecretA);

        Assert.Equal("accepted", (await JsonOf(second)).GetProperty("status").GetString());
        var actuals = await ActualsAsync(app, TenantA, alice);
        Assert.Equal((50_000m, 1m), (actuals[KpiDefaults.Revenue], actuals[KpiDefaults.Contracts]));
        Assert.Equal((2, 2), await CountAsync(app, TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_UnknownOwner_202ListedThenAcceptedOnRetryAfterEmailAdded(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var alice = await SeedAsync(app, withEmail: false);
        var body = CrmSamples.Generic("evt-9", "D-900", 88_000m);

        using var unknown = await SendAsync(app, "contoso", body, SecretA);

        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        var json = await JsonOf(unknown);
        Assert.Equal(("unknown_owner", AliceEmail), (json.GetProperty("status").GetString(), json.GetProperty("owner").GetString()));
        Assert.Equal((1, 0), await CountAsync(app, TenantA));

        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKeyA);
        var listed = Assert.Single(await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/tenants/{TenantA}/crm/unmatched", UriKind.Relative)).ConfigureAwait(false) is var list ? list.EnumerateArray() : []);
        Assert.Equal(("contoso", "evt-9", AliceEmail, "unknown_owner"),
            (listed.GetProperty("source").GetString(), listed.GetProperty("eventId").GetString(), listed.GetProperty("owner").GetString(), listed.GetProperty("status").GetString()));

        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            (await store.Members.SingleAsync(m => m.Id == alice)).Email = AliceEmail;
            await store.SaveChangesAsync();
        }

        using var retry = await SendAsync(app, "contoso", body, SecretA, Now.AddMinutes(1));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("accepted", (await JsonOf(retry)).GetProperty("status").GetString());
        Assert.Equal(88_000m, (await ActualsAsync(app, TenantA, alice))[KpiDefaults.Revenue]);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/tenants/{TenantA}/crm/unmatched", UriKind.Relative))).EnumerateArray());
        Assert.Equal((1, 2), await CountAsync(app, TenantA));
    }

    [Fact]
    public async Task Unmatched_WithoutAdminKey_401()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/admin/tenants/{TenantA}/crm/unmatched", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_SourceOfTenantA_NeverRecordsForTenantBMember(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedAsync(app, withEmail: false);

        using var response = await SendAsync(app, "contoso", CrmSamples.Generic("evt-1", "D-1", 10_000m), SecretA);

        // Only tenant B has a member with this e-mail: tenant A's source must not find them.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((0, 0), await CountAsync(app, TenantB));
        Assert.Equal((1, 0), await CountAsync(app, TenantA));
    }

    [Fact]
    public async Task Receive_UnknownSource_404()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);

        using var response = await SendAsync(app, "initech", CrmSamples.Generic("evt-1", "D-1", 1m), SecretA);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Receive_BodyOverLimit_413()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        app.Settings["Crm:MaxBodyBytes"] = "1024";
        var body = CrmSamples.Generic("evt-1", "D-1", 1m).Replace("Acme renewal", new string('x', 2000), StringComparison.Ordinal);

        using var response = await SendAsync(app, "contoso", body, SecretA);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_CurrencyOtherThanKpis_RejectedWithReasonAndListed(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedAsync(app);

        using var response = await SendAsync(app, "contoso", CrmSamples.Generic("evt-1", "D-1", 9_000m, currency: "USD"), SecretA);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal("rejected", json.GetProperty("status").GetString());
        Assert.Contains("USD", json.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal((1, 0), await CountAsync(app, TenantA));
    }

    [Fact]
    public async Task Receive_SourceWithoutContractsKpi_RecordsRevenueOnly()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        app.Settings["Crm:Sources:contoso:ContractsKpi"] = "";
        var alice = await SeedAsync(app);

        using var response = await SendAsync(app, "contoso", CrmSamples.Generic("evt-1", "D-1", 9_000m), SecretA);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actuals = await ActualsAsync(app, TenantA, alice);
        Assert.Equal(9_000m, actuals[KpiDefaults.Revenue]);
        Assert.False(actuals.ContainsKey(KpiDefaults.Contracts));
    }

    [Fact]
    public async Task Receive_StageNotWon_IgnoredAndNothingRecorded()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        await SeedAsync(app);

        using var response = await SendAsync(app, "contoso", CrmSamples.Generic("evt-1", "D-1", 9_000m, stage: "Negotiation"), SecretA);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", (await JsonOf(response)).GetProperty("status").GetString());
        Assert.Equal((1, 0), await CountAsync(app, TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_ZohoDeal_RecordedAsZohoResults(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var alice = await SeedAsync(app);

        using var response = await SendAsync(app, "contoso-zoho", CrmSamples.Zoho, SecretZoho);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actuals = await ActualsAsync(app, TenantA, alice);
        Assert.Equal((98_000.5m, 1m), (actuals[KpiDefaults.Revenue], actuals[KpiDefaults.Contracts]));
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            var revenue = await store.SalesResults.SingleAsync(r => r.ExternalId == "5725767000000524157:revenue");
            Assert.Equal((ResultSources.Zoho, "Acme Ltd", new DateOnly(2026, 11, 17)), (revenue.Source, revenue.Customer, revenue.OccurredOn));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_FxiaokeRecords_ChineseAndApiNamesMapped(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var alice = await SeedAsync(app);

        using var chinese = await SendAsync(app, "contoso-fx", CrmSamples.FxiaokeChinese, SecretFx);
        using var api = await SendAsync(app, "contoso-fx", CrmSamples.FxiaokeApi, SecretFx);

        Assert.Equal(HttpStatusCode.OK, chinese.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var events = (await JsonOf(api)).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("status").GetString());
        Assert.Equal(["accepted", "ignored"], events);
        var actuals = await ActualsAsync(app, TenantA, alice);
        Assert.Equal((375_000m, 2m), (actuals[KpiDefaults.Revenue], actuals[KpiDefaults.Contracts]));
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            var fromChinese = await store.SalesResults.SingleAsync(r => r.ExternalId == "64f0c2a1e4b0a1b2c3d4e5f6:revenue");
            // 1794844800000 ms is midnight 17 November in Shanghai (the default zone): the sales day, not the UTC day.
            Assert.Equal((ResultSources.Fxiaoke, "上海星辰科技", new DateOnly(2026, 11, 17)), (fromChinese.Source, fromChinese.Customer, fromChinese.OccurredOn));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_MalformedBodies_400ProblemAndNothingStored(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await SeedAsync(app);
        string[] bodies =
        [
            "", "{", "not json", "null", "[]", "{\"events\":[]}", "{\"eventId\":\"e\"}",
            "{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":\"lots\"},\"owner\":{\"email\":\"a@b.c\"}}",
            new string('[', 100) + new string(']', 100),
            "{\"eventId\":\"\\ud800\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1},\"owner\":{\"email\":\"a@b.c\"}}",
            "{\"\\udc00\":1}",
            "{\"eventId\":\"e\\u0000\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1},\"owner\":{\"email\":\"a@b.c\"}}",
            "{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1,\"customer\":\"A\\u0000\"},\"owner\":{\"email\":\"a@b.c\"}}",
            "{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1e400},\"owner\":{\"email\":\"a@b.c\"}}",
            "{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"\\udc00stage\":\"won\"}}",
            "{\"eventId\":\"" + new string('e', 300) + "\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1},\"owner\":{\"email\":\"a@b.c\"}}",
        ];

        foreach (var body in bodies)
        {
            using var response = await SendAsync(app, "contoso", body, SecretA);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body[..Math.Min(body.Length, 40)]}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal((0, 0), await CountAsync(app, TenantA));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Receive_TwoHundredMutatedSignedBodies_NeverServerError(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var alice = await SeedAsync(app);
        var random = new Random(4242);
        string[] seeds = [CrmSamples.Generic("evt-m", "D-m", 1_234m), CrmSamples.Zoho, CrmSamples.FxiaokeChinese, CrmSamples.FxiaokeApi];
        string[] sources = ["contoso", "contoso-zoho", "contoso-fx", "contoso-fx"];
        string[] secrets = [SecretA, SecretZoho, SecretFx, SecretFx];
        const string Alphabet = "{}[]\":,0123456789-.eE nulltrufas\\万赢单@\u0000\uFFFF";
        // Escapes and numbers that are valid JSON yet no usable text or amount.
        string[] tokens = ["\\ud800", "\\udc00", "\\u0000", "1e400", "-0", "99999999999999999999999999999", "\"stage\":\"won\",", "null"];

        for (var i = 0; i < 200; i++)
        {
            var pick = random.Next(seeds.Length);
            var text = new StringBuilder(seeds[pick]);
            for (var edits = random.Next(1, 6); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0: text.Remove(at, 1); break;
                    case 1: text.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                    case 2: text.Insert(at, tokens[random.Next(tokens.Length)]); break;
                    default: text[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                }
            }

            using var response = await SendAsync(app, sources[pick], text.ToString(), secrets[pick]);

            Assert.True((int)response.StatusCode < 500, $"mutation {i}: {response.StatusCode} for {text}");
        }

        // The app is still healthy and still records a good event.
        using var good = await SendAsync(app, "contoso", CrmSamples.Generic("evt-after", "D-after", 1m), SecretA);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.True((await ActualsAsync(app, TenantA, alice)).ContainsKey(KpiDefaults.Revenue));
    }

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);
    }
}
