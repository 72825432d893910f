using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Crm;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.Crm;
using SalesCoachBot.Tests.Features.Imports;

namespace SalesCoachBot.Tests.Features.Kpis;

/// <summary>A tenant's own KPI through the other ways results come in: an upload's KPI cells and the CRM webhook.</summary>
public sealed class KpiEverywhereTests
{
    private const string TenantA = ActivityBuilder.DefaultTenant;
    private const string Secret = "generic-secret-of-contoso-0001";

    // Wednesday 18 November 2026, 10:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private static async Task<Dictionary<string, decimal>> NovemberAsync(SalesCoachBotApplication app, long memberId)
    {
        var (scope, store) = app.NewStore(TenantA);
        await using var _ = scope;
        var actuals = await scope.ServiceProvider.GetRequiredService<ResultLedger>().ActualsAsync(memberId, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var keys = await store.Kpis.ToDictionaryAsync(k => k.Id, k => k.Key);
        return actuals.ToDictionary(a => keys[a.Key], a => a.Value.Amount);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Upload_RowsOfACustomKpiAndCollections_ImportToThem(DatabaseProvider provider)
    {
        await using var app = UploadTestKit.NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await UploadTestKit.SeedAsync(app);
        // Alice manages East.
        await app.Chat().SendAsync(ActivityBuilder.Message("kpi add Renewals 续约 money").InPersonalChat());
        await app.Chat().SendAsync(ActivityBuilder.Message("kpi alias collections 收款").InPersonalChat());
        const string csv = "date,kpi,amount,customer\n2026-11-03,续约,8万,华为\n2026-11-04,回款,2万,腾讯\n2026-11-05,收款,5000,京东\n2026-11-06,widgets,1,Acme\n";

        var preview = await UploadTestKit.UploadAsync(app, UploadTestKit.Upload("kpis.csv", files.Serve("kpis.csv", Encoding.UTF8.GetBytes(csv))));
        Assert.Equal("3", UploadTestKit.FactsOf(preview)["Rows to import"]);
        await UploadTestKit.PressAsync(app, ImportCard.ConfirmVerb, UploadTestKit.ImportIdOf(preview));

        var alice = await NovemberAsync(app, people.Alice);
        Assert.Equal((80_000m, 25_000m), (alice["renewals"], alice[KpiDefaults.Collections]));
    }

    private static SalesCoachBotApplication CrmApp(DatabaseProvider provider, string? collectionsKpi = null)
    {
        var app = new SalesCoachBotApplication(provider) { Time = new FakeTimeProvider(Now) };
        app.Settings["Crm:Sources:contoso:Tenant"] = TenantA;
        app.Settings["Crm:Sources:contoso:Secret"] = Secret;
        app.Settings["Crm:Sources:contoso:Format"] = "Generic";
        app.Settings["Crm:Sources:contoso:PaymentStages:0"] = "paid";
        app.Settings["Crm:Sources:contoso:PaymentStages:1"] = "已回款";
        if (collectionsKpi is not null)
        {
            app.Settings["Crm:Sources:contoso:CollectionsKpi"] = collectionsKpi;
        }

        return app;
    }

    private static async Task<HttpResponseMessage> SendCrmAsync(SalesCoachBotApplication app, string body)
    {
        using var client = app.CreateClient();
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/crm/contoso/events", UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(CrmSignature.TimestampHeader, timestamp);
        request.Headers.Add(CrmSignature.SignatureHeader, CrmSignature.Sign(Secret, timestamp, bytes));
        return await client.SendAsync(request);
    }

    private static async Task<long> AliceWithEmailAsync(SalesCoachBotApplication app)
    {
        await app.PostActivityAsync(ActivityBuilder.Message("help").InPersonalChat());
        var (scope, store) = app.NewStore(TenantA);
        await using var _ = scope;
        var alice = await store.Members.SingleAsync(m => m.TeamsUserId == "29:alice");
        alice.Email = "alice.wang@contoso.com";
        alice.IsAdmin = true;
        await store.SaveChangesAsync();
        return alice.Id;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Crm_PaymentStage_RecordsCollectionsOncePerDealAndWonDealsStayRevenue(DatabaseProvider provider)
    {
        await using var app = CrmApp(provider);
        var alice = await AliceWithEmailAsync(app);

        using var won = await SendCrmAsync(app, CrmSamples.Generic("evt-1", "D-100", 120_000m));
        using var paid = await SendCrmAsync(app, CrmSamples.Generic("evt-2", "D-100", 50_000m, stage: "已回款"));
        using var again = await SendCrmAsync(app, CrmSamples.Generic("evt-3", "D-100", 50_000m, stage: "paid"));

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("accepted", JsonDocument.Parse(await paid.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        var actuals = await NovemberAsync(app, alice);
        Assert.Equal((120_000m, 1m, 50_000m), (actuals[KpiDefaults.Revenue], actuals[KpiDefaults.Contracts], actuals[KpiDefaults.Collections]));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Crm_PaymentMappedToACustomKpiWord_RejectedUntilTheKpiExistsThenRecordsThere(DatabaseProvider provider)
    {
        await using var app = CrmApp(provider, collectionsKpi: "续约");
        var alice = await AliceWithEmailAsync(app);

        using var before = await SendCrmAsync(app, CrmSamples.Generic("evt-1", "D-1", 9_000m, stage: "paid"));
        await app.Chat().SendAsync(ActivityBuilder.Message("kpi add Renewals 续约 money").InPersonalChat());
        using var after = await SendCrmAsync(app, CrmSamples.Generic("evt-2", "D-2", 30_000m, stage: "paid"));

        Assert.Equal("rejected", JsonDocument.Parse(await before.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(30_000m, (await NovemberAsync(app, alice))["renewals"]);
    }
}
