using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Scorecards;

/// <summary>
/// The scorecard cards: a rep's (per KPI actual, target, attainment, score and weight, the weighted total, what was left
/// out and what to work on) and a manager's team summary (each rep's total, best first). Names are plain text runs. An
/// automatic card (<paramref name="automaticFor"/>: tenant and recipient) says how to turn it off and has a one-click
/// opt-out (<see cref="OptOutActions"/>).
/// </summary>
internal static class ScorecardCards
{
    public static AdaptiveCard Rep(BotText text, string? locale, TeamScorecard team, RepScorecard rep, (string TenantId, long MemberId)? automaticFor)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(rep);
        var culture = SalesFormat.CultureOf(locale);
        var periodName = SalesFormat.PeriodName(text, locale, team.Period);
        var title = text.Get(locale, ScorecardsTextKeys.CardTitle, periodName);
        var score = rep.Score;
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            Plain(text.Get(locale, ScorecardsTextKeys.CardSubtitle, rep.Name, team.TeamName), subtle: true),
            new TextBlock(score.Total is { } total ? text.Get(locale, ScorecardsTextKeys.CardTotal, Points(total, culture)) : text.Get(locale, ScorecardsTextKeys.CardNoTotal))
            {
                Size = score.Total is null ? null : TextSize.ExtraLarge, Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium,
                Color = score.Total is { } shown ? ColorOf(shown) : null,
            },
        ];
        if (team.State == PeriodState.Current)
        {
            body.Add(new TextBlock(text.Get(locale, ScorecardsTextKeys.CardSoFar, periodName)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None });
        }

        foreach (var kpi in score.Scored)
        {
            var definition = team.Kpi(kpi.KpiId);
            string Amount(decimal amount) => SalesFormat.Amount(locale, definition.Unit, definition.Currency, amount);
            body.Add(new Container
            {
                Separator = true,
                Spacing = Spacing.Medium,
                Items =
                [
                    new TextBlock(definition.Name) { Weight = TextWeight.Bolder, Wrap = true },
                    new TextBlock(text.Get(locale, ScorecardsTextKeys.CardKpiLine, Amount(kpi.Actual), Amount(kpi.Target!.Value), Points(kpi.Attainment!.Value, culture)))
                    {
                        Wrap = true, Spacing = Spacing.None, Color = kpi.FarBelow ? TextColor.Warning : null,
                    },
                    new TextBlock(text.Get(locale, ScorecardsTextKeys.CardKpiScore, Points(kpi.Score!.Value, culture), Points(kpi.ShareOfTotal!.Value, culture)))
                    {
                        IsSubtle = true, Wrap = true, Spacing = Spacing.None,
                    },
                ],
            });
        }

        var leftOut = score.LeftOut.Select(k => team.Kpi(k.KpiId).Name).ToList();
        if (leftOut.Count > 0)
        {
            body.Add(Plain(text.Get(locale, ScorecardsTextKeys.CardLeftOut, BotText.List(locale, leftOut)), subtle: true, separator: true));
        }

        var suggestions = score.Scored.Where(k => k.FarBelow).Select(k => Suggestion(text, locale, team.Kpi(k.KpiId))).ToList();
        foreach (var suggestion in suggestions)
        {
            body.Add(new TextBlock(text.Get(locale, ScorecardsTextKeys.CardWorkOn, suggestion)) { Wrap = true, Color = TextColor.Warning, Spacing = Spacing.Small });
        }

        if (team.EqualWeights)
        {
            body.Add(new TextBlock(text.Get(locale, ScorecardsTextKeys.CardEqualWeights)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        }

        body.Add(new TextBlock(text.Get(locale, ScorecardsTextKeys.CardCap, Points(team.CapPercent, culture))) { IsSubtle = true, Size = TextSize.Small, Wrap = true });
        return Finish(text, locale, title, body, automaticFor);
    }

    public static AdaptiveCard Summary(BotText text, string? locale, TeamScorecard team, (string TenantId, long MemberId)? automaticFor)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(team);
        var culture = SalesFormat.CultureOf(locale);
        var periodName = SalesFormat.PeriodName(text, locale, team.Period);
        var title = text.Get(locale, ScorecardsTextKeys.SummaryTitle, periodName);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            Plain(team.TeamName, subtle: true),
        ];
        if (team.State == PeriodState.Current)
        {
            body.Add(new TextBlock(text.Get(locale, ScorecardsTextKeys.CardSoFar, periodName)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None });
        }

        if (team.Reps.Count == 0)
        {
            body.Add(new TextBlock(text.Get(locale, ScorecardsTextKeys.SummaryNoReps)) { Wrap = true, IsSubtle = true });
        }

        var place = 0;
        foreach (var rep in team.Reps)
        {
            place++;
            var total = rep.Score.Total;
            var far = rep.Score.Scored.Where(k => k.FarBelow).Select(k => team.Kpi(k.KpiId).Name).ToList();
            List<CardElement> right =
            [
                new TextBlock(total is { } points ? Points(points, culture) : text.Get(locale, ScorecardsTextKeys.SummaryNoScore))
                {
                    Weight = TextWeight.Bolder, Color = total is { } value ? ColorOf(value) : null, HorizontalAlignment = HorizontalAlignment.Right, Wrap = true,
                },
            ];
            List<CardElement> left = [new RichTextBlock { Inlines = [new TextRun(text.Get(locale, ScorecardsTextKeys.SummaryLine, place.ToString(culture), rep.Name))] }];
            if (far.Count > 0)
            {
                left.Add(new TextBlock(text.Get(locale, ScorecardsTextKeys.CardWorkOn, BotText.List(locale, far))) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
            }

            body.Add(new ColumnSet
            {
                Separator = place == 1,
                Spacing = place == 1 ? Spacing.Medium : Spacing.Small,
                Columns =
                [
                    new Column { Width = ColumnWidth.Stretch, Items = left },
                    new Column { Width = ColumnWidth.Auto, Items = right },
                ],
            });
        }

        body.Add(new TextBlock(team.EqualWeights ? text.Get(locale, ScorecardsTextKeys.CardEqualWeights) : text.Get(locale, ScorecardsTextKeys.SummaryWeights, WeightList(locale, team, culture)))
        {
            IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true,
        });
        body.Add(new TextBlock(text.Get(locale, ScorecardsTextKeys.CardCap, Points(team.CapPercent, culture))) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
        body.Add(new TextBlock(text.Get(locale, ScorecardsTextKeys.SummaryRepHint)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
        return Finish(text, locale, title, body, automaticFor);
    }

    /// <summary>The team's weights as a list: "Revenue 40%, Visits 15%" (in the KPI list's order).</summary>
    internal static string WeightList(string? locale, TeamScorecard team, CultureInfo culture)
    {
        var weights = team.Reps.SelectMany(r => r.Score.Kpis).DistinctBy(k => k.KpiId)
            .Select(k => $"{team.Kpi(k.KpiId).Name} {Points(k.Weight ?? 0m, culture)}%");
        return BotText.List(locale, weights);
    }

    /// <summary>One decimal, half away from zero: 92.5, 100, 87.3.</summary>
    internal static string Points(decimal value, CultureInfo culture) => ScorecardCalculator.Round(value).ToString("0.#", culture);

    /// <summary>What to work on for a KPI far below target: a text per default KPI (and collections), a generic one otherwise.</summary>
    internal static string Suggestion(BotText text, string? locale, ScorecardKpi kpi)
    {
        var key = "scorecards.suggest." + kpi.Key;
        return text.Has("en-US", key) ? text.Get(locale, key) : text.Get(locale, ScorecardsTextKeys.SuggestOther, kpi.Name);
    }

    private static TextColor ColorOf(decimal total) => total >= 100m ? TextColor.Good : total < ScorecardCalculator.FarBelowPercent ? TextColor.Warning : TextColor.Default;

    // Text with names people typed: a text run, never Markdown.
    private static RichTextBlock Plain(string value, bool subtle = false, bool separator = false) =>
        new() { Inlines = [new TextRun(value) { IsSubtle = subtle ? true : null }], Spacing = separator ? Spacing.Medium : Spacing.None, Separator = separator ? true : null };

    private static AdaptiveCard Finish(BotText text, string? locale, string title, List<CardElement> body, (string TenantId, long MemberId)? automaticFor)
    {
        List<CardButton> actions = [];
        if (automaticFor is { } recipient)
        {
            body.Add(new TextBlock(text.Get(locale, ScorecardsTextKeys.CardTurnOff)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
            actions.Add(new ExecuteAction(OptOutActions.Verb, text.Get(locale, ScorecardsTextKeys.CardStop),
                OptOutActions.Data(AutomaticMessageKinds.Scorecards, recipient.TenantId, recipient.MemberId)));
        }

        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions };
    }
}
