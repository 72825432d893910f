using SalesCoachBot.Exports;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Exports;

/// <summary><c>export</c> arguments as typed: the kind, the format, the period words (empty: the default) and a team name (empty: none).</summary>
internal sealed record TypedExport(string Kind, ExportFormat Format, string Period, string Team);

/// <summary>
/// Reads <c>export [scorecard|results] [period] [xlsx|csv] [team]</c> · <c>导出 [绩效|业绩] [上月] [xlsx|csv] [团队]</c>:
/// the kind first (default: scorecard), the format anywhere (default: xlsx; excel means xlsx), the period as the longest
/// run of up to three words at the end, else at the start, that reads as one (<see cref="PeriodWords"/>); what is left
/// names the team. Never throws.
/// </summary>
internal static class ExportRequestParser
{
    public static readonly string[] ScorecardWords = ["scorecard", "scorecards", "score", "绩效", "绩效卡", "评分"];
    public static readonly string[] ResultsWords = ["results", "result", "sales", "业绩", "业绩明细", "成交", "结果", "明细"];
    private static readonly string[] XlsxWords = ["xlsx", "excel", "表格"];
    private static readonly string[] CsvWords = ["csv"];

    public static TypedExport Parse(string? arguments, DateOnly today)
    {
        var words = TypedText.Normalize(arguments).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var kind = ExportKinds.Scorecard;
        if (words.Count > 0 && ScorecardWords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }
        else if (words.Count > 0 && ResultsWords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
        {
            kind = ExportKinds.Results;
            words.RemoveAt(0);
        }

        var format = ExportFormat.Xlsx;
        if (words.FindLastIndex(w => CsvWords.Contains(w, StringComparer.OrdinalIgnoreCase)) is var csv and >= 0)
        {
            format = ExportFormat.Csv;
            words.RemoveAt(csv);
        }
        else if (words.FindLastIndex(w => XlsxWords.Contains(w, StringComparer.OrdinalIgnoreCase)) is var xlsx and >= 0)
        {
            words.RemoveAt(xlsx);
        }

        for (var length = Math.Min(3, words.Count); length > 0; length--)
        {
            var atEnd = string.Join(' ', words[^length..]);
            if (PeriodWords.TryRead(atEnd, today, YearlessPeriod.Back, out _))
            {
                return new TypedExport(kind, format, atEnd, string.Join(' ', words[..^length]));
            }

            var atStart = string.Join(' ', words[..length]);
            if (PeriodWords.TryRead(atStart, today, YearlessPeriod.Back, out _))
            {
                return new TypedExport(kind, format, atStart, string.Join(' ', words[length..]));
            }
        }

        return new TypedExport(kind, format, string.Empty, string.Join(' ', words));
    }
}
