namespace SalesCoachBot.Data;

/// <summary>What an automatic celebration celebrates.</summary>
public enum CelebrationKind
{
    /// <summary>One result at or above the team's big-deal threshold.</summary>
    BigDeal = 1,

    /// <summary>A rep reached 100 % of a monthly target.</summary>
    RepTarget = 2,

    /// <summary>The team reached its monthly target.</summary>
    TeamTarget = 3,
}

/// <summary>
/// An automatic celebration decided for a sales team: a big deal, a rep's or the team's monthly target reached. The
/// unique (tenant, event key) makes each event celebrated once, whichever instance, retry or source of the result
/// decided it first; the outbox message that posts it carries the same key.
/// </summary>
public sealed class Celebration : ITenantOwned
{
    /// <summary>Longest period key kept: a month (2026-11) or a day (2026-11-18).</summary>
    public const int MaxPeriodKeyLength = 10;

    /// <summary>Longest history line kept (what the rep's history shows).</summary>
    public const int MaxReasonLength = 300;

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    public CelebrationKind Kind { get; set; }

    /// <summary>The rep celebrated; null for the team's target.</summary>
    public long? MemberId { get; set; }

    public long KpiId { get; set; }

    /// <summary>The month of a target (2026-11), the day of a big deal (2026-11-18).</summary>
    public required string PeriodKey { get; set; }

    /// <summary>The deal's amount, or the actual that reached the target.</summary>
    public decimal Amount { get; set; }

    /// <summary>What identifies the event (not a result row: the same deal from chat and CRM is one event).</summary>
    public required string EventKey { get; set; }

    /// <summary>The line the rep's recognition history shows, in the rep's language at the time.</summary>
    public required string Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
