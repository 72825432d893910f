using Xunit;

namespace SalesCoachBot.Testing;

/// <summary>
/// Tests that need something outside the repo (PostgreSQL, node packages) skip with a reason on a developer machine,
/// and fail instead when SALESCOACH_REQUIRE_ALL=1 (set by .ci/run), so CI can never pass on skipped tests.
/// </summary>
public static class TestRequirements
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("SALESCOACH_REQUIRE_ALL") == "1";

    public static void SkipOrFailUnless(bool condition, string reason)
    {
        if (condition)
        {
            return;
        }

        if (RequireAll)
        {
            throw new InvalidOperationException($"Required test dependency missing (SALESCOACH_REQUIRE_ALL=1): {reason}");
        }

        Skip.If(true, reason);
    }

    /// <summary>The PostgreSQL connection string from SALESCOACH_TEST_POSTGRES, or skip/fail.</summary>
    public static string Postgres()
    {
        var connectionString = Environment.GetEnvironmentVariable("SALESCOACH_TEST_POSTGRES");
        SkipOrFailUnless(!string.IsNullOrWhiteSpace(connectionString),
            "PostgreSQL tests need SALESCOACH_TEST_POSTGRES (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres); .ci/run sets it.");
        return connectionString!;
    }

    /// <summary>The repository root (the folder holding SalesCoachBot.sln).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesCoachBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SalesCoachBot.sln not found above " + AppContext.BaseDirectory);
    }
}
