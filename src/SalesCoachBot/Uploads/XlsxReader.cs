using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SalesCoachBot.Uploads;

/// <summary>
/// Reads the first worksheet of an XLSX as a stream of the cells that exist (Open XML SDK's SAX reader), never the
/// grid between them, after checking the zip itself: a few-KB file must not make us walk millions of empty cells or
/// unpack gigabytes. First used row = header; columns from the first to the last used column; date cells become
/// yyyy-MM-dd (yyyy-MM-dd HH:mm with a time), numbers invariant text, formulas their cached value.
/// </summary>
internal static class XlsxReader
{
    // Excel's built-in number formats that show a date: 14–17 and 22, and the East Asian date formats 27–36 and 50–58
    // (what Chinese Excel gives "2026年11月3日"). 18–21 and 45–47 show a time only and stay numbers.
    private static readonly HashSet<uint> BuiltInDateFormats = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    public static SheetContent Read(byte[] content, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            CheckZip(content, limits);
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes });
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
            {
                throw EmptyRefused();
            }

            var strings = SharedStrings(workbook.SharedStringTablePart, limits);
            var dateStyles = DateStyles(workbook.WorkbookStylesPart);
            return ReadSheet(sheet, strings, dateStyles, limits);
        }
        catch (UploadRefusedException)
        {
            throw;
        }
#pragma warning disable CA1031 // The zip reader and the Open XML SDK throw many types for a broken file; any of them means "unreadable".
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new UploadRefusedException(UploadTextKeys.Unreadable, [], "The file is not a readable XLSX workbook.");
        }
    }

    /// <summary>
    /// Refuses a zip whose entries are too many, would unpack to more than the limit added up, or pack suspiciously
    /// tightly (a zip bomb), from the sizes its central directory declares, before anything is unpacked. The declared
    /// sizes are also what is read: .NET's zip reader stops inflating an entry at its declared size, so a lying entry
    /// ends early and its XML is then broken (unreadable), it never grows past the limit.
    /// </summary>
    public static void CheckZip(byte[] content, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (archive.Entries.Count > UploadLimits.MaxZipEntries)
        {
            throw UnpackedRefused(limits, $"The zip has more than {UploadLimits.MaxZipEntries} entries.");
        }

        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            if (entry.Length < 0 || total > limits.MaxUnpackedBytes)
            {
                throw UnpackedRefused(limits, $"The zip unpacks to more than {limits.MaxUnpackedBytes} bytes.");
            }

            if (entry.Length > UploadLimits.RatioGraceBytes && entry.Length > UploadLimits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            {
                throw UnpackedRefused(limits, $"A zip entry unpacks to more than {UploadLimits.MaxCompressionRatio} times its packed size.");
            }
        }
    }

    private static SheetContent ReadSheet(WorksheetPart part, List<string> strings, bool[] dateStyles, UploadLimits limits)
    {
        // Only the cells that exist, by row; the grid is built afterwards from the used range, which the limits keep small.
        var rows = new SortedDictionary<int, List<(int Column, string Text)>>();
        List<(int Column, string Text)>? currentCells = null;
        int row = 0, column = 0, firstRow = int.MaxValue, lastRow = 0, firstColumn = int.MaxValue, lastColumn = 0;
        long cellCount = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement)
            {
                continue;
            }

            if (reader.ElementType == typeof(Row))
            {
                row = AttributeOf(reader, "r") is { } r ? PositiveNumber(r) : row + 1;
                column = 0;
                currentCells = null;
                continue;
            }

            if (reader.ElementType != typeof(Cell))
            {
                continue;
            }

            string? reference = null, type = null, style = null;
            foreach (var attribute in reader.Attributes)
            {
                if (string.IsNullOrEmpty(attribute.NamespaceUri))
                {
                    _ = attribute.LocalName switch
                    {
                        "r" => reference = attribute.Value,
                        "t" => type = attribute.Value,
                        "s" => style = attribute.Value,
                        _ => null,
                    };
                }
            }

            column = reference is null ? column + 1 : ColumnOf(reference);
            var text = CellText(reader, type, style, strings, dateStyles);
            if (text.Length == 0)
            {
                continue;
            }

            // Within the row and column limits a sheet has at most MaxCells cells; more means repeated cells.
            if (++cellCount > limits.MaxCells)
            {
                throw new UploadRefusedException(UploadTextKeys.Unreadable, [], "The worksheet repeats cells.");
            }

            (firstRow, lastRow) = (Math.Min(firstRow, row), Math.Max(lastRow, row));
            (firstColumn, lastColumn) = (Math.Min(firstColumn, column), Math.Max(lastColumn, column));
            if (lastRow - firstRow > limits.MaxRows)
            {
                throw new UploadRefusedException(UploadTextKeys.TooManyRows, [limits.MaxRows], $"The file has more than {limits.MaxRows} rows.");
            }

            if (lastColumn - firstColumn + 1 > limits.MaxColumns)
            {
                throw TooManyColumnsRefused(limits.MaxColumns);
            }

            if (currentCells is null && !rows.TryGetValue(row, out currentCells))
            {
                currentCells = [];
                rows.Add(row, currentCells);
            }

            currentCells.Add((column, text));
        }

        if (rows.Count == 0)
        {
            throw EmptyRefused();
        }

        var width = lastColumn - firstColumn + 1;
        var headerTexts = new string[width];
        Array.Fill(headerTexts, string.Empty);
        foreach (var (c, text) in rows[firstRow])
        {
            headerTexts[c - firstColumn] = text;
        }

        var header = headerTexts.Select(UploadedTable.Header).ToArray();
        var content = new List<SheetRow>(rows.Count - 1);
        var values = new string[width];
        foreach (var (r, cells) in rows)
        {
            if (r == firstRow)
            {
                continue;
            }

            Array.Fill(values, string.Empty);
            foreach (var (c, text) in cells)
            {
                values[c - firstColumn] = text.Trim();
            }

            if (values.All(v => v.Length == 0))
            {
                continue;
            }

            var byName = new Dictionary<string, string>(width, StringComparer.Ordinal);
            for (var c = 0; c < width; c++)
            {
                byName.TryAdd(header[c], values[c]);
            }

            // Line numbers as Excel shows them, counted from the header row.
            content.Add(new SheetRow(r - firstRow + 1, byName, width));
        }

        return new SheetContent(header, content);
    }

    // Reads the cell the reader is on up to its end element and returns its text ("" when it has no value).
    private static string CellText(OpenXmlReader reader, string? type, string? style, List<string> strings, bool[] dateStyles)
    {
        var depth = reader.Depth;
        string? value = null;
        StringBuilder? inline = null;
        var phonetic = false;
        while (reader.Read() && !(reader.IsEndElement && reader.Depth == depth && reader.ElementType == typeof(Cell)))
        {
            if (reader.ElementType == typeof(PhoneticRun))
            {
                // Furigana runs are reading aids, not part of the text.
                phonetic = reader.IsStartElement;
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(CellValue))
            {
                value = reader.GetText();
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(Text) && !phonetic)
            {
                (inline ??= new StringBuilder()).Append(reader.GetText());
            }
        }

        switch (type)
        {
            case "inlineStr":
                return inline?.ToString() ?? value ?? string.Empty;
            case "s":
                return value is null ? string.Empty : strings[PositiveNumber(value)];
            case "b":
                return value is null ? string.Empty : (value.Trim() == "1").ToString(CultureInfo.InvariantCulture);
            case "d":
                return value is null ? string.Empty : DateText(DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            case "str" or "e":
                return value ?? string.Empty;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var isDate = style is not null && int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < dateStyles.Length && dateStyles[index];
        return isDate && number is >= -657434 and < 2958466 ? DateText(DateTime.FromOADate(number)) : UploadedTable.NumberText(number);
    }

    private static string DateText(DateTime date) => date.TimeOfDay == TimeSpan.Zero
        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static List<string> SharedStrings(SharedStringTablePart? part, UploadLimits limits)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        var text = new StringBuilder();
        var phonetic = false;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    text.Clear();
                }
                else
                {
                    // The sheet can use at most MaxCells of them; a table of more is not an export we read.
                    if (strings.Count >= limits.MaxCells)
                    {
                        throw UnpackedRefused(limits, "The shared strings table is larger than the cell limit.");
                    }

                    strings.Add(text.ToString());
                }
            }
            else if (reader.ElementType == typeof(PhoneticRun))
            {
                phonetic = reader.IsStartElement;
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(Text) && !phonetic)
            {
                text.Append(reader.GetText());
            }
        }

        return strings;
    }

    // Which cell styles (by index, the cell's s attribute) show a date.
    private static bool[] DateStyles(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return [];
        }

        var custom = new Dictionary<uint, bool>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id)
            {
                custom.TryAdd(id, IsDateCode(format.FormatCode?.Value));
            }
        }

        return stylesheet.CellFormats.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id && (custom.TryGetValue(id, out var date) ? date : BuiltInDateFormats.Contains(id)))
            .ToArray();
    }

    // A custom format shows a date when, outside quoted text, escapes and [brackets], it has a day or year part.
    private static bool IsDateCode(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c == ']')
            {
                bracket = false;
            }
            else if (!bracket && c is 'y' or 'Y' or 'd' or 'D')
            {
                return true;
            }
        }

        return false;
    }

    private static string? AttributeOf(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name && string.IsNullOrEmpty(attribute.NamespaceUri))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    // "XFD20001" → 16384: the letters of a cell reference as a column number.
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = checked((column * 26) + (c - 'A' + 1));
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = checked((column * 26) + (c - 'a' + 1));
            }
            else
            {
                break;
            }
        }

        return column > 0 ? column : throw new FormatException("A cell reference without a column.");
    }

    private static int PositiveNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw new FormatException("Not a row or string number.");

    private static UploadRefusedException EmptyRefused() =>
        new(UploadTextKeys.Empty, [], "The workbook is empty; the first row of its first sheet must name the columns.");

    public static UploadRefusedException TooManyColumnsRefused(int maxColumns) =>
        new(UploadTextKeys.TooManyColumns, [maxColumns], $"The table spans more than {maxColumns} columns.");

    private static UploadRefusedException UnpackedRefused(UploadLimits limits, string why) =>
        new(UploadTextKeys.UnpackedTooLarge, [Math.Round(limits.MaxUnpackedBytes / (1024m * 1024m), 1)], $"The file was not opened: {why}");
}
