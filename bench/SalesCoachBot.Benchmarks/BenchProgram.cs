using System.Globalization;
using BenchmarkDotNet.Running;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// <c>--p99</c>: percentiles by Stopwatch sampling (the bar). <c>--explain</c>: the SQL of one card and its plans.
/// <c>--seed</c>: only build the bench databases. Anything else goes to BenchmarkDotNet (e.g. <c>--filter *</c>).
/// Common: <c>--providers sqlite,postgres</c>, <c>--rebuild</c>, <c>--iterations 2000</c>, <c>--warmup 300</c>.
/// </summary>
public static class BenchProgram
{
    /// <summary>The targets card's p99, server side (bar: 20 ms, docs/benchmarks.md).</summary>
    public const double BarMilliseconds = 20;

    public static async Task<int> Main(string[] args)
    {
        var options = new BenchOptions(args);
        if (!options.Has("--p99") && !options.Has("--explain") && !options.Has("--seed"))
        {
            BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
            return 0;
        }

        var providers = options.Providers();
        var connections = new Dictionary<DatabaseProvider, string>();
        foreach (var provider in providers)
        {
            connections[provider] = await BenchDatabases.EnsureAsync(provider, BenchScale.Full, options.Has("--rebuild"), Console.Out);
        }

        if (options.Has("--explain"))
        {
            foreach (var provider in providers)
            {
                Console.WriteLine(await ExplainAsync(provider, connections[provider]));
            }
        }

        if (options.Has("--p99"))
        {
            var apps = providers.ToDictionary(p => p, p => new BenchApp(p, connections[p]));
            var probes = apps.ToDictionary(a => a.Key, a => new TargetsCardProbe(a.Value));
            try
            {
                var sampler = new PercentileSampler(probes, BenchScale.Full);
                var results = await sampler.RunAsync(options.Number("--warmup", 300), options.Number("--iterations", 2000), Console.Out);
                var table = PercentileSampler.Table(results, BarMilliseconds);
                Console.WriteLine();
                Console.WriteLine(table);
                var folder = Path.Combine("BenchmarkDotNet.Artifacts", "results");
                Directory.CreateDirectory(folder);
                var file = Path.Combine(folder, $"targets-card-percentiles-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
                await File.WriteAllTextAsync(file, table + Environment.NewLine);
                Console.WriteLine($"written to {Path.GetFullPath(file)}");
                return results.Where(r => r.Operation == PercentileSampler.Card).All(r => r.P99 <= BarMilliseconds) ? 0 : 2;
            }
            finally
            {
                foreach (var probe in probes.Values)
                {
                    probe.Dispose();
                }

                foreach (var app in apps.Values)
                {
                    await app.DisposeAsync();
                }
            }
        }

        return 0;
    }

    /// <summary>The SQL EF sends for one month card and one year card, with each query's plan.</summary>
    private static async Task<string> ExplainAsync(DatabaseProvider provider, string connectionString)
    {
        var capture = new CommandCapture();
        await using var app = new BenchApp(provider, connectionString, capture);
        using var probe = new TargetsCardProbe(app);
        // Warm first (model building, first-connection queries), then record one card per period.
        await probe.CardJsonAsync(1, SalesPeriodKind.Month);
        var report = new System.Text.StringBuilder();
        foreach (var period in (SalesPeriodKind[])[SalesPeriodKind.Month, SalesPeriodKind.Year])
        {
            capture.Clear();
            capture.Recording = true;
            // Rep 12: takes the team's time zone, like nine reps in ten.
            await probe.CardJsonAsync(12, period);
            capture.Recording = false;
            report.AppendLine(CultureInfo.InvariantCulture, $"==== {provider}, {period}: {capture.Commands.Count} SQL commands for one card");
            await using var scope = app.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
            await store.Database.OpenConnectionAsync();
            report.AppendLine(await QueryPlans.ExplainAsync(provider, store.Database.GetDbConnection(), capture.Commands));
        }

        return report.ToString();
    }

    private sealed class BenchOptions(string[] args)
    {
        public bool Has(string flag) => args.Contains(flag, StringComparer.OrdinalIgnoreCase);

        public int Number(string flag, int fallback)
        {
            var index = Array.FindIndex(args, a => string.Equals(a, flag, StringComparison.OrdinalIgnoreCase));
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : fallback;
        }

        public List<DatabaseProvider> Providers()
        {
            var index = Array.FindIndex(args, a => string.Equals(a, "--providers", StringComparison.OrdinalIgnoreCase));
            if (index < 0 || index + 1 >= args.Length)
            {
                return [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
            }

            return args[index + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => Enum.Parse<DatabaseProvider>(name, ignoreCase: true))
                .ToList();
        }
    }
}
