using System.Globalization;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Sales;

public enum SalesPeriodKind
{
    Week = 0,
    Month = 1,
    Quarter = 2,
    Year = 3,

    /// <summary>January–June or July–December: a view over two quarters (上半年/下半年); no target is ever set for it.</summary>
    HalfYear = 4,
}

/// <summary>Where a period stands on a given day: over, in progress, or still to come.</summary>
internal enum PeriodState
{
    Past = 0,
    Current = 1,
    Future = 2,
}

/// <summary>A target period, both ends inclusive. Weeks are ISO weeks: Monday to Sunday.</summary>
internal readonly record struct SalesPeriod(SalesPeriodKind Kind, DateOnly Start, DateOnly End)
{
    public static SalesPeriod Containing(SalesPeriodKind kind, DateOnly date)
    {
        switch (kind)
        {
            case SalesPeriodKind.Week:
                // DayOfWeek counts from Sunday; ISO weeks start on Monday.
                var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
                return new(kind, monday, monday.AddDays(6));
            case SalesPeriodKind.Month:
                var first = new DateOnly(date.Year, date.Month, 1);
                return new(kind, first, first.AddMonths(1).AddDays(-1));
            case SalesPeriodKind.Quarter:
                var quarterStart = new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);
                return new(kind, quarterStart, quarterStart.AddMonths(3).AddDays(-1));
            case SalesPeriodKind.Year:
                return new(kind, new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31));
            case SalesPeriodKind.HalfYear:
                var halfStart = new DateOnly(date.Year, date.Month <= 6 ? 1 : 7, 1);
                return new(kind, halfStart, halfStart.AddMonths(6).AddDays(-1));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind.");
        }
    }

    public static SalesPeriod Month(int year, int month) => Containing(SalesPeriodKind.Month, new DateOnly(year, month, 1));

    public static SalesPeriod Quarter(int year, int quarter) =>
        quarter is >= 1 and <= 4
            ? Containing(SalesPeriodKind.Quarter, new DateOnly(year, ((quarter - 1) * 3) + 1, 1))
            : throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is 1 to 4.");

    public static SalesPeriod Year(int year) => Containing(SalesPeriodKind.Year, new DateOnly(year, 1, 1));

    /// <summary>The first (1) or second (2) half of a year.</summary>
    public static SalesPeriod Half(int year, int half) =>
        half is 1 or 2
            ? Containing(SalesPeriodKind.HalfYear, new DateOnly(year, half == 1 ? 1 : 7, 1))
            : throw new ArgumentOutOfRangeException(nameof(half), half, "A half is 1 or 2.");

    /// <summary>The year a period's targets are filed under: an ISO week belongs to the year of its Thursday.</summary>
    public int TargetYear => Kind == SalesPeriodKind.Week ? Start.AddDays(3).Year : Start.Year;

    /// <summary>The word a period kind travels as in card data (read back with <see cref="TryParseKind"/>).</summary>
    public static string Word(SalesPeriodKind kind) => kind switch
    {
        SalesPeriodKind.Week => "week",
        SalesPeriodKind.Month => "month",
        SalesPeriodKind.Quarter => "quarter",
        SalesPeriodKind.Year => "year",
        SalesPeriodKind.HalfYear => "half",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
    };

    /// <summary>
    /// Reads a plain period kind word (card data, and what people type): week|month|quarter|half|year or 周|月|季度|半年|年
    /// (also 本周, 季, …). Periods as people say them (last month, 2026-Q3, 12月) are <see cref="PeriodWords"/>.
    /// </summary>
    public static bool TryParseKind(string? text, out SalesPeriodKind kind)
    {
        switch (TypedText.Normalize(text).Trim().ToLowerInvariant())
        {
            case "week" or "weekly" or "w" or "周" or "本周" or "星期":
                kind = SalesPeriodKind.Week;
                return true;
            case "month" or "monthly" or "m" or "月" or "本月":
                kind = SalesPeriodKind.Month;
                return true;
            case "quarter" or "quarterly" or "q" or "季度" or "季" or "本季度":
                kind = SalesPeriodKind.Quarter;
                return true;
            case "year" or "yearly" or "annual" or "y" or "年" or "年度" or "今年":
                kind = SalesPeriodKind.Year;
                return true;
            case "half" or "half-year" or "halfyear" or "h" or "半年":
                kind = SalesPeriodKind.HalfYear;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Over (ended before <paramref name="today"/>), current, or still to come.</summary>
    public PeriodState StateOn(DateOnly today) => End < today ? PeriodState.Past : Start > today ? PeriodState.Future : PeriodState.Current;

    public SalesPeriod Next() => Containing(Kind, End.AddDays(1));

    public SalesPeriod Previous() => Containing(Kind, Start.AddDays(-1));

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} {Start:yyyy-MM-dd}..{End:yyyy-MM-dd}");
}
