using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Targets;

/// <summary>One KPI on the targets card.</summary>
/// <param name="Name">Display name in the card's language (a custom name may be in either language).</param>
/// <param name="Currency">ISO 4217 code for currency KPIs, e.g. CNY.</param>
/// <param name="TargetIsSum">The target is the sum of the periods set inside this one (no yearly target to split).</param>
internal sealed record TargetsRow(string Key, string Name, KpiUnit Unit, string? Currency, Pace Pace, bool TargetIsSum = false);

/// <summary>What the targets card shows: whose progress, for which period, one row per KPI, and when the data was read.</summary>
/// <param name="AsOf">When the results were read; shown as a date and time in <paramref name="TimeZone"/>.</param>
/// <param name="Notice">An optional line on top saying what just happened (e.g. "Logged ¥120,000 revenue · Acme.").</param>
/// <param name="UncoveredYears">Years of the period whose holidays the calendar does not know (pace counts Monday to Friday there).</param>
internal sealed record TargetsView(
    string MemberName, SalesPeriod Period, IReadOnlyList<TargetsRow> Rows, DateTimeOffset AsOf, TimeZoneInfo TimeZone, string? Notice = null,
    IReadOnlyList<int>? UncoveredYears = null)
{
    /// <summary>The day the data was read, in the member's zone: what "current", "over" and "to come" are measured on.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(AsOf, TimeZone).DateTime);

    public PeriodState State => Period.StateOn(Today);
}

/// <summary>
/// The <c>targets</c> card: one row per KPI with a bar built from plain 1.5 columns (Teams has no progress bar that
/// renders everywhere), a gauge of the first KPI with a text fallback, and buttons to switch period or log a result.
/// A period that is over shows its final result (% done, reached or missed, by how much) and no pace; one to come shows
/// its targets only.
/// </summary>
internal static class TargetsCard
{
    /// <summary>The element id of the optional notice line on top.</summary>
    public const string NoticeId = "targetsNotice";

    public static AdaptiveCard Build(BotText text, string? locale, TargetsView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var culture = SalesFormat.CultureOf(locale);
        var title = Title(text, locale, view);
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
            if (view.State != PeriodState.Future && view.Rows.FirstOrDefault(r => r.Pace.PercentDone is not null) is { } first)
            {
                body.Add(Gauge(text, locale, culture, first));
            }

            body.AddRange(view.Rows.Select(r => Row(text, locale, culture, r, view.State)));
        }

        var asOf = SalesFormat.DateTime(locale, view.AsOf, view.TimeZone);
        body.Add(new TextBlock(text.Get(locale, TargetsTextKeys.AsOf, asOf)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Separator = true });
        body.AddRange(SalesFormat.CalendarNotes(text, locale, view.UncoveredYears));

        return new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth(),
            FallbackText = text.Get(locale, TargetsTextKeys.Summary, title),
            Body = body,
            Actions =
            [
                PeriodButton(text, locale, SalesPeriodKind.Week, view),
                PeriodButton(text, locale, SalesPeriodKind.Month, view),
                PeriodButton(text, locale, SalesPeriodKind.Quarter, view),
                PeriodButton(text, locale, SalesPeriodKind.Year, view),
                // The form remembers the period so Log and Cancel come back to the card the rep was looking at.
                new ExecuteAction(ProgressCardActions.LogResultVerb, text.Get(locale, TargetsTextKeys.ButtonLog),
                    new Dictionary<string, object?>(StringComparer.Ordinal) { [ProgressCardActions.PeriodKey] = PeriodWords.CardKey(view.Period, view.Today) }),
            ],
        };
    }

    /// <summary>"This month · November 2026": the period's title, marked when it holds the day the data was read.</summary>
    internal static string Title(BotText text, string? locale, TargetsView view) =>
        SalesFormat.PeriodTitle(text, locale, view.Period, view.Today);

    private static GaugeChart Gauge(BotText text, string? locale, CultureInfo culture, TargetsRow row)
    {
        var percent = row.Pace.PercentDone ?? 0;
        var shown = SalesFormat.Percent(percent, culture);
        return new GaugeChart(Math.Min(percent, 100), new TextBlock(text.Get(locale, TargetsTextKeys.GaugeFallback, row.Name, shown)) { Wrap = true, Weight = TextWeight.Bolder })
        {
            Title = row.Name,
            Min = 0,
            Max = 100,
            SubLabel = text.Get(locale, TargetsTextKeys.Percent, shown),
            Spacing = Spacing.Medium,
        };
    }

    private static Container Row(BotText text, string? locale, CultureInfo culture, TargetsRow row, PeriodState state)
    {
        var pace = row.Pace;
        string Amount(decimal value) => SalesFormat.Amount(locale, row.Unit, row.Currency, value);
        var color = SalesFormat.ColorOf(pace, state);
        var status = SalesFormat.Status(text, locale, pace, state);

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

        if (row.TargetIsSum)
        {
            // No yearly target: say where the number comes from, so nobody reads it as a yearly plan.
            items.Add(new TextBlock(text.Get(locale, TargetsTextKeys.TargetIsSum)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
        }

        if (pace.PercentDone is { } percent && state != PeriodState.Future)
        {
            items.Add(SalesFormat.Bar(percent, SalesFormat.BarStatus(pace, state)));
            items.Add(new TextBlock(text.Get(locale, TargetsTextKeys.Percent, SalesFormat.Percent(percent, culture)) + " · " + status)
            {
                Color = color,
                Weight = TextWeight.Bolder,
                Wrap = true,
                Spacing = Spacing.Small,
            });
            if (state == PeriodState.Past)
            {
                // The final result: pace and "per day" mean nothing once the period is over; the gap does.
                if (!pace.TargetReached)
                {
                    items.Add(new TextBlock(text.Get(locale, TargetsTextKeys.MissedBy, Amount(pace.Target - pace.Actual)))
                    {
                        Color = TextColor.Attention,
                        Wrap = true,
                        Spacing = Spacing.Small,
                    });
                }

                return new Container { Items = items, Separator = true, Spacing = Spacing.Medium };
            }

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
            items.Add(new TextBlock(status) { Color = color, IsSubtle = true, Wrap = true, Spacing = Spacing.Small });
        }

        return new Container { Items = items, Separator = true, Spacing = Spacing.Medium };
    }

    private static ExecuteAction PeriodButton(BotText text, string? locale, SalesPeriodKind kind, TargetsView view) =>
        new ExecuteAction(ProgressCardActions.PeriodVerb, text.Get(locale, kind switch
        {
            SalesPeriodKind.Week => TargetsTextKeys.ButtonWeek,
            SalesPeriodKind.Month => TargetsTextKeys.ButtonMonth,
            SalesPeriodKind.Quarter => TargetsTextKeys.ButtonQuarter,
            _ => TargetsTextKeys.ButtonYear,
        }),
            new Dictionary<string, object?>(StringComparer.Ordinal) { [ProgressCardActions.PeriodKey] = SalesPeriod.Word(kind) })
        {
            // The shown period's button is highlighted so the user sees where they are (none for a past or coming one:
            // the buttons go to the current week, month, quarter or year).
            Style = kind == view.Period.Kind && view.State == PeriodState.Current ? ActionStyle.Positive : null,
        };
}
