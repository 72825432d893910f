using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SalesCoachBot.Exports;

/// <summary>
/// Sheets as an OOXML workbook (DocumentFormat.OpenXml; no formula is ever written): text as shared strings (neutralised
/// like the CSV, see <see cref="ExportText.Neutralise"/>, so both files read alike), amounts and figures as numbers with a
/// number format (#,##0.00, 0.0 and 0), dates as date serials formatted yyyy-mm-dd, a bold header row frozen at the top,
/// column widths from the content, and sheet names within Excel's rules.
/// </summary>
internal static class XlsxBookWriter
{
    // Indexes into the cell formats of Stylesheet().
    private const uint HeaderStyle = 1;
    private const uint AmountStyle = 2;
    private const uint FigureStyle = 3;
    private const uint DateStyle = 4;
    private const uint WholeStyle = 5;

    public static byte[] Write(IReadOnlyList<ExportSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            // Fixed relationship ids (the SDK picks random ones): the same export is the same file, byte for byte but the zip's times.
            workbook.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = Stylesheet();
            var strings = new SharedStrings();
            var list = new Sheets();
            var taken = new List<string>();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>("rIdSheet" + sheetId.ToString(CultureInfo.InvariantCulture));
                part.Worksheet = Worksheet(sheet, strings, selected: sheetId == 1);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = ExportText.SheetName(sheet.Name, taken) });
            }

            workbook.Workbook.Append(list);
            workbook.AddNewPart<SharedStringTablePart>("rIdStrings").SharedStringTable = strings.Table();
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Worksheet(ExportSheet sheet, SharedStrings strings, bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0U, TabSelected = selected };
        view.Append(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });

        var columns = new Columns();
        for (var at = 0; at < sheet.Columns.Count; at++)
        {
            columns.Append(new Column { Min = (uint)at + 1, Max = (uint)at + 1, Width = Width(sheet, at), CustomWidth = true });
        }

        var data = new SheetData();
        var header = new Row { RowIndex = 1U };
        for (var at = 0; at < sheet.Columns.Count; at++)
        {
            header.Append(TextCell(Reference(at, 1), sheet.Columns[at].Header, strings, HeaderStyle));
        }

        data.Append(header);
        uint rowIndex = 2;
        foreach (var values in sheet.Rows)
        {
            var row = new Row { RowIndex = rowIndex };
            for (var at = 0; at < values.Count && at < sheet.Columns.Count; at++)
            {
                if (Cell(Reference(at, rowIndex), sheet.Columns[at].Kind, values[at], strings) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
            rowIndex++;
        }

        var worksheet = new Worksheet();
        worksheet.Append(new SheetViews(view), columns, data);
        return worksheet;
    }

    private static Cell? Cell(string reference, ExportCellKind kind, object? value, SharedStrings strings) => value switch
    {
        null => null,
        decimal number => new Cell
        {
            CellReference = reference,
            DataType = CellValues.Number,
            StyleIndex = kind switch { ExportCellKind.Figure => FigureStyle, ExportCellKind.Whole => WholeStyle, _ => AmountStyle },
            CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
        },
        DateOnly date => new Cell
        {
            CellReference = reference,
            StyleIndex = DateStyle,
            CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        _ => TextCell(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, strings, 0U),
    };

    private static Cell TextCell(string reference, string text, SharedStrings strings, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.SharedString,
        StyleIndex = style,
        CellValue = new CellValue(strings.IndexOf(ExportText.Neutralise(text)).ToString(CultureInfo.InvariantCulture)),
    };

    // Wide enough for the longest cell (a CJK character takes two), between 8 and 50 characters.
    private static double Width(ExportSheet sheet, int at)
    {
        var column = sheet.Columns[at];
        var longest = Math.Max(Display(column.Header), column.Width);
        foreach (var row in sheet.Rows.Take(1000))
        {
            var value = at < row.Count ? row[at] : null;
            longest = Math.Max(longest, value switch
            {
                null => 0,
                decimal number => number.ToString("#,##0.00", CultureInfo.InvariantCulture).Length,
                DateOnly => 10,
                _ => Display(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
            });
        }

        return Math.Clamp(longest + 2, 8, 50);
    }

    private static double Display(string text) => text.Sum(c => c >= '\u2E80' ? 2 : 1);

    private static string Reference(int column, uint row)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    private static Stylesheet Stylesheet()
    {
        var stylesheet = new Stylesheet();
        stylesheet.Append(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164U, FormatCode = "#,##0.00" },
                new NumberingFormat { NumberFormatId = 165U, FormatCode = "0.0" },
                new NumberingFormat { NumberFormatId = 166U, FormatCode = "yyyy-mm-dd" }) { Count = 3U },
            new Fonts(
                new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" })) { Count = 2U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
                new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
                new CellFormat { NumberFormatId = 164U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 166U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
                // Built-in format 1: "0".
                new CellFormat { NumberFormatId = 1U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true }) { Count = 6U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
        return stylesheet;
    }

    // The workbook's shared strings: each distinct text once; characters XML cannot hold are left out.
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];

        public int IndexOf(string text)
        {
            var clean = XmlSafe(text);
            if (!_index.TryGetValue(clean, out var at))
            {
                at = _texts.Count;
                _index[clean] = at;
                _texts.Add(clean);
            }

            return at;
        }

        public SharedStringTable Table()
        {
            var table = new SharedStringTable { Count = (uint)_texts.Count, UniqueCount = (uint)_texts.Count };
            foreach (var text in _texts)
            {
                table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return table;
        }

        private static string XmlSafe(string text)
        {
            if (text.All(XmlConvert.IsXmlChar))
            {
                return text;
            }

            var safe = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (XmlConvert.IsXmlChar(text[i]))
                {
                    safe.Append(text[i]);
                }
                else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                {
                    safe.Append(text[i]).Append(text[i + 1]);
                    i++;
                }
            }

            return safe.ToString();
        }
    }
}
