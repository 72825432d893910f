using System.Globalization;
using System.Text;
using CsvHelper;
using SalesCoachBot.Contacts;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Admin;

/// <summary>One data row of an uploaded CSV: its line in the file and its cells by column name (trimmed).</summary>
internal sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The cell, or null when the column is absent or the cell empty.</summary>
    public string? this[string column] => Cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
}

/// <summary>A row refused by an import, with its CSV line number.</summary>
internal sealed record RejectedRow(int Line, string Reason);

/// <summary>The whole file is unusable (not CSV text, too large, wrong header): 400 and nothing imported.</summary>
internal sealed class CsvUploadException(string message) : Exception(message);

/// <summary>Reads an uploaded CSV body strictly: UTF-8 text, size limit, known header, RFC 4180 quoting.</summary>
internal static class CsvUpload
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly CsvReaderOptions ReaderOptions = new()
    {
        Separator = ',',
        HasHeader = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        // Cells hold personal data (names, e-mails): keep them out of exception messages and logs.
        IncludeValuesInExceptions = false,
    };

    // Cells a spreadsheet would run as a formula get a leading ' on export; the import takes it off again.
    private static readonly CsvWriterOptions WriterOptions = new() { NewLine = "\n", Injection = CsvInjection.Escape };

    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>
    /// The rows (line numbers count physical lines, header = 1), and the rows whose shape is wrong. Throws
    /// <see cref="CsvUploadException"/> when the file as a whole is unusable.
    /// </summary>
    public static async Task<(List<CsvRow> Rows, List<RejectedRow> Misshapen)> ReadAsync(
        HttpRequest request, IReadOnlyList<string> columns, IReadOnlyList<string> requiredColumns, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new CsvUploadException($"The file is larger than {maxBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new CsvUploadException($"The file is larger than {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvUploadException("The file is not UTF-8 text.");
        }

        text = text.TrimStart('\uFEFF');
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new CsvUploadException("The file is not CSV text (it contains NUL characters).");
        }

        return Parse(text, columns, requiredColumns);
    }

    internal static (List<CsvRow> Rows, List<RejectedRow> Misshapen) Parse(string text, IReadOnlyList<string> columns, IReadOnlyList<string> requiredColumns)
    {
        var rows = new List<CsvRow>();
        var misshapen = new List<RejectedRow>();
        try
        {
            using var csv = CsvReader.FromText(text, ReaderOptions);
            var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (header.Length == 0 || header.All(h => h.Length == 0))
            {
                throw new CsvUploadException("The file is empty; the first line must name the columns.");
            }

            var unknown = header.Where(h => !columns.Contains(h, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                throw new CsvUploadException($"Unknown column(s): {string.Join(", ", unknown.Take(5).Select(ImportRules.Cut))}. Expected: {string.Join(",", columns)}.");
            }

            var repeated = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (repeated.Count > 0)
            {
                throw new CsvUploadException($"Column(s) named twice: {string.Join(", ", repeated)}.");
            }

            var missing = requiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                throw new CsvUploadException($"Missing column(s): {string.Join(", ", missing)}.");
            }

            while (csv.Read())
            {
                var line = checked((int)csv.LineNumber);
                if (csv.FieldCount != header.Length)
                {
                    misshapen.Add(new RejectedRow(line, $"has {csv.FieldCount} field(s); the header has {header.Length}"));
                    continue;
                }

                var cells = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    cells[header[i]] = Unescape(csv.GetString(i).Trim());
                }

                rows.Add(new CsvRow(line, cells));
            }
        }
        catch (CsvFormatException error)
        {
            throw new CsvUploadException($"The file is not valid CSV (line {error.LineNumber}): check its quotes.");
        }

        return (rows, misshapen);
    }

    /// <summary>Writes rows as CSV (header first, RFC 4180 quoting, \n line ends).</summary>
    public static string Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, WriterOptions, leaveOpen: true))
        {
            csv.WriteHeader([.. columns]);
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    private static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;
}
