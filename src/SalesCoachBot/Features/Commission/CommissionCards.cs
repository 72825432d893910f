using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Commission;

/// <summary>
/// The rep's commission card (earned so far, tier reached, what the next tier takes and adds) and the team's (each rep,
/// sorted, and the total). Both are private: they are only sent in the 1:1 chat. Names people typed or synced are text
/// runs, never Markdown.
/// </summary>
internal static class CommissionCards
{
    /// <summary>A rep's card; <paramref name="ofName"/> is the rep's name when a manager asked for it (null: the rep's own).</summary>
    public static AdaptiveCard Rep(BotText text, string? locale, CommissionView view, RepCommission rep, string? ofName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(rep);
        var culture = SalesFormat.CultureOf(locale);
        string Money(decimal amount) => SalesFormat.Amount(locale, KpiUnit.Currency, view.Currency, amount);
        var outcome = rep.Outcome;
        var tier = view.Rules.Tiers[outcome.TierIndex];
        List<CardElement> body = [Title(text, locale, ofName is null ? text.Get(locale, CommissionTextKeys.RepTitle) : text.Get(locale, CommissionTextKeys.RepTitleOf), ofName)];
        body.Add(Subtitle(text, locale, view));
        body.Add(new TextBlock(text.Get(locale, CommissionTextKeys.Earned)) { IsSubtle = true, Spacing = Spacing.Medium, Wrap = true });
        body.Add(new TextBlock(Money(outcome.Commission)) { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Good, Spacing = Spacing.None });
        var result = rep.Target is { } target && target > 0
            ? text.Get(locale, CommissionTextKeys.ResultOfTarget, Amount(locale, view, rep.Actual), Amount(locale, view, target), SalesFormat.Percent(Math.Round(outcome.AttainmentPercent ?? 0m, 1, MidpointRounding.AwayFromZero), culture))
            : text.Get(locale, CommissionTextKeys.ResultNoTarget, Amount(locale, view, rep.Actual));
        body.Add(new FactSet
        {
            Facts =
            [
                new CardFact(text.Get(locale, CommissionTextKeys.Result), result),
                new CardFact(text.Get(locale, CommissionTextKeys.TierReached), TierText(text, locale, tier)),
            ],
        });
        body.Add(new TextBlock(NextLine(text, locale, view, rep)) { Wrap = true, Spacing = Spacing.Medium, Weight = TextWeight.Bolder });
        body.Add(PlanLine(text, locale, view));
        body.Add(Footer(text.Get(locale, CommissionTextKeys.Private)));
        return new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth(),
            FallbackText = text.Get(locale, CommissionTextKeys.Earned) + ": " + Money(outcome.Commission),
            Body = body,
        };
    }

    /// <summary>The team's card for its managers: each rep (highest commission first) and the total.</summary>
    public static AdaptiveCard Team(BotText text, string? locale, CommissionView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var culture = SalesFormat.CultureOf(locale);
        string Money(decimal amount) => SalesFormat.Amount(locale, KpiUnit.Currency, view.Currency, amount);
        List<CardElement> body = [Title(text, locale, text.Get(locale, CommissionTextKeys.TeamTitle), view.TeamName), Subtitle(text, locale, view)];
        if (view.Reps.Count == 0)
        {
            body.Add(new TextBlock(text.Get(locale, CommissionTextKeys.TeamNoReps)) { Wrap = true, IsSubtle = true });
        }

        foreach (var rep in view.Reps)
        {
            var rate = SalesFormat.Percent(view.Rules.Tiers[rep.Outcome.TierIndex].RatePercent, culture);
            var detail = rep.Outcome.AttainmentPercent is { } attained
                ? text.Get(locale, CommissionTextKeys.TeamRep, Amount(locale, view, rep.Actual), SalesFormat.Percent(Math.Round(attained, 1, MidpointRounding.AwayFromZero), culture), rate)
                : text.Get(locale, CommissionTextKeys.TeamRepNoTarget, Amount(locale, view, rep.Actual), rate);
            body.Add(new ColumnSet
            {
                Spacing = Spacing.Small,
                Separator = true,
                Columns =
                [
                    new Column
                    {
                        Width = ColumnWidth.Stretch,
                        Items =
                        [
                            new RichTextBlock { Inlines = [new TextRun(rep.Name) { Weight = TextWeight.Bolder }] },
                            new TextBlock(detail) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None },
                        ],
                    },
                    new Column { Width = ColumnWidth.Auto, Items = [new TextBlock(Money(rep.Outcome.Commission)) { Weight = TextWeight.Bolder, HorizontalAlignment = HorizontalAlignment.Right }] },
                ],
            });
        }

        body.Add(new ColumnSet
        {
            Spacing = Spacing.Medium,
            Separator = true,
            Columns =
            [
                new Column { Width = ColumnWidth.Stretch, Items = [new TextBlock(text.Get(locale, CommissionTextKeys.TeamTotal)) { Weight = TextWeight.Bolder }] },
                new Column { Width = ColumnWidth.Auto, Items = [new TextBlock(Money(view.Total)) { Weight = TextWeight.Bolder, Color = TextColor.Good, HorizontalAlignment = HorizontalAlignment.Right }] },
            ],
        });
        body.Add(PlanLine(text, locale, view));
        body.Add(Footer(text.Get(locale, CommissionTextKeys.TeamPrivate)));
        return new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth(),
            FallbackText = text.Get(locale, CommissionTextKeys.TeamTotal) + ": " + Money(view.Total),
            Body = body,
        };
    }

    /// <summary>A plan in one line: "marginal (…) on Revenue, monthly: from 0%: 2% · from 80%: 3%, capped at ¥50,000".</summary>
    public static string PlanSummary(BotText text, string? locale, CommissionRules rules, string kpiName, CommissionPeriod period, string? currency)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        var mode = text.Get(locale, rules.Mode == CommissionMode.Marginal ? CommissionTextKeys.ModeMarginal : CommissionTextKeys.ModeWhole);
        var every = text.Get(locale, period == CommissionPeriod.Quarter ? CommissionTextKeys.PeriodQuarter : CommissionTextKeys.PeriodMonth);
        var tiers = string.Join(" · ", rules.Tiers.Select(t => TierText(text, locale, t)));
        var cap = rules.Cap is { } amount ? text.Get(locale, CommissionTextKeys.CapText, SalesFormat.Amount(locale, KpiUnit.Currency, currency, amount)) : string.Empty;
        return text.Get(locale, CommissionTextKeys.PlanSummary, mode, kpiName, every, tiers, cap);
    }

    // "…¥20,000 more reaches the 100% tier (5%): +¥600…", the top tier, the cap, or no target.
    internal static string NextLine(BotText text, string? locale, CommissionView view, RepCommission rep)
    {
        var culture = SalesFormat.CultureOf(locale);
        string Money(decimal amount) => SalesFormat.Amount(locale, KpiUnit.Currency, view.Currency, amount);
        var outcome = rep.Outcome;
        if (outcome.AttainmentPercent is null)
        {
            return text.Get(locale, CommissionTextKeys.NoTargetNote, SalesFormat.Percent(view.Rules.Tiers[0].RatePercent, culture));
        }

        if (outcome.Next is { } next)
        {
            return text.Get(
                locale, view.Rules.Mode == CommissionMode.Marginal ? CommissionTextKeys.NextTier : CommissionTextKeys.NextTierWhole,
                Amount(locale, view, next.Needed), SalesFormat.Percent(next.FromPercent, culture), SalesFormat.Percent(next.RatePercent, culture),
                Money(next.Adds), Money(1m));
        }

        if (view.Rules.Cap is { } cap && outcome.Commission >= cap)
        {
            return text.Get(locale, CommissionTextKeys.CappedNote, Money(cap));
        }

        return text.Get(locale, CommissionTextKeys.TopTier, Money(1m), SalesFormat.Percent(view.Rules.Tiers[outcome.TierIndex].RatePercent, culture));
    }

    private static string TierText(BotText text, string? locale, CommissionTierRule tier)
    {
        var culture = SalesFormat.CultureOf(locale);
        return text.Get(locale, CommissionTextKeys.TierText, SalesFormat.Percent(tier.FromPercent, culture), SalesFormat.Percent(tier.RatePercent, culture));
    }

    private static string Amount(string? locale, CommissionView view, decimal amount) => SalesFormat.Amount(locale, view.Unit, view.Currency, amount);

    private static RichTextBlock Title(BotText text, string? locale, string title, string? name) => new()
    {
        Inlines = name is null
            ? [new TextRun(title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]
            : [new TextRun(title + " ") { Size = TextSize.Large, Weight = TextWeight.Bolder }, new TextRun(name) { Size = TextSize.Large, Weight = TextWeight.Bolder }],
    };

    private static TextBlock Subtitle(BotText text, string? locale, CommissionView view) =>
        new(SalesFormat.PeriodTitle(text, locale, view.Period, view.Today) + " · " + view.KpiName) { IsSubtle = true, Wrap = true, Spacing = Spacing.None };

    private static TextBlock PlanLine(BotText text, string? locale, CommissionView view) =>
        new(text.Get(locale, CommissionTextKeys.Plan, PlanSummary(text, locale, view.Rules, view.KpiName, view.PlanPeriod, view.Currency)))
        {
            Size = TextSize.Small,
            Wrap = true,
            Spacing = Spacing.Medium,
        };

    private static TextBlock Footer(string line) => new(line) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true };
}
