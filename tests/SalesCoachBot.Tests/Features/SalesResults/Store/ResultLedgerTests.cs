using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Sales;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.SalesResults.Store;

public sealed class ResultLedgerTests
{
    private const string TenantA = "tenant-a";
    private const string TenantB = "tenant-b";
    private static readonly DateOnly Day = new(2026, 11, 27);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecordAsync_SameSourceAndExternalId_CountsOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);

        var first = await RecordAsync(database, TenantA, Entry(seed, 1200m, ResultSources.Zoho, "deal-1"));
        var again = await RecordAsync(database, TenantA, Entry(seed, 9999m, ResultSources.Zoho, "deal-1"));
        var otherSource = await RecordAsync(database, TenantA, Entry(seed, 300m, ResultSources.Fxiaoke, "deal-1"));

        Assert.False(first.IsDuplicate);
        Assert.True(again.IsDuplicate);
        Assert.Equal(first.Result.Id, again.Result.Id);
        Assert.Equal(1200m, again.Result.Amount);
        Assert.False(otherSource.IsDuplicate);
        Assert.Equal(1500m, await ActualAsync(database, TenantA, seed.Alice, seed.Revenue, Day, Day));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecordAsync_TenConcurrentWritersOfOneExternalId_StoresOneRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => RecordAsync(database, TenantA, Entry(seed, 500m, ResultSources.GenericCrm, "webhook-7")))));

        Assert.Single(outcomes, o => !o.IsDuplicate);
        Assert.Single(outcomes.Select(o => o.Result.Id).Distinct());
        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        Assert.Equal(1, await store.SalesResults.CountAsync());
        Assert.Equal(500m, await new ResultLedger(store, database.Time).ActualAsync(seed.Alice, seed.Revenue, Day, Day));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MarkLastActionUndoneAsync_WithinTenMinutes_UndoesLatestChatResultAndExcludesItFromSums(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);
        await RecordAsync(database, TenantA, Entry(seed, 100m, ResultSources.Chat));
        database.Time.Advance(TimeSpan.FromMinutes(1));
        var latest = await RecordAsync(database, TenantA, Entry(seed, 40m, ResultSources.Card));
        database.Time.Advance(TimeSpan.FromMinutes(1));
        await RecordAsync(database, TenantA, Entry(seed, 7m, ResultSources.Zoho, "crm-1")); // imports are not undoable
        database.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMinutes(1));

        var outcome = await UndoAsync(database, TenantA, seed.Alice);

        Assert.Equal(UndoStatus.Undone, outcome.Status);
        Assert.Equal(latest.Result.Id, Assert.Single(outcome.Rows).Id);
        Assert.Equal(107m, await ActualAsync(database, TenantA, seed.Alice, seed.Revenue, Day, Day));
        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        var kept = await store.SalesResults.SingleAsync(r => r.Id == latest.Result.Id);
        Assert.Equal(database.Time.GetUtcNow(), kept.UndoneAt);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MarkLastActionUndoneAsync_AfterTenMinutes_ReportsTooLateAndKeepsResult(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);
        await RecordAsync(database, TenantA, Entry(seed, 100m, ResultSources.Chat));
        database.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var outcome = await UndoAsync(database, TenantA, seed.Alice);

        Assert.Equal(UndoStatus.TooLate, outcome.Status);
        Assert.Equal(100m, await ActualAsync(database, TenantA, seed.Alice, seed.Revenue, Day, Day));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MarkLastActionUndoneAsync_NothingRecorded_ReportsNothingToUndo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);
        await RecordAsync(database, TenantA, Entry(seed, 100m, ResultSources.Chat));
        Assert.Equal(UndoStatus.Undone, (await UndoAsync(database, TenantA, seed.Alice)).Status);

        var outcome = await UndoAsync(database, TenantA, seed.Alice);

        Assert.Equal(UndoStatus.NothingToUndo, outcome.Status);
        Assert.Empty(outcome.Rows);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ActualsAsync_DateRangeEdges_IncludesBothEndsOnlyAndCountsCountKpis(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);
        var from = new DateOnly(2026, 11, 1);
        var to = new DateOnly(2026, 11, 30);
        await RecordAsync(database, TenantA, Entry(seed, 1m, ResultSources.Chat) with { OccurredOn = from.AddDays(-1) });
        await RecordAsync(database, TenantA, Entry(seed, 10m, ResultSources.Chat) with { OccurredOn = from });
        await RecordAsync(database, TenantA, Entry(seed, 100.25m, ResultSources.Chat) with { OccurredOn = to });
        await RecordAsync(database, TenantA, Entry(seed, 1000m, ResultSources.Chat) with { OccurredOn = to.AddDays(1) });
        await RecordAsync(database, TenantA, Entry(seed, 5m, ResultSources.Chat) with { KpiId = seed.Calls, OccurredOn = from });
        await RecordAsync(database, TenantA, Entry(seed, 3m, ResultSources.Chat) with { KpiId = seed.Calls, OccurredOn = to });
        await RecordAsync(database, TenantA, Entry(seed, 50m, ResultSources.Chat) with { MemberId = seed.Bob, OccurredOn = from });

        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        var ledger = new ResultLedger(store, database.Time);
        var actuals = await ledger.ActualsAsync(seed.Alice, from, to);

        Assert.Equal(110.25m, actuals[seed.Revenue].Amount);
        Assert.Equal(2, actuals[seed.Revenue].Results);
        Assert.Equal(2m, actuals[seed.Calls].Amount);
        Assert.Equal(110.25m, await ledger.ActualAsync(seed.Alice, seed.Revenue, from, to));
        Assert.Equal(2m, await ledger.ActualAsync(seed.Alice, seed.Calls, from, to));
        Assert.Equal(1m, await ledger.ActualAsync(seed.Alice, seed.Revenue, from.AddDays(-1), from.AddDays(-1)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Actuals_LastKpi_IsTheLatestReading_ByDayThenByRecording(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);
        long pipeline;
        var (seedScope, seedStore) = database.NewStore(TenantA);
        await using (seedScope)
        {
            var kpi = new KpiDefinition { TenantId = TenantA, Key = "pipeline", NameEn = "Pipeline", Unit = KpiUnit.Currency, Aggregation = KpiAggregation.Last, Currency = "CNY" };
            seedStore.Kpis.Add(kpi);
            await seedStore.SaveChangesAsync();
            pipeline = kpi.Id;
        }

        var from = new DateOnly(2026, 11, 1);
        var to = new DateOnly(2026, 11, 30);
        // Alice: the 12th's reading is recorded before the 10th's, and still is the latest (by day).
        await RecordAsync(database, TenantA, Entry(seed, 300m, ResultSources.Chat) with { KpiId = pipeline, OccurredOn = new DateOnly(2026, 11, 12) });
        database.Time.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync(database, TenantA, Entry(seed, 500m, ResultSources.Chat) with { KpiId = pipeline, OccurredOn = new DateOnly(2026, 11, 10) });
        // Bob: two readings on the same day; the one recorded later counts (a smaller amount: not the largest).
        await RecordAsync(database, TenantA, Entry(seed, 200m, ResultSources.Chat) with { MemberId = seed.Bob, KpiId = pipeline, OccurredOn = new DateOnly(2026, 11, 15) });
        database.Time.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync(database, TenantA, Entry(seed, 150m, ResultSources.Chat) with { MemberId = seed.Bob, KpiId = pipeline, OccurredOn = new DateOnly(2026, 11, 15) });
        // A later reading outside the period does not count; summed revenue alongside is unchanged.
        await RecordAsync(database, TenantA, Entry(seed, 900m, ResultSources.Chat) with { KpiId = pipeline, OccurredOn = to.AddDays(1) });
        await RecordAsync(database, TenantA, Entry(seed, 40m, ResultSources.Chat) with { OccurredOn = from });
        await RecordAsync(database, TenantA, Entry(seed, 60m, ResultSources.Chat) with { OccurredOn = to });

        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        var ledger = new ResultLedger(store, database.Time);
        var alice = await ledger.ActualsAsync(seed.Alice, from, to);
        var team = await ledger.RepActualsAsync(seed.Team, from, to);

        Assert.Equal((300m, 2), (alice[pipeline].Amount, alice[pipeline].Results));
        Assert.Equal(100m, alice[seed.Revenue].Amount);
        Assert.Equal(300m, await ledger.ActualAsync(seed.Alice, pipeline, from, to));
        Assert.Equal(300m, team[(seed.Alice, pipeline)]);
        Assert.Equal(150m, team[(seed.Bob, pipeline)]);
        Assert.Equal(150m, await ledger.ActualAsync(seed.Bob, pipeline, from, to));
        Assert.Equal(100m, team[(seed.Alice, seed.Revenue)]);
        // No reading in the period: no actual (the single-KPI read says 0, like every other KPI without results).
        var october = await ledger.ActualsAsync(seed.Alice, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
        Assert.False(october.ContainsKey(pipeline));
        Assert.DoesNotContain((seed.Bob, pipeline), (await ledger.RepActualsAsync(seed.Team, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31))).Keys);
        Assert.Equal(0m, await ledger.ActualAsync(seed.Alice, pipeline, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Ledger_OtherTenant_CannotReadOrUndoResults(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await LedgerFixture.SeedAsync(database, TenantA);
        await LedgerFixture.SeedAsync(database, TenantB);
        await RecordAsync(database, TenantA, Entry(a, 100m, ResultSources.Chat));

        Assert.Equal(0m, await ActualAsync(database, TenantB, a.Alice, a.Revenue, Day, Day));
        Assert.Equal(UndoStatus.NothingToUndo, (await UndoAsync(database, TenantB, a.Alice)).Status);
        var (scope, store) = database.NewStore(TenantB);
        await using var _ = scope;
        Assert.Empty(await new ResultLedger(store, database.Time).ActualsAsync(a.Alice, Day, Day));
        Assert.Equal(100m, await ActualAsync(database, TenantA, a.Alice, a.Revenue, Day, Day));
        await Assert.ThrowsAsync<ArgumentException>(() => RecordAsync(database, TenantB, Entry(a, 5m, ResultSources.Chat)));
        Assert.Equal(100m, await ActualAsync(database, TenantA, a.Alice, a.Revenue, Day, Day));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecordAsync_BadInput_ThrowsClearErrorAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = await LedgerFixture.SeedAsync(database, TenantA);

        await Assert.ThrowsAsync<ArgumentException>(() => RecordAsync(database, TenantA, Entry(seed, 1m, "fax")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RecordAsync(database, TenantA, Entry(seed, -1m, ResultSources.Chat)));
        await Assert.ThrowsAsync<ArgumentException>(() => RecordAsync(database, TenantA, Entry(seed, 1m, ResultSources.Chat) with { Note = new string('n', 1001) }));

        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        Assert.Equal(0, await store.SalesResults.CountAsync());
    }

    private static ResultEntry Entry(LedgerSeed seed, decimal amount, string source, string? externalId = null) =>
        new(seed.Alice, seed.Revenue, amount, Day, source, externalId, Customer: "ACME");

    private static async Task<RecordOutcome> RecordAsync(TestDatabase database, string tenantId, ResultEntry entry)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        return await new ResultLedger(store, database.Time).RecordAsync(entry);
    }

    private static async Task<UndoOutcome> UndoAsync(TestDatabase database, string tenantId, long memberId)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        return await new ResultLedger(store, database.Time).MarkLastActionUndoneAsync(memberId);
    }

    private static async Task<decimal> ActualAsync(TestDatabase database, string tenantId, long memberId, long kpiId, DateOnly from, DateOnly to)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        return await new ResultLedger(store, database.Time).ActualAsync(memberId, kpiId, from, to);
    }
}
