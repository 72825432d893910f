using System.Text;

namespace SalesCoachBot.Exports;

/// <summary>
/// One sheet as CSV that Excel and WPS open right on a Chinese Windows too: UTF-8 with a byte order mark (without it they
/// guess the ANSI code page and garble Chinese), CRLF line ends, RFC 4180 quoting (a field with a comma, quote or line
/// break is quoted, quotes doubled), amounts and figures in invariant notation, dates as yyyy-MM-dd, and text that could
/// run as a formula neutralised (<see cref="ExportText.Neutralise"/>).
/// </summary>
internal static class CsvSheetWriter
{
    public static byte[] Write(ExportSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var csv = new StringBuilder();
        AppendRow(csv, sheet.Columns.Select(c => Field(ExportText.Neutralise(c.Header))));
        foreach (var row in sheet.Rows)
        {
            AppendRow(csv, row.Select((value, at) => Cell(sheet.Columns[at].Kind, value)));
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())];
    }

    private static string Cell(ExportCellKind kind, object? value) => value switch
    {
        null => string.Empty,
        decimal figure when kind == ExportCellKind.Figure => ExportText.Figure(figure),
        decimal whole when kind == ExportCellKind.Whole => whole.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        decimal amount => ExportText.Amount(amount),
        DateOnly date => ExportText.Date(date),
        _ => Field(ExportText.Neutralise(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)),
    };

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields);
        csv.Append("\r\n");
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text.Length > 0 && (text[0] == ' ' || text[^1] == ' ')
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}
