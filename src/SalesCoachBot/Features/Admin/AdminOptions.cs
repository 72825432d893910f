
namespace SalesCoachBot.Features.Admin;

/// <summary>"Admin" section: the CSV admin API at /api/admin. Keys come from configuration or environment; never logged.</summary>
internal sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Shortest key accepted at start, so a guessable key cannot be configured by accident.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>Tenant id (as Teams sends it) → that tenant's API key. Empty = the admin API answers 404 to everything.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Largest CSV upload; a larger one gets 400 and nothing is imported.</summary>
    public long MaxImportBytes { get; set; } = 1024 * 1024;
}
