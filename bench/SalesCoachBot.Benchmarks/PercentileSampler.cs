using System.Diagnostics;
using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Benchmarks;

/// <summary>Latency figures of one case, in milliseconds.</summary>
public sealed record LatencySummary(string Operation, DatabaseProvider Provider, SalesPeriodKind Period, int Samples, double P50, double P95, double P99, double Mean, double Max)
{
    public static LatencySummary Of(string operation, DatabaseProvider provider, SalesPeriodKind period, List<double> milliseconds)
    {
        milliseconds.Sort();
        return new LatencySummary(
            operation, provider, period, milliseconds.Count,
            Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.95), Percentile(milliseconds, 0.99),
            milliseconds.Average(), milliseconds[^1]);
    }

    // Nearest rank: the smallest sample with at least p of the samples at or below it.
    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>
/// BenchmarkDotNet reports means and medians but no p99, and the bar is a p99. This mode times every call with a
/// Stopwatch: warm up, then for each iteration run every case once (both providers, both periods, card and whole
/// turn) in a fixed interleaved order, so noise from the shared machine lands on all cases alike. A seeded Random
/// picks the rep; the same rep sequence goes to SQLite and PostgreSQL.
/// </summary>
public sealed class PercentileSampler(IReadOnlyDictionary<DatabaseProvider, TargetsCardProbe> probes, BenchScale scale)
{
    public const string Card = "card";
    public const string Turn = "turn";
    public const string RoundTrip = "SELECT 1";

    private static readonly SalesPeriodKind[] Periods = [SalesPeriodKind.Month, SalesPeriodKind.Year];

    public async Task<IReadOnlyList<LatencySummary>> RunAsync(int warmup, int iterations, TextWriter log)
    {
        var cases = (from operation in (string[])[Card, Turn]
                     from period in Periods
                     from provider in probes.Keys
                     select (operation, period, provider))
            .Concat(probes.Keys.Select(provider => (operation: RoundTrip, period: SalesPeriodKind.Month, provider)))
            .ToList();
        var samples = cases.ToDictionary(c => c, _ => new List<double>(iterations));
        // One rep sequence per (operation, period), replayed for each provider.
        var reps = cases.Select(c => (c.operation, c.period)).Distinct()
            .ToDictionary(c => c, c => Reps(c.operation.Length * 31 + (int)c.period, warmup + iterations));

        await log.WriteLineAsync($"Sampling: {warmup} warm-up + {iterations} timed iterations × {cases.Count} cases …");
        var clock = new Stopwatch();
        for (var i = 0; i < warmup + iterations; i++)
        {
            foreach (var (operation, period, provider) in cases)
            {
                var rep = reps[(operation, period)][i];
                var probe = probes[provider];
                clock.Restart();
                switch (operation)
                {
                    case Card:
                        await probe.CardJsonAsync(rep, period);
                        break;
                    case Turn:
                        await probe.TurnAsync(rep, period);
                        break;
                    default:
                        await probe.RoundTripAsync();
                        break;
                }

                clock.Stop();
                if (i >= warmup)
                {
                    samples[(operation, period, provider)].Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            if ((i + 1) % 500 == 0)
            {
                await log.WriteLineAsync($"  {i + 1}/{warmup + iterations}");
            }
        }

        return cases.Select(c => LatencySummary.Of(c.operation, c.provider, c.period, samples[c])).ToList();
    }

    /// <summary>The figures as a Markdown table, with PostgreSQL/SQLite ratios of the medians.</summary>
    public static string Table(IReadOnlyList<LatencySummary> results, double barMilliseconds)
    {
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            "| operation | period | provider | samples | p50 ms | p95 ms | p99 ms | mean ms | max ms | p99 ≤ bar |",
            "|---|---|---|---:|---:|---:|---:|---:|---:|---|",
        };
        lines.AddRange(results.Select(r => string.Create(culture,
            $"| {r.Operation} | {(r.Operation == RoundTrip ? "–" : r.Period.ToString().ToLowerInvariant())} | {r.Provider} | {r.Samples} | {r.P50:F2} | {r.P95:F2} | {r.P99:F2} | {r.Mean:F2} | {r.Max:F1} | {(r.Operation == RoundTrip ? "–" : r.P99 <= barMilliseconds ? "pass" : "FAIL")} |")));
        var ratios = results.Where(r => r.Operation != RoundTrip).GroupBy(r => (r.Operation, r.Period))
            .Where(g => g.Any(r => r.Provider == DatabaseProvider.Sqlite) && g.Any(r => r.Provider == DatabaseProvider.Postgres))
            .Select(g => string.Create(culture,
                $"{g.Key.Operation} {g.Key.Period.ToString().ToLowerInvariant()}: PostgreSQL/SQLite p50 = {g.Single(r => r.Provider == DatabaseProvider.Postgres).P50 / g.Single(r => r.Provider == DatabaseProvider.Sqlite).P50:F2}"))
            .ToList();
        // How many bare round trips one card costs, per provider: stable across machine load where the milliseconds are not.
        ratios.AddRange(results.Where(r => r.Operation == Card)
            .Select(r => (Card: r, Floor: results.FirstOrDefault(f => f.Operation == RoundTrip && f.Provider == r.Provider)))
            .Where(p => p.Floor is not null)
            .Select(p => string.Create(culture,
                $"card {p.Card.Period.ToString().ToLowerInvariant()} on {p.Card.Provider}: p50 = {p.Card.P50 / p.Floor!.P50:F1} × the SELECT 1 p50, p99 = {p.Card.P99 / p.Floor.P99:F1} × its p99")));
        if (ratios.Count > 0)
        {
            lines.Add("");
            lines.AddRange(ratios.Select(r => "- " + r));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private long[] Reps(int salt, int count)
    {
        var random = new Random(scale.Seed + salt);
        return Enumerable.Range(0, count).Select(_ => random.NextInt64(1, scale.Reps + 1)).ToArray();
    }
}
