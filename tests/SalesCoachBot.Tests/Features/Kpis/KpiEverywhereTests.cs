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

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Upload_ColumnsNamedAfterKpis_ImportToThem(DatabaseProvider provider)
    {
        await using var app = UploadTestKit.NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await UploadTestKit.SeedAsync(app);
        await app.Chat().SendAsync(ActivityBuilder.Message("kpi add Renewals 续约 money").InPersonalChat());
        // A column per KPI: 回款 (collections' Chinese name) and "Renewals amount"; an empty or zero cell adds nothing.
        const string csv = "日期,回款,Renewals amount,客户\n2026-11-03,2万,8万,华为\n2026-11-04,5000,0,腾讯\n2026-11-05,,,京东\n";

        var preview = await UploadTestKit.UploadAsync(app, UploadTestKit.Upload("wide.csv", files.Serve("wide.csv", Encoding.UTF8.GetBytes(csv))));
        Assert.Equal("2", UploadTestKit.FactsOf(preview)["Rows to import"]);
        Assert.Contains("回款 → that KPI's amount", CardText.Of(preview), StringComparison.Ordinal);
        Assert.Contains("2026-11-03 · Alice Wang · Collections 20,000 + Renewals 80,000 · 华为", CardText.Of(preview), StringComparison.Ordinal);
        await UploadTestKit.PressAsync(app, ImportCard.ConfirmVerb, UploadTestKit.ImportIdOf(preview));

        var alice = await NovemberAsync(app, people.Alice);
        Assert.Equal((80_000m, 25_000m), (alice["renewals"], alice[KpiDefaults.Collections]));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Upload_DealExportWith回款金额_ImportsDealsAndCollections_OnceWhenUploadedTwice(DatabaseProvider provider)
    {
        await using var app = UploadTestKit.NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await UploadTestKit.SeedAsync(app);
        // A CRM deal export: 合同金额 counts as deals (revenue + one contract), 回款金额 as collections.
        const string csv = "签约日期,合同金额,回款金额,客户名称\n2026-11-03,10万,4万,华为\n2026-11-04,5万,0,腾讯\n";
        var upload = UploadTestKit.Upload("deals.csv", files.Serve("deals.csv", Encoding.UTF8.GetBytes(csv)));

        var preview = await UploadTestKit.UploadAsync(app, upload);
        Assert.Equal("2", UploadTestKit.FactsOf(preview)["Rows to import"]);
        await UploadTestKit.PressAsync(app, ImportCard.ConfirmVerb, UploadTestKit.ImportIdOf(preview));
        var again = await UploadTestKit.UploadAsync(app, upload);
        await UploadTestKit.PressAsync(app, ImportCard.ConfirmVerb, UploadTestKit.ImportIdOf(again));

        var alice = await NovemberAsync(app, people.Alice);
        Assert.Equal((150_000m, 2m, 40_000m), (alice[KpiDefaults.Revenue], alice[KpiDefaults.Contracts], alice[KpiDefaults.Collections]));
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
