using System.Globalization;
using System.Text;
using CsvHelper;

namespace SalesCoachBot.Uploads;

/// <summary>
/// Reads an uploaded CSV or XLSX into rows, for chat uploads and the admin API alike. CSV: UTF-8 (with or without BOM),
/// UTF-16 with BOM, or GB18030/GBK (what Chinese Excel writes for "CSV") when the bytes are not UTF-8; comma, semicolon
/// or tab separated; RFC 4180 quoting. XLSX: see <see cref="XlsxReader"/>. Both within <see cref="UploadLimits"/>. Cells
/// written with a formula guard (see <see cref="CsvExport"/>) lose it again.
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
    public static SheetContent Read(SheetFormat format, byte[] content, UploadLimits limits) =>
        format == SheetFormat.Csv ? ReadCsv(content, limits) : XlsxReader.Read(content, limits);

    public static SheetContent ReadCsv(byte[] content, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var maxRows = limits.MaxRows;
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

            // Every row gets a dictionary as wide as the header: a header of a million commas must not reach that.
            if (header.Length > limits.MaxColumns)
            {
                throw XlsxReader.TooManyColumnsRefused(limits.MaxColumns);
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

    internal static string NumberText(double number) =>
        double.IsFinite(number) && Math.Abs(number) < 1e15
            ? ((decimal)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);

    internal static string Header(string name) => name.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();

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
