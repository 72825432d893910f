namespace SalesCoachBot.Data;

/// <summary>
/// A praise form that was sent: its entry id (one per form) and the praise it stored, so a double click or a retried
/// invoke stores and posts once.
/// </summary>
public sealed class PraiseFormEntry : ITenantOwned
{
    /// <summary>An entry id is 32 hex digits (a GUID without dashes).</summary>
    public const int EntryIdLength = 32;

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string EntryId { get; set; }

    public long PraiseId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
