using SalesCoachBot.Features.Scorecards;

namespace SalesCoachBot.Tests.Features.Scorecards;

public sealed class ScorecardCalculatorTests
{
    [Fact]
    public void Calculate_WeightedTotal_IsTheWeightedAverageOfTheScores()
    {
        // Revenue 40 % at 80 %, collections 30 % at 100 %, new customers 15 % at 50 %, visits 15 % at 110 %.
        var score = ScorecardCalculator.Calculate(
            [new(1, 40m, 100_000m, 80_000m), new(2, 30m, 50_000m, 50_000m), new(3, 15m, 4m, 2m), new(4, 15m, 20m, 22m)], 120m);

        Assert.Equal([80m, 100m, 50m, 110m], score.Kpis.Select(k => k.Score!.Value));
        // (40×80 + 30×100 + 15×50 + 15×110) / 100 = 86.
        Assert.Equal(86m, score.Total);
        Assert.False(score.Renormalised);
        Assert.Equal([40m, 30m, 15m, 15m], score.Kpis.Select(k => k.ShareOfTotal!.Value));
    }

    [Fact]
    public void Calculate_OverAchievement_IsCappedAtTheCap_ButAttainmentKeepsTheTruth()
    {
        var score = ScorecardCalculator.Calculate([new(1, 50m, 100m, 250m), new(2, 50m, 100m, 100m)], 120m);

        var revenue = score.Kpis[0];
        Assert.Equal((250m, 120m), (revenue.Attainment, revenue.Score));
        Assert.Equal(110m, score.Total);
        // Another cap changes the score only.
        Assert.Equal(150m, ScorecardCalculator.Calculate([new(1, 100m, 100m, 250m)], 150m).Total);
        Assert.Equal(100m, ScorecardCalculator.Calculate([new(1, 100m, 100m, 250m)], 100m).Total);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Calculate_ZeroOrMissingTarget_LeavesTheKpiOut_AndRenormalisesTheRest(int? target)
    {
        var score = ScorecardCalculator.Calculate([new(1, 40m, 100m, 90m), new(2, 30m, target, 500m), new(3, 30m, 10m, 6m)], 120m);

        var collections = score.Kpis[1];
        Assert.True(collections.LeftOut);
        Assert.Null(collections.Score);
        Assert.True(score.Renormalised);
        // (40×90 + 30×60) / 70 = 77.142857…: shown 77.1; the scored weights become 57.1 % and 42.9 %.
        Assert.Equal(77.1m, ScorecardCalculator.Round(score.Total!.Value));
        Assert.Equal([57.1m, 42.9m], score.Scored.Select(k => ScorecardCalculator.Round(k.ShareOfTotal!.Value)));
    }

    [Fact]
    public void Calculate_NoTargetAtAll_HasNoTotal()
    {
        var score = ScorecardCalculator.Calculate([new(1, 60m, null, 10m), new(2, 40m, 0m, 0m)], 120m);

        Assert.Null(score.Total);
        Assert.All(score.Kpis, k => Assert.True(k.LeftOut));
        Assert.Null(ScorecardCalculator.Calculate([], 120m).Total);
    }

    [Fact]
    public void Calculate_KpisWithoutWeight_TakeNoPart()
    {
        var score = ScorecardCalculator.Calculate([new(1, 100m, 100m, 50m), new(2, null, 100m, 120m), new(3, 0m, 100m, 120m)], 120m);

        Assert.Equal(50m, score.Total);
        Assert.Single(score.Kpis);
    }

    [Fact]
    public void Calculate_NegativeActual_ScoresZero()
    {
        var score = ScorecardCalculator.Calculate([new(1, 100m, 100m, -20m)], 120m);

        Assert.Equal((-20m, 0m, 0m), (score.Kpis[0].Attainment, score.Kpis[0].Score, score.Total));
    }

    [Fact]
    public void Round_OneDecimalHalfAwayFromZero_AndTheTotalUsesUnroundedScores()
    {
        Assert.Equal(66.7m, ScorecardCalculator.Round(200m / 3m));
        Assert.Equal(0.1m, ScorecardCalculator.Round(0.05m));
        Assert.Equal(12.4m, ScorecardCalculator.Round(12.44m));
        // Three KPIs at 1/3 each: 33.333…% each, shown 33.3, and the total is exactly 33.3… not 3 × 33.3 / 3 drifting.
        var score = ScorecardCalculator.Calculate([new(1, 1m, 3m, 1m), new(2, 1m, 3m, 1m), new(3, 1m, 3m, 1m)], 120m);
        Assert.Equal(33.3m, ScorecardCalculator.Round(score.Total!.Value));
    }

    [Fact]
    public void Calculate_FarBelow_UnderHalfOfTarget_OrOfPaceWhenExpectedIsGiven()
    {
        var closed = ScorecardCalculator.Calculate([new(1, 50m, 100m, 49m), new(2, 50m, 100m, 50m)], 120m);
        Assert.Equal([true, false], closed.Kpis.Select(k => k.FarBelow));

        // Mid-period: 30 of 100 is far below when 70 were expected by now, not when 50 were; nothing expected yet: never.
        var current = ScorecardCalculator.Calculate(
            [new(1, 40m, 100m, 30m, ExpectedByNow: 70m), new(2, 30m, 100m, 30m, ExpectedByNow: 50m), new(3, 30m, 100m, 0m, ExpectedByNow: 0m)], 120m);
        Assert.Equal([true, false, false], current.Kpis.Select(k => k.FarBelow));
    }

    [Fact]
    public void EqualWeights_SplitsOneHundredOverTheKpisWithATarget()
    {
        var weights = ScorecardCalculator.EqualWeights([5, 9, 9, 12]);

        Assert.Equal([5L, 9L, 12L], weights.Keys.Order());
        Assert.All(weights.Values, w => Assert.Equal(1m, w));
        Assert.Empty(ScorecardCalculator.EqualWeights([]));
        Assert.Equal([33.3m, 33.3m, 33.3m], ScorecardCalculator.Calculate([.. weights.Select(w => new ScorecardKpiInput(w.Key, w.Value, 1m, 1m))], 120m)
            .Kpis.Select(k => ScorecardCalculator.Round(k.ShareOfTotal!.Value)));
        // Equal weights make the total the plain average.
        Assert.Equal(70m, ScorecardCalculator.Calculate([.. weights.Select(w => new ScorecardKpiInput(w.Key, w.Value, 10m, w.Key == 5 ? 5m : w.Key == 9 ? 7m : 9m))], 120m).Total);
    }

    [Theory]
    [InlineData("revenue 40 visits 15 new customers 15 contracts 30", 4)]
    [InlineData("签约额 40 回款 30 新客户 15 拜访 15", 4)]
    [InlineData("revenue 40% visits 60%", 2)]
    public void ReadWeights_PairsOfKpiWordsAndPercents(string typed, int count)
    {
        var (weights, bad) = ScorecardParser.ReadWeights(typed);

        Assert.Null(bad);
        Assert.Equal(count, weights!.Count);
        Assert.Equal(100m, weights.Sum(w => w.Percent));
    }

    [Theory]
    [InlineData("revenue", "revenue")]
    [InlineData("40 revenue", "40")]
    [InlineData("revenue 140", "140")]
    [InlineData("revenue 40 visits", "visits")]
    [InlineData("revenue 33.333 visits 66.667", "33.333")]
    public void ReadWeights_BadInput_NamesTheOffendingWord(string typed, string offending)
    {
        var (weights, bad) = ScorecardParser.ReadWeights(typed);

        Assert.Null(weights);
        Assert.Equal(offending, bad);
    }

    [Fact]
    public void Check_WeightsMustAddUpToOneHundred_AndNameEachKpiOnce()
    {
        Assert.Equal(WeightsProblem.None, ScorecardBook.Check([(1, 60m), (2, 40m)]));
        Assert.Equal(WeightsProblem.NotHundred, ScorecardBook.Check([(1, 60m), (2, 30m)]));
        Assert.Equal(WeightsProblem.Repeated, ScorecardBook.Check([(1, 60m), (1, 40m)]));
        Assert.Equal(WeightsProblem.Empty, ScorecardBook.Check([]));
        Assert.True(ScorecardBook.IsValidCap(120m));
        Assert.False(ScorecardBook.IsValidCap(99m));
        Assert.False(ScorecardBook.IsValidCap(301m));
    }
}
