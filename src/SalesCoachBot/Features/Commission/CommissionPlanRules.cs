using System.Globalization;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Commission;

/// <summary>Why a plan was refused; chat turns it into a text in the person's language, the admin API into English.</summary>
internal enum CommissionPlanError
{
    None = 0,
    NoKpi,
    UnknownKpi,
    KpiNotMoney,
    NoTiers,
    BadTier,
    FirstTierNotZero,
    TiersNotAscending,
    FromOutOfRange,
    RateOutOfRange,
    RatesGoDown,
    TooPrecise,
    TooManyTiers,
    NoMode,
    BadCap,
    UnknownWord,
}

/// <summary>
/// The rules every plan obeys, whether typed in chat or PUT through the admin API: 1 to <see cref="MaxTiers"/> tiers,
/// the first from 0 %, each next one from a higher % (at most <see cref="MaxFromPercent"/> %), rates from 0 to 100 %
/// that never go down from tier to tier (so more result never pays less, in either mode), at most two decimals; a cap,
/// when given, is a positive amount in cents.
/// </summary>
internal static class CommissionPlanRules
{
    public const int MaxTiers = 10;

    public const decimal MaxFromPercent = 1000m;

    /// <summary>The first broken rule of the tiers and cap, with the figure it is about (invariant text) or null.</summary>
    public static (CommissionPlanError Error, string? About) Check(IReadOnlyList<CommissionTierRule> tiers, decimal? cap)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.Count == 0)
        {
            return (CommissionPlanError.NoTiers, null);
        }

        if (tiers.Count > MaxTiers)
        {
            return (CommissionPlanError.TooManyTiers, MaxTiers.ToString(CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var about = Show(tier);
            if (tier.FromPercent is < 0 or > MaxFromPercent)
            {
                return (CommissionPlanError.FromOutOfRange, about);
            }

            if (tier.RatePercent is < 0 or > 100)
            {
                return (CommissionPlanError.RateOutOfRange, about);
            }

            if (Scale(tier.FromPercent) > 2 || Scale(tier.RatePercent) > 2)
            {
                return (CommissionPlanError.TooPrecise, about);
            }

            if (i == 0 && tier.FromPercent != 0)
            {
                return (CommissionPlanError.FirstTierNotZero, about);
            }

            if (i > 0 && tier.FromPercent <= tiers[i - 1].FromPercent)
            {
                return (CommissionPlanError.TiersNotAscending, about);
            }

            if (i > 0 && tier.RatePercent < tiers[i - 1].RatePercent)
            {
                return (CommissionPlanError.RatesGoDown, about);
            }
        }

        if (cap is { } amount && (amount <= 0 || Scale(amount) > 2 || amount > Sales.AmountParser.MaxAmount))
        {
            return (CommissionPlanError.BadCap, amount.ToString(CultureInfo.InvariantCulture));
        }

        return (CommissionPlanError.None, null);
    }

    /// <summary>A tier as typed: <c>80:3</c>.</summary>
    public static string Show(CommissionTierRule tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return string.Create(CultureInfo.InvariantCulture, $"{tier.FromPercent.ToString("0.##", CultureInfo.InvariantCulture)}:{tier.RatePercent.ToString("0.##", CultureInfo.InvariantCulture)}");
    }

    /// <summary>The rules of a stored plan, tiers in order.</summary>
    public static CommissionRules Of(CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new CommissionRules(
            [.. plan.Tiers.OrderBy(t => t.FromPercent).Select(t => new CommissionTierRule(t.FromPercent, t.RatePercent))], plan.Mode, plan.CapAmount);
    }

    // Significant decimals only: 2.50 is two decimals written, one meant.
    private static int Scale(decimal value) => (value / 1.000000000000000000000000000000000m).Scale;
}
