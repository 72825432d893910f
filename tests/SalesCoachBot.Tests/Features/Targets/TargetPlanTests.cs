using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.Targets;

public sealed class TargetPlanTests
{
    private const string TenantA = "tenant-a";
    private const string TenantB = "tenant-b";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TargetForAsync_YearlyWithWeights_ReadsSplitPerMonthQuarterAndWeek(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);
        decimal[] weights = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3];
        await WithPlan(database, TenantA, plan => plan.SetYearlyAsync(TargetOwner.Member(seed.Alice), seed.Revenue, 2026, 1_400_000m, weights));

        var expected = new StagedTargets(2026, 1_400_000m, KpiUnit.Currency, WorkingCalendar.WeekendsOnly, weights);
        var week = SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 12, 9));
        await WithPlan(database, TenantA, async plan =>
        {
            var owner = TargetOwner.Member(seed.Alice);
            Assert.Equal(1_400_000m, await plan.TargetForAsync(owner, seed.Revenue, SalesPeriod.Year(2026)));
            Assert.Equal(100_000m, await plan.TargetForAsync(owner, seed.Revenue, SalesPeriod.Month(2026, 1)));
            Assert.Equal(300_000m, await plan.TargetForAsync(owner, seed.Revenue, SalesPeriod.Month(2026, 12)));
            Assert.Equal(500_000m, await plan.TargetForAsync(owner, seed.Revenue, SalesPeriod.Quarter(2026, 4)));
            Assert.Equal(expected.TargetFor(week), await plan.TargetForAsync(owner, seed.Revenue, week));
            Assert.Null(await plan.TargetForAsync(owner, seed.Calls, SalesPeriod.Month(2026, 1)));
        });
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OverrideAsync_Month_WinsForThatPeriodOnlyAndReplacesEarlierOverride(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);
        var owner = TargetOwner.Member(seed.Alice);
        var march = SalesPeriod.Month(2026, 3);
        await WithPlan(database, TenantA, async plan =>
        {
            await plan.SetYearlyAsync(owner, seed.Revenue, 2026, 1_200_000m, Enumerable.Repeat(1m, 12).ToList());
            await plan.OverrideAsync(owner, seed.Revenue, march, 50_000m);
            await plan.OverrideAsync(owner, seed.Revenue, march, 80_000m);
        });

        await WithPlan(database, TenantA, async plan =>
        {
            Assert.Equal(80_000m, await plan.TargetForAsync(owner, seed.Revenue, march));
            Assert.Equal(100_000m, await plan.TargetForAsync(owner, seed.Revenue, SalesPeriod.Month(2026, 4)));
            Assert.Equal(300_000m, await plan.TargetForAsync(owner, seed.Revenue, SalesPeriod.Quarter(2026, 1)));
        });
        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        var rows = await store.SalesTargets.OrderBy(t => t.PeriodKind).ToListAsync();
        Assert.Equal([(TargetPeriodKind.Month, true), (TargetPeriodKind.Year, false)], rows.Select(r => (r.PeriodKind, r.IsOverride)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TargetForAsync_TeamWithoutOwnTarget_IsSumOfRepsUnlessSet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);
        var team = TargetOwner.Team(seed.Team);
        var may = SalesPeriod.Month(2026, 5);
        var flat = Enumerable.Repeat(1m, 12).ToList();
        await WithPlan(database, TenantA, async plan =>
        {
            await plan.SetYearlyAsync(TargetOwner.Member(seed.Alice), seed.Revenue, 2026, 120_000m, flat);
            await plan.SetYearlyAsync(TargetOwner.Member(seed.Bob), seed.Revenue, 2026, 240_000m, flat);
            await plan.OverrideAsync(TargetOwner.Member(seed.Bob), seed.Revenue, may, 1_000m);
        });

        await WithPlan(database, TenantA, async plan =>
        {
            Assert.Equal(360_000m, await plan.TargetForAsync(team, seed.Revenue, SalesPeriod.Year(2026)));
            Assert.Equal(11_000m, await plan.TargetForAsync(team, seed.Revenue, may));
            await plan.SetYearlyAsync(team, seed.Revenue, 2026, 600_000m, flat);
        });

        await WithPlan(database, TenantA, async plan =>
        {
            Assert.Equal(600_000m, await plan.TargetForAsync(team, seed.Revenue, SalesPeriod.Year(2026)));
            Assert.Equal(50_000m, await plan.TargetForAsync(team, seed.Revenue, may));
            // The rep keeps their own target beside the team's.
            Assert.Equal(20_000m, await plan.TargetForAsync(TargetOwner.Member(seed.Bob), seed.Revenue, SalesPeriod.Month(2026, 6)));
        });
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TargetForAsync_OtherTenant_SeesNoTarget(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await LedgerFixture.SeedAsync(database, TenantA);
        await LedgerFixture.SeedAsync(database, TenantB);
        await WithPlan(database, TenantA, plan => plan.SetYearlyAsync(TargetOwner.Member(a.Alice), a.Revenue, 2026, 120_000m));

        await WithPlan(database, TenantB, async plan =>
            Assert.Null(await plan.TargetForAsync(TargetOwner.Member(a.Alice), a.Revenue, SalesPeriod.Year(2026))));
        await WithPlan(database, TenantB, plan => Assert.ThrowsAsync<ArgumentException>(() =>
            plan.OverrideAsync(TargetOwner.Member(a.Alice), a.Revenue, SalesPeriod.Month(2026, 1), 1m)));
        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        Assert.Equal(1, await store.SalesTargets.CountAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetYearlyAsync_BadWeights_ThrowsAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);

        await WithPlan(database, TenantA, plan => Assert.ThrowsAsync<ArgumentException>(() =>
            plan.SetYearlyAsync(TargetOwner.Member(seed.Alice), seed.Revenue, 2026, 1m, [1m, 2m])));
        await WithPlan(database, TenantA, plan => Assert.ThrowsAsync<ArgumentException>(() =>
            plan.SetYearlyAsync(new TargetOwner(seed.Alice, seed.Team), seed.Revenue, 2026, 1m)));

        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        Assert.Equal(0, await store.SalesTargets.CountAsync());
    }

    private static async Task WithPlan(TestDatabase database, string tenantId, Func<TargetPlan, Task> action)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        await action(new TargetPlan(store, database.Time));
    }
}
