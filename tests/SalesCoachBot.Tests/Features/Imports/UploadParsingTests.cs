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

        var (kind, rows) = ImportColumns.Normalize(sheet);

        Assert.Equal(ImportKind.Results, kind);
        Assert.Equal(["amount", "date", "kpi"], rows[0].Cells.Keys.Order(StringComparer.Ordinal));
    }

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
