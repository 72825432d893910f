using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SalesCoachBot.Exports;

namespace SalesCoachBot.Tests.Features.Exports;

/// <summary>
/// The writers read back by other readers: the XLSX with ClosedXML (values, numeric types, Chinese headers, frozen row)
/// and validated with the Open XML SDK's validator (our stand-in for "opens in Excel and WPS"); the CSV with CsvHelper.
/// </summary>
public sealed class ExportWritersTests
{
    private static readonly string[] Hostile = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1", "-2", "@SUM(A1:A2)", "\tTAB", "\rCR"];

    private static ExportSheet Sheet(string name = "业绩 Results") => new(name, [
        new("日期 Date", ExportCellKind.Date), new("客户 Customer", ExportCellKind.Text), new("金额 Amount", ExportCellKind.Amount),
        new("得分 Score", ExportCellKind.Figure),
    ], [
        [new DateOnly(2026, 10, 12), "华为, \"深圳\"\n总部", 90_000.5m, 90m],
        [new DateOnly(2026, 10, 30), null, -2m, 120.5m],
        .. Hostile.Select(h => (IReadOnlyList<object?>)[new DateOnly(2026, 10, 31), h, 1m, 0m]),
    ]);

    [Fact]
    public void Xlsx_ReadBackWithClosedXml_HasNumbersDatesChineseHeadersAndAFrozenRow()
    {
        var bytes = XlsxBookWriter.Write([Sheet(), Sheet("Summary")]);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(["业绩 Results", "Summary"], workbook.Worksheets.Select(w => w.Name));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("日期 Date", sheet.Cell(1, 1).GetString());
        Assert.Equal("得分 Score", sheet.Cell(1, 4).GetString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 1).DataType);
        Assert.Equal(new DateTime(2026, 10, 12), sheet.Cell(2, 1).GetDateTime());
        Assert.Equal("华为, \"深圳\"\n总部", sheet.Cell(2, 2).GetString());
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 3).DataType);
        Assert.Equal(90_000.5, sheet.Cell(2, 3).GetDouble());
        Assert.Equal("#,##0.00", sheet.Cell(2, 3).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Number, sheet.Cell(3, 3).DataType);
        Assert.Equal(-2d, sheet.Cell(3, 3).GetDouble());
        Assert.True(sheet.Cell(3, 2).IsEmpty());
        Assert.InRange(sheet.Column(2).Width, 8, 50);
    }

    [Fact]
    public void Xlsx_IsValidOpenXml_AndHasNoFormula()
    {
        var bytes = XlsxBookWriter.Write([Sheet(), Sheet("a/b:c*d?e[f]g\\h and a name far longer than thirty-one")]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal("业绩 Results", names[0]);
        Assert.True(names[1].Length <= 31);
        Assert.DoesNotContain(names[1], c => "[]:*?/\\".Contains(c, StringComparison.Ordinal));
        Assert.Empty(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()));
    }

    [Fact]
    public void Xlsx_FormulaLikeText_IsNeutralisedLikeTheCsv_AndNumbersStayNumbers()
    {
        var bytes = XlsxBookWriter.Write([Sheet()]);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(1);
        for (var i = 0; i < Hostile.Length; i++)
        {
            var cell = sheet.Cell(4 + i, 2);
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            // XML reads a bare CR as a line feed; the guard in front is what matters.
            Assert.Equal("'" + Hostile[i].Replace('\r', '\n'), cell.GetString());
        }

        Assert.Equal(XLDataType.Number, sheet.Cell(3, 3).DataType);
    }

    [Fact]
    public void Csv_HasBomCrlfAndQuoting_AndReadsBackWithCsvHelper()
    {
        var bytes = CsvSheetWriter.Write(Sheet());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes[3..]);
        Assert.StartsWith("日期 Date,客户 Customer,金额 Amount,得分 Score\r\n2026-10-12,\"华为, \"\"深圳\"\"\n总部\",90000.50,90.0\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n2026-10-30,,-2.00,120.5\r\n", text, StringComparison.Ordinal);

        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = true, MalformedData = CsvMalformedDataHandling.Throw });
        List<string[]> rows = [[.. reader.Headers]];
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        Assert.Equal(["日期 Date", "客户 Customer", "金额 Amount", "得分 Score"], rows[0]);
        Assert.Equal("华为, \"深圳\"\n总部", rows[1][1]);
        Assert.Equal(90_000.5m, decimal.Parse(rows[1][2], CultureInfo.InvariantCulture));
        Assert.Equal(Hostile.Select(h => "'" + h), rows.Skip(3).Select(r => r[1]));
        Assert.Equal("-2.00", rows[2][2]);
    }

    [Fact]
    public void FileName_KeepsLettersOfAnyScript_AndNothingAFileSystemRefuses()
    {
        Assert.Equal("scorecard-Sales-Team-2026-11.xlsx", ExportText.FileName("scorecard", "Sales Team", "2026-11", ExportFormat.Xlsx));
        Assert.Equal("results-华东-销售-一部-2026-Q3.csv", ExportText.FileName("results", "华东 销售/一部", "2026-Q3", ExportFormat.Csv));
        Assert.Equal("results-etc-2026.csv", ExportText.FileName("results", "..\\..\\etc", "2026", ExportFormat.Csv));
    }
}
