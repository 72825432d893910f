namespace SalesCoachBot.Data;

/// <summary>Where a result came from; with <see cref="SalesResult.ExternalId"/> it makes a re-import idempotent.</summary>
public static class ResultSources
{
    public const string Chat = "chat";
    public const string Card = "card";
    public const string File = "file";
    public const string Zoho = "crm:zoho";
    public const string Fxiaoke = "crm:fxiaoke";
    public const string GenericCrm = "crm:generic";
    public const string Import = "import";

    public static IReadOnlyList<string> All { get; } = [Chat, Card, File, Zoho, Fxiaoke, GenericCrm, Import];

    /// <summary>Sources a rep typed themselves, so `undo` may take them back.</summary>
    public static bool IsUndoable(string source) => source is Chat or Card;
}

/// <summary>One logged result (a deal, a visit, …) of one member for one KPI on one sales day.</summary>
public sealed class SalesResult : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long MemberId { get; set; }

    public long KpiId { get; set; }

    public decimal Amount { get; set; }

    /// <summary>The sales day in the member's time zone (not the UTC day it was recorded).</summary>
    public DateOnly OccurredOn { get; set; }

    public string? Customer { get; set; }

    public string? Note { get; set; }

    /// <summary>One of <see cref="ResultSources"/>.</summary>
    public required string Source { get; set; }

    /// <summary>The id in the source system; generated for chat and card results.</summary>
    public required string ExternalId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public long? RecordedByMemberId { get; set; }

    /// <summary>Set by `undo`: the row stays for the audit trail but no longer counts.</summary>
    public DateTimeOffset? UndoneAt { get; set; }
}

/// <summary>Kind of a target row's period; same values as the Targets feature's period kinds.</summary>
public enum TargetPeriodKind
{
    Week = 0,
    Month = 1,
    Quarter = 2,
    Year = 3,
}

/// <summary>
/// A target of a member or a team (exactly one of the two) for one KPI and period. The yearly row carries the split
/// weights; rows of shorter periods are overrides of that split.
/// </summary>
public sealed class SalesTarget : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long? MemberId { get; set; }

    public long? SalesTeamId { get; set; }

    public long KpiId { get; set; }

    public int Year { get; set; }

    public TargetPeriodKind PeriodKind { get; set; }

    public DateOnly PeriodStart { get; set; }

    public decimal Amount { get; set; }

    /// <summary>Twelve month weights separated by ';' on the yearly row (null = split by working days).</summary>
    public string? MonthWeights { get; set; }

    public bool IsOverride { get; set; }

    public long? SetByMemberId { get; set; }

    public DateTimeOffset SetAt { get; set; }
}

/// <summary>What became of one CRM webhook event.</summary>
public enum CrmEventStatus
{
    /// <summary>A won deal, recorded as results.</summary>
    Accepted = 0,
    /// <summary>Not a won deal (another stage): acknowledged, nothing recorded.</summary>
    Ignored = 1,
    /// <summary>No member of the tenant has the owner's e-mail; the same event may be sent again once one has.</summary>
    UnknownOwner = 2,
    /// <summary>Well formed but not recordable (e.g. a currency the KPI does not use); may be sent again after a fix.</summary>
    Rejected = 3,
}

/// <summary>
/// One event a CRM pushed to the webhook, kept so a repeated event id changes nothing and unmatched owners can be
/// listed. Unique per (tenant, source, event id); the results it recorded are in <see cref="ResultIds"/>.
/// </summary>
public sealed class CrmEvent : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    /// <summary>The configured source name from the URL (<c>/api/crm/{source}/events</c>).</summary>
    public required string Source { get; set; }

    /// <summary>The sender's event id (generic) or the deal id and modified time (Zoho, FXiaoKe).</summary>
    public required string EventId { get; set; }

    public string? DealId { get; set; }

    public CrmEventStatus Status { get; set; }

    /// <summary>The deal owner's e-mail, kept only while no member matches it so an admin can fix the member.</summary>
    public string? OwnerEmail { get; set; }

    /// <summary>Ids of the results this event recorded (or found already recorded), separated by ','.</summary>
    public string? ResultIds { get; set; }

    /// <summary>Why an event was ignored or rejected.</summary>
    public string? Detail { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When the event was last processed (a retried unknown-owner event is processed again).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A tenant's own working calendar for one year of a country (today "cn"), supplied through the admin API; it replaces
/// the bundled year of that country for that tenant only.
/// </summary>
public sealed class TenantCalendarYear : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    /// <summary>The calendar's country code, lower case ("cn").</summary>
    public required string Country { get; set; }

    public int Year { get; set; }

    /// <summary>The year's file in its canonical form (Sales/WorkingCalendarFile.Write), read back when the calendar is loaded.</summary>
    public required string Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
