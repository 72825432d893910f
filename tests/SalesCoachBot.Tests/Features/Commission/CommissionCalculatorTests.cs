using CsCheck;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Commission;

namespace SalesCoachBot.Tests.Features.Commission;

public sealed class CommissionCalculatorTests
{
    // 0–80 % → 2 %, 80–100 % → 3 %, from 100 % → 5 %.
    private static readonly CommissionTierRule[] Tiers = [new(0, 2), new(80, 3), new(100, 5)];

    private static CommissionRules Marginal(decimal? cap = null) => new(Tiers, CommissionMode.Marginal, cap);

    private static CommissionRules Whole(decimal? cap = null) => new(Tiers, CommissionMode.WholeAmount, cap);

    [Theory]
    // Within the first band: 50,000 × 2 %.
    [InlineData(50_000, 1_000)]
    // Exactly 80 %: the whole 80,000 is in the first band (the 80 % tier starts there, but nothing lies above it yet).
    [InlineData(80_000, 1_600)]
    // 90 %: 80,000 × 2 % + 10,000 × 3 %.
    [InlineData(90_000, 1_900)]
    // 100 %: 1,600 + 20,000 × 3 %.
    [InlineData(100_000, 2_200)]
    // 150 %: 2,200 + 50,000 × 5 %.
    [InlineData(150_000, 4_700)]
    [InlineData(0, 0)]
    public void Calculate_Marginal_PaysEachBandAtItsRate(decimal actual, decimal expected) =>
        Assert.Equal(expected, CommissionCalculator.Calculate(Marginal(), 100_000m, actual).Commission);

    [Theory]
    [InlineData(50_000, 1_000)]
    // Exactly 80 % is in the 80 % tier ("from" inclusive): the whole result at 3 %.
    [InlineData(80_000, 2_400)]
    [InlineData(79_999.99, 1_599.9998 /* rounded below */)]
    [InlineData(100_000, 5_000)]
    [InlineData(150_000, 7_500)]
    public void Calculate_WholeAmount_PaysAllAtTheRateReached(decimal actual, decimal expected) =>
        Assert.Equal(Math.Round(expected, 2, MidpointRounding.AwayFromZero), CommissionCalculator.Calculate(Whole(), 100_000m, actual).Commission);

    [Theory]
    [InlineData(79_999.99, 0)]
    [InlineData(80_000, 1)]
    [InlineData(99_999.99, 1)]
    [InlineData(100_000, 2)]
    [InlineData(1_000_000, 2)]
    public void TierOf_FromIsInclusive(decimal actual, int tier)
    {
        Assert.Equal(tier, CommissionCalculator.Calculate(Marginal(), 100_000m, actual).TierIndex);
        Assert.Equal(tier, CommissionCalculator.Calculate(Whole(), 100_000m, actual).TierIndex);
    }

    [Fact]
    public void Calculate_OverAchievement_KeepsPayingTheTopRateWithoutNextTier()
    {
        var outcome = CommissionCalculator.Calculate(Marginal(), 100_000m, 300_000m);

        Assert.Equal(2_200m + 200_000m * 0.05m, outcome.Commission);
        Assert.Equal(300m, outcome.AttainmentPercent);
        Assert.Null(outcome.Next);
    }

    [Theory]
    [InlineData(CommissionMode.Marginal)]
    [InlineData(CommissionMode.WholeAmount)]
    public void Calculate_Cap_LimitsTheCommissionAndSaysSo(CommissionMode mode)
    {
        var rules = new CommissionRules(Tiers, mode, 3_000m);

        var outcome = CommissionCalculator.Calculate(rules, 100_000m, 150_000m);

        Assert.Equal(3_000m, outcome.Commission);
        Assert.True(outcome.Capped);
        Assert.True(outcome.Uncapped > 3_000m);
        Assert.Null(outcome.Next);
    }

    [Fact]
    public void Calculate_BelowTheCap_IsNotCapped()
    {
        var outcome = CommissionCalculator.Calculate(Marginal(50_000m), 100_000m, 90_000m);

        Assert.Equal((1_900m, false), (outcome.Commission, outcome.Capped));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Calculate_ZeroOrMissingTarget_PaysEverythingAtTheFirstTiersRate(decimal target)
    {
        foreach (var rules in new[] { Marginal(), Whole() })
        {
            var outcome = CommissionCalculator.Calculate(rules, target, 123_456.78m);

            Assert.Equal(2_469.14m, outcome.Commission);
            Assert.Equal(0, outcome.TierIndex);
            Assert.Null(outcome.AttainmentPercent);
            Assert.Null(outcome.Next);
        }
    }

    [Fact]
    public void Calculate_ZeroTargetWithCap_Caps() =>
        Assert.Equal(100m, CommissionCalculator.Calculate(Marginal(100m), 0m, 123_456.78m).Commission);

    [Fact]
    public void Next_Marginal_SaysTheAmountToTheNextTierAndWhatItAdds()
    {
        var outcome = CommissionCalculator.Calculate(Marginal(), 100_000m, 90_000m);

        var next = Assert.IsType<NextTier>(outcome.Next);
        Assert.Equal((100_000m, 10_000m, 2_200m, 300m, 5m), (next.Threshold, next.Needed, next.CommissionThere, next.Adds, next.RatePercent));
    }

    [Fact]
    public void Next_WholeAmount_IncludesTheJumpOfTheWholeResult()
    {
        var outcome = CommissionCalculator.Calculate(Whole(), 100_000m, 70_000m);

        var next = Assert.IsType<NextTier>(outcome.Next);
        // 70,000 × 2 % = 1,400 today; 80,000 × 3 % = 2,400 at the threshold.
        Assert.Equal((80_000m, 10_000m, 2_400m, 1_000m), (next.Threshold, next.Needed, next.CommissionThere, next.Adds));
    }

    [Fact]
    public void Next_ThresholdWithFractionOfACent_NeededIsRoundedUpSoItReachesTheTier()
    {
        // 80 % of 33,333.33 is 26,666.664: 0.01 short of it stays in the lower tier.
        var outcome = CommissionCalculator.Calculate(Whole(), 33_333.33m, 26_000m);

        var next = Assert.IsType<NextTier>(outcome.Next);
        Assert.Equal(666.67m, next.Needed);
        Assert.Equal(1, CommissionCalculator.Calculate(Whole(), 33_333.33m, 26_000m + next.Needed).TierIndex);
    }

    [Fact]
    public void Next_WhenTheCapIsReachedBeforeTheNextTier_IsNull() =>
        Assert.Null(CommissionCalculator.Calculate(Marginal(1_000m), 100_000m, 60_000m).Next);

    [Fact]
    public void Calculate_ManySmallResults_SumInCentsWithoutDrift()
    {
        // 10,000 results of ¥0.10 are ¥1,000 exactly (a double would drift); commission 2 % = ¥20.00.
        var actual = Enumerable.Repeat(0.10m, 10_000).Sum();

        var outcome = CommissionCalculator.Calculate(Marginal(), 1_000_000m, actual);

        Assert.Equal(1_000m, actual);
        Assert.Equal(20.00m, outcome.Commission);
    }

    [Fact]
    public void Calculate_RoundsOnceAtTheEnd_NotPerBand()
    {
        // Bands of 0.333… each at 3 rates: rounding per band would give 0.01 + 0.01 + …; once gives the exact sum's cents.
        var rules = new CommissionRules([new(0, 1), new(33.33m, 2), new(66.66m, 3)], CommissionMode.Marginal);

        var outcome = CommissionCalculator.Calculate(rules, 1m, 1m);

        // 0.3333 × 1 % + 0.3333 × 2 % + 0.3334 × 3 % = 0.020001 → 0.02.
        Assert.Equal(0.02m, outcome.Commission);
    }

    [Fact]
    public void Calculate_NegativeResult_CountsAsZero() =>
        Assert.Equal(0m, CommissionCalculator.Calculate(Marginal(), 100_000m, -50m).Commission);

    private static readonly Gen<CommissionRules> AscendingRules =
        Gen.Int[1, 6].SelectMany(count =>
            Gen.Select(Gen.Int[1, 200].Array[count - 1], Gen.Int[0, 1000].Array[count], Gen.Bool, Gen.Int[0, 100_000])
                .Select((steps, rateCents, whole, cap) =>
                {
                    var from = 0m;
                    var rates = rateCents.Select(r => r / 100m).Order().ToArray();
                    List<CommissionTierRule> tiers = [new(0, rates[0])];
                    for (var i = 1; i < count; i++)
                    {
                        from += steps[i - 1];
                        tiers.Add(new(from, rates[i]));
                    }

                    return new CommissionRules(tiers, whole ? CommissionMode.WholeAmount : CommissionMode.Marginal, cap == 0 ? null : cap);
                }));

    private static readonly Gen<decimal> Money = Gen.Long[0, 100_000_000_00L].Select(c => c / 100m);

    [Fact]
    public void Property_MarginalIsAtMostWholeAmount_WhenRatesAscend() =>
        Gen.Select(AscendingRules, Money, Money).Sample((rules, target, actual) =>
        {
            var marginal = CommissionCalculator.Calculate(rules with { Mode = CommissionMode.Marginal }, target, actual).Commission;
            var whole = CommissionCalculator.Calculate(rules with { Mode = CommissionMode.WholeAmount }, target, actual).Commission;
            return marginal <= whole;
        }, iter: 5_000);

    [Fact]
    public void Property_CommissionIsMonotonicInTheResult() =>
        Gen.Select(AscendingRules, Money, Money, Money).Sample((rules, target, actual, more) =>
            CommissionCalculator.Calculate(rules, target, actual).Commission <= CommissionCalculator.Calculate(rules, target, actual + more).Commission,
            iter: 5_000);

    [Fact]
    public void Property_CommissionIsInCentsAndWithinTheCap() =>
        Gen.Select(AscendingRules, Money, Money).Sample((rules, target, actual) =>
        {
            var outcome = CommissionCalculator.Calculate(rules, target, actual);
            return outcome.Commission == Math.Round(outcome.Commission, 2) && outcome.Commission >= 0 && (rules.Cap is not { } cap || outcome.Commission <= cap);
        }, iter: 5_000);

    [Fact]
    public void Property_ReachingTheNextTierAddsWhatItSaid() =>
        Gen.Select(AscendingRules, Money.Where(t => t > 0), Money).Sample((rules, target, actual) =>
        {
            var outcome = CommissionCalculator.Calculate(rules, target, actual);
            if (outcome.Next is not { } next)
            {
                return true;
            }

            var there = CommissionCalculator.Calculate(rules, target, actual + next.Needed);
            return there.TierIndex >= next.TierIndex && there.Commission >= outcome.Commission + next.Adds;
        }, iter: 5_000);
}
