using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.WeekAhead;

/// <summary>One KPI of a rep: its name in the card's language, this week's target (null: none set) and the month's pace.</summary>
internal sealed record WeekAheadRow(string KpiName, KpiUnit Unit, string? Currency, decimal? WeekTarget, Pace Month);

/// <summary>
/// What the week-ahead card and the pace nudge show for one rep: the week and month they are in (by the rep's today),
/// the KPIs with a target, and whom (tenant, member) the card is for, so its opt-out button works for them only.
/// </summary>
internal sealed record WeekAheadView(string TenantId, long MemberId, SalesPeriod Week, SalesPeriod Month, DateOnly Today, IReadOnlyList<WeekAheadRow> Rows);

/// <summary>
/// The week-ahead card in a rep's 1:1 chat on Monday morning: per KPI this week's target, the month so far with its
/// pace, and what it takes per working day to reach the month's target; how it is sent and how to turn it off, with a
/// one-click opt-out (<see cref="OptOutActions"/>).
/// </summary>
internal static class WeekAheadCard
{
    /// <summary>What is still missing to the month's target (0 once reached).</summary>
    internal static decimal Gap(Pace month) => Math.Max(0, month.Target - month.Actual);

    public static AdaptiveCard Build(BotText text, string? locale, WeekAheadView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var culture = SalesFormat.CultureOf(locale);
        var monthName = SalesFormat.PeriodName(text, locale, view.Month);
        var title = text.Get(locale, WeekAheadTextKeys.CardTitle, SalesFormat.PeriodName(text, locale, view.Week));
        var pace = view.Rows.Select(r => r.Month).FirstOrDefault(p => p.Status != PaceStatus.NoTarget) ?? view.Rows[0].Month;
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(text.Get(locale, WeekAheadTextKeys.CardIntro, monthName, pace.WorkingDaysElapsed, pace.WorkingDays))
            {
                IsSubtle = true, Wrap = true, Spacing = Spacing.None,
            },
        ];
        foreach (var row in view.Rows)
        {
            string Amount(decimal amount) => SalesFormat.Amount(locale, row.Unit, row.Currency, amount);
            List<CardElement> items =
            [
                new TextBlock(row.KpiName) { Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(row.WeekTarget is { } week
                    ? text.Get(locale, WeekAheadTextKeys.CardWeekTarget, Amount(week))
                    : text.Get(locale, WeekAheadTextKeys.CardNoWeekTarget)) { Wrap = true, Spacing = Spacing.None },
            ];
            var month = row.Month;
            if (month.Status == PaceStatus.NoTarget)
            {
                items.Add(new TextBlock(text.Get(locale, WeekAheadTextKeys.CardNoMonthTarget, monthName)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None });
            }
            else
            {
                items.Add(new TextBlock(text.Get(locale, WeekAheadTextKeys.CardMonth, monthName, Amount(month.Actual), Amount(month.Target),
                    SalesFormat.Percent(month.PercentDone ?? 0m, culture), SalesFormat.Status(text, locale, month, PeriodState.Current)))
                {
                    Color = SalesFormat.ColorOf(month.Status), Wrap = true, Spacing = Spacing.None,
                });
                items.Add(new TextBlock(month.TargetReached ? text.Get(locale, WeekAheadTextKeys.CardReached)
                    // A count per day such as 0.4 calls reads oddly (and rounds to 0): counts say what is left in total.
                    : row.Unit == KpiUnit.Count ? text.Get(locale, WeekAheadTextKeys.CardNeededCount, Amount(month.Target), Amount(Gap(month)), month.WorkingDaysRemaining)
                    : text.Get(locale, WeekAheadTextKeys.CardNeeded, Amount(month.Target), Amount(month.NeededPerRemainingWorkingDay), month.WorkingDaysRemaining))
                {
                    Wrap = true, Spacing = Spacing.None,
                });
            }

            body.Add(new Container { Separator = true, Spacing = Spacing.Medium, Items = items });
        }

        body.Add(new TextBlock(text.Get(locale, WeekAheadTextKeys.CardTurnOff)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        return new AdaptiveCard
        {
            FallbackText = title,
            Body = body,
            Actions =
            [
                new ExecuteAction(OptOutActions.Verb, text.Get(locale, WeekAheadTextKeys.CardStop),
                    OptOutActions.Data(AutomaticMessageKinds.WeekAhead, view.TenantId, view.MemberId)),
            ],
        };
    }
}

/// <summary>
/// The mid-week pace nudge in a rep's 1:1 chat: the KPIs behind pace this month, how far behind, what it takes per
/// remaining working day, "Log a result" (the log form) and a one-click opt-out.
/// </summary>
internal static class PaceNudgeCard
{
    /// <summary>The card for the rows behind pace; <paramref name="view"/>'s rows are all behind.</summary>
    public static AdaptiveCard Build(BotText text, string? locale, WeekAheadView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var culture = SalesFormat.CultureOf(locale);
        var title = text.Get(locale, WeekAheadTextKeys.NudgeTitle, SalesFormat.PeriodName(text, locale, view.Month));
        var first = view.Rows[0].Month;
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Warning, Wrap = true },
            new TextBlock(text.Get(locale, WeekAheadTextKeys.NudgeIntro, first.WorkingDaysElapsed, first.WorkingDays)) { Wrap = true, Spacing = Spacing.None },
        ];
        foreach (var row in view.Rows)
        {
            string Amount(decimal amount) => SalesFormat.Amount(locale, row.Unit, row.Currency, amount);
            var month = row.Month;
            body.Add(new Container
            {
                Separator = true,
                Spacing = Spacing.Medium,
                Items =
                [
                    new TextBlock(row.KpiName) { Weight = TextWeight.Bolder, Wrap = true },
                    new TextBlock(text.Get(locale, WeekAheadTextKeys.NudgeGap, Amount(month.Actual), Amount(month.Target),
                        SalesFormat.Percent(month.PercentDone ?? 0m, culture), Amount(Math.Max(0, month.ExpectedByNow - month.Actual))))
                    {
                        Color = TextColor.Warning, Wrap = true, Spacing = Spacing.None,
                    },
                    new TextBlock(row.Unit == KpiUnit.Count
                        ? text.Get(locale, WeekAheadTextKeys.NudgeNeededCount, Amount(WeekAheadCard.Gap(month)), month.WorkingDaysRemaining)
                        : text.Get(locale, WeekAheadTextKeys.NudgeNeeded, Amount(month.NeededPerRemainingWorkingDay), month.WorkingDaysRemaining))
                    {
                        Wrap = true, Spacing = Spacing.None,
                    },
                ],
            });
        }

        body.Add(new TextBlock(text.Get(locale, WeekAheadTextKeys.NudgeTurnOff)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        return new AdaptiveCard
        {
            FallbackText = title,
            Body = body,
            Actions =
            [
                // The log form comes back to this month's progress card.
                new ExecuteAction(ProgressCardActions.LogResultVerb, text.Get(locale, WeekAheadTextKeys.NudgeLog),
                    new Dictionary<string, object?>(StringComparer.Ordinal) { [ProgressCardActions.PeriodKey] = PeriodWords.CardKey(view.Month, view.Today) })
                {
                    Style = ActionStyle.Positive,
                },
                new ExecuteAction(OptOutActions.Verb, text.Get(locale, WeekAheadTextKeys.NudgeStop),
                    OptOutActions.Data(AutomaticMessageKinds.Nudges, view.TenantId, view.MemberId)),
            ],
        };
    }
}
