namespace SalesCoachBot.Data;

/// <summary>
/// The weight of one KPI in a sales team's scorecard, in percent (a team's weights add up to 100). No rows for a team:
/// equal weights over the KPIs that have a target in the period (see the scorecards feature).
/// </summary>
public sealed class ScorecardWeight : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    public long KpiId { get; set; }

    /// <summary>Percent, e.g. 40 for 40 %; up to two decimals.</summary>
    public decimal WeightPercent { get; set; }

    public long? SetByMemberId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A sales team's scorecard settings: the most attainment a KPI counts (cap). No row = the default cap.</summary>
public sealed class ScorecardSettings : ITenantOwned
{
    /// <summary>The cap when a team set none: 120 %.</summary>
    public const decimal DefaultCapPercent = 120m;

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    /// <summary>The most attainment counted per KPI, in percent (100 to 300).</summary>
    public decimal CapPercent { get; set; } = DefaultCapPercent;

    public DateTimeOffset UpdatedAt { get; set; }
}
