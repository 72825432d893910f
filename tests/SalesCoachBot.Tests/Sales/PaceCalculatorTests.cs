using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Sales;

public class PaceCalculatorTests
{
    // June 2026: Monday 1 to Tuesday 30, 22 working days with weekends off.
    private static readonly SalesPeriod June = SalesPeriod.Month(2026, 6);

    private static Pace PaceOn(string today, decimal target, decimal actual, bool over = false, DateOnly? joined = null, WorkingCalendar? calendar = null) =>
        PaceCalculator.Calculate(new PaceInput(
            target, actual, June, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            calendar ?? WorkingCalendar.WeekendsOnly, joined, over));

    [Fact]
    public void Calculate_MidPeriod_ProRatesByWorkingDays()
    {
        // Thursday 11 June, morning: 8 working days behind us, 14 left.
        var pace = PaceOn("2026-06-11", target: 2200m, actual: 800m);

        Assert.Equal(22, pace.WorkingDays);
        Assert.Equal(8, pace.WorkingDaysElapsed);
        Assert.Equal(14, pace.WorkingDaysRemaining);
        Assert.Equal(800m, pace.ExpectedByNow);
        Assert.Equal(36.4m, pace.PercentDone);
        Assert.Equal(PaceStatus.OnPace, pace.Status);
        Assert.Equal(2200m, pace.Forecast);
        Assert.Equal(100m, pace.NeededPerRemainingWorkingDay);
        Assert.False(pace.NoWorkingDaysLeft);
    }

    [Theory]
    [InlineData(700, PaceStatus.Behind)]     // 87.5 % of expected
    [InlineData(720, PaceStatus.OnPace)]     // exactly -10 %
    [InlineData(880, PaceStatus.OnPace)]     // exactly +10 %
    [InlineData(881, PaceStatus.Ahead)]
    [InlineData(0, PaceStatus.Behind)]
    public void Calculate_AroundExpected_StatusUsesTolerance(int actual, PaceStatus expected)
    {
        Assert.Equal(expected, PaceOn("2026-06-11", 2200m, actual).Status);
    }

    [Fact]
    public void Calculate_FirstMorning_NothingElapsedForecastIsActual()
    {
        var none = PaceOn("2026-06-01", 2200m, 0m);
        var early = PaceOn("2026-06-01", 2200m, 50m);

        Assert.Equal(0, none.WorkingDaysElapsed);
        Assert.Equal(0m, none.ExpectedByNow);
        Assert.Equal(PaceStatus.OnPace, none.Status);
        Assert.Equal(0m, none.Forecast);
        Assert.Equal(100m, none.NeededPerRemainingWorkingDay);
        Assert.Equal(PaceStatus.Ahead, early.Status);
        Assert.Equal(50m, early.Forecast);
    }

    [Fact]
    public void Calculate_FirstEveningDayOver_CountsToday()
    {
        var pace = PaceOn("2026-06-01", 2200m, 150m, over: true);

        Assert.Equal(1, pace.WorkingDaysElapsed);
        Assert.Equal(100m, pace.ExpectedByNow);
        Assert.Equal(3300m, pace.Forecast);
        Assert.Equal(PaceStatus.Ahead, pace.Status);
    }

    [Fact]
    public void Calculate_LastDayOver_TargetMissed_WholeGapFlagged()
    {
        var pace = PaceOn("2026-06-30", 2200m, 2000m, over: true);

        Assert.Equal(0, pace.WorkingDaysRemaining);
        Assert.Equal(2200m, pace.ExpectedByNow);
        Assert.Equal(200m, pace.NeededPerRemainingWorkingDay);
        Assert.True(pace.NoWorkingDaysLeft);
        Assert.Equal(2000m, pace.Forecast);
        Assert.Equal(PaceStatus.OnPace, pace.Status); // 90.9 %: within tolerance, but missed
        Assert.False(pace.TargetReached);
    }

    [Fact]
    public void Calculate_LastDayMorning_OneDayLeft()
    {
        var pace = PaceOn("2026-06-30", 2200m, 2000m);

        Assert.Equal(1, pace.WorkingDaysRemaining);
        Assert.Equal(200m, pace.NeededPerRemainingWorkingDay);
        Assert.False(pace.NoWorkingDaysLeft);
    }

    [Fact]
    public void Calculate_OverAchieved_NothingNeededAndAhead()
    {
        var pace = PaceOn("2026-06-16", 2200m, 2500m);

        Assert.Equal(113.6m, pace.PercentDone);
        Assert.Equal(0m, pace.NeededPerRemainingWorkingDay);
        Assert.Equal(PaceStatus.Ahead, pace.Status);
        Assert.True(pace.TargetReached);
        Assert.False(pace.NoWorkingDaysLeft);
        Assert.Equal(5000m, pace.Forecast); // 2500 over 11 days → 5000 over 22
    }

    [Fact]
    public void Calculate_ZeroTarget_NoStatusNoPercent()
    {
        var pace = PaceOn("2026-06-16", 0m, 300m);

        Assert.Equal(PaceStatus.NoTarget, pace.Status);
        Assert.Null(pace.PercentDone);
        Assert.Equal(0m, pace.ExpectedByNow);
        Assert.Equal(0m, pace.NeededPerRemainingWorkingDay);
        Assert.False(pace.TargetReached);
    }

    [Fact]
    public void Calculate_JoinedMidPeriod_CountsFromStartDay()
    {
        // Joined Monday 15 June: 12 working days are theirs; on Monday 22 June 5 are behind them.
        var pace = PaceOn("2026-06-22", 1200m, 500m, joined: new DateOnly(2026, 6, 15));
        var veteran = PaceOn("2026-06-22", 1200m, 500m);

        Assert.Equal(12, pace.WorkingDays);
        Assert.Equal(5, pace.WorkingDaysElapsed);
        Assert.Equal(500m, pace.ExpectedByNow);
        Assert.Equal(PaceStatus.OnPace, pace.Status);
        Assert.Equal(1200m, pace.Forecast);
        Assert.Equal(100m, pace.NeededPerRemainingWorkingDay);
        Assert.Equal(PaceStatus.Behind, veteran.Status); // 15 of 22 days elapsed → 818 expected
    }

    [Fact]
    public void Calculate_JoinedBeforePeriod_SameAsWholePeriod()
    {
        Assert.Equal(PaceOn("2026-06-11", 2200m, 800m), PaceOn("2026-06-11", 2200m, 800m, joined: new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void Calculate_HolidaysAndAdjustedDays_ProRateOnCalendar()
    {
        // A week with Wednesday off and the Saturday worked still has 5 working days.
        var calendar = new WorkingCalendar([new DateOnly(2026, 6, 3)], [new DateOnly(2026, 6, 6)]);
        var week = SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 6, 1));

        var thursday = PaceCalculator.Calculate(new PaceInput(500m, 200m, week, new DateOnly(2026, 6, 4), calendar));
        var sundayMorning = PaceCalculator.Calculate(new PaceInput(500m, 200m, week, new DateOnly(2026, 6, 7), calendar));

        Assert.Equal(5, thursday.WorkingDays);
        Assert.Equal(2, thursday.WorkingDaysElapsed);   // Mon, Tue (Wed was a holiday)
        Assert.Equal(200m, thursday.ExpectedByNow);
        Assert.Equal(100m, thursday.NeededPerRemainingWorkingDay);
        Assert.Equal(5, sundayMorning.WorkingDaysElapsed); // the Saturday counted
        Assert.True(sundayMorning.NoWorkingDaysLeft);
    }

    [Fact]
    public void Calculate_SpringFestival2026_HolidaysDoNotCountAdjustedSaturdaysDo()
    {
        var calendar = WorkingCalendarFile.China;
        var february = SalesPeriod.Month(2026, 2);

        // Friday 20 Feb: working days before it are 2–13 Feb (10) and Saturday 14 Feb.
        var pace = PaceCalculator.Calculate(new PaceInput(1600m, 1100m, february, new DateOnly(2026, 2, 20), calendar));

        Assert.Equal(16, pace.WorkingDays);
        Assert.Equal(11, pace.WorkingDaysElapsed);
        Assert.Equal(1100m, pace.ExpectedByNow);
        Assert.Equal(PaceStatus.OnPace, pace.Status);
        Assert.Equal(100m, pace.NeededPerRemainingWorkingDay); // 24–27 Feb and Saturday 28 Feb
    }

    [Fact]
    public void Calculate_LeapYearFebruary_HasItsExtraDay()
    {
        var february = SalesPeriod.Month(2028, 2);

        var pace = PaceCalculator.Calculate(new PaceInput(2100m, 2000m, february, new DateOnly(2028, 2, 29), WorkingCalendar.WeekendsOnly));

        Assert.Equal(21, pace.WorkingDays);
        Assert.Equal(1, pace.WorkingDaysRemaining);
        Assert.Equal(100m, pace.NeededPerRemainingWorkingDay);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void Calculate_BadTolerance_Throws(double tolerance)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaceCalculator.Calculate(
            new PaceInput(1m, 0m, June, new DateOnly(2026, 6, 2), WorkingCalendar.WeekendsOnly, Tolerance: (decimal)tolerance)));
    }

    [Fact]
    public void Calculate_NegativeTarget_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaceOn("2026-06-02", -1m, 0m));
    }
}
