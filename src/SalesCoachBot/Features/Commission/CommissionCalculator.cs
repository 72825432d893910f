using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Commission;

/// <summary>One tier: from <paramref name="FromPercent"/> % of target (inclusive) up to the next tier's, paid at <paramref name="RatePercent"/> %.</summary>
internal sealed record CommissionTierRule(decimal FromPercent, decimal RatePercent);

/// <summary>A plan's arithmetic: tiers ascending from 0 %, how they apply and the optional cap on the commission.</summary>
internal sealed record CommissionRules(IReadOnlyList<CommissionTierRule> Tiers, CommissionMode Mode, decimal? Cap = null);

/// <summary>
/// What reaching the next tier takes and adds: <see cref="Threshold"/> (its from-% of target, in money),
/// <see cref="Needed"/> more result to get there (rounded up to cents, so that much really reaches it), the commission
/// at the threshold and what it adds to today's; <see cref="RatePercent"/> is the tier's rate, which (marginal) each
/// extra unit above the threshold earns.
/// </summary>
internal sealed record NextTier(int TierIndex, decimal FromPercent, decimal RatePercent, decimal Threshold, decimal Needed, decimal CommissionThere, decimal Adds);

/// <summary>
/// A commission: <see cref="Commission"/> (cents, after the cap), <see cref="Uncapped"/> (cents, before it),
/// the tier reached (index into the plan's tiers), attainment (% of target, null without a target) and the next tier
/// (null at the top, without a target, or when the cap is already reached and more result adds nothing).
/// </summary>
internal sealed record CommissionOutcome(decimal Commission, decimal Uncapped, bool Capped, int TierIndex, decimal? AttainmentPercent, NextTier? Next);

/// <summary>
/// The commission arithmetic, pure and in decimal only; amounts are rounded to cents (away from zero) once, at the end.
/// <list type="bullet">
/// <item>Tier bounds are % of the period's target turned into amounts: tier i covers [from_i × target, from_(i+1) × target);
/// "from" is inclusive, so a result of exactly 80 % of target is in the tier that starts at 80 %.</item>
/// <item>Marginal (分段): the part of the result inside each tier's band is paid at that tier's rate.</item>
/// <item>Whole amount (全额): the whole result is paid at the rate of the highest tier reached.</item>
/// <item>The cap limits the commission (not the result).</item>
/// <item>Zero or no target: there is no attainment, so no tier is reached beyond the first: the whole result is paid at the
/// first tier's rate (the plan's base rate) and there is no next tier to show.</item>
/// <item>A negative result (not possible from the ledger) counts as zero.</item>
/// </list>
/// </summary>
internal static class CommissionCalculator
{
    public static CommissionOutcome Calculate(CommissionRules rules, decimal target, decimal actual)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Tiers.Count == 0)
        {
            throw new ArgumentException("A plan has at least one tier.", nameof(rules));
        }

        var result = Math.Max(actual, 0m);
        if (target <= 0)
        {
            var flat = Cents(Math.Min(result * rules.Tiers[0].RatePercent / 100m, rules.Cap ?? decimal.MaxValue));
            var flatUncapped = Cents(result * rules.Tiers[0].RatePercent / 100m);
            return new CommissionOutcome(flat, flatUncapped, flat < flatUncapped, 0, null, null);
        }

        var exact = Exact(rules, target, result);
        var tier = TierOf(rules, target, result);
        var commission = Cents(Capped(rules, exact));
        var uncapped = Cents(exact);
        NextTier? next = null;
        if (tier + 1 < rules.Tiers.Count)
        {
            var nextRule = rules.Tiers[tier + 1];
            var threshold = Threshold(target, nextRule.FromPercent);
            var there = Cents(Capped(rules, Exact(rules, target, threshold)));
            // Once capped, more result adds nothing: no tier is worth chasing.
            if (there > commission)
            {
                var needed = Math.Ceiling((threshold - result) * 100m) / 100m;
                next = new NextTier(tier + 1, nextRule.FromPercent, nextRule.RatePercent, threshold, needed, there, there - commission);
            }
        }

        return new CommissionOutcome(commission, uncapped, commission < uncapped, tier, result * 100m / target, next);
    }

    /// <summary>The amount a tier starts at: its from-% of the target.</summary>
    public static decimal Threshold(decimal target, decimal fromPercent) => target * fromPercent / 100m;

    /// <summary>The index of the highest tier whose start the result reaches (from-% inclusive).</summary>
    public static int TierOf(CommissionRules rules, decimal target, decimal result)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var tier = 0;
        for (var i = 1; i < rules.Tiers.Count; i++)
        {
            if (target > 0 && result >= Threshold(target, rules.Tiers[i].FromPercent))
            {
                tier = i;
            }
        }

        return tier;
    }

    // Before the cap and before rounding: the one place the tiers are applied.
    private static decimal Exact(CommissionRules rules, decimal target, decimal result)
    {
        if (rules.Mode == CommissionMode.WholeAmount)
        {
            return result * rules.Tiers[TierOf(rules, target, result)].RatePercent / 100m;
        }

        var total = 0m;
        for (var i = 0; i < rules.Tiers.Count; i++)
        {
            var lower = Threshold(target, rules.Tiers[i].FromPercent);
            if (result <= lower)
            {
                break;
            }

            var upper = i + 1 < rules.Tiers.Count ? Threshold(target, rules.Tiers[i + 1].FromPercent) : decimal.MaxValue;
            total += (Math.Min(result, upper) - lower) * rules.Tiers[i].RatePercent / 100m;
        }

        return total;
    }

    private static decimal Capped(CommissionRules rules, decimal amount) => rules.Cap is { } cap ? Math.Min(amount, cap) : amount;

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
