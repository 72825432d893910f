using System.Globalization;
using CsvHelper;

namespace SalesCoachBot.Uploads;

/// <summary>
/// Writes CSV exports that read back through <see cref="UploadedTable"/> unchanged: header first, RFC 4180 quoting,
/// \n line ends, and a leading ' on any cell a spreadsheet would run as a formula (CSV injection), which the reader
/// takes off again.
/// </summary>
internal static class CsvExport
{
    /// <summary>The first characters that make a cell a possible formula; the writer guards them, the reader unguards them.</summary>
    internal const string FormulaStarts = "=+-@\t\r";

    private const char FormulaGuard = '\'';

    private static readonly CsvWriterOptions WriterOptions = new()
    {
        NewLine = "\n",
        Injection = CsvInjection.Escape,
        InjectionCharacters = FormulaStarts,
        InjectionEscape = FormulaGuard,
    };

    /// <summary>The rows as CSV text, under a header of <paramref name="columns"/>.</summary>
    public static string Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
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

    /// <summary>The cell without the formula guard <see cref="Write"/> put in front of it.</summary>
    internal static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == FormulaGuard && FormulaStarts.Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;
}
