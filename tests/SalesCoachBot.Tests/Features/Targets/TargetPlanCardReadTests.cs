using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.Targets;

/// <summary><see cref="TargetPlan.MemberTargetsForAsync"/>: the card's one-read path gives what the per-KPI path gives.</summary>
public sealed class TargetPlanCardReadTests
{
    private const string Tenant = "tenant-a";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MemberTargetsForAsync_EveryKpiAndPeriod_MatchesTargetForAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, Tenant);
        var alice = TargetOwner.Member(seed.Alice);
        decimal[] weights = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3];
        await WithPlan(database, async plan =>
        {
            await plan.SetYearlyAsync(alice, seed.Revenue, 2026, 1_400_000m, weights);
            await plan.OverrideAsync(alice, seed.Revenue, SalesPeriod.Month(2026, 3), 80_000m);
            // Calls: only a 2025 target, so 2026 has none.
            await plan.SetYearlyAsync(alice, seed.Calls, 2025, 500m);
            // Bob's targets must not reach Alice's card.
            await plan.SetYearlyAsync(TargetOwner.Member(seed.Bob), seed.Calls, 2026, 900m);
        });
        SalesPeriod[] periods =
        [
            SalesPeriod.Month(2026, 3), SalesPeriod.Month(2026, 12), SalesPeriod.Quarter(2026, 1), SalesPeriod.Year(2026),
            SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 12, 9)),
            SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2025, 12, 30)),
        ];

        await WithPlan(database, async (plan, store) =>
        {
            var kpis = await store.Kpis.AsNoTracking().ToListAsync();
            foreach (var period in periods)
            {
                var batch = await plan.MemberTargetsForAsync(seed.Alice, kpis, period, WorkingCalendarFile.China);
                Assert.Equal(kpis.Count, batch.Count);
                foreach (var kpi in kpis)
                {
                    Assert.Equal(await plan.TargetForAsync(alice, kpi.Id, period, WorkingCalendarFile.China), batch[kpi.Id]?.Amount);
                }
            }

            var march = await plan.MemberTargetsForAsync(seed.Alice, kpis, SalesPeriod.Month(2026, 3), WorkingCalendarFile.China);
            Assert.Equal(80_000m, march[seed.Revenue]?.Amount);
            Assert.Null(march[seed.Calls]);
            var year2025 = await plan.MemberTargetsForAsync(seed.Alice, kpis, SalesPeriod.Year(2025));
            Assert.Equal(500m, year2025[seed.Calls]?.Amount);
            Assert.Null(year2025[seed.Revenue]);
        });
    }

    private static Task WithPlan(TestDatabase database, Func<TargetPlan, Task> action) =>
        WithPlan(database, (plan, _) => action(plan));

    private static async Task WithPlan(TestDatabase database, Func<TargetPlan, SalesCoachDbContext, Task> action)
    {
        var (scope, store) = database.NewStore(Tenant);
        await using var _ = scope;
        await action(new TargetPlan(store, database.Time), store);
    }
}
