using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Tests.Features.Imports;

public sealed class UploadParsingTests
{
    [Theory]
    [InlineData("2026-11-03", 2026, 11, 3)]
    [InlineData("2026/11/3", 2026, 11, 3)]
    [InlineData("2026.1.9", 2026, 1, 9)]
    [InlineData("2026年11月3日", 2026, 11, 3)]
    [InlineData("２０２６-１１-０３", 2026, 11, 3)]
    [InlineData("2026-11-03 14:30", 2026, 11, 3)]
    public void TryParseDate_AcceptedForms_ReturnDay(string cell, int year, int month, int day)
    {
        Assert.True(UploadChecker.TryParseDate(cell, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2026-11-31")]
    [InlineData("03/11/2026")]
    [InlineData("yesterday")]
    [InlineData("1899-12-31")]
    [InlineData("46329")]
    public void TryParseDate_Refused_ReturnsFalse(string cell) => Assert.False(UploadChecker.TryParseDate(cell, out _));

    [Theory]
    [InlineData("2026-Q1", SalesPeriodKind.Quarter, "2026-01-01")]
    [InlineData("2026-q4", SalesPeriodKind.Quarter, "2026-10-01")]
    [InlineData("2026-03", SalesPeriodKind.Month, "2026-03-01")]
    [InlineData("2026-3", SalesPeriodKind.Month, "2026-03-01")]
    [InlineData("2026-W10", SalesPeriodKind.Week, "2026-03-02")]
    [InlineData("2026-W53", SalesPeriodKind.Week, "2026-12-28")]
    public void TryParsePeriod_KnownForms_ReturnPeriod(string cell, SalesPeriodKind kind, string start)
    {
        Assert.True(UploadChecker.TryParsePeriod(cell, out var period));
        Assert.Equal((kind, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)), (period.Kind, period.Start));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-13")]
    [InlineData("2027-W53")]
    [InlineData("Q1")]
    [InlineData("2026")]
    public void TryParsePeriod_Unknown_ReturnsFalse(string cell) => Assert.False(UploadChecker.TryParsePeriod(cell, out _));

    [Theory]
    [InlineData("2026年3月", null, "2026-03")]
    [InlineData("2026年03月", null, "2026-03")]
    [InlineData("２０２６年３月", null, "2026-03")]
    [InlineData("2026/3", null, "2026-03")]
    [InlineData("2026/03", null, "2026-03")]
    [InlineData("2026.12", null, "2026-12")]
    [InlineData("3月", 2026, "2026-03")]
    [InlineData("12月份", 2027, "2027-12")]
    [InlineData("2026-q1", null, "2026-Q1")]
    [InlineData("2026-W5", null, "2026-W05")]
    [InlineData("2027-W1", null, "2027-W01")]
    public void TryParsePeriod_ChineseCrmForms_StoredInOneForm(string cell, int? year, string key)
    {
        Assert.True(UploadChecker.TryParsePeriod(cell, year, out var period));
        Assert.Equal(key, UploadChecker.PeriodKey(period));
    }

    [Theory]
    [InlineData("3月", null)]
    [InlineData("2026年13月", null)]
    [InlineData("2026/13", null)]
    [InlineData("26/3", null)]
    [InlineData("2026年", 2026)]
    [InlineData("月", 2026)]
    [InlineData("2026年3月5日", 2026)]
    [InlineData("3/2026", null)]
    public void TryParsePeriod_BadChineseForms_ReturnFalse(string cell, int? year) =>
        Assert.False(UploadChecker.TryParsePeriod(cell, year, out _));

    [Fact]
    public void ParseWeights_TwelveNumbersAnySeparator_ReturnsThem()
    {
        Assert.Equal(12, UploadChecker.ParseWeights("1;1;1;1;1;1;1;1;1;1;2;3")!.Count);
        Assert.Equal(3m, UploadChecker.ParseWeights("1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3")![11]);
        Assert.Null(UploadChecker.ParseWeights("1;1;1"));
        Assert.Null(UploadChecker.ParseWeights("0;0;0;0;0;0;0;0;0;0;0;0"));
        Assert.Null(UploadChecker.ParseWeights("1;1;1;1;1;1;1;1;1;1;1;x"));
    }

    [Fact]
    public void Normalize_ChineseHeaderWithExtraColumns_TellsResultsAndKeepsKnownColumns()
    {
        var sheet = new SheetContent(["日期", "指标", "金额", "负责人部门"],
            [new SheetRow(2, new Dictionary<string, string> { ["日期"] = "2026-11-03", ["指标"] = "成交", ["金额"] = "5万", ["负责人部门"] = "华东" }, 4)]);

        var header = ImportColumns.Normalize(sheet);

        Assert.Equal(ImportKind.Results, header.Kind);
        Assert.Equal(["amount", "date", "kpi"], header.Rows[0].Cells.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new ColumnRead("日期", "date"), new ColumnRead("指标", "kpi"), new ColumnRead("金额", "amount")], header.Read);
        Assert.Equal(["负责人部门"], header.Ignored);
    }

    [Fact]
    public void Normalize_FxiaokeDealExport_RowsAreDealsAndColumnsAreNamed()
    {
        string[] header = ["商机名称", "客户名称", "负责人", "负责人邮箱", "销售金额", "结单日期", "阶段", "回款金额", "最后修改时间"];
        var cells = new Dictionary<string, string>
        {
            ["商机名称"] = "华为续约", ["客户名称"] = "华为", ["负责人"] = "Bob Li", ["负责人邮箱"] = "bob.li@contoso.com", ["销售金额"] = "50万",
            ["结单日期"] = "2026-11-03", ["阶段"] = "赢单", ["回款金额"] = "20万", ["最后修改时间"] = "2026-11-04 10:00",
        };

        var result = ImportColumns.Normalize(new SheetContent(header, [new SheetRow(2, cells, header.Length)]));

        Assert.Equal(ImportKind.Results, result.Kind);
        var row = result.Rows[0];
        Assert.Equal(("签约额", "50万", "bob.li@contoso.com", "华为", "华为续约", "赢单"),
            (row["kpi"], row["amount"], row["member"], row["customer"], row["note"], row["stage"]));
        Assert.DoesNotContain("20万", row.Cells.Values);
        Assert.Contains(new ColumnRead("销售金额", ImportColumns.DealAmount), result.Read);
        Assert.Contains(new ColumnRead("负责人邮箱", "member"), result.Read);
        Assert.Equal(["回款金额"], result.NotTracked);
        Assert.Equal(["负责人", "最后修改时间"], result.Ignored);
    }

    [Fact]
    public void Normalize_ZohoDealExportInEnglish_StageMakesRowsDeals()
    {
        string[] header = ["deal name", "deal owner", "account name", "amount", "closing date", "stage"];

        var result = ImportColumns.Normalize(new SheetContent(header, [new SheetRow(2, new Dictionary<string, string> { ["stage"] = "" }, 6)]));

        Assert.Equal(["note", "member", "customer", "amount", "date", "stage"], result.Read.Select(c => c.Column));
        Assert.Equal(("签约额", ""), (result.Rows[0].Cells["kpi"], result.Rows[0].Cells["stage"]));
    }

    [Fact]
    public void Normalize_OnlyCollectionsAmount_RefusedAsNotTracked()
    {
        var refusal = Assert.Throws<UploadRefusedException>(() => ImportColumns.Normalize(new SheetContent(["负责人", "签约日期", "回款金额"], [])));

        Assert.Equal(("imports.onlyCollections", "回款金额"), (refusal.TextKey, refusal.Args[0]));
    }

    [Fact]
    public void Normalize_KpiColumns_ReadWithTheTenantsVocabulary_OnlyByNameAndOnlyInResults()
    {
        var collections = KpiDefaults.CollectionsFor("t", "CNY");
        collections.Id = 5;
        var retired = new KpiDefinition { Id = 6, TenantId = "t", Key = "pipeline", NameEn = "Pipeline", NameZh = "商机", Unit = KpiUnit.Currency, IsActive = false };
        var vocabulary = new KpiVocabulary([collections, retired], [("收款", 5L)]);
        var cells = new Dictionary<string, string> { ["日期"] = "2026-11-03", ["回款金额"] = "2万", ["成交"] = "1", ["商机"] = "9" };

        var results = ImportColumns.Normalize(new SheetContent(["日期", "回款金额", "成交", "商机"], [new SheetRow(2, cells, 4)]), vocabulary);
        var alias = ImportColumns.Normalize(new SheetContent(["日期", "收款", "金额", "指标"], []), vocabulary);
        var targets = ImportColumns.Normalize(new SheetContent(["member", "kpi", "year", "amount", "回款"], []), vocabulary);
        var twice = Assert.Throws<UploadRefusedException>(() => ImportColumns.Normalize(new SheetContent(["日期", "回款", "collections"], []), vocabulary));

        // 回款金额 names the collections KPI; 成交 is a log word, no KPI's name; 商机 names a retired KPI: both left out.
        Assert.Equal([new ColumnRead("日期", "date"), new ColumnRead("回款金额", ImportColumns.KpiAmount)], results.Read);
        Assert.Equal(["成交", "商机"], results.Ignored);
        Assert.Empty(results.NotTracked);
        Assert.Equal("2万", results.Rows[0].Cells["kpi:collections"]);
        Assert.Contains(new ColumnRead("收款", ImportColumns.KpiAmount), alias.Read);
        Assert.Equal(["回款"], targets.Ignored);
        Assert.Equal("imports.columnTwice", twice.TextKey);
    }

    [Theory]
    [InlineData("新客户", false)]
    [InlineData("新客户数", true)]
    [InlineData("拜访次数", true)]
    [InlineData("Visits count", true)]
    [InlineData("新客户金额", false)]
    public void Normalize_CountKpiColumn_NeedsACountWord_ABareNameIsAFlagColumn(string header, bool read)
    {
        var newCustomers = new KpiDefinition { Id = 7, TenantId = "t", Key = "new-customers", NameEn = "New customers", NameZh = "新客户", Unit = KpiUnit.Count, IsActive = true };
        var visits = new KpiDefinition { Id = 8, TenantId = "t", Key = "visits", NameEn = "Visits", NameZh = "拜访", Unit = KpiUnit.Count, IsActive = true };
        var vocabulary = new KpiVocabulary([newCustomers, visits], []);

        var normalized = ImportColumns.Normalize(new SheetContent(["日期", "kpi", "amount", header], []), vocabulary);

        Assert.Equal(read, normalized.Read.Contains(new ColumnRead(header, ImportColumns.KpiAmount)));
        Assert.Equal(!read, normalized.Ignored.Contains(header));
    }

    [Theory]
    [InlineData("赢单", true)]
    [InlineData("Closed Won", true)]
    [InlineData(" 已成交 ", true)]
    [InlineData("谈判中", false)]
    [InlineData("输单", false)]
    [InlineData("Closed Lost", false)]
    [InlineData("", false)]
    public void IsWon_Stages_OnlyWonOnes(string stage, bool expected) => Assert.Equal(expected, ImportColumns.IsWon(stage));

    [Fact]
    public void Normalize_MemberAndEmailBoth_RefusedAsTwice()
    {
        var sheet = new SheetContent(["date", "kpi", "amount", "member", "email"], []);

        Assert.Equal("imports.columnTwice", Assert.Throws<UploadRefusedException>(() => ImportColumns.Normalize(sheet)).TextKey);
    }

    [Fact]
    public void Normalize_TargetsWithoutAmount_SaysWhichColumnIsMissing()
    {
        var refusal = Assert.Throws<UploadRefusedException>(() => ImportColumns.Normalize(new SheetContent(["member", "kpi", "year"], [])));

        Assert.Equal(("imports.missingTargetsColumns", "amount"), (refusal.TextKey, refusal.Args[0]));
    }

    [Theory]
    [InlineData("https://contoso.sharepoint.com/personal/alice/_layouts/15/download.aspx?UniqueId=1", true)]
    [InlineData("https://contoso-my.sharepoint.cn/x.csv", true)]
    [InlineData("https://CONTOSO.SharePoint.com./x.csv", true)]
    [InlineData("http://contoso.sharepoint.com/x.csv", false)]
    [InlineData("https://sharepoint.com/x.csv", false)]
    [InlineData("https://contoso.sharepoint.com.evil.example/x.csv", false)]
    [InlineData("https://evilsharepoint.com/x.csv", false)]
    [InlineData("https://contoso.sharepoint.com:8443/x.csv", false)]
    [InlineData("http://127.0.0.1:5000/x.csv", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsAllowed_DefaultHosts_OnlyHttpsSharePoint(string url, bool allowed)
    {
        var options = new ImportOptions { DownloadHosts = [.. ImportOptions.DefaultDownloadHosts] };
        var downloader = new FileDownloader(new NoClients(), Options.Create(options), NullLogger<FileDownloader>.Instance);

        Assert.Equal(allowed, downloader.IsAllowed(new Uri(url)));
    }

    private sealed class NoClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No download in this test.");
    }
}
