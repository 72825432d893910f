namespace SalesCoachBot.Scheduling;

/// <summary>Where Hangfire keeps its jobs.</summary>
internal enum SchedulingStorage
{
    /// <summary>Follows Database:Provider: a SQLite file beside the app database, or the app's PostgreSQL database (schema hangfire).</summary>
    Database,
}

/// <summary>"Scheduling" section: Hangfire storage, server and dashboard, and the housekeeping jobs.</summary>
internal sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>False = this instance runs no jobs (e.g. a web-only instance); jobs can still be enqueued and the dashboard shown.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Only Database; kept as a setting so a configuration that still names another storage fails at start instead of being ignored.</summary>
    public SchedulingStorage Storage { get; set; } = SchedulingStorage.Database;

    /// <summary>Hangfire's SQLite file; empty = hangfire.db in the folder of the app's SQLite database.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>Schema of Hangfire's tables on PostgreSQL.</summary>
    public string PostgresSchema { get; set; } = "hangfire";

    /// <summary>Workers per instance; 0 = 1 on SQLite (it reports "database is locked" under concurrency), 4 otherwise.</summary>
    public int WorkerCount { get; set; }

    /// <summary>How often idle workers look for enqueued jobs.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When set, /hangfire requires this key (HTTP basic password or X-Api-Key header) from every caller; when empty,
    /// only loopback callers see the dashboard. Never logged.
    /// </summary>
    public string? DashboardKey { get; set; }

    /// <summary>Sent, unreachable and failed outbox rows older than this are deleted by the daily cleanup.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Rows deleted per statement by the cleanup, so one run never holds a long lock.</summary>
    public int OutboxCleanupBatchSize { get; set; } = 1000;

    internal int EffectiveWorkerCount(bool sqlite) => WorkerCount > 0 ? WorkerCount : sqlite ? 1 : 4;
}
