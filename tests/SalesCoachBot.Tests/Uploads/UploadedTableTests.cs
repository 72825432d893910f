using System.Text;
using ClosedXML.Excel;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Tests.Uploads;

public sealed class UploadedTableTests
{
    [Theory]
    [InlineData("text/csv", "x.xlsx", null)]
    [InlineData("csv", "export.bin", "Csv")]
    [InlineData(".XLSX", null, "Xlsx")]
    [InlineData(null, "Export.CSV", "Csv")]
    [InlineData("", "book.xlsx", "Xlsx")]
    [InlineData(null, "notes.txt", null)]
    public void FormatOf_TypeOrElseExtension_TellsCsvOrXlsx(string? fileType, string? fileName, string? expected) =>
        Assert.Equal(expected, UploadedTable.FormatOf(fileType, fileName)?.ToString());

    [Fact]
    public void ReadCsv_Utf8BomSemicolonsAndFormulaEscape_ReadsCellsWithLines()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Date;KPI;Amount;Note\n2026-11-03;revenue;100;'=SUM(A1)\n\n2026-11-04;visit;1;\"a;b\"\n")).ToArray();

        var sheet = UploadedTable.ReadCsv(bytes, new UploadLimits(100));

        Assert.Equal(["date", "kpi", "amount", "note"], sheet.Header);
        Assert.Equal(2, sheet.Rows.Count);
        Assert.Equal((2, "=SUM(A1)"), (sheet.Rows[0].Line, sheet.Rows[0]["note"]));
        Assert.Equal((4, "a;b"), (sheet.Rows[1].Line, sheet.Rows[1]["note"]));
    }

    [Fact]
    public void ReadCsv_Utf16WithBomAndTabs_ReadsCells()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("email\tname\r\nzoe@contoso.com\tZoë Müller\r\n")).ToArray();

        var sheet = UploadedTable.ReadCsv(bytes, new UploadLimits(100));

        Assert.Equal(["email", "name"], sheet.Header);
        Assert.Equal("Zoë Müller", Assert.Single(sheet.Rows)["name"]);
    }

    [Fact]
    public void ReadCsv_Gb18030_ReadsChineseText()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("日期,指标,金额\r\n2026-11-03,成交,5万\r\n");

        var sheet = UploadedTable.ReadCsv(bytes, new UploadLimits(100));

        Assert.Equal(["日期", "指标", "金额"], sheet.Header);
        Assert.Equal("5万", Assert.Single(sheet.Rows)["金额"]);
    }

    [Fact]
    public void ReadCsv_LinesWithTooFewOrTooManyFields_KeepTheirFieldCount()
    {
        var csv = "email,name\na@contoso.com,\"Amy\nAnn\"\nb@contoso.com\nc@contoso.com,C,extra\n";

        var sheet = UploadedTable.ReadCsv(Encoding.UTF8.GetBytes(csv), new UploadLimits(100));

        Assert.Equal([(2, 2), (4, 1), (5, 3)], sheet.Rows.Select(r => (r.Line, r.FieldCount)));
        Assert.Equal("Amy\nAnn", sheet.Rows[0]["name"]);
        Assert.Null(sheet.Rows[1]["name"]);
        Assert.Equal(["email", "name"], sheet.Rows[2].Cells.Keys);
    }

    [Fact]
    public void ReadCsv_MoreRowsThanLimit_Refused()
    {
        var csv = "date,kpi,amount\n" + string.Concat(Enumerable.Repeat("2026-11-03,revenue,1\n", 11));

        var refusal = Assert.Throws<UploadRefusedException>(() => UploadedTable.ReadCsv(Encoding.UTF8.GetBytes(csv), new UploadLimits(10)));

        Assert.Equal(("imports.tooManyRows", 10), (refusal.TextKey, refusal.Args[0]));
        Assert.Contains("more than 10 rows", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_NotUtf8NorGb18030_SaysEncoding()
    {
        // 0x80 alone is invalid in UTF-8 and in GB18030.
        var refusal = Assert.Throws<UploadRefusedException>(() => UploadedTable.ReadCsv([0x64, 0x61, 0x74, 0x65, 0x0A, 0x80], new UploadLimits(10)));

        Assert.Equal("imports.encoding", refusal.TextKey);
        Assert.Contains("UTF-8", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_InvalidUtf8AfterBom_SaysEncoding()
    {
        // With a UTF-8 byte order mark the file says what it is: no GB18030 guess.
        var refusal = Assert.Throws<UploadRefusedException>(() => UploadedTable.ReadCsv([0xEF, 0xBB, 0xBF, 0x61, 0x0A, 0xC4, 0x41], new UploadLimits(10)));

        Assert.Equal("imports.encoding", refusal.TextKey);
    }

    [Theory]
    [InlineData("email,name\na@contoso.com,A\0\n", "imports.unreadable", "NUL")]
    [InlineData("email,name\na@contoso.com,\"Amy\n", "imports.unreadable", "not valid CSV")]
    [InlineData("", "imports.empty", "empty")]
    [InlineData("\n\n", "imports.empty", "empty")]
    public void ReadCsv_UnusableFile_RefusedWithKeyAndEnglishMessage(string csv, string key, string message)
    {
        var refusal = Assert.Throws<UploadRefusedException>(() => UploadedTable.ReadCsv(Encoding.UTF8.GetBytes(csv), new UploadLimits(10)));

        Assert.Equal(key, refusal.TextKey);
        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadXlsx_FirstSheetWithDatesNumbersAndBlankRow_ReadsRowsWithExcelLines()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Export");
        sheet.Cell(2, 2).Value = "Date";
        sheet.Cell(2, 3).Value = "Amount";
        sheet.Cell(3, 2).Value = new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Unspecified);
        sheet.Cell(3, 3).Value = 1234.5;
        sheet.Cell(5, 2).Value = "2026-11-04";
        sheet.Cell(5, 3).Value = 7;
        workbook.Worksheets.Add("Notes").Cell(1, 1).Value = "ignored";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var table = UploadedTable.Read(SheetFormat.Xlsx, stream.ToArray(), new UploadLimits(100));

        Assert.Equal(["date", "amount"], table.Header);
        Assert.Equal([(2, "2026-11-03", "1234.5"), (4, "2026-11-04", "7")], table.Rows.Select(r => (r.Line, r["date"], r["amount"])));
        Assert.All(table.Rows, r => Assert.Equal(2, r.FieldCount));
    }

    [Fact]
    public void ReadXlsx_NotAWorkbook_Unreadable()
    {
        var refusal = Assert.Throws<UploadRefusedException>(() => UploadedTable.Read(SheetFormat.Xlsx, Encoding.UTF8.GetBytes("date,kpi\n"), new UploadLimits(10)));

        Assert.Equal("imports.unreadable", refusal.TextKey);
    }

    [Fact]
    public void ReadXlsx_WideSparseSheet_RefusedAsTooManyColumnsWithoutWalkingTheGrid()
    {
        var wideSparse = HostileWorkbooks.WideSparse();
        Assert.True(wideSparse.Length < 16 * 1024, $"the file is {wideSparse.Length} bytes");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Assert.Throws<UploadRefusedException>(() => UploadedTable.Read(SheetFormat.Xlsx, wideSparse, new UploadLimits(20_000)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(("imports.tooManyColumns", 50), (refusal.TextKey, refusal.Args[0]));
        Assert.Contains("more than 50 columns", refusal.Message, StringComparison.Ordinal);
        // Measured about 3 MB (the package and its parts opened); walking the 327 million cells of its used range, as the
        // reader did before, allocates gigabytes.
        Assert.True(allocated < 8 * 1024 * 1024, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void ReadXlsx_ZipBomb_RefusedBeforeUnpacking()
    {
        var bomb = HostileWorkbooks.ZipBomb();
        Assert.True(bomb.Length < 200 * 1024, $"the file is {bomb.Length} bytes");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Assert.Throws<UploadRefusedException>(() => UploadedTable.Read(SheetFormat.Xlsx, bomb, new UploadLimits(20_000)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(("imports.unpackedTooLarge", 64m), (refusal.TextKey, refusal.Args[0]));
        Assert.Contains("times its packed size", refusal.Message, StringComparison.Ordinal);
        // Only the zip's directory is read: the 20 MB of the sheet are never unpacked.
        Assert.True(allocated < 1024 * 1024, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void ReadXlsx_EntryLyingAboutItsSize_UnreadableAfterTheDeclaredBytes()
    {
        var lying = HostileWorkbooks.LyingAboutSize();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Assert.Throws<UploadRefusedException>(() => UploadedTable.Read(SheetFormat.Xlsx, lying, new UploadLimits(20_000)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The zip reader stops inflating at the declared 1,000 bytes, so the sheet's XML ends unclosed: the 20 MB it
        // really holds are never unpacked.
        Assert.Equal("imports.unreadable", refusal.TextKey);
        Assert.True(allocated < 8 * 1024 * 1024, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void ReadXlsx_UnpacksToMoreThanLimit_Refused()
    {
        // Numbers pack a few times only, so the ratio passes and the total does not.
        var workbook = HostileWorkbooks.WithSheet(writer =>
        {
            writer.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var i = 0; i < 200_000; i++)
            {
                writer.Write($"<row r=\"{i + 1}\"><c r=\"A{i + 1}\"><v>{i * 7919 % 100_003}</v></c></row>");
            }

            writer.Write("</sheetData></worksheet>");
        });

        var refusal = Assert.Throws<UploadRefusedException>(
            () => UploadedTable.Read(SheetFormat.Xlsx, workbook, new UploadLimits(1_000_000, MaxUnpackedBytes: 1024 * 1024)));

        Assert.Equal(("imports.unpackedTooLarge", 1m), (refusal.TextKey, refusal.Args[0]));
        Assert.Contains("unpacks to more than 1048576 bytes", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadXlsx_MoreZipEntriesThanLimit_Refused()
    {
        var refusal = Assert.Throws<UploadRefusedException>(
            () => UploadedTable.Read(SheetFormat.Xlsx, HostileWorkbooks.ManyEntries(UploadLimits.MaxZipEntries), new UploadLimits(10)));

        Assert.Equal("imports.unpackedTooLarge", refusal.TextKey);
        Assert.Contains("more than 1000 entries", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50, null)]
    [InlineData(49, "imports.tooManyColumns")]
    public void ReadXlsx_ColumnsAgainstLimit_ReadOrRefused(int maxColumns, string? refusedWith)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Export");
        // Columns B to AY: 50 wide, however many are filled.
        sheet.Cell(1, 2).Value = "Date";
        sheet.Cell(1, 51).Value = "Note";
        sheet.Cell(2, 2).Value = "2026-11-03";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var read = () => UploadedTable.Read(SheetFormat.Xlsx, stream.ToArray(), new UploadLimits(10, maxColumns));

        if (refusedWith is null)
        {
            var table = read();
            Assert.Equal(50, table.Header.Count);
            Assert.Equal(("2026-11-03", 50), (Assert.Single(table.Rows)["date"], table.Rows[0].FieldCount));
        }
        else
        {
            Assert.Equal(refusedWith, Assert.Throws<UploadRefusedException>(read).TextKey);
        }
    }

    [Fact]
    public void ReadXlsx_MoreRowsThanLimit_Refused()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Export");
        sheet.Cell(1, 1).Value = "date";
        sheet.Cell(12, 1).Value = "2026-11-03";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var refusal = Assert.Throws<UploadRefusedException>(() => UploadedTable.Read(SheetFormat.Xlsx, stream.ToArray(), new UploadLimits(10)));

        Assert.Equal(("imports.tooManyRows", 10), (refusal.TextKey, refusal.Args[0]));
    }

    [Fact]
    public void ReadXlsx_CellKinds_ReadAsTheyShow()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Export");
        sheet.Cell(1, 1).Value = "Date";
        sheet.Cell(1, 2).Value = "Amount";
        sheet.Cell(1, 3).Value = "Won";
        sheet.Cell(1, 4).Value = "Total";
        sheet.Cell(1, 5).Value = "Customer";
        sheet.Cell(2, 1).Value = new DateTime(2026, 11, 3, 14, 30, 0, DateTimeKind.Unspecified);
        sheet.Cell(2, 2).Value = 0.1;
        sheet.Cell(2, 3).Value = true;
        // Text that looks like a formula stays text.
        sheet.Cell(2, 4).Value = "'=SUM(B2)";
        sheet.Cell(2, 5).Value = " 华东电子 ";
        // Chinese Excel's date format, as a custom code with quoted text.
        sheet.Cell(3, 1).Value = 46329;
        sheet.Cell(3, 1).Style.NumberFormat.Format = "yyyy\"年\"m\"月\"d\"日\"";
        sheet.Cell(3, 2).Value = 1e20;
        // A number with a time-only format stays a number.
        sheet.Cell(3, 3).Value = 0.5;
        sheet.Cell(3, 3).Style.NumberFormat.NumberFormatId = 20;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var table = UploadedTable.Read(SheetFormat.Xlsx, stream.ToArray(), new UploadLimits(10));

        Assert.Equal(["date", "amount", "won", "total", "customer"], table.Header);
        Assert.Equal(("2026-11-03 14:30", "0.1", "True", "=SUM(B2)", "华东电子"),
            (table.Rows[0]["date"], table.Rows[0]["amount"], table.Rows[0]["won"], table.Rows[0]["total"], table.Rows[0]["customer"]));
        Assert.Equal(("2026-11-03", "1E+20", "0.5"), (table.Rows[1]["date"], table.Rows[1]["amount"], table.Rows[1]["won"]));
    }

    [Fact]
    public void ReadXlsx_InlineStringsAndCellsWithoutReferences_ReadInPlace()
    {
        // What some exporters write: inline strings, rich-text runs, and rows and cells that leave out their position.
        var workbook = HostileWorkbooks.WithSheet(writer => writer.Write(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
            "<row><c t=\"inlineStr\"><is><t>Date</t></is></c><c t=\"inlineStr\"><is><r><t>Cus</t></r><r><t>tomer</t></r></is></c></row>" +
            "<row r=\"3\"><c t=\"inlineStr\"><is><t>2026-11-03</t></is></c><c t=\"str\"><f>\"Acme\"</f><v>Acme</v></c><c><f>1+1</f><v>2</v></c></row>" +
            "</sheetData></worksheet>"));

        var table = UploadedTable.Read(SheetFormat.Xlsx, workbook, new UploadLimits(10));

        Assert.Equal(["date", "customer", ""], table.Header);
        Assert.Equal((3, "2026-11-03", "Acme", "2"), (Assert.Single(table.Rows).Line, table.Rows[0]["date"], table.Rows[0]["customer"], table.Rows[0][""]));
    }

    [Fact]
    public void ReadCsv_HeaderWiderThanLimit_Refused()
    {
        var csv = string.Join(',', Enumerable.Range(1, 51).Select(i => $"c{i}")) + "\n1\n";

        var refusal = Assert.Throws<UploadRefusedException>(() => UploadedTable.ReadCsv(Encoding.UTF8.GetBytes(csv), new UploadLimits(10)));

        Assert.Equal(("imports.tooManyColumns", 50), (refusal.TextKey, refusal.Args[0]));
    }

    [Theory]
    [InlineData(10, null, true)]
    [InlineData(10, 10L, true)]
    [InlineData(9, null, false)]
    [InlineData(100, 101L, false)] // a declared length over the limit is refused before reading
    public async Task ReadLimitedAsync_BodyAgainstLimit_BytesOrNull(long maxBytes, long? declaredLength, bool read)
    {
        using var body = new MemoryStream(Encoding.ASCII.GetBytes("0123456789"));

        var content = await UploadedTable.ReadLimitedAsync(body, declaredLength, maxBytes, CancellationToken.None);

        Assert.Equal(read ? "0123456789" : null, content is null ? null : Encoding.ASCII.GetString(content));
    }
}
