namespace SalesCoachBot.Security;

/// <summary>"KeyAttempts" section: how many wrong admin-API or dashboard keys one client address may send.</summary>
internal sealed class KeyAttemptOptions
{
    public const string SectionName = "KeyAttempts";

    /// <summary>Wrong keys an address may send within <see cref="Window"/>; after that every key attempt gets 429.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>The window, counted from an address's first wrong key; when it has passed the address starts afresh.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most addresses remembered at once, so a flood of addresses cannot grow the table without bound.</summary>
    public int MaxTrackedAddresses { get; set; } = 10_000;
}
