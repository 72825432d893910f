using System.Globalization;
using System.Text.RegularExpressions;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Sales;

/// <summary>Where a month, quarter, half or week written without a year falls, relative to today.</summary>
public enum YearlessPeriod
{
    /// <summary>The next one that has not ended: setting a target (in December 2026, "March" is March 2027).</summary>
    Ahead = 0,

    /// <summary>The most recent one that has started: a view looks back (in January 2027, "11月" is November 2026).</summary>
    Back = 1,

    /// <summary>Always in today's year (imports: the row's year, passed as today).</summary>
    SameYear = 2,
}

/// <summary>
/// The one reader of periods as people say them, for every command that takes a period (<c>set target</c>,
/// <c>targets</c>, <c>team</c>, <c>leaderboard</c>) and for imports (<see cref="TryReadInYear"/>):
/// <list type="bullet">
/// <item>relative to today: week|month|quarter|half|year and 周|月|季度|半年|年 (this one), this/last/next week|month|quarter|half|year,
/// 本周/上周/下周 (这周, 上个星期 …), 本月/上月/下月 (上个月 …), 本季度/上季度/下季度, 本年/今年/全年/明年/去年, 上半年/下半年;</item>
/// <item>years: 2027, 2027年, 2027年度;</item>
/// <item>quarters: Q1, 2027-Q1, 2027Q1, Q1 2027, 一季度, 第一季度, 2027年一季度, 2027年第1季度;</item>
/// <item>halves: H1, 2027-H1, H2 2027, 上半年, 2027年下半年;</item>
/// <item>months: December, Dec, december 2027, 12月, 十二月, 12月份, 2026年3月, 2026-03, 2026/3, 2026.3;</item>
/// <item>ISO weeks: W10, 2026-W10, week 10, 第10周, 2026年第10周.</item>
/// </list>
/// A month, quarter, half or week without a year is placed by <see cref="YearlessPeriod"/>. Years 2000–2100. Text is
/// normalised first (full-width ３月 is 3月); other scripts' digits are refused, and nothing here throws.
/// </summary>
internal static partial class PeriodWords
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Reads a period relative to <paramref name="today"/>; false when the text is no period.</summary>
    public static bool TryRead(string? text, DateOnly today, YearlessPeriod yearless, out SalesPeriod period) =>
        TryRead(text, today, yearless, relative: true, out period);

    /// <summary>
    /// A period as a file cell writes it (imports): no words relative to today; a month, quarter or week without a year
    /// is in <paramref name="year"/> (the row's year), and refused when there is none.
    /// </summary>
    public static bool TryReadInYear(string? text, int? year, out SalesPeriod period)
    {
        period = default;
        return year is null or (>= 2000 and <= 2100)
            && TryRead(text, new DateOnly(year ?? 2000, 1, 1), year is null ? null : YearlessPeriod.SameYear, relative: false, out period);
    }

    /// <summary>
    /// The period as card data carries it: its kind word when it holds <paramref name="today"/> (the button then means
    /// "the current one", whenever it is pressed), else its <see cref="Key"/>. Both read back with <see cref="TryRead"/>.
    /// </summary>
    public static string CardKey(SalesPeriod period, DateOnly today) =>
        period.Contains(today) ? SalesPeriod.Word(period.Kind) : Key(period);

    /// <summary>One written form per period: 2026, 2026-H1, 2026-Q1, 2026-03, 2026-W10 (ISO week).</summary>
    public static string Key(SalesPeriod period)
    {
        var start = period.Start;
        return period.Kind switch
        {
            SalesPeriodKind.Week => string.Create(CultureInfo.InvariantCulture,
                $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}"),
            SalesPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{start.Year}-{start.Month:00}"),
            SalesPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{((start.Month - 1) / 3) + 1}"),
            SalesPeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{start.Year}-H{(start.Month <= 6 ? 1 : 2)}"),
            _ => start.Year.ToString(CultureInfo.InvariantCulture),
        };
    }

    // yearless null: a period must name its year.
    private static bool TryRead(string? text, DateOnly today, YearlessPeriod? yearless, bool relative, out SalesPeriod period)
    {
        period = default;
        // Lower case and no spaces: "Q1 2027", "q1  2027" and "Q12027" read alike, "last month" as "lastmonth".
        var s = string.Concat(TypedText.Normalize(text).Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        if (s.Length is 0 or > 40)
        {
            return false;
        }

        if (relative && TryRelative(s, today, out period))
        {
            return true;
        }

        if (YearPattern().Match(s) is { Success: true } y)
        {
            return TryYear(y.Groups["y"].Value, out var year) && Set(SalesPeriod.Year(year), out period);
        }

        if (First(s, QuarterPattern(), ChineseQuarterPattern()) is { } q)
        {
            var quarter = NumberOf(q.Groups["q"].Value);
            return quarter is >= 1 and <= 4
                && Place(q.Groups["y"], today, yearless, y => SalesPeriod.Quarter(y, quarter), out period);
        }

        if (First(s, HalfPattern(), ChineseHalfPattern()) is { } h)
        {
            var half = h.Groups["h"].Value is "1" or "上" ? 1 : 2;
            return Place(h.Groups["y"], today, yearless, y => SalesPeriod.Half(y, half), out period);
        }

        if (First(s, MonthPattern(), ChineseMonthPattern()) is { } m)
        {
            var month = NumberOf(m.Groups["m"].Value);
            return month is >= 1 and <= 12 && Place(m.Groups["y"], today, yearless, y => SalesPeriod.Month(y, month), out period);
        }

        if (First(s, NamedMonthPattern(), YearNamedMonthPattern()) is { } n && MonthOf(n.Groups["name"].Value) is { } named)
        {
            return Place(n.Groups["y"], today, yearless, y => SalesPeriod.Month(y, named), out period);
        }

        if (First(s, WeekPattern(), ChineseWeekPattern()) is { } w)
        {
            if (!int.TryParse(w.Groups["w"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var week) || week < 1)
            {
                return false;
            }

            // Weeks count in ISO week-numbering years (Mon 28 Dec 2026 is in week 53 of 2026).
            var weekYear = yearless == YearlessPeriod.SameYear ? today.Year : ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue));
            return Place(w.Groups["y"], today, yearless, y => IsoWeek(y, week), out period, weekYear);
        }

        return false;
    }

    private static bool TryRelative(string s, DateOnly today, out SalesPeriod period)
    {
        period = default;
        if (SalesPeriod.TryParseKind(s, out var kind))
        {
            return Set(SalesPeriod.Containing(kind, today), out period);
        }

        int step;
        string rest;
        if (EnglishRelativePattern().Match(s) is { Success: true } e)
        {
            step = e.Groups["when"].Value switch { "last" or "previous" or "prev" => -1, "next" => 1, _ => 0 };
            rest = e.Groups["kind"].Value;
        }
        else if (ChineseRelativePattern().Match(s) is { Success: true } c)
        {
            step = c.Groups["when"].Value switch { "上" => -1, "下" => 1, _ => 0 };
            rest = c.Groups["kind"].Value;
        }
        else
        {
            switch (s)
            {
                case "本年" or "本年度" or "全年" or "今年全年" or "今年度":
                    return Set(SalesPeriod.Containing(SalesPeriodKind.Year, today), out period);
                case "明年" or "明年度" or "下一年":
                    return Set(SalesPeriod.Year(today.Year + 1), out period);
                case "去年" or "上一年" or "去年全年":
                    return Set(SalesPeriod.Year(today.Year - 1), out period);
                default:
                    return false;
            }
        }

        kind = rest switch
        {
            "week" or "周" or "星期" or "礼拜" => SalesPeriodKind.Week,
            "month" or "月" => SalesPeriodKind.Month,
            "quarter" or "季度" or "季" => SalesPeriodKind.Quarter,
            "half" or "halfyear" or "half-year" => SalesPeriodKind.HalfYear,
            _ => SalesPeriodKind.Year,
        };
        var current = SalesPeriod.Containing(kind, today);
        return Set(step < 0 ? current.Previous() : step > 0 ? current.Next() : current, out period);
    }

    // A period whose year may be missing: written year, else today's, moved a year to follow the yearless rule.
    private static bool Place(Group yearGroup, DateOnly today, YearlessPeriod? yearless, Func<int, SalesPeriod?> make, out SalesPeriod period, int? weekYear = null)
    {
        period = default;
        if (yearGroup.Success && yearGroup.Value.Length > 0)
        {
            return TryYear(yearGroup.Value, out var written) && make(written) is { } exact && Set(exact, out period);
        }

        if (yearless is null)
        {
            return false;
        }

        var year = weekYear ?? today.Year;
        if (year is < 2000 or > 2100 || make(year) is not { } candidate)
        {
            return false;
        }

        var moved = yearless == YearlessPeriod.Ahead && candidate.End < today ? make(year + 1)
            : yearless == YearlessPeriod.Back && candidate.Start > today ? make(year - 1)
            : candidate;
        return moved is { } placed && Set(placed, out period);
    }

    private static SalesPeriod? IsoWeek(int year, int week) =>
        year is >= 2000 and <= 2100 && week <= ISOWeek.GetWeeksInYear(year)
            ? SalesPeriod.Containing(SalesPeriodKind.Week, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)))
            : null;

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100;

    // 1–12 in digits or Chinese numerals (一 … 十二); 0 when it is neither.
    private static int NumberOf(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        const string digits = "一二三四五六七八九";
        return text switch
        {
            "十" => 10,
            ['十', var d] when digits.IndexOf(d, StringComparison.Ordinal) is >= 0 and var i => 11 + i,
            [var d] when digits.IndexOf(d, StringComparison.Ordinal) is >= 0 and var i => 1 + i,
            _ => 0,
        };
    }

    // January, Jan, Jan., Sept: a name or its first three (or more) letters.
    private static int? MonthOf(string name)
    {
        if (name.Length < 3)
        {
            return null;
        }

        var index = Array.FindIndex(MonthNames, m => m.StartsWith(name, StringComparison.Ordinal));
        return index < 0 ? null : index + 1;
    }

    private static Match? First(string text, Regex first, Regex second) =>
        first.Match(text) is { Success: true } a ? a : second.Match(text) is { Success: true } b ? b : null;

    private static bool Set(SalesPeriod value, out SalesPeriod period)
    {
        period = value;
        return true;
    }

    // [0-9], not \d: \d also matches other scripts' digits (٣, ३), which no year or month parse accepts.
    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:年度?)?$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(?:(?:(?<y>[0-9]{4})[-/]?)?q(?<q>[1-4])|q(?<q>[1-4])[-/]?(?<y>[0-9]{4}))$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})年?)?第?(?<q>[1-4一二三四])季度?$")]
    private static partial Regex ChineseQuarterPattern();

    [GeneratedRegex(@"^(?:(?:(?<y>[0-9]{4})[-/]?)?h(?<h>[12])|h(?<h>[12])[-/]?(?<y>[0-9]{4}))$")]
    private static partial Regex HalfPattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})年?)?(?<h>[上下])半年$")]
    private static partial Regex ChineseHalfPattern();

    [GeneratedRegex(@"^(?<y>[0-9]{4})[-/.](?<m>[0-9]{1,2})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})年)?(?<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月份?$")]
    private static partial Regex ChineseMonthPattern();

    [GeneratedRegex(@"^(?<name>[a-z]{3,9})\.?(?:[-/,]?(?<y>[0-9]{4}))?$")]
    private static partial Regex NamedMonthPattern();

    [GeneratedRegex(@"^(?<y>[0-9]{4})[-/,]?(?<name>[a-z]{3,9})\.?$")]
    private static partial Regex YearNamedMonthPattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})-?)?(?:w|week)(?<w>[0-9]{1,2})$")]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})年)?第(?<w>[0-9]{1,2})周$")]
    private static partial Regex ChineseWeekPattern();

    [GeneratedRegex(@"^(?<when>this|current|last|previous|prev|next)(?<kind>week|month|quarter|half-?year|half|year)$")]
    private static partial Regex EnglishRelativePattern();

    [GeneratedRegex(@"^(?<when>本|这|上|下)(?:一|个|一个)?(?<kind>周|星期|礼拜|月|季度|季)$")]
    private static partial Regex ChineseRelativePattern();
}
