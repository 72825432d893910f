using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Features.TeamProgress;

public sealed class TeamProgressReaderTests
{
    private static async Task<(int Commands, TeamProgressSnapshot Snapshot)> ReadCountingAsync(CountingApp app, TeamWorld world, bool improvement)
    {
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using var _scope = scope;
        var reader = scope.ServiceProvider.GetRequiredService<TeamProgressReader>();
        var before = app.Commands.Count;
        var snapshot = await reader.ReadAsync(TeamWorld.TenantA, world.TeamId, SalesPeriod.Month(2026, 11), "en-US", improvement);
        return (app.Commands.Count - before, snapshot!);
    }

    [Theory]
    [InlineData(KpiUnit.Currency, KpiAggregation.Sum, "80000")]
    [InlineData(KpiUnit.Currency, KpiAggregation.Last, "80000")]
    [InlineData(KpiUnit.Count, KpiAggregation.Count, "80000")]
    [InlineData(KpiUnit.Currency, KpiAggregation.Average, "26666.67")]
    [InlineData(KpiUnit.Percent, KpiAggregation.Last, "26666.67")]
    [InlineData(KpiUnit.Percent, KpiAggregation.Sum, "26666.67")]
    public void TeamTotalActual_SumsFlows_AveragesRatesOverRepsWithAResult(KpiUnit unit, KpiAggregation aggregation, string expected)
    {
        var kpi = new KpiDefinition { TenantId = "t", Key = "k", Unit = unit, Aggregation = aggregation };

        // Three reps with a result (one of them 0) and one without: a rep without a result is no 0 in a mean.
        var actual = TeamTotal.Actual(kpi, [30000m, null, 50000m, 0m]);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), actual);
        Assert.Equal(0m, TeamTotal.Actual(kpi, [null, null]));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ReadAsync_MoreReps_SameNumberOfQueries_AndTargetsAsThePlanReadsThem(DatabaseProvider provider)
    {
        await using var app = new CountingApp(provider);
        var world = await TeamWorld.CreateAsync(app, withDan: true);
        await world.SeedNovemberAsync();
        // The first read also loads the tenant's working calendar, which is then cached (WorkingCalendars).
        await ReadCountingAsync(app, world, improvement: true);

        var (small, smallSnapshot) = await ReadCountingAsync(app, world, improvement: true);
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var plan = scope.ServiceProvider.GetRequiredService<TargetPlan>();
            var ledger = scope.ServiceProvider.GetRequiredService<ResultLedger>();
            var ids = await directory.AddMembersAsync(TeamWorld.TenantA, world.TeamId,
                [.. Enumerable.Range(1, 20).Select(i => new RosterEntry($"29:extra{i}", null, $"Extra {i:00}", null))]);
            foreach (var id in ids)
            {
                await plan.SetYearlyAsync(TargetOwner.Member(id), world.Kpis[KpiDefaults.Revenue], 2026, 600_000m);
                await plan.OverrideAsync(TargetOwner.Member(id), world.Kpis[KpiDefaults.Visits], SalesPeriod.Month(2026, 11), 12m);
                await ledger.RecordAsync(new ResultEntry(id, world.Kpis[KpiDefaults.Revenue], 1_000m, new DateOnly(2026, 11, 2), ResultSources.Chat));
            }
        }

        var (large, snapshot) = await ReadCountingAsync(app, world, improvement: true);

        // KPIs, team, reps, actuals, targets, last period's actuals: whatever the team size.
        Assert.Equal(small, large);
        Assert.InRange(large, 1, 6);
        Assert.Equal(4, smallSnapshot.Reps.Count);
        Assert.Equal(24, snapshot.Reps.Count);
        foreach (var rep in snapshot.Reps)
        {
            foreach (var kpi in snapshot.Kpis)
            {
                var expected = await world.TargetAsync(TargetOwner.Member(rep.MemberId), kpi.Key, snapshot.Period) ?? 0m;
                Assert.Equal(expected, rep.PaceOf(kpi.Id).Target);
            }
        }

        var revenue = snapshot.Kpis.Single(k => k.Key == KpiDefaults.Revenue);
        var teamTarget = await world.TargetAsync(TargetOwner.Team(world.TeamId), KpiDefaults.Revenue, snapshot.Period);
        Assert.Equal(teamTarget, snapshot.Totals[snapshot.Kpis.ToList().IndexOf(revenue)].Target);
        Assert.Equal(105_000m + 40_000m + 20_000m, snapshot.Totals[snapshot.Kpis.ToList().IndexOf(revenue)].Actual);
    }

    /// <summary>The app with a logger that counts the SQL commands EF Core executes.</summary>
    private sealed class CountingApp : SalesCoachBotApplication
    {
        public CountingApp(DatabaseProvider provider)
            : base(provider)
        {
            Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        }

        public CommandCounter Commands { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(TeamWorld.Now));
            services.AddSingleton<ILoggerProvider>(Commands);
        }
    }

    private sealed class CommandCounter : ILoggerProvider, ILogger
    {
        private const string Category = "Microsoft.EntityFrameworkCore.Database.Command";

        // RelationalEventId.CommandExecuted.
        private const int CommandExecuted = 20101;

        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ILogger CreateLogger(string categoryName) => categoryName == Category ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == CommandExecuted)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void Dispose()
        {
        }
    }
}
