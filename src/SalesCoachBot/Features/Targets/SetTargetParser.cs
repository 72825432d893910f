using System.Globalization;
using System.Text.RegularExpressions;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Targets;

/// <summary>The four parts of <c>set target &lt;who&gt; &lt;kpi&gt; &lt;period&gt; &lt;value&gt;</c>, as typed.</summary>
/// <param name="Who">An &lt;at&gt;mention&lt;/at&gt;, an e-mail, a display name (may contain spaces) or team [name].</param>
internal sealed record SetTargetRequest(string Who, string Kpi, string Period, string Amount);

/// <summary>
/// Reads <c>set target</c> arguments. The last three words are KPI, period and value, so the person before them may
/// be a display name with spaces (<c>set target Alice Wang revenue year 1.2m</c>).
/// </summary>
internal static partial class SetTargetParser
{
    private static readonly string[] TargetWords = ["target", "targets"];

    /// <summary>
    /// Splits the arguments; <paramref name="afterSet"/> says the command word was <c>set</c>, so the next word must be
    /// <c>target</c>. Null when the shape is wrong (the caller shows the usage).
    /// </summary>
    public static SetTargetRequest? Parse(string? arguments, bool afterSet)
    {
        var words = TypedText.Normalize(arguments).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (afterSet)
        {
            if (words.Count == 0 || !TargetWords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }

            words.RemoveAt(0);
        }

        if (words.Count < 4)
        {
            return null;
        }

        return new SetTargetRequest(string.Join(' ', words[..^3]), words[^3], words[^2], words[^1]);
    }

    /// <summary>
    /// A target period as managers write it, relative to <paramref name="today"/>: year|年|今年|2026|2026年 (a year);
    /// quarter|本季度, Q1..Q4, 2026-Q1, 2026Q1, 一季度, 第一季度, 2026年一季度; month|本月, 2026-03, 3月, 2026年3月;
    /// week|本周, W10, 2026-W10, 第10周, 2026年第10周 (ISO weeks). Years 2000–2100. Full-width digits count (３月); other
    /// scripts' digits do not, and nothing here throws.
    /// </summary>
    public static bool TryParsePeriod(string? word, DateOnly today, out SalesPeriod period)
    {
        period = default;
        var s = TypedText.Normalize(word).Trim();
        if (s.Length == 0)
        {
            return false;
        }

        if (SalesPeriod.TryParseKind(s, out var kind))
        {
            period = SalesPeriod.Containing(kind, today);
            return true;
        }

        if (YearPattern().Match(s) is { Success: true } y)
        {
            return TryYear(y.Groups["y"].Value, today, out var year) && Set(SalesPeriod.Year(year), out period);
        }

        if (First(s, QuarterPattern(), ChineseQuarterPattern()) is { } q)
        {
            // "1一2二3三4四": a digit and its Chinese numeral side by side, so index / 2 is the quarter - 1.
            var quarter = ("1一2二3三4四".IndexOf(q.Groups["q"].Value[0], StringComparison.Ordinal) / 2) + 1;
            return TryYear(q.Groups["y"].Value, today, out var year) && Set(SalesPeriod.Quarter(year, quarter), out period);
        }

        if (First(s, MonthPattern(), ChineseMonthPattern()) is { } m)
        {
            return int.TryParse(m.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                && month is >= 1 and <= 12 && TryYear(m.Groups["y"].Value, today, out var year) && Set(SalesPeriod.Month(year, month), out period);
        }

        if (First(s, WeekPattern(), ChineseWeekPattern()) is { } w)
        {
            if (!int.TryParse(w.Groups["w"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var week))
            {
                return false;
            }

            int year;
            if (w.Groups["y"].Success)
            {
                if (!TryYear(w.Groups["y"].Value, today, out year))
                {
                    return false;
                }
            }
            else
            {
                // Without a year: the ISO week-numbering year of today (Mon 28 Dec 2026 is in week 53 of 2026).
                year = ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue));
            }

            return week >= 1 && week <= ISOWeek.GetWeeksInYear(year)
                && Set(SalesPeriod.Containing(SalesPeriodKind.Week, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday))), out period);
        }

        return false;
    }

    private static bool TryYear(string text, DateOnly today, out int year)
    {
        year = today.Year;
        return text.Length == 0 || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100);
    }

    private static Match? First(string text, Regex first, Regex second) =>
        first.Match(text) is { Success: true } a ? a : second.Match(text) is { Success: true } b ? b : null;

    private static bool Set(SalesPeriod value, out SalesPeriod period)
    {
        period = value;
        return true;
    }

    // [0-9], not \d: \d also matches other scripts' digits (٣, ३), which no year or month parse accepts.
    [GeneratedRegex(@"^(?<y>[0-9]{4})年?$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})[-/]?)?[Qq](?<q>[1-4])$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})年?)?第?(?<q>[1-4一二三四])季度?$")]
    private static partial Regex ChineseQuarterPattern();

    [GeneratedRegex(@"^(?<y>[0-9]{4})[-/](?<m>[0-9]{1,2})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})年)?(?<m>[0-9]{1,2})月份?$")]
    private static partial Regex ChineseMonthPattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})-?)?[Ww](?<w>[0-9]{1,2})$")]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})年)?第(?<w>[0-9]{1,2})周$")]
    private static partial Regex ChineseWeekPattern();
}
