using System.Globalization;
using System.Text;

namespace SalesCoachBot.Exports;

/// <summary>The rules both writers share, so a CSV and an XLSX of one export read alike.</summary>
internal static class ExportText
{
    /// <summary>The first characters that make a spreadsheet run a cell as a formula (OWASP: CSV injection).</summary>
    public const string FormulaStarts = "=+-@\t\r";

    /// <summary>Text that could run as a formula gets a leading apostrophe; numbers are never text, so they stay numbers.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && FormulaStarts.Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
    }

    /// <summary>An amount as CSV writes it: invariant, two decimals.</summary>
    public static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A one-decimal figure (percent, score, points) as CSV writes it.</summary>
    public static string Figure(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A date as CSV writes it: ISO 8601.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A file name such as <c>scorecard-Sales-Team-2026-11.xlsx</c>: characters no file system takes and white space
    /// become hyphens; letters of any script stay (the download sends it as <c>filename*=UTF-8''…</c>).
    /// </summary>
    public static string FileName(string kind, string teamName, string periodKey, ExportFormat format)
    {
        var name = new StringBuilder();
        foreach (var c in $"{kind}-{teamName}-{periodKey}")
        {
            var safe = char.IsLetterOrDigit(c) || c is '_' ? c : '-';
            if (safe != '-' || name.Length == 0 || name[^1] != '-')
            {
                name.Append(safe);
            }
        }

        var stem = name.ToString().Trim('-');
        if (stem.Length > 100)
        {
            stem = stem[..100];
        }

        return stem + (format == ExportFormat.Csv ? ".csv" : ".xlsx");
    }

    /// <summary>A sheet name within Excel's rules: at most 31 characters, none of []:*?/\, not empty, not starting or ending with '.</summary>
    public static string SheetName(string name, ICollection<string> taken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(taken);
        var clean = new string([.. name.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? ' ' : c)]).Trim().Trim('\'');
        if (clean.Length == 0)
        {
            clean = "Sheet";
        }

        clean = clean.Length > 31 ? clean[..31] : clean;
        var unique = clean;
        for (var i = 2; taken.Contains(unique, StringComparer.OrdinalIgnoreCase); i++)
        {
            var suffix = " " + i.ToString(CultureInfo.InvariantCulture);
            unique = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }

        taken.Add(unique);
        return unique;
    }
}
