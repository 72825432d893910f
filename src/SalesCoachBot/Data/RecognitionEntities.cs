namespace SalesCoachBot.Data;

/// <summary>
/// One praise a member gave in a sales team: to one or more receivers (<see cref="PraiseReceiver"/>), with a reason, an
/// optional company value and its points. Private praise went to the receivers (and their managers) in 1:1 only.
/// </summary>
public sealed class Praise : ITenantOwned
{
    /// <summary>Longest reason kept (a praise is a sentence or two, not a report).</summary>
    public const int MaxReasonLength = 500;

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    public long GiverMemberId { get; set; }

    public required string Reason { get; set; }

    /// <summary>The company value's name as the team stores it; null for a praise without a value.</summary>
    public string? Value { get; set; }

    public int Points { get; set; }

    public bool IsPrivate { get; set; }

    /// <summary>The id of the recognition card in the team channel, when it was posted in the turn; null for private praise or one posted through the outbox.</summary>
    public string? ChannelPostId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public IList<PraiseReceiver> Receivers { get; set; } = [];
}

/// <summary>A member who received a praise.</summary>
public sealed class PraiseReceiver : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long PraiseId { get; set; }

    public long MemberId { get; set; }

    /// <summary>The praise's time, kept here so "received, newest first" is one index.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A company value of a sales team (客户第一, customer-first) and the points a praise for it is worth.</summary>
public sealed class CompanyValue : ITenantOwned
{
    public const int MaxNameLength = 40;

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    public required string Name { get; set; }

    public int Points { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A sales team's recognition settings; a team without a row uses the defaults.</summary>
public sealed class RecognitionSettings : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    /// <summary>How many praises one giver may give in the team per day (the team's day).</summary>
    public int DailyPraiseQuota { get; set; }

    // The celebration switches are stored as "off", so rows written before they existed (false) keep them on.

    /// <summary>A manager turned off big-deal celebrations.</summary>
    public bool BigDealsOff { get; set; }

    /// <summary>A manager turned off celebrations of a rep reaching a monthly target.</summary>
    public bool RepTargetsOff { get; set; }

    /// <summary>A manager turned off celebrations of the team reaching its monthly target.</summary>
    public bool TeamTargetsOff { get; set; }

    /// <summary>A result of the team's deal KPI at or above this amount is a big deal; null = none set (no big-deal celebrations).</summary>
    public decimal? BigDealThreshold { get; set; }
}
