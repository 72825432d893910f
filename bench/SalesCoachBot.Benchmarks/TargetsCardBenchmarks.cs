using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// Mean and median of the targets card (and the whole turn) per provider and period, by BenchmarkDotNet; the p99
/// comes from <see cref="PercentileSampler"/> (<c>--p99</c>). In-process, so the app and its database are set up once
/// per case instead of in a generated child project.
/// </summary>
[Config(typeof(Config))]
public class TargetsCardBenchmarks
{
    private BenchApp? _app;
    private TargetsCardProbe? _probe;
    private Random _reps = new(0);

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    public DatabaseProvider Provider { get; set; }

    [Params(SalesPeriodKind.Month, SalesPeriodKind.Year)]
    public SalesPeriodKind Period { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = BenchDatabases.EnsureAsync(Provider, BenchScale.Full, rebuild: false, Console.Out).GetAwaiter().GetResult();
        _app = new BenchApp(Provider, connectionString);
        _probe = new TargetsCardProbe(_app);
        _reps = new Random(BenchScale.Full.Seed);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _probe?.Dispose();
        _app?.Dispose();
    }

    [Benchmark(Description = "targets card (view + JSON)")]
    public Task<string> Card() => _probe!.CardJsonAsync(NextRep(), Period);

    [Benchmark(Description = "targets turn (POST /api/messages)")]
    public Task Turn() => _probe!.TurnAsync(NextRep(), Period);

    private long NextRep() => _reps.NextInt64(1, BenchScale.Full.Reps + 1);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(5)
                .WithIterationCount(20));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}
