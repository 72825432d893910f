using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Targets;

/// <summary>One KPI on the targets card.</summary>
/// <param name="Name">Display name in the card's language (a custom name may be in either language).</param>
/// <param name="Currency">ISO 4217 code for currency KPIs, e.g. CNY.</param>
public sealed record TargetsRow(string Key, string Name, KpiUnit Unit, string? Currency, Pace Pace);

/// <summary>What the targets card shows: whose progress, for which period, one row per KPI, and when the data was read.</summary>
/// <param name="AsOf">When the results were read; shown as a date and time in <paramref name="TimeZone"/>.</param>
/// <param name="Notice">An optional line on top saying what just happened (e.g. "Logged ¥120,000 revenue · Acme.").</param>
public sealed record TargetsView(string MemberName, SalesPeriod Period, IReadOnlyList<TargetsRow> Rows, DateTimeOffset AsOf, TimeZoneInfo TimeZone, string? Notice = null);

/// <summary>
/// The <c>targets</c> card: one row per KPI with a bar built from plain 1.5 columns (Teams has no progress bar that
/// renders everywhere), a gauge of the first KPI with a text fallback, and buttons to switch period or log a result.
/// </summary>
public static class TargetsCard
{
    /// <summary>Switches the card to another period; data carries <see cref="PeriodKey"/>.</summary>
    public const string PeriodVerb = "targets.period";

    /// <summary>Opens the form to log a result (built by the results feature).</summary>
    public const string LogResultVerb = "results.log-form";

    /// <summary>The data key of <see cref="PeriodVerb"/>: week, month, quarter or year.</summary>
    public const string PeriodKey = "period";

    /// <summary>The element id of the optional notice line on top.</summary>
    public const string NoticeId = "targetsNotice";

    // The bar is drawn in 100 weighted parts; more would not be visible.
    private const int BarParts = 100;

    public static AdaptiveCard Build(BotText text, string? locale, TargetsView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var culture = CultureInfo.GetCultureInfo(BotText.Resolve(locale));
        var title = Title(text, locale, culture, view);
        List<CardElement> body = [];
        if (!string.IsNullOrWhiteSpace(view.Notice))
        {
            // What the rep just did, on top, so the card that changed in place says why it changed.
            body.Add(new TextBlock("✔ " + view.Notice) { Id = NoticeId, Color = TextColor.Good, Weight = TextWeight.Bolder, Wrap = true });
        }

        body.AddRange(
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(text.Get(locale, TargetsTextKeys.Subtitle, view.MemberName)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        ]);

        if (view.Rows.Count == 0)
        {
            body.Add(new TextBlock(text.Get(locale, TargetsTextKeys.Empty)) { Wrap = true, Spacing = Spacing.Medium });
        }
        else
        {
            if (view.Rows.FirstOrDefault(r => r.Pace.PercentDone is not null) is { } first)
            {
                body.Add(Gauge(text, locale, culture, first));
            }

            body.AddRange(view.Rows.Select(r => Row(text, locale, culture, r)));
        }

        var local = TimeZoneInfo.ConvertTime(view.AsOf, view.TimeZone);
        var asOf = local.ToString(BotText.IsChinese(locale) ? "yyyy年M月d日 HH:mm" : "MMM d, yyyy HH:mm", culture);
        body.Add(new TextBlock(text.Get(locale, TargetsTextKeys.AsOf, asOf)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Separator = true });

        return new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth(),
            FallbackText = text.Get(locale, TargetsTextKeys.Summary, title),
            Body = body,
            Actions =
            [
                PeriodButton(text, locale, SalesPeriodKind.Week, view.Period.Kind),
                PeriodButton(text, locale, SalesPeriodKind.Month, view.Period.Kind),
                PeriodButton(text, locale, SalesPeriodKind.Quarter, view.Period.Kind),
                PeriodButton(text, locale, SalesPeriodKind.Year, view.Period.Kind),
                // The form remembers the period so Log and Cancel come back to the card the rep was looking at.
                new ExecuteAction(LogResultVerb, text.Get(locale, TargetsTextKeys.ButtonLog),
                    new Dictionary<string, object?>(StringComparer.Ordinal) { [PeriodKey] = PeriodWord(view.Period.Kind) }),
            ],
        };
    }

    /// <summary>The word a period kind travels as in <see cref="PeriodKey"/> (parsed back with <see cref="SalesPeriod.TryParseKind"/>).</summary>
    public static string PeriodWord(SalesPeriodKind kind) => kind switch
    {
        SalesPeriodKind.Week => "week",
        SalesPeriodKind.Month => "month",
        SalesPeriodKind.Quarter => "quarter",
        SalesPeriodKind.Year => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
    };

    /// <summary>The text colour of a status: good ahead, accent on pace, attention behind, default without a target.</summary>
    public static TextColor ColorOf(PaceStatus status) => status switch
    {
        PaceStatus.Ahead => TextColor.Good,
        PaceStatus.OnPace => TextColor.Accent,
        PaceStatus.Behind => TextColor.Attention,
        _ => TextColor.Default,
    };

    /// <summary>
    /// An amount as the card shows it: currency with its symbol and grouping (zh-CN uses 万 from 10,000 and 亿 from
    /// 100,000,000), counts as whole numbers.
    /// </summary>
    public static string FormatAmount(string? locale, KpiUnit unit, string? currency, decimal amount)
    {
        var culture = CultureInfo.GetCultureInfo(BotText.Resolve(locale));
        var chinese = BotText.IsChinese(locale);
        if (unit == KpiUnit.Count)
        {
            return Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("N0", culture);
        }

        var sign = amount < 0 ? "-" : "";
        var size = Math.Abs(amount);
        var symbol = Symbol(currency);
        string number;
        if (chinese && size >= 100_000_000m)
        {
            number = Trimmed(size / 100_000_000m, culture) + "亿";
        }
        else if (chinese && size >= 10_000m)
        {
            number = Trimmed(size / 10_000m, culture) + "万";
        }
        else
        {
            number = size == decimal.Truncate(size) ? size.ToString("N0", culture) : size.ToString("N2", culture);
        }

        return sign + symbol + number;
    }

    // Up to two decimals, no trailing zeros: 12.5万, 12万.
    private static string Trimmed(decimal value, CultureInfo culture) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", culture);

    private static string Symbol(string? currency) => currency?.ToUpperInvariant() switch
    {
        null or "" or "CNY" or "RMB" or "JPY" => "¥",
        "USD" or "HKD" or "SGD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        var code => code + " ",
    };

    /// <summary>The text key of a pace status (ahead, on pace, behind, no target).</summary>
    internal static string StatusKey(PaceStatus status) => status switch
    {
        PaceStatus.Ahead => TargetsTextKeys.StatusAhead,
        PaceStatus.OnPace => TargetsTextKeys.StatusOnPace,
        PaceStatus.Behind => TargetsTextKeys.StatusBehind,
        _ => TargetsTextKeys.StatusNoTarget,
    };

    internal static string Title(BotText text, string? locale, CultureInfo culture, TargetsView view)
    {
        var period = view.Period;
        var name = period.Kind switch
        {
            SalesPeriodKind.Week => text.Get(locale, TargetsTextKeys.PeriodWeek,
                ISOWeek.GetWeekOfYear(period.Start.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetYear(period.Start.ToDateTime(TimeOnly.MinValue))),
            // The culture's own year–month pattern: "November 2026", "2026年11月".
            SalesPeriodKind.Month => period.Start.ToString(culture.DateTimeFormat.YearMonthPattern, culture),
            SalesPeriodKind.Quarter => text.Get(locale, TargetsTextKeys.PeriodQuarter, ((period.Start.Month - 1) / 3) + 1, period.Start.Year),
            _ => text.Get(locale, TargetsTextKeys.PeriodYear, period.Start.Year),
        };
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(view.AsOf, view.TimeZone).DateTime);
        return period.Contains(today)
            ? text.Get(locale, period.Kind switch
            {
                SalesPeriodKind.Week => TargetsTextKeys.TitleCurrentWeek,
                SalesPeriodKind.Month => TargetsTextKeys.TitleCurrentMonth,
                SalesPeriodKind.Quarter => TargetsTextKeys.TitleCurrentQuarter,
                _ => TargetsTextKeys.TitleCurrentYear,
            }, name)
            : name;
    }

    private static GaugeChart Gauge(BotText text, string? locale, CultureInfo culture, TargetsRow row)
    {
        var percent = row.Pace.PercentDone ?? 0;
        var shown = Percent(percent, culture);
        return new GaugeChart(Math.Min(percent, 100), new TextBlock(text.Get(locale, TargetsTextKeys.GaugeFallback, row.Name, shown)) { Wrap = true, Weight = TextWeight.Bolder })
        {
            Title = row.Name,
            Min = 0,
            Max = 100,
            SubLabel = text.Get(locale, TargetsTextKeys.Percent, shown),
            Spacing = Spacing.Medium,
        };
    }

    private static Container Row(BotText text, string? locale, CultureInfo culture, TargetsRow row)
    {
        var pace = row.Pace;
        string Amount(decimal value) => FormatAmount(locale, row.Unit, row.Currency, value);
        var color = ColorOf(pace.Status);
        var statusKey = StatusKey(pace.Status);

        List<CardElement> items =
        [
            new ColumnSet
            {
                Columns =
                [
                    new Column { Width = ColumnWidth.Stretch, Items = [new TextBlock(row.Name) { Weight = TextWeight.Bolder, Wrap = true }] },
                    new Column
                    {
                        Width = ColumnWidth.Auto,
                        Items = [new TextBlock($"{Amount(pace.Actual)} / {Amount(pace.Target)}") { HorizontalAlignment = HorizontalAlignment.Right }],
                    },
                ],
            },
        ];

        if (pace.PercentDone is { } percent)
        {
            items.Add(Bar(percent, pace.Status));
            items.Add(new TextBlock(text.Get(locale, TargetsTextKeys.Percent, Percent(percent, culture)) + " · " + text.Get(locale, statusKey))
            {
                Color = color,
                Weight = TextWeight.Bolder,
                Wrap = true,
                Spacing = Spacing.Small,
            });
            var needed = pace.TargetReached ? text.Get(locale, TargetsTextKeys.Reached)
                : pace.NoWorkingDaysLeft ? text.Get(locale, TargetsTextKeys.NoDaysLeft, Amount(pace.NeededPerRemainingWorkingDay))
                : null;
            List<CardFact> facts =
            [
                new(text.Get(locale, TargetsTextKeys.Expected), Amount(pace.ExpectedByNow)),
                new(text.Get(locale, TargetsTextKeys.Forecast), Amount(pace.Forecast)),
            ];
            if (needed is null)
            {
                // Nobody closes 0.4 of a contract: counts needed per day round up.
                var perDay = row.Unit == KpiUnit.Count ? decimal.Ceiling(pace.NeededPerRemainingWorkingDay) : pace.NeededPerRemainingWorkingDay;
                facts.Add(new(text.Get(locale, TargetsTextKeys.Needed), Amount(perDay)));
            }

            items.Add(new FactSet { Facts = facts, Spacing = Spacing.Small });
            if (needed is not null)
            {
                items.Add(new TextBlock(needed) { Color = pace.TargetReached ? TextColor.Good : TextColor.Attention, Wrap = true, Spacing = Spacing.Small });
            }
        }
        else
        {
            items.Add(new TextBlock(text.Get(locale, statusKey)) { Color = color, IsSubtle = true, Wrap = true, Spacing = Spacing.Small });
        }

        return new Container { Items = items, Separator = true, Spacing = Spacing.Medium };
    }

    /// <summary>
    /// The progress bar: a filled and an empty column weighted by the percentage, capped at 100 % so an over-achiever's
    /// bar is simply full (the text shows the real figure).
    /// </summary>
    internal static ColumnSet Bar(decimal percent, PaceStatus status)
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

    internal static string Percent(decimal percent, CultureInfo culture) => percent.ToString("0.#", culture);

    private static ExecuteAction PeriodButton(BotText text, string? locale, SalesPeriodKind kind, SalesPeriodKind current) =>
        new ExecuteAction(PeriodVerb, text.Get(locale, kind switch
        {
            SalesPeriodKind.Week => TargetsTextKeys.ButtonWeek,
            SalesPeriodKind.Month => TargetsTextKeys.ButtonMonth,
            SalesPeriodKind.Quarter => TargetsTextKeys.ButtonQuarter,
            _ => TargetsTextKeys.ButtonYear,
        }),
            new Dictionary<string, object?>(StringComparer.Ordinal) { [PeriodKey] = PeriodWord(kind) })
        {
            // The shown period's button is highlighted so the user sees where they are.
            Style = kind == current ? ActionStyle.Positive : null,
        };
}

/// <summary>Text keys of the targets card (targets.*.json).</summary>
public static class TargetsTextKeys
{
    public const string TitleCurrentWeek = "targets.title.current.week";

    public const string TitleCurrentMonth = "targets.title.current.month";

    public const string TitleCurrentQuarter = "targets.title.current.quarter";

    public const string TitleCurrentYear = "targets.title.current.year";

    public const string PeriodWeek = "targets.period.week";

    public const string PeriodQuarter = "targets.period.quarter";

    public const string PeriodYear = "targets.period.year";

    public const string Subtitle = "targets.subtitle";

    public const string Empty = "targets.empty";

    public const string Percent = "targets.percent";

    public const string StatusAhead = "targets.status.ahead";

    public const string StatusOnPace = "targets.status.onPace";

    public const string StatusBehind = "targets.status.behind";

    public const string StatusNoTarget = "targets.status.noTarget";

    public const string Expected = "targets.expected";

    public const string Forecast = "targets.forecast";

    public const string Needed = "targets.needed";

    public const string Reached = "targets.reached";

    public const string NoDaysLeft = "targets.noDaysLeft";

    public const string GaugeFallback = "targets.gauge.fallback";

    public const string AsOf = "targets.asOf";

    public const string ButtonWeek = "targets.button.week";

    public const string ButtonMonth = "targets.button.month";

    public const string ButtonQuarter = "targets.button.quarter";

    public const string ButtonYear = "targets.button.year";

    public const string ButtonLog = "targets.button.log";

    public const string Summary = "targets.summary";

    public const string CommandHelp = "targets.command.help";

    public const string CommandArgs = "targets.command.args";

    public const string UnknownPeriod = "targets.unknownPeriod";

    public const string Usage = "targets.usage";

    public const string NoMember = "targets.noMember";
}
