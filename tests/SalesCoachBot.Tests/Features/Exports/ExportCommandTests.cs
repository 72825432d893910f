using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Scorecards;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Exports;

/// <summary>
/// <c>export</c> · <c>导出</c> through the app and the fake connector: Mia manages East Sales (Alice, Bob, Carol) on
/// 18 November 2026; last month is October: Alice 90,000 and Bob 205,000 of 100,000 revenue each, Carol no target.
/// </summary>
public sealed class ExportCommandTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Export_ManagerScorecardLastMonth_GetsAConsentCardAndALinkToTheSameNumbersAsTheScorecard(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await ExportWorld.CreateAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("export scorecard last month"));

        var answer = Assert.Single(app.Connector.SentActivities);
        var (attachment, content) = ExportWorld.Consent(answer);
        Assert.Equal("scorecard-East-Sales-2026-10.xlsx", attachment.Name);
        Assert.Equal("Scorecards of East Sales, October 2026", content.GetProperty("description").GetString());
        Assert.Contains("within 15 minutes", answer.Text, StringComparison.Ordinal);
        var link = ExportWorld.Link(answer.Text);
        Assert.DoesNotContain("East", link, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", link, StringComparison.Ordinal);

        using var download = await ExportWorld.DownloadAsync(app, link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(ExportWorld.XlsxType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("scorecard-East-Sales-2026-10.xlsx", download.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(content.GetProperty("sizeInBytes").GetInt64(), bytes.LongLength);

        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
        }

        using var workbook = ExportWorld.Workbook(bytes);
        Assert.Equal(["Scorecard", "Summary"], workbook.Worksheets.Select(w => w.Name));
        var detail = workbook.Worksheet(1);
        Assert.Equal(["Rep", "E-mail", "KPI", "Unit", "Target", "Actual", "Attainment %", "Score", "Weight %", "Weighted points"],
            detail.Row(1).Cells(1, 10).Select(c => c.GetString()));
        // Bob first (120, capped at 205 %), then Alice (90); Carol has no target and no score.
        Assert.Equal(["Bob Li", "bob@contoso.com", "Revenue", "CNY"], detail.Row(2).Cells(1, 4).Select(c => c.GetString()));
        Assert.Equal([100_000d, 205_000d, 205d, 120d, 100d, 120d], detail.Row(2).Cells(5, 10).Select(c => c.GetDouble()));
        Assert.Equal(("Total score", 120d), (detail.Cell(3, 3).GetString(), detail.Cell(3, 10).GetDouble()));
        Assert.Equal(("Alice Wang", 90_000d, 90d), (detail.Cell(4, 1).GetString(), detail.Cell(4, 6).GetDouble(), detail.Cell(4, 10).GetDouble()));
        Assert.Equal(("Carol Chen", "Total score", true), (detail.Cell(6, 1).GetString(), detail.Cell(6, 3).GetString(), detail.Cell(6, 10).IsEmpty()));

        // The same calculation as the scorecard card: the reader's totals, rounded as the card shows them.
        var summary = workbook.Worksheet(2);
        Assert.Equal((1d, 1), (summary.Cell(2, 1).GetDouble(), summary.Cell(2, 1).Style.NumberFormat.NumberFormatId));
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var scorecard = await scope.ServiceProvider.GetRequiredService<ScorecardReader>()
                .ReadAsync(TeamWorld.TenantA, world.TeamId, SalesPeriod.Month(2026, 10), "en-US", null, CancellationToken.None);
            var expected = scorecard!.Reps.Select(r => (r.Name, r.Score.Total is { } t ? (double?)(double)ScorecardCalculator.Round(t) : null)).ToList();
            var actual = Enumerable.Range(2, 3).Select(row => (summary.Cell(row, 2).GetString(), summary.Cell(row, 4).IsEmpty() ? null : (double?)summary.Cell(row, 4).GetDouble())).ToList();
            Assert.Equal(expected, actual);
        }

        await app.PostActivityAsync(TeamWorld.Personal("scorecard last month"));
        var card = app.Connector.SentActivities[^1].CardText();
        TeamWorld.AssertInOrder(card, "1. Bob Li", "120", "2. Alice Wang", "90");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Export_ChineseResultsCsv_HasBomChineseHeadersAndTheLedgersRows(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await ExportWorld.CreateAsync(app);

        await app.PostActivityAsync(TeamWorld.Personal("导出 业绩 上月 csv").WithLocale("zh-CN"));

        var answer = Assert.Single(app.Connector.SentActivities);
        var (attachment, content) = ExportWorld.Consent(answer);
        Assert.Equal("results-East-Sales-2026-10.csv", attachment.Name);
        Assert.Equal("East Sales 的业绩明细，2026年10月", content.GetProperty("description").GetString());
        Assert.Contains("15 分钟内下载", answer.Text, StringComparison.Ordinal);

        using var download = await ExportWorld.DownloadAsync(app, ExportWorld.Link(answer.Text));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("日期,销售,邮箱,指标,金额,客户,备注,来源,外部编号", lines[0]);

        var (scope, store) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var october = await store.SalesResults.AsNoTracking()
                .Where(r => r.OccurredOn >= new DateOnly(2026, 10, 1) && r.OccurredOn <= new DateOnly(2026, 10, 31) && r.UndoneAt == null)
                .OrderBy(r => r.OccurredOn).ThenBy(r => r.Id).ToListAsync();
            Assert.Equal(3, october.Count);
            Assert.Equal(october.Count, lines.Length - 1);
            Assert.Equal($"2026-10-12,Alice Wang,alice@contoso.com,销售额,90000.00,,,{october[0].Source},{october[0].ExternalId}", lines[1]);
            Assert.StartsWith("2026-10-30,Bob Li,bob@contoso.com,销售额,200000.00,", lines[3], StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Export_RepChannelGroupChatAndAnotherTeamsManager_AreRefused_WithNoFileAndNoLink(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await ExportWorld.CreateAsync(app);
        await ExportWorld.AddWestAsync(app, "29:walt", "Walt West");

        await app.PostActivityAsync(TeamWorld.Personal("export scorecard", "29:alice", "Alice Wang"));
        await app.PostActivityAsync(TeamWorld.Channel("export scorecard last month", TeamWorld.Manager, TeamWorld.ManagerName));
        await app.PostActivityAsync(ActivityBuilder.Message("导出 绩效").InTenant(TeamWorld.TenantA).InGroupChat("19:group").From(TeamWorld.Manager, TeamWorld.ManagerName).WithLocale("zh-CN"));
        await app.PostActivityAsync(TeamWorld.Personal("export scorecard last month East Sales", "29:walt", "Walt West"));
        await app.PostActivityAsync(TeamWorld.Personal("export results last month West Sales"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(5, sent.Count);
        Assert.All(sent, s => Assert.Empty(s.Attachments ?? []));
        Assert.All(sent, s => Assert.DoesNotContain("/exports/", s.Text, StringComparison.Ordinal));
        Assert.Equal("Only a team's managers can export its scorecards and results.", sent[0].Text);
        Assert.StartsWith("Exports hold private numbers: I only send them in our 1:1 chat.", sent[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("导出文件包含私密数据", sent[2].Text, StringComparison.Ordinal);
        Assert.Equal("You don't manage a team called “East Sales”. Your teams: West Sales.", sent[3].Text);
        Assert.Equal("You don't manage a team called “West Sales”. Your teams: East Sales.", sent[4].Text);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Export_ManagerOfSeveralTeams_MustNameOne(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await ExportWorld.CreateAsync(app);
        await ExportWorld.AddWestAsync(app, TeamWorld.Manager, TeamWorld.ManagerName);

        await app.PostActivityAsync(TeamWorld.Personal("export scorecard"));
        await app.PostActivityAsync(TeamWorld.Personal("export results 2026-11 West Sales csv"));
        await app.PostActivityAsync(TeamWorld.Personal("export East last month"));

        var sent = app.Connector.SentActivities;
        Assert.Equal(3, sent.Count);
        Assert.Empty(sent[0].Attachments ?? []);
        Assert.Equal("You manage 2 teams: East Sales, West Sales. Name the one to export, e.g. “export scorecard last month East Sales”.", sent[0].Text);
        Assert.Equal("results-West-Sales-2026-11.csv", ExportWorld.Consent(sent[1]).Attachment.Name);
        Assert.Equal("scorecard-East-Sales-2026-10.xlsx", ExportWorld.Consent(sent[2]).Attachment.Name);
    }
}
