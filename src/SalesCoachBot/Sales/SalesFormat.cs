using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Sales;

/// <summary>
/// How sales figures read in the member's language, the same on every card and message: amounts (zh-CN in 万/亿),
/// percentages, dates, period titles, pace status texts and colours, and the progress bar.
/// </summary>
internal static class SalesFormat
{
    // The bar is drawn in 100 weighted parts; more would not be visible.
    private const int BarParts = 100;

    /// <summary>
    /// An amount: currency with its symbol and grouping (zh-CN uses 万 from 10,000 and 亿 from 100,000,000, at most two
    /// decimals: ¥12.5万, ¥1200万, ¥1.2亿), no cents from a thousand up (¥86,957), counts as whole numbers.
    /// </summary>
    public static string Amount(string? locale, KpiUnit unit, string? currency, decimal amount)
    {
        var culture = CultureOf(locale);
        var chinese = BotText.IsChinese(locale);
        if (unit == KpiUnit.Count)
        {
            return Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("N0", culture);
        }

        if (unit == KpiUnit.Percent)
        {
            // A rate is kept as the number of percent written (35.5 = 35.5 %).
            return Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.##", culture) + "%";
        }

        var sign = amount < 0 ? "-" : "";
        var size = Math.Abs(amount);
        var symbol = Symbol(currency);
        string number;
        var wan = Math.Round(size / 10_000m, 2, MidpointRounding.AwayFromZero);
        if (chinese && (size >= 100_000_000m || wan >= 10_000m))
        {
            number = Trimmed(size / 100_000_000m, culture) + "亿";
        }
        else if (chinese && size >= 10_000m)
        {
            number = Trimmed(size / 10_000m, culture) + "万";
        }
        else if (size >= 1_000m || size == decimal.Truncate(size))
        {
            // Cents on ¥86,956.52 are noise to a sales team: whole yuan from a thousand up.
            number = Math.Round(size, 0, MidpointRounding.AwayFromZero).ToString("N0", culture);
        }
        else
        {
            number = size.ToString("N2", culture);
        }

        return sign + symbol + number;
    }

    /// <summary>A percentage figure without the sign, at most one decimal: 87.5, 100.</summary>
    public static string Percent(decimal percent, CultureInfo culture) => percent.ToString("0.#", culture);

    /// <summary>A date as the locale writes it: "Nov 3, 2026", "2026年11月3日".</summary>
    public static string Date(string? locale, DateOnly date) =>
        date.ToString(BotText.IsChinese(locale) ? "yyyy年M月d日" : "MMM d, yyyy", CultureOf(locale));

    /// <summary>A date and time as the locale writes it: "Nov 3, 2026 09:30", "2026年11月3日 09:30".</summary>
    public static string DateTime(string? locale, DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(BotText.IsChinese(locale) ? "yyyy年M月d日 HH:mm" : "MMM d, yyyy HH:mm", CultureOf(locale));

    /// <summary>The culture numbers and dates are written in for a locale.</summary>
    public static CultureInfo CultureOf(string? locale) => CultureInfo.GetCultureInfo(BotText.Resolve(locale));

    /// <summary>A period's name: "Week 49, 2026", "November 2026", "Q4 2026", "2026" (and the Chinese forms).</summary>
    public static string PeriodName(BotText text, string? locale, SalesPeriod period)
    {
        ArgumentNullException.ThrowIfNull(text);
        var culture = CultureOf(locale);
        var start = period.Start.ToDateTime(TimeOnly.MinValue);
        return period.Kind switch
        {
            SalesPeriodKind.Week => text.Get(locale, SalesTextKeys.PeriodWeek, ISOWeek.GetWeekOfYear(start), ISOWeek.GetYear(start)),
            // The culture's own year–month pattern: "November 2026", "2026年11月".
            SalesPeriodKind.Month => period.Start.ToString(culture.DateTimeFormat.YearMonthPattern, culture),
            SalesPeriodKind.Quarter => text.Get(locale, SalesTextKeys.PeriodQuarter, ((period.Start.Month - 1) / 3) + 1, period.Start.Year),
            SalesPeriodKind.HalfYear => text.Get(locale, period.Start.Month <= 6 ? SalesTextKeys.PeriodFirstHalf : SalesTextKeys.PeriodSecondHalf, period.Start.Year),
            _ => text.Get(locale, SalesTextKeys.PeriodYear, period.Start.Year),
        };
    }

    /// <summary>
    /// A period's name with "This month · " in front when it holds <paramref name="today"/>, " · final result" after
    /// it when it is over, " · not started yet" when it is to come (a monthly review reads a past month's card).
    /// </summary>
    public static string PeriodTitle(BotText text, string? locale, SalesPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = PeriodName(text, locale, period);
        return period.StateOn(today) switch
        {
            PeriodState.Past => text.Get(locale, SalesTextKeys.TitlePast, name),
            PeriodState.Future => text.Get(locale, SalesTextKeys.TitleFuture, name),
            _ => text.Get(locale, period.Kind switch
            {
                SalesPeriodKind.Week => SalesTextKeys.TitleCurrentWeek,
                SalesPeriodKind.Month => SalesTextKeys.TitleCurrentMonth,
                SalesPeriodKind.Quarter => SalesTextKeys.TitleCurrentQuarter,
                SalesPeriodKind.HalfYear => SalesTextKeys.TitleCurrentHalf,
                _ => SalesTextKeys.TitleCurrentYear,
            }, name),
        };
    }

    /// <summary>
    /// The status text of a pace in a period: ahead / on pace / behind while it runs; reached or missed once it is over
    /// (pace means nothing then); not started before it begins.
    /// </summary>
    public static string Status(BotText text, string? locale, Pace pace, PeriodState state)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pace);
        return text.Get(locale, pace.Status == PaceStatus.NoTarget ? SalesTextKeys.StatusNoTarget : state switch
        {
            PeriodState.Past => pace.TargetReached ? SalesTextKeys.StatusReached : SalesTextKeys.StatusMissed,
            PeriodState.Future => SalesTextKeys.StatusNotStarted,
            _ => StatusKey(pace.Status),
        });
    }

    /// <summary>The colour of <see cref="Status"/>: good when reached, attention when missed, default before the start.</summary>
    public static TextColor ColorOf(Pace pace, PeriodState state)
    {
        ArgumentNullException.ThrowIfNull(pace);
        return pace.Status == PaceStatus.NoTarget ? TextColor.Default : state switch
        {
            PeriodState.Past => pace.TargetReached ? TextColor.Good : TextColor.Attention,
            PeriodState.Future => TextColor.Default,
            _ => ColorOf(pace.Status),
        };
    }

    /// <summary>The bar's status in a period: reached counts as ahead and missed as behind once it is over.</summary>
    public static PaceStatus BarStatus(Pace pace, PeriodState state)
    {
        ArgumentNullException.ThrowIfNull(pace);
        return state == PeriodState.Past && pace.Status != PaceStatus.NoTarget
            ? pace.TargetReached ? PaceStatus.Ahead : PaceStatus.Behind
            : pace.Status;
    }

    /// <summary>The text colour of a status: good ahead, accent on pace, attention behind, default without a target.</summary>
    public static TextColor ColorOf(PaceStatus status) => status switch
    {
        PaceStatus.Ahead => TextColor.Good,
        PaceStatus.OnPace => TextColor.Accent,
        PaceStatus.Behind => TextColor.Attention,
        _ => TextColor.Default,
    };

    /// <summary>The text key of a pace status (ahead, on pace, behind, no target).</summary>
    public static string StatusKey(PaceStatus status) => status switch
    {
        PaceStatus.Ahead => SalesTextKeys.StatusAhead,
        PaceStatus.OnPace => SalesTextKeys.StatusOnPace,
        PaceStatus.Behind => SalesTextKeys.StatusBehind,
        _ => SalesTextKeys.StatusNoTarget,
    };

    /// <summary>
    /// The footer line per year a card's period touches whose holidays the team's calendar does not know ("The 2027
    /// holiday schedule has not been loaded yet; pace counts Monday to Friday."): without it, pace over the Spring
    /// Festival would silently count holidays as working days.
    /// </summary>
    public static IEnumerable<TextBlock> CalendarNotes(BotText text, string? locale, IReadOnlyList<int>? uncoveredYears)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (uncoveredYears ?? []).Select(year => new TextBlock(text.Get(locale, SalesTextKeys.CalendarNotLoaded, year))
        {
            Size = TextSize.Small,
            Color = TextColor.Warning,
            Wrap = true,
            Spacing = Spacing.Small,
        });
    }

    /// <summary>
    /// The progress bar: a filled and an empty column weighted by the percentage (Teams has no progress bar that renders
    /// everywhere), capped at 100 % so an over-achiever's bar is simply full (the text shows the real figure).
    /// </summary>
    public static ColumnSet Bar(decimal percent, PaceStatus status)
    {
        var filled = (int)Math.Round(Math.Clamp(percent, 0, 100) / 100 * BarParts, MidpointRounding.AwayFromZero);
        var fill = status switch
        {
            PaceStatus.Ahead => ContainerStyle.Good,
            PaceStatus.OnPace => ContainerStyle.Accent,
            PaceStatus.Behind => ContainerStyle.Attention,
            _ => ContainerStyle.Emphasis,
        };
        var columns = new List<Column>();
        if (filled > 0)
        {
            columns.Add(BarPart(filled, fill));
        }

        if (filled < BarParts)
        {
            columns.Add(BarPart(BarParts - filled, ContainerStyle.Emphasis));
        }

        return new ColumnSet { Columns = columns, Spacing = Spacing.Small };
    }

    // A column needs content to have height; a no-break space keeps it one small line tall.
    private static Column BarPart(int weight, ContainerStyle style) => new()
    {
        Width = ColumnWidth.OfWeight(weight),
        Style = style,
        Spacing = Spacing.None,
        Items = [new TextBlock("\u00A0") { Size = TextSize.Small }],
    };

    /// <summary>A currency as a text names it: 人民币, 美元 in Chinese; the ISO code in English and for codes without a name.</summary>
    public static string CurrencyName(BotText text, string? locale, string? code)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(code))
        {
            return string.Empty;
        }

        var key = SalesTextKeys.Currency(code.ToUpperInvariant());
        return text.Has(BotText.Resolve(locale), key) ? text.Get(locale, key) : code;
    }

    // Up to two decimals, no trailing zeros and no thousands comma inside the 万 figure: 12.5万, 12万, 1200万.
    private static string Trimmed(decimal value, CultureInfo culture) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", culture);

    private static string Symbol(string? currency) => currency?.ToUpperInvariant() switch
    {
        null or "" or "CNY" or "RMB" or "JPY" => "¥",
        "USD" or "HKD" or "SGD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        var code => code + " ",
    };
}
