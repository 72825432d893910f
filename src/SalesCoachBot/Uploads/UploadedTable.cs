using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace SalesCoachBot.Uploads;

/// <summary>
/// One data row of an uploaded table: its line (header = 1; in a CSV the physical line, so a quoted cell over two lines
/// moves the next row's number on), its cells by lower-cased header name (trimmed), and how many fields the line had.
/// </summary>
internal sealed record SheetRow(int Line, IReadOnlyDictionary<string, string> Cells, int FieldCount)
{
    /// <summary>The cell, or null when the column is absent or the cell empty.</summary>
    public string? this[string column] => Cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
}

/// <summary>The header (lower-cased, trimmed, repeats kept) and rows of an uploaded file.</summary>
internal sealed record SheetContent(IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// The whole file is unusable and nothing of it is taken. <see cref="TextKey"/> with <see cref="Args"/> says why in the
/// member's language (chat uploads); <see cref="Exception.Message"/> says it in English, with no cell values, for the
/// admin API's 400 answer and for logs.
/// </summary>
internal sealed class UploadRefusedException(string textKey, IReadOnlyList<object?> args, string message) : Exception(message)
{
    public string TextKey { get; } = textKey;

    public IReadOnlyList<object?> Args { get; } = args;
}
/// <summary>The file types an upload may be: CSV or XLSX.</summary>
internal enum SheetFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Reads an uploaded CSV or XLSX into rows, for chat uploads and the admin API alike. CSV: UTF-8 (with or without BOM),
/// UTF-16 with BOM, or GB18030/GBK (what Chinese Excel writes for "CSV") when the bytes are not UTF-8; comma, semicolon
/// or tab separated; RFC 4180 quoting. XLSX: the first worksheet, first used row = header; date cells become
/// yyyy-MM-dd, numbers invariant text. Cells written with a formula guard (see <see cref="CsvExport"/>) lose it again.
/// </summary>
internal static class UploadedTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly char[] Separators = [',', ';', '\t'];

    public static SheetFormat? FormatOf(string? fileType, string? fileName)
    {
        var type = (fileType ?? Path.GetExtension(fileName ?? string.Empty)).Trim().TrimStart('.').ToLowerInvariant();
        if (type.Length == 0 && fileName is not null)
        {
            type = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        }

        return type switch
        {
            "csv" => SheetFormat.Csv,
            "xlsx" => SheetFormat.Xlsx,
            _ => null,
        };
    }

    /// <summary>
    /// The whole body, or null when it is larger than <paramref name="maxBytes"/>: counted as it arrives, so a missing or
    /// lying length must not let a huge body through.
    /// </summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream body, long? declaredLength, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The header and rows; throws <see cref="UploadRefusedException"/> when the file as a whole is unusable.</summary>
    public static SheetContent Read(SheetFormat format, byte[] content, int maxRows) =>
        format == SheetFormat.Csv ? ReadCsv(content, maxRows) : ReadXlsx(content, maxRows);

    public static SheetContent ReadCsv(byte[] content, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = Decode(content);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new UploadRefusedException(UploadTextKeys.Unreadable, [], "The file is not CSV text (it contains NUL characters).");
        }

        var options = new CsvReaderOptions
        {
            Separator = SeparatorOf(text),
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            // Cells hold personal data (names, e-mails): keep them out of exception messages and logs.
            IncludeValuesInExceptions = false,
        };

        var rows = new List<SheetRow>();
        try
        {
            using var csv = CsvReader.FromText(text, options);
            var header = csv.Headers.Select(Header).ToArray();
            if (header.Length == 0 || header.All(h => h.Length == 0))
            {
                throw new UploadRefusedException(UploadTextKeys.Empty, [], "The file is empty; the first line must name the columns.");
            }

            while (csv.Read())
            {
                if (rows.Count >= maxRows)
                {
                    throw new UploadRefusedException(UploadTextKeys.TooManyRows, [maxRows], $"The file has more than {maxRows} rows.");
                }

                // A line with fewer fields leaves the rest absent, extra fields are dropped; FieldCount tells the caller.
                var cells = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
                for (var i = 0; i < Math.Min(header.Length, csv.FieldCount); i++)
                {
                    cells.TryAdd(header[i], CsvExport.Unescape(csv.GetString(i).Trim()));
                }

                rows.Add(new SheetRow(checked((int)csv.LineNumber), cells, csv.FieldCount));
            }

            return new SheetContent(header, rows);
        }
        catch (CsvFormatException error)
        {
            throw new UploadRefusedException(UploadTextKeys.Unreadable, [], $"The file is not valid CSV (line {error.LineNumber}): check its quotes.");
        }
    }

    public static SheetContent ReadXlsx(byte[] content, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var workbook = new XLWorkbook(stream);
            var sheet = workbook.Worksheets.FirstOrDefault();
            var used = sheet?.RangeUsed();
            if (sheet is null || used is null)
            {
                throw new UploadRefusedException(UploadTextKeys.Empty, [], "The workbook is empty; the first row of its first sheet must name the columns.");
            }

            var firstRow = used.FirstRow().RowNumber();
            var lastRow = used.LastRow().RowNumber();
            var firstColumn = used.FirstColumn().ColumnNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            if (lastRow - firstRow > maxRows)
            {
                throw new UploadRefusedException(UploadTextKeys.TooManyRows, [maxRows], $"The file has more than {maxRows} rows.");
            }

            var header = Enumerable.Range(firstColumn, lastColumn - firstColumn + 1)
                .Select(c => Header(CellText(sheet.Cell(firstRow, c))))
                .ToArray();
            var rows = new List<SheetRow>();
            for (var r = firstRow + 1; r <= lastRow; r++)
            {
                var cells = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
                for (var c = 0; c < header.Length; c++)
                {
                    cells.TryAdd(header[c], CellText(sheet.Cell(r, firstColumn + c)).Trim());
                }

                if (cells.Values.All(v => v.Length == 0))
                {
                    continue;
                }

                // Line numbers as Excel shows them, counted from the header row.
                rows.Add(new SheetRow(r - firstRow + 1, cells, header.Length));
            }

            return new SheetContent(header, rows);
        }
        catch (UploadRefusedException)
        {
            throw;
        }
#pragma warning disable CA1031 // ClosedXML and the Open XML SDK throw many types for a broken file; any of them means "unreadable".
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new UploadRefusedException(UploadTextKeys.Unreadable, [], "The file is not a readable XLSX workbook.");
        }
    }

    private static string CellText(IXLCell cell)
    {
        var value = cell.HasFormula ? cell.CachedValue : cell.Value;
        return value switch
        {
            DateTime date => date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            double number => NumberText(number),
            null => string.Empty,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }

    private static string NumberText(double number) =>
        double.IsFinite(number) && Math.Abs(number) < 1e15
            ? ((decimal)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);

    private static string Header(string name) => name.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();

    private static string Decode(byte[] content)
    {
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
        {
            return Strict(new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true), content, 2);
        }

        var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException) when (start == 0)
        {
            // Not UTF-8: Chinese Excel saves "CSV" in GB18030 (GBK). The header check later tells a wrong guess.
            return Strict(Gb18030(), content, 0);
        }
        catch (DecoderFallbackException)
        {
            throw EncodingRefused();
        }
    }

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static string Strict(Encoding encoding, byte[] content, int start)
    {
        try
        {
            return encoding.GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException)
        {
            throw EncodingRefused();
        }
    }

    private static UploadRefusedException EncodingRefused() => new(
        UploadTextKeys.Encoding, [], "The file is not UTF-8 text (nor UTF-16 with a byte order mark, nor GB18030): save it as CSV UTF-8.");

    // The separator the header line uses most: comma, semicolon (European Excel) or tab (Excel's "Unicode text").
    private static char SeparatorOf(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        return Separators.OrderByDescending(c => first.Count(x => x == c)).First();
    }
}
