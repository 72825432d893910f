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
