using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Features.Targets;

public class StagedTargetsTests
{
    [Fact]
    public void TargetFor_NoOverrides_FollowsSplit()
    {
        var plan = new StagedTargets(2026, 1200m, KpiUnit.Count, WorkingCalendar.WeekendsOnly);

        Assert.Equal(1200m, plan.TargetFor(SalesPeriod.Year(2026)));
        Assert.Equal(300m, plan.TargetFor(SalesPeriod.Quarter(2026, 4)));
        Assert.Equal(100m, plan.TargetFor(SalesPeriod.Month(2026, 12)));
    }

    [Fact]
    public void TargetFor_MonthOverride_ReplacesOnlyThatMonth()
    {
        var march = SalesPeriod.Month(2026, 3);
        var plan = new StagedTargets(2026, 1200m, KpiUnit.Count, WorkingCalendar.WeekendsOnly,
            overrides: new Dictionary<SalesPeriod, decimal> { [march] = 150m });

        Assert.Equal(150m, plan.TargetFor(march));
        Assert.True(plan.IsOverridden(march));
        Assert.Equal(100m, plan.TargetFor(SalesPeriod.Month(2026, 2)));
        Assert.Equal(100m, plan.TargetFor(SalesPeriod.Month(2026, 4)));
        Assert.Equal(300m, plan.TargetFor(SalesPeriod.Quarter(2026, 1)));   // the quarter keeps its split
        Assert.Equal(100m, plan.SplitFor(march));
    }

    [Fact]
    public void TargetFor_WeekOverride_WinsOverSplit()
    {
        var week = SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 6, 10));
        var plan = new StagedTargets(2026, 1200m, KpiUnit.Count, WorkingCalendar.WeekendsOnly,
            overrides: new Dictionary<SalesPeriod, decimal> { [week] = 0m });

        Assert.Equal(0m, plan.TargetFor(week));
        Assert.True(plan.SplitFor(week) > 0);
    }

    [Fact]
    public void TargetFor_WeekAcrossNewYear_AddsNextYearsShareWhenKnown()
    {
        StagedTargets? next = null;
        var plan = new StagedTargets(2026, 2610m, KpiUnit.Currency, WorkingCalendar.WeekendsOnly, otherYear: y => y == 2027 ? next : null);
        next = new StagedTargets(2027, 2610m, KpiUnit.Currency, WorkingCalendar.WeekendsOnly);
        var alone = new StagedTargets(2026, 2610m, KpiUnit.Currency, WorkingCalendar.WeekendsOnly);
        var week = SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 12, 31)); // Mon 28 Dec – Sun 3 Jan

        // December 2026 has 23 working days, 4 of them in this week; January 2027 has 21, 1 of them (Fri 1 Jan) here.
        var december = 217.5m * 4 / 23;
        var january = 217.5m / 21;
        Assert.InRange(alone.TargetFor(week)!.Value, december - 0.01m, december + 0.01m);
        Assert.InRange(plan.TargetFor(week)!.Value, december + january - 0.02m, december + january + 0.02m);
    }

    [Fact]
    public void TargetFor_PeriodOfAnotherYear_Throws()
    {
        var plan = new StagedTargets(2026, 100m, KpiUnit.Count, WorkingCalendar.WeekendsOnly);

        Assert.Throws<ArgumentOutOfRangeException>(() => plan.TargetFor(SalesPeriod.Month(2027, 1)));
    }

    [Fact]
    public void Constructor_NegativeOverride_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StagedTargets(2026, 100m, KpiUnit.Count, WorkingCalendar.WeekendsOnly,
            overrides: new Dictionary<SalesPeriod, decimal> { [SalesPeriod.Month(2026, 1)] = -1m }));
    }

    [Fact]
    public void Read_WithoutYearly_SetPeriodsShowThemselves_ParentsAreMarkedSums_NothingCountsTwice()
    {
        // No yearly target: November and December set, Q1 set, and inside Q1 also January (not added to Q1 again).
        var plan = new StagedTargets(2026, null, KpiUnit.Currency, WorkingCalendar.WeekendsOnly, overrides: new Dictionary<SalesPeriod, decimal>
        {
            [SalesPeriod.Month(2026, 11)] = 100m,
            [SalesPeriod.Month(2026, 12)] = 150m,
            [SalesPeriod.Quarter(2026, 1)] = 300m,
            [SalesPeriod.Month(2026, 1)] = 120m,
        });

        Assert.Equal(new PeriodTarget(100m), plan.Read(SalesPeriod.Month(2026, 11)));
        Assert.Equal(new PeriodTarget(300m), plan.Read(SalesPeriod.Quarter(2026, 1)));
        Assert.Equal(new PeriodTarget(250m, IsSumOfSetPeriods: true), plan.Read(SalesPeriod.Quarter(2026, 4)));
        Assert.Equal(new PeriodTarget(550m, IsSumOfSetPeriods: true), plan.Read(SalesPeriod.Year(2026)));
        Assert.Equal(new PeriodTarget(300m), plan.Read(SalesPeriod.Half(2026, 1)));
        Assert.Equal(new PeriodTarget(250m, IsSumOfSetPeriods: true), plan.Read(SalesPeriod.Half(2026, 2)));
        // Nothing set in or for them: no target (weeks are never carved out of a month without a yearly split).
        Assert.Null(plan.Read(SalesPeriod.Month(2026, 10)));
        Assert.Null(plan.Read(SalesPeriod.Quarter(2026, 3)));
        Assert.Null(plan.Read(SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 11, 18))));
        Assert.Equal(0m, plan.SplitFor(SalesPeriod.Month(2026, 11)));
    }

    [Fact]
    public void Read_HalfWithYearly_IsItsTwoQuarters_OverridesIncluded()
    {
        var plan = new StagedTargets(2026, 1200m, KpiUnit.Count, WorkingCalendar.WeekendsOnly,
            overrides: new Dictionary<SalesPeriod, decimal> { [SalesPeriod.Quarter(2026, 1)] = 500m });

        Assert.Equal(new PeriodTarget(800m), plan.Read(SalesPeriod.Half(2026, 1)));
        Assert.Equal(new PeriodTarget(600m), plan.Read(SalesPeriod.Half(2026, 2)));
        Assert.Equal(600m, plan.SplitFor(SalesPeriod.Half(2026, 1)));
    }
}
