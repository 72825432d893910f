using SalesCoachBot.Data;
using SalesCoachBot.Features.Scorecards;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Tests.Features.Scorecards;

/// <summary>Scorecard cards for the card catalog: fixed inputs (no clock), awkward names, every part of the cards once.</summary>
internal static class ScorecardViews
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> Cards(BotText text, string locale, string awkwardName)
    {
        var october = SalesPeriod.Month(2026, 10);
        List<ScorecardKpi> kpis =
        [
            new(1, KpiDefaults.Revenue, KpiDefaults.NameOf(text, locale, new KpiDefinition { TenantId = "t", Key = KpiDefaults.Revenue }), KpiUnit.Currency, "CNY", true),
            new(2, "collections", awkwardName, KpiUnit.Currency, "CNY", true),
            new(3, KpiDefaults.NewCustomers, KpiDefaults.NameOf(text, locale, new KpiDefinition { TenantId = "t", Key = KpiDefaults.NewCustomers }), KpiUnit.Count, null, true),
            new(4, KpiDefaults.Visits, KpiDefaults.NameOf(text, locale, new KpiDefinition { TenantId = "t", Key = KpiDefaults.Visits }), KpiUnit.Count, null, true),
        ];
        var ahead = ScorecardCalculator.Calculate(
            [new(1, 40m, 100_000m, 130_000m), new(2, 30m, 80_000m, 60_000m), new(3, 15m, 4m, 4m), new(4, 15m, 20m, 8m)], 120m);
        var leftOut = ScorecardCalculator.Calculate(
            [new(1, 40m, 100_000m, 35_000m), new(2, 30m, null, 10_000m), new(3, 15m, 4m, 1m), new(4, 15m, 20m, 21m)], 120m);
        var none = ScorecardCalculator.Calculate([new(1, 40m, null, 0m), new(2, 30m, 0m, 0m)], 120m);
        List<RepScorecard> reps = [new(11, awkwardName, ahead), new(12, "张伟", leftOut), new(13, "Bob Li", none)];
        var team = new TeamScorecard("tenant", 7, "East Sales \"A\" 华东", october, new DateOnly(2026, 11, 2), kpis, reps, EqualWeights: false, 120m);
        yield return ($"scorecards.rep.{locale}", ScorecardCards.Rep(text, locale, team, reps[0], null));
        yield return ($"scorecards.rep.left-out.automatic.{locale}", ScorecardCards.Rep(text, locale, team, reps[1], ("tenant", 12)));
        yield return ($"scorecards.rep.no-score.{locale}", ScorecardCards.Rep(text, locale, team, reps[2], null));
        var current = team with { Period = SalesPeriod.Month(2026, 11), EqualWeights = true };
        yield return ($"scorecards.rep.current-equal.{locale}", ScorecardCards.Rep(text, locale, current, reps[0], null));
        yield return ($"scorecards.summary.{locale}", ScorecardCards.Summary(text, locale, team, null));
        yield return ($"scorecards.summary.automatic.{locale}", ScorecardCards.Summary(text, locale, team with { Period = SalesPeriod.Quarter(2026, 3) }, ("tenant", 9)));
        yield return ($"scorecards.summary.empty.{locale}", ScorecardCards.Summary(text, locale, current with { Reps = [] }, null));
    }
}
