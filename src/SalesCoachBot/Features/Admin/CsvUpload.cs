using System.Globalization;
using System.Text;
using CsvHelper;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Admin;

/// <summary>A row refused by an import, with its CSV line number.</summary>
internal sealed record RejectedRow(int Line, string Reason);

/// <summary>
/// The admin API's rules on top of the shared reader (<see cref="UploadedTable"/>): a size limit, a header of known
/// columns only, each named once, with the required ones present, and rows with the header's number of fields.
/// </summary>
internal static class CsvUpload
{
    /// <summary>
    /// The rows (line numbers count physical lines, header = 1), and the rows whose shape is wrong. Throws
    /// <see cref="UploadRefusedException"/> (with an English message) when the file as a whole is unusable.
    /// </summary>
    public static async Task<(List<SheetRow> Rows, List<RejectedRow> Misshapen)> ReadAsync(
        HttpRequest request, IReadOnlyList<string> columns, IReadOnlyList<string> requiredColumns, long maxBytes, CancellationToken cancellationToken)
    {
        var content = await UploadedTable.ReadLimitedAsync(request.Body, request.ContentLength, maxBytes, cancellationToken).ConfigureAwait(false)
            ?? throw new UploadRefusedException(
                UploadTextKeys.TooLarge, [Math.Round(maxBytes / (1024m * 1024m), 1)], $"The file is larger than {maxBytes} bytes.");

        // The byte limit already bounds the rows.
        return Check(UploadedTable.ReadCsv(content, new UploadLimits(int.MaxValue)), columns, requiredColumns);
    }

    private static (List<SheetRow> Rows, List<RejectedRow> Misshapen) Check(
        SheetContent sheet, IReadOnlyList<string> columns, IReadOnlyList<string> requiredColumns)
    {
        var header = sheet.Header;
        var unknown = header.Where(h => !columns.Contains(h, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw Refused($"Unknown column(s): {string.Join(", ", unknown.Take(5).Select(ImportRules.Cut))}. Expected: {string.Join(",", columns)}.");
        }

        var repeated = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw Refused($"Column(s) named twice: {string.Join(", ", repeated)}.");
        }

        var missing = requiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw Refused($"Missing column(s): {string.Join(", ", missing)}.");
        }

        var rows = new List<SheetRow>();
        var misshapen = new List<RejectedRow>();
        foreach (var row in sheet.Rows)
        {
            if (row.FieldCount != header.Count)
            {
                misshapen.Add(new RejectedRow(row.Line, $"has {row.FieldCount} field(s); the header has {header.Count}"));
                continue;
            }

            rows.Add(row);
        }

        return (rows, misshapen);
    }

    // Header problems are the admin API's own (chat uploads name their columns differently), so the key is the reader's
    // generic one; only the English message reaches the operator.
    private static UploadRefusedException Refused(string message) => new(UploadTextKeys.Unreadable, [], message);
}
