using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Features.Targets;

public class TargetSplitterTests
{
    [Fact]
    public void Months_EvenCurrency_SplitsToCentsAndSumsExactly()
    {
        var months = TargetSplitter.Months(1_000_000m, KpiUnit.Currency);

        Assert.Equal(1_000_000m, months.Sum());
        Assert.All(months, m => Assert.InRange(m, 83_333.33m, 83_333.34m));
        Assert.All(months, m => Assert.Equal(m, Math.Round(m, 2)));
        // 1,000,000 / 12 = 83,333.333…: four cents left over, given to the earliest months on a tie.
        Assert.Equal(83_333.34m, months[0]);
        Assert.Equal(83_333.33m, months[11]);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(7)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(12_345)]
    public void Months_EvenCount_WholeNumbersSumToYear(int yearly)
    {
        var months = TargetSplitter.Months(yearly, KpiUnit.Count);

        Assert.Equal(yearly, months.Sum());
        Assert.All(months, m => Assert.Equal(decimal.Truncate(m), m));
        Assert.True(months.Max() - months.Min() <= 1);
    }

    [Fact]
    public void Months_Weights_FollowWeightsAndSumExactly()
    {
        decimal[] weights = [1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 3];

        var months = TargetSplitter.Months(1_700_000m, KpiUnit.Currency, weights);

        Assert.Equal(100_000m, months[0]);
        Assert.Equal(200_000m, months[2]);
        Assert.Equal(300_000m, months[11]);
        Assert.Equal(1_700_000m, months.Sum());
    }

    [Fact]
    public void Months_ZeroWeightMonth_GetsNothing()
    {
        decimal[] weights = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

        var months = TargetSplitter.Months(110m, KpiUnit.Count, weights);

        Assert.Equal(0m, months[0]);
        Assert.All(months.Skip(1), m => Assert.Equal(10m, m));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(13)]
    public void Months_WrongNumberOfWeights_Throws(int count)
    {
        Assert.Throws<ArgumentException>(() => TargetSplitter.Months(100m, KpiUnit.Count, Enumerable.Repeat(1m, count).ToArray()));
    }

    [Fact]
    public void Months_NegativeOrAllZeroWeights_Throw()
    {
        Assert.Throws<ArgumentException>(() => TargetSplitter.Months(100m, KpiUnit.Count, new decimal[12]));
        Assert.Throws<ArgumentException>(() => TargetSplitter.Months(100m, KpiUnit.Count, [-1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetSplitter.Months(-5m, KpiUnit.Count));
    }

    [Fact]
    public void Quarters_AreSumsOfTheirMonths()
    {
        var months = TargetSplitter.Months(100m, KpiUnit.Count);

        var quarters = TargetSplitter.Quarters(months);

        Assert.Equal([27m, 25m, 24m, 24m], quarters);
        Assert.Equal(100m, quarters.Sum());
    }

    [Fact]
    public void Weeks_WholeYear_SumToYearAndFollowWorkingDays()
    {
        var calendar = WorkingCalendarFile.China;
        var months = TargetSplitter.Months(1_200_000m, KpiUnit.Currency);

        var weeks = TargetSplitter.Weeks(2026, months, KpiUnit.Currency, calendar);

        Assert.Equal(1_200_000m, weeks.Sum(w => w.Target));
        Assert.Equal(new DateOnly(2025, 12, 29), weeks[0].Week.Start);      // Mon before 1 Jan 2026
        Assert.Equal(new DateOnly(2026, 12, 28), weeks[^1].Week.Start);
        Assert.Equal(weeks.Count, weeks.Select(w => w.Week).Distinct().Count());
        var springFestival = weeks.Single(w => w.Week.Start == new DateOnly(2026, 2, 16));
        Assert.Equal(0m, springFestival.Target);
    }

    [Fact]
    public void SplitMonth_WeekAcrossMonthEnd_TakesEachMonthsShare()
    {
        // June 2026: 22 working days; 29–30 Jun (2 days) belong to the week of Mon 29 Jun.
        var june = TargetSplitter.SplitMonth(SalesPeriod.Month(2026, 6), 2200m, KpiUnit.Currency, WorkingCalendar.WeekendsOnly);
        // July 2026: 23 working days; 1–3 Jul (3 days) in the same week.
        var july = TargetSplitter.SplitMonth(SalesPeriod.Month(2026, 7), 2300m, KpiUnit.Currency, WorkingCalendar.WeekendsOnly);
        var months = new decimal[12];
        months[5] = 2200m;
        months[6] = 2300m;

        var weeks = TargetSplitter.Weeks(2026, months, KpiUnit.Currency, WorkingCalendar.WeekendsOnly);

        Assert.Equal(200m, june[^1].Share);
        Assert.Equal(300m, july[0].Share);
        Assert.Equal(500m, weeks.Single(w => w.Week.Start == new DateOnly(2026, 6, 29)).Target);
        Assert.Equal(2200m, june.Sum(s => s.Share));
    }

    [Fact]
    public void SplitMonth_CountRemainder_SpreadSoWeeksSumToMonth()
    {
        var shares = TargetSplitter.SplitMonth(SalesPeriod.Month(2026, 6), 10m, KpiUnit.Count, WorkingCalendar.WeekendsOnly);

        Assert.Equal(10m, shares.Sum(s => s.Share));
        Assert.All(shares, s => Assert.Equal(decimal.Truncate(s.Share), s.Share));
        Assert.Equal(5, shares.Count);
    }

    [Theory]
    [InlineData(null, 300)]
    [InlineData(250, 250)]
    [InlineData(0, 0)]
    public void TeamTarget_UnlessSet_IsSumOfReps(int? setForTeam, int expected)
    {
        Assert.Equal(expected, TargetSplitter.TeamTarget(setForTeam, [100m, 120m, 80m]));
    }

    [Fact]
    public void Allocate_RoundsTotalThenDistributesRemainder()
    {
        var parts = TargetSplitter.Allocate(10.005m, [1m, 1m, 1m], 2);

        Assert.Equal(10.01m, parts.Sum());
        Assert.Equal([3.34m, 3.34m, 3.33m], parts);
    }
}
