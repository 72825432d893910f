namespace SalesCoachBot.Data;

/// <summary>How a commission plan's tiers apply to a result.</summary>
public enum CommissionMode
{
    /// <summary>Each part of the result is paid at the rate of the tier band it falls in (分段).</summary>
    Marginal = 0,

    /// <summary>The whole result is paid at the rate of the highest tier reached (全额).</summary>
    WholeAmount = 1,
}

/// <summary>The period a commission plan pays over; targets and results of that period count.</summary>
public enum CommissionPeriod
{
    Month = 1,
    Quarter = 2,
}

/// <summary>
/// A sales team's commission plan (one per team): paid on one money KPI (<see cref="KpiId"/>, its currency copied in
/// <see cref="Currency"/>), by tiers of % of the period's target (<see cref="Tiers"/>), marginal or on the whole amount,
/// with an optional cap on the commission of a rep and period.
/// </summary>
public sealed class CommissionPlan : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    public long KpiId { get; set; }

    public CommissionMode Mode { get; set; }

    /// <summary>The most a rep earns in one period; null when there is no cap.</summary>
    public decimal? CapAmount { get; set; }

    public CommissionPeriod Period { get; set; }

    /// <summary>The KPI's currency when the plan was set (ISO code), null when the KPI has none.</summary>
    public string? Currency { get; set; }

    public long? SetByMemberId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<CommissionTier> Tiers { get; set; } = [];
}

/// <summary>One tier of a plan: from <see cref="FromPercent"/> % of target (inclusive) up to the next tier, paid at <see cref="RatePercent"/> %.</summary>
public sealed class CommissionTier : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long PlanId { get; set; }

    public decimal FromPercent { get; set; }

    public decimal RatePercent { get; set; }
}
