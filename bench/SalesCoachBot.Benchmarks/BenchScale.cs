
namespace SalesCoachBot.Benchmarks;

/// <summary>
/// How big the seeded store is. <see cref="Full"/> is the shape our speed bars are set for (10,000 reps in 1,000 teams, 1,000,000
/// results); the tests use a tiny one. The same scale and seed always give the same rows.
/// </summary>
public sealed record BenchScale(int Reps, int RepsPerTeam, int Results, int Seed = 2026)
{
    public static BenchScale Full { get; } = new(10_000, 10, 1_000_000);

    public int Teams => (Reps + RepsPerTeam - 1) / RepsPerTeam;

    /// <summary>Part of the cached database's name: a different scale or seed is a different database.</summary>
    public string Key => $"{Reps}r{RepsPerTeam}t{Results}x{Seed}s";
}

/// <summary>The fixed world the benchmark runs in: one tenant, "today" in December 2026.</summary>
public static class BenchWorld
{
    public const string TenantId = "tenant-bench";

    public const string Currency = "CNY";

    public const string BotId = "28:bot-app-id";

    public const string ServiceUrl = "http://127.0.0.1:56150/_connector";

    /// <summary>Wednesday 16 December 2026, 10:00 in Shanghai: results run from 1 January up to this day.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 12, 16, 2, 0, 0, TimeSpan.Zero);

    public static DateOnly FirstDay { get; } = new(2026, 1, 1);

    public static DateOnly Today { get; } = new(2026, 12, 16);

    public static string TeamsUserId(long memberId) => $"29:bench-rep-{memberId}";

    public static string AadObjectId(long memberId) => $"aad-bench-rep-{memberId}";

    public static string MemberName(long memberId) => $"Rep {memberId:00000}";

    public static string PersonalConversationId(long memberId) => $"a:bench-personal-{memberId}";

    /// <summary>Seven in ten reps use Teams in Chinese.</summary>
    public static string Locale(long memberId) => memberId % 10 < 7 ? "zh-CN" : "en-US";
}
