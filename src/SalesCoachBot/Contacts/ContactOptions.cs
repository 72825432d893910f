using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Contacts;

/// <summary>"Contacts" section: how members and conversation references are recorded.</summary>
internal sealed class ContactOptions
{
    public const string SectionName = "Contacts";

    /// <summary>
    /// Tenant used for activities that carry none, in local-development mode only (no Bot:AppId; e.g. a hand-written
    /// request or a Playground without a tenant in its configuration). With an AppId, Teams always sends the tenant,
    /// and a turn without one runs with no member and no tenant-owned data.
    /// </summary>
    [Required]
    [StringLength(Data.ColumnLengths.TenantId, MinimumLength = 1)]
    public string LocalDevelopmentTenantId { get; set; } = "local-development";

    /// <summary>
    /// How stale a remembered contact may get before its last-seen time is written again. Unchanged contacts are
    /// otherwise not written at all, which keeps the hot path free of database round trips.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan LastSeenRefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Contacts remembered per instance before the memory is cleared (bounds memory).</summary>
    [Range(1, 10_000_000)]
    public int CacheCapacity { get; set; } = 200_000;
}
