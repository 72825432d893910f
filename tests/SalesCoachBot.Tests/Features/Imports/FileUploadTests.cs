using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Uploads;
using SalesCoachBot.Tests.Data;
using static SalesCoachBot.Tests.Features.Imports.UploadTestKit;

namespace SalesCoachBot.Tests.Features.Imports;

public sealed class FileUploadTests
{
    // Line 3: 31 November does not exist; line 4: no such KPI. The other three are Alice's own results.
    private const string AliceResultsCsv =
        "date,kpi,amount,customer,note\n" +
        "2026-11-03,revenue,\"120,000\",Acme,first order\n" +
        "2026/11/31,revenue,5000,Bad Date Co,\n" +
        "2026-11-05,widgets,10,Acme,\n" +
        "2026-11-06,visit,1,Contoso,\n" +
        "2026/11/10,Revenue,12万,Fabrikam,\n";

    private static readonly DateOnly November1 = new(2026, 11, 1);
    private static readonly DateOnly November30 = new(2026, 11, 30);

    private static async Task<IReadOnlyDictionary<long, KpiActual>> NovemberActualsAsync(SalesCoachBotApplication app, long memberId)
    {
        var (scope, _) = app.NewStore(TenantA);
        await using var __ = scope;
        return await scope.ServiceProvider.GetRequiredService<ResultLedger>().ActualsAsync(memberId, November1, November30);
    }

    private static byte[] Xlsx(Action<IXLWorksheet> fill)
    {
        using var workbook = new XLWorkbook();
        fill(workbook.Worksheets.Add("Export"));
        // A second sheet that must be ignored.
        workbook.Worksheets.Add("Notes").Cell(1, 1).Value = "date";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Row(IXLWorksheet sheet, int row, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                sheet.Cell(row, i + 1).Value = value;
            }
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Upload_CsvResultsWithTwoBadRows_PreviewCountsAndListsLinesWithReasons(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);

        var preview = await UploadAsync(app, Upload("november.csv", files.Serve("november.csv", Encoding.UTF8.GetBytes(AliceResultsCsv))));
        var facts = FactsOf(preview);
        Assert.Equal("november.csv", facts["File"]);
        Assert.Equal("Results", facts["Contains"]);
        Assert.Equal("5", facts["Rows found"]);
        Assert.Equal("3", facts["Rows to import"]);
        Assert.Equal("2", facts["Rows rejected"]);
        var text = CardText.Of(preview);
        Assert.Contains("Line 3: 2026/11/31 is not a date (use 2026-11-03)", text, StringComparison.Ordinal);
        Assert.Contains("Line 4: unknown KPI widgets", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Line 2:", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-03 · Alice Wang · revenue · 120,000 · Acme", text, StringComparison.Ordinal);
        Assert.True(ImportIdOf(preview) > 0);
        // Only the preview: nothing is in the ledger before Import is pressed.
        Assert.Equal((1, 0, 0), await CountsAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirm_ChineseCrmDealExport_ImportsWonDealsAndTheirCollections(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await SeedAsync(app);
        // Line 4 is still in negotiation, line 5 has no readable amount; 回款金额 counts as collections (the CNY tenant's
        // 回款 KPI), never as revenue; Alice's 0 adds nothing.
        const string crm =
            "商机名称,客户名称,负责人,签约日期,合同金额,回款金额,销售阶段,商机来源\n" +
            "华为续约,华为,Bob Li,2026/11/3,50万,20万,赢单,展会\n" +
            "腾讯新签,腾讯,Alice Wang,2026-11-05,\"120,000\",0,赢单,官网\n" +
            "阿里试点,阿里巴巴,Bob Li,2026-11-06,30万,,谈判中,官网\n" +
            "京东,京东,Bob Li,2026-11-07,abc,,赢单,官网\n";
        var chinese = ActivityBuilder.Message(null).InPersonalChat().WithLocale("zh-CN");

        var preview = await UploadAsync(app, Upload("商机.csv", files.Serve("deals.csv", Encoding.UTF8.GetBytes(crm)), from: chinese));

        var text = CardText.Of(preview);
        Assert.Contains("读取的列：商机名称 → 备注，客户名称 → 客户，负责人 → 销售代表，签约日期 → 日期，合同金额 → 签约额（销售额 + 1 份合同），回款金额 → 该指标的数值，销售阶段 → 销售阶段（只导入赢单）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("回款暂不统计", text, StringComparison.Ordinal);
        Assert.Contains("忽略的列：商机来源", text, StringComparison.Ordinal);
        Assert.Contains("第 4 行：阶段 谈判中 不是赢单", text, StringComparison.Ordinal);
        Assert.Contains("第 5 行：abc 不是有效的金额", text, StringComparison.Ordinal);
        Assert.Equal("2", FactsOf(preview)["可导入的行"]);

        await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(preview), chinese);

        var bob = await NovemberActualsAsync(app, people.Bob);
        Assert.Equal((500_000m, 1m), (bob[people.Revenue].Amount, bob[people.Contracts].Amount));
        Assert.Equal(200_000m, bob.Values.Single(a => a.Amount == 200_000m).Amount);
        Assert.Equal(3, bob.Count);
        var alice = await NovemberActualsAsync(app, people.Alice);
        Assert.Equal((120_000m, 1m), (alice[people.Revenue].Amount, alice[people.Contracts].Amount));
        Assert.Equal(2, alice.Count);
        Assert.Equal(5, (await CountsAsync(app)).Results);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Upload_CountColumnWrittenAsMoney_RejectedLineSaysItIsADealAmount(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        const string csv = "date,kpi,amount,customer\n2026-11-03,签约,50万,华为\n2026-11-04,contracts,¥3,Acme\n2026-11-05,签约,2,华为\n";

        var preview = await UploadAsync(app, Upload("contracts.csv", files.Serve("contracts.csv", Encoding.UTF8.GetBytes(csv))));

        var text = CardText.Of(preview);
        Assert.Contains("Line 2: 50万 is written as money, but Contracts signed is a count; for a deal amount use the KPI deal (or 签约额)", text, StringComparison.Ordinal);
        Assert.Contains("Line 3: ¥3 is written as money", text, StringComparison.Ordinal);
        Assert.Equal(("1", "2"), (FactsOf(preview)["Rows to import"], FactsOf(preview)["Rows rejected"]));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirm_CsvResults_RecordsValidRowsAndReimportAddsNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await SeedAsync(app);
        var url = files.Serve("november.csv", Encoding.UTF8.GetBytes(AliceResultsCsv));

        var preview = await UploadAsync(app, Upload("november.csv", url));
        var body = await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(preview));

        Assert.Contains("Imported november.csv", body, StringComparison.Ordinal);
        Assert.Contains("3 new results imported; 0 were already there.", body, StringComparison.Ordinal);
        var actuals = await NovemberActualsAsync(app, people.Alice);
        Assert.Equal(240_000m, actuals[people.Revenue].Amount);
        Assert.Equal(1m, actuals[people.Visits].Amount);
        Assert.Equal(3, (await CountsAsync(app)).Results);

        // Pressing Import again changes nothing.
        var again = await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(preview));
        Assert.Contains("already imported", again, StringComparison.Ordinal);

        // The same file uploaded and imported again: every row is found, nothing doubles.
        app.Connector.Reset();
        var reimportPreview = await UploadAsync(app, Upload("november.csv", url));
        var reimport = await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(reimportPreview));
        Assert.Contains("0 new results imported; 3 were already there.", reimport, StringComparison.Ordinal);
        Assert.Equal(240_000m, (await NovemberActualsAsync(app, people.Alice))[people.Revenue].Amount);
        Assert.Equal(3, (await CountsAsync(app)).Results);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Upload_IdOfAnotherMembersResult_RejectedLineInPreviewAndNotImported(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await SeedAsync(app);
        // Bob's own result with the id CRM-7.
        var bobPreview = await UploadAsync(app, Upload("bob.csv", files.Serve("bob.csv", Encoding.UTF8.GetBytes("id,date,kpi,amount\nCRM-7,2026-11-02,revenue,800\n")), from: AsBob()));
        Assert.Contains("1 new results imported", await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(bobPreview), AsBob().WithType("invoke")), StringComparison.Ordinal);
        app.Connector.Reset();

        // Alice claims CRM-7 for herself (line 2) next to a deal of her own (line 3).
        var csv = "id,date,kpi,amount\nCRM-7,2026-11-03,revenue,99000\nCRM-8,2026-11-04,deal,5000\n";
        var preview = await UploadAsync(app, Upload("alice.csv", files.Serve("alice.csv", Encoding.UTF8.GetBytes(csv))));
        Assert.Equal(("1", "1"), (FactsOf(preview)["Rows to import"], FactsOf(preview)["Rows rejected"]));
        Assert.Contains("Line 2: id CRM-7 belongs to another member's result", CardText.Of(preview), StringComparison.Ordinal);
        var body = await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(preview));
        Assert.Contains("1 new results imported; 0 were already there.", body, StringComparison.Ordinal);
        Assert.Equal(800m, (await NovemberActualsAsync(app, people.Bob))[people.Revenue].Amount);
        Assert.Equal(5_000m, (await NovemberActualsAsync(app, people.Alice))[people.Revenue].Amount);

        // The same in Chinese.
        app.Connector.Reset();
        var chinesePreview = await UploadAsync(app, Upload("alice.csv", files.Serve("alice-zh.csv", Encoding.UTF8.GetBytes(csv)), from: ActivityBuilder.Message(null).InPersonalChat().WithLocale("zh-CN")));
        Assert.Contains("第 2 行：编号 CRM-7 已属于其他成员的结果", CardText.Of(chinesePreview), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirm_IdTakenByAnotherMemberSincePreview_RowNotImportedAndAnswerSaysSo(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await SeedAsync(app);
        var alicePreview = await UploadAsync(app, Upload("alice.csv", files.Serve("alice.csv", Encoding.UTF8.GetBytes(
            "id,date,kpi,amount\nCRM-9,2026-11-03,revenue,99000\nCRM-10,2026-11-04,revenue,1000\n"))));
        Assert.Equal("2", FactsOf(alicePreview)["Rows to import"]);

        // Between Alice's preview and her press, Bob imports a result with the id CRM-9.
        app.Connector.Reset();
        var bobPreview = await UploadAsync(app, Upload("bob.csv", files.Serve("bob.csv", Encoding.UTF8.GetBytes("id,date,kpi,amount\nCRM-9,2026-11-02,revenue,800\n")), from: AsBob()));
        Assert.Contains("1 new results imported", await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(bobPreview), AsBob().WithType("invoke")), StringComparison.Ordinal);

        var body = await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(alicePreview));

        Assert.Contains("1 new results imported; 0 were already there.", body, StringComparison.Ordinal);
        // The invoke body is JSON, where the apostrophe is escaped.
        Assert.Contains("Lines not imported because their id belongs to another member\\u0027s result: 2.", body, StringComparison.Ordinal);
        Assert.Equal(800m, (await NovemberActualsAsync(app, people.Bob))[people.Revenue].Amount);
        Assert.Equal(1_000m, (await NovemberActualsAsync(app, people.Alice))[people.Revenue].Amount);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirm_IdenticalRowsWithoutId_CountOncePerOccurrence(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await SeedAsync(app);
        // Two equal deals on one day are two deals; a third upload of the file still adds nothing.
        const string csv = "date,kpi,amount,customer\n2026-11-04,revenue,1000,Acme\n2026-11-04,revenue,1000,Acme\n";
        var url = files.Serve("twins.csv", Encoding.UTF8.GetBytes(csv));

        var first = await UploadAsync(app, Upload("twins.csv", url));
        await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(first));
        var again = await UploadAsync(app, Upload("twins.csv", url));
        var second = await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(again));

        Assert.Contains("0 new results imported; 2 were already there.", second, StringComparison.Ordinal);
        Assert.Equal(2_000m, (await NovemberActualsAsync(app, people.Alice))[people.Revenue].Amount);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirm_XlsxResultsByManagerWithBadRows_ImportsForOwnRepOnly(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await SeedAsync(app);
        var xlsx = Xlsx(sheet =>
        {
            Row(sheet, 1, "日期", "指标", "金额", "成员", "客户", "编号");
            Row(sheet, 2, new DateTime(2026, 11, 4), "成交", "¥80,000", "bob.li@contoso.com", "Acme", "CRM-1");
            Row(sheet, 3, new DateTime(2026, 11, 5), "revenue", "abc", "Bob Li", null, "CRM-2");
            Row(sheet, 4, new DateTime(2026, 11, 6), "revenue", 1000, "carol@contoso.com", null, "CRM-3");
            Row(sheet, 5, "2026/11/7", "拜访", 2, null, null, "CRM-1");
            Row(sheet, 6, new DateTime(2026, 11, 8), "visits", 3, "Bob Li", null, "CRM-4");
        });

        var preview = await UploadAsync(app, Upload("crm.xlsx", files.Serve("crm.xlsx", xlsx)).WithLocale("zh-CN"));
        var facts = FactsOf(preview);
        Assert.Equal("业绩", facts["内容"]);
        Assert.Equal("5", facts["找到的行"]);
        Assert.Equal("2", facts["可导入的行"]);
        var text = CardText.Of(preview);
        Assert.Contains("第 3 行：abc 不是有效的金额", text, StringComparison.Ordinal);
        Assert.Contains("第 4 行：carol@contoso.com 不在你管理的团队中", text, StringComparison.Ordinal);
        Assert.Contains("第 5 行：编号 CRM-1 已在第 2 行出现", text, StringComparison.Ordinal);

        var body = await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(preview));
        // The button press comes in English this time: the summary follows the press, not the upload.
        Assert.Contains("2 new results imported; 0 were already there.", body, StringComparison.Ordinal);
        var bob = await NovemberActualsAsync(app, people.Bob);
        Assert.Equal(80_000m, bob[people.Revenue].Amount);
        Assert.Equal(1m, bob[people.Contracts].Amount);
        Assert.Equal(3m, bob[people.Visits].Amount);
        Assert.Empty(await NovemberActualsAsync(app, people.Carol));
        Assert.Empty(await NovemberActualsAsync(app, people.Alice));
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            var deal = await store.SalesResults.SingleAsync(r => r.KpiId == people.Revenue);
            Assert.Equal((ResultSources.File, "CRM-1", people.Alice, "Acme"), (deal.Source, deal.ExternalId, deal.RecordedByMemberId!.Value, deal.Customer!));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirm_XlsxTargetsByManagerWithBadRows_SetsYearlyAndOverride(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await SeedAsync(app);
        var xlsx = Xlsx(sheet =>
        {
            Row(sheet, 1, "Member", "KPI", "Year", "Amount", "Period", "Weights");
            Row(sheet, 2, "bob.li@contoso.com", "revenue", 2026, 1_200_000, null, null);
            Row(sheet, 3, "Bob Li", "Revenue", 2026, "50万", "2026-Q1", null);
            Row(sheet, 4, "carol@contoso.com", "revenue", 2026, 100, null, null);
            Row(sheet, 5, "nobody@contoso.com", "revenue", 2026, 100, null, null);
            Row(sheet, 6, "Bob Li", "visits", 2026, 50, "2026-Q5", null);
            Row(sheet, 7, "Bob Li", "visits", 2026, 120, null, "1;1;1;1;1;1;1;1;1;1;1");
        });

        var preview = await UploadAsync(app, Upload("targets.xlsx", files.Serve("targets.xlsx", xlsx)));
        var facts = FactsOf(preview);
        Assert.Equal("Targets", facts["Contains"]);
        Assert.Equal(("6", "2", "4"), (facts["Rows found"], facts["Rows to import"], facts["Rows rejected"]));
        var text = CardText.Of(preview);
        Assert.Contains("Line 4: carol@contoso.com is not in a team you manage", text, StringComparison.Ordinal);
        Assert.Contains("Line 5: no member nobody@contoso.com in your organisation", text, StringComparison.Ordinal);
        Assert.Contains("Line 6: 2026-Q5 is not a period", text, StringComparison.Ordinal);
        Assert.Contains("Line 7: weights must be twelve numbers", text, StringComparison.Ordinal);

        var body = await PressAsync(app, ImportCard.ConfirmVerb, ImportIdOf(preview));
        Assert.Contains("2 targets set.", body, StringComparison.Ordinal);
        var (scope, _) = app.NewStore(TenantA);
        await using (scope)
        {
            var plan = scope.ServiceProvider.GetRequiredService<TargetPlan>();
            Assert.Equal(1_200_000m, await plan.TargetForAsync(TargetOwner.Member(people.Bob), people.Revenue, SalesPeriod.Year(2026)));
            Assert.Equal(500_000m, await plan.TargetForAsync(TargetOwner.Member(people.Bob), people.Revenue, SalesPeriod.Quarter(2026, 1)));
            Assert.Null(await plan.TargetForAsync(TargetOwner.Member(people.Carol), people.Revenue, SalesPeriod.Year(2026)));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Upload_TargetsFromRep_SaysOnlyManagersAndStoresNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        var url = files.Serve("mine.csv", Encoding.UTF8.GetBytes("成员,指标,年,目标\nBob Li,revenue,2026,9999999\n"));

        var reply = await UploadAsync(app, Upload("mine.csv", url, from: AsBob()));
        Assert.Empty(reply.Attachments ?? []);
        Assert.Contains("Only managers", reply.Text, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirm_ByAnotherMemberOrTenant_IsNotFoundAndImportsNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        var importId = ImportIdOf(await UploadAsync(app, Upload("november.csv", files.Serve("november.csv", Encoding.UTF8.GetBytes(AliceResultsCsv)))));

        var byBob = await PressAsync(app, ImportCard.ConfirmVerb, importId, ActivityBuilder.Of("invoke").From("29:bob", "Bob Li", "aad-bob").InPersonalChat("a:personal-bob"));
        var otherTenant = await PressAsync(app, ImportCard.ConfirmVerb, importId, ActivityBuilder.Of("invoke").InPersonalChat().InTenant(TenantB));
        var cancelByBob = await PressAsync(app, ImportCard.CancelVerb, importId, ActivityBuilder.Of("invoke").From("29:bob", "Bob Li", "aad-bob").InPersonalChat("a:personal-bob"));

        Assert.Contains("cannot find that import", byBob, StringComparison.Ordinal);
        Assert.Contains("cannot find that import", otherTenant, StringComparison.Ordinal);
        Assert.Contains("cannot find that import", cancelByBob, StringComparison.Ordinal);
        Assert.Equal(0, (await CountsAsync(app)).Results);
        Assert.Equal(0, (await CountsAsync(app, TenantB)).Results);
        // Still Alice's to import.
        Assert.Contains("3 new results imported", await PressAsync(app, ImportCard.ConfirmVerb, importId), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirm_ManagerNoLongerManagesRep_RefusesAndImportsNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        var people = await SeedAsync(app);
        var importId = ImportIdOf(await UploadAsync(app, Upload("bob.csv", files.Serve("bob.csv", Encoding.UTF8.GetBytes("date,kpi,amount,member\n2026-11-03,revenue,5000,Bob Li\n")))));
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            var east = await store.SalesTeams.SingleAsync(t => t.TeamsTeamId == "19:east@thread.tacv2");
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            Assert.True(await directory.SetRoleAsync(TenantA, east.Id, people.Alice, TeamRole.Rep));
        }

        var body = await PressAsync(app, ImportCard.ConfirmVerb, importId);

        Assert.Contains("Your teams changed since the preview", body, StringComparison.Ordinal);
        Assert.Equal(0, (await CountsAsync(app)).Results);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirm_AfterPreviewExpired_RefusesAndImportsNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        var importId = ImportIdOf(await UploadAsync(app, Upload("november.csv", files.Serve("november.csv", Encoding.UTF8.GetBytes(AliceResultsCsv)))));

        ((FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var body = await PressAsync(app, ImportCard.ConfirmVerb, importId);

        Assert.Contains("This preview has expired", body, StringComparison.Ordinal);
        Assert.Equal(0, (await CountsAsync(app)).Results);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Cancel_Pending_ShowsCancelledAndLaterConfirmImportsNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        var importId = ImportIdOf(await UploadAsync(app, Upload("november.csv", files.Serve("november.csv", Encoding.UTF8.GetBytes(AliceResultsCsv)))));

        var cancelled = await PressAsync(app, ImportCard.CancelVerb, importId);
        var confirm = await PressAsync(app, ImportCard.ConfirmVerb, importId);

        Assert.Contains("Import cancelled", cancelled, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported from november.csv", cancelled, StringComparison.Ordinal);
        Assert.Contains("was cancelled", confirm, StringComparison.Ordinal);
        Assert.Equal(0, (await CountsAsync(app)).Results);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Upload_HostNotAllowed_RefusesWithoutDownloading(DatabaseProvider provider)
    {
        await using var app = NewApp(provider, allowLoopback: false);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);

        await app.PostActivityAsync(Upload("november.csv", files.Serve("november.csv", Encoding.UTF8.GetBytes(AliceResultsCsv))));
        await app.PostActivityAsync(Upload("evil.csv", "https://contoso.sharepoint.com.evil.example/evil.csv"));

        Assert.Empty(app.Connector.Updated);
        Assert.Equal(2, app.Connector.SentActivities.Count);
        Assert.All(app.Connector.SentActivities, reply => Assert.Contains("does not come from Teams file storage", reply.Text, StringComparison.Ordinal));
        Assert.Equal(0, files.Requests);
        Assert.Equal((0, 0, 0), await CountsAsync(app));
    }

    [SkippableFact]
    public async Task Upload_LargerThanLimitWithoutContentLength_RefusedWhileStreaming()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        app.Settings["Imports:MaxFileBytes"] = "2048";
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        var big = new StringBuilder("date,kpi,amount\n");
        while (big.Length < 10_000)
        {
            big.Append("2026-11-03,revenue,1\n");
        }

        var reply = await UploadAsync(app, Upload("big.csv", files.Serve("big.csv", Encoding.UTF8.GetBytes(big.ToString()), chunked: true)));
        Assert.Contains("larger than", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, files.Requests);
        Assert.Equal((0, 0, 0), await CountsAsync(app));
    }

    [SkippableFact]
    public async Task Upload_UnsupportedType_SaysSoAtOnceWithoutDownloading()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);

        var replies = await app.Chat().SendAsync(Upload("notes.docx", files.Serve("notes.docx", [0x50, 0x4B, 0x03, 0x04])));

        Assert.Contains("CSV and XLSX files only", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Empty(app.Connector.Updated);
        Assert.Equal(0, files.Requests);
        Assert.Equal((0, 0, 0), await CountsAsync(app));
    }

    [SkippableTheory]
    [InlineData("broken.xlsx", "not a valid CSV or XLSX")]
    [InlineData("people.csv", "cannot tell what the file holds")]
    public async Task Upload_UnusableFile_SaysWhyAndStoresNothing(string fileName, string expected)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        var content = fileName == "people.csv" ? Encoding.UTF8.GetBytes("name,email\nBob,bob@contoso.com\n") : [0x50, 0x4B, 0x03, 0x04, 0x00, 0x13, 0x37];

        var reply = await UploadAsync(app, Upload(fileName, files.Serve(fileName, content)));
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync(app));
    }

    [SkippableTheory]
    [InlineData("wide-sparse", "en-US", "The sheet spans more than 50 columns.")]
    [InlineData("wide-sparse", "zh-CN", "工作表超过 50 列。")]
    [InlineData("zip-bomb", "en-US", "I did not open the file: unpacked it would be larger than 64 MB")]
    [InlineData("zip-bomb", "zh-CN", "我没有打开该文件：它解压后会超过 64 MB")]
    public async Task Upload_HostileWorkbook_RefusedInMembersLanguageAndStoresNothing(string workbook, string locale, string expected)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        var content = workbook == "wide-sparse" ? HostileWorkbooks.WideSparse() : HostileWorkbooks.ZipBomb();

        var reply = await UploadAsync(app, Upload("crm.xlsx", files.Serve("crm.xlsx", content)).WithLocale(locale));
        Assert.StartsWith(expected, reply.Text, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync(app));
    }

    [SkippableFact]
    public async Task Upload_Gb18030CsvFromChineseExcel_IsRead()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("日期,指标,金额,客户\r\n2026-11-03,成交,5万,华东电子\r\n");

        var preview = await UploadAsync(app, Upload("导出.csv", files.Serve("gbk.csv", gbk)).WithLocale("zh-CN"));
        Assert.Equal("1", FactsOf(preview)["可导入的行"]);
        Assert.Contains("华东电子", CardText.Of(preview), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Upload_InChannel_PointsToPersonalChatWithoutDownloading(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);

        await app.PostActivityAsync(Upload("november.csv", files.Serve("november.csv", Encoding.UTF8.GetBytes(AliceResultsCsv)),
            from: ActivityBuilder.Message(null).InChannel()));

        var reply = Assert.Single(app.Connector.SentActivities);
        Assert.Contains("1:1 chat", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, files.Requests);
        Assert.Equal((0, 0, 0), await CountsAsync(app));
    }

    [SkippableFact]
    public async Task Message_WithoutFile_PassesToCommands()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        await SeedAsync(app);

        await app.PostActivityAsync(ActivityBuilder.Message("targets").InPersonalChat());

        Assert.Contains("This month", CardText.Of(Assert.Single(app.Connector.SentActivities)), StringComparison.Ordinal);
    }
}
