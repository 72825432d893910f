namespace SalesCoachBot.Data;

/// <summary>What an uploaded file holds, told apart by its header.</summary>
public enum ImportKind
{
    Results = 0,
    Targets = 1,
}

public enum PendingImportStatus
{
    Pending = 0,
    Imported = 1,
    Cancelled = 2,
}

/// <summary>
/// A file a member uploaded in the 1:1 chat, read and checked, waiting for the member to press Import on the preview
/// card. Holds only the valid rows (already resolved to member and KPI ids) so confirming does not download again.
/// </summary>
public sealed class PendingImport : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    /// <summary>Who uploaded it; only they may confirm or cancel.</summary>
    public long MemberId { get; set; }

    public required string FileName { get; set; }

    public ImportKind Kind { get; set; }

    /// <summary>The valid rows as JSON (the Imports feature's row records).</summary>
    public required string RowsJson { get; set; }

    public int ValidRows { get; set; }

    public int RejectedRows { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public PendingImportStatus Status { get; set; }
}
