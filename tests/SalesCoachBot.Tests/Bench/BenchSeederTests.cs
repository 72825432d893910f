using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Benchmarks;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Bench;

/// <summary>
/// The benchmark's seeder and measured operations at a tiny scale, on both providers, so bench/ cannot rot unnoticed.
/// No timing here: the figures come from the benchmark itself (docs/benchmarks.md).
/// </summary>
public sealed class BenchSeederTests
{
    private static readonly BenchScale Tiny = new(Reps: 20, RepsPerTeam: 10, Results: 500, Seed: 7);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SeedAsync_TinyScale_StoresEveryGeneratedRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var report = await BenchSeeder.SeedAsync(provider, database.ConnectionString, Tiny);

        var data = new BenchData(Tiny);
        var (scope, store) = database.NewStore(BenchWorld.TenantId);
        await using var _ = scope;
        Assert.Equal(20, await store.Members.CountAsync());
        Assert.Equal(2, await store.SalesTeams.CountAsync());
        Assert.Equal(20, await store.TeamMemberships.CountAsync());
        Assert.Equal(20, await store.Conversations.CountAsync());
        Assert.Equal(4, await store.Kpis.CountAsync());
        Assert.Equal(data.TargetCount, await store.SalesTargets.CountAsync());
        Assert.Equal(500, await store.SalesResults.CountAsync());
        Assert.Equal(data.Results().Count(r => r.UndoneAt is not null), await store.SalesResults.CountAsync(r => r.UndoneAt != null));
        Assert.True(await store.SalesResults.Select(r => r.Source).Distinct().CountAsync() > 1);
        Assert.Equal(500, report.Rows["sales_results"]);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SeedAsync_TinyScale_LedgerReadsTheSeededAmountsAndDays(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await BenchSeeder.SeedAsync(provider, database.ConnectionString, Tiny);
        const long rep = 3;
        // The first half year: enough of the rep's results to sum, and a cut-off date to respect.
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
        var expected = new BenchData(Tiny).Results()
            .Where(r => r.MemberId == rep && r.UndoneAt is null && r.OccurredOn >= from && r.OccurredOn <= to)
            .GroupBy(r => r.KpiId)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));

        var (scope, store) = database.NewStore(BenchWorld.TenantId);
        await using var _ = scope;
        var actuals = await new ResultLedger(store, new FakeTimeProvider(BenchWorld.Now)).ActualsAsync(rep, from, to);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actuals.ToDictionary(a => a.Key, a => a.Value.Amount));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Probe_SeededRep_BuildsTheCardAndAnswersTheTurn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await BenchSeeder.SeedAsync(provider, database.ConnectionString, Tiny);
        await using var app = new BenchApp(provider, database.ConnectionString);
        using var probe = new TargetsCardProbe(app);

        var month = await probe.CardJsonAsync(4, SalesPeriodKind.Month);
        var year = await probe.TurnAsync(9, SalesPeriodKind.Year);
        await probe.RoundTripAsync();

        Assert.Contains("\"type\":\"AdaptiveCard\"", month, StringComparison.Ordinal);
        Assert.Contains(BenchWorld.MemberName(4), month, StringComparison.Ordinal);
        // Rep 4 reads Teams in Chinese: December 2026 in the title.
        Assert.Contains("2026年12月", month, StringComparison.Ordinal);
        var card = Testing.CardText.Of(year);
        Assert.Contains(BenchWorld.MemberName(9), card, StringComparison.Ordinal);
        Assert.Contains("2026", card, StringComparison.Ordinal);
    }
}
