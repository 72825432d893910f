namespace SalesCoachBot.Data;

/// <summary>What a feedback note is: typed in a line, or from the form as praise or something to improve.</summary>
public enum FeedbackKind
{
    /// <summary>Typed as one line (<c>feedback @Bob …</c>): no kind chosen.</summary>
    Note = 0,
    Praise = 1,
    ToImprove = 2,
}

/// <summary>
/// Private feedback a manager gave a rep: shown to the rep in the 1:1 chat only, with the time the rep acknowledged it.
/// <see cref="EntryId"/> is one per typed message or form, so a retried turn or a double click stores (and sends) once.
/// </summary>
public sealed class FeedbackNote : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string EntryId { get; set; }

    public long GiverMemberId { get; set; }

    public long ReceiverMemberId { get; set; }

    /// <summary>The sales team through which the giver manages the receiver (at the time it was given).</summary>
    public long SalesTeamId { get; set; }

    public FeedbackKind Kind { get; set; }

    public string? Situation { get; set; }

    public required string Behaviour { get; set; }

    public string? Impact { get; set; }

    public DateTimeOffset GivenAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>The manager's copy (their 1:1 chat and its message id), updated in place when the rep acknowledges.</summary>
    public string? GiverConversationId { get; set; }

    public string? GiverActivityId { get; set; }
}

/// <summary>
/// A sales team's feedback cadence: after how many days without private feedback a rep is due. No row = the app
/// default (<c>Feedback:CadenceDays</c>). A manager sets it with <c>feedback cadence 21</c>.
/// </summary>
public sealed class FeedbackSettings : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    public int CadenceDays { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// The cadence nudge's memory per manager and rep: when the manager was last told the rep is due (at most once a week)
/// and until when the manager snoozed the rep (not listed before then).
/// </summary>
public sealed class FeedbackNudge : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long ManagerMemberId { get; set; }

    public long RepMemberId { get; set; }

    public DateTimeOffset? LastNudgedAt { get; set; }

    public DateTimeOffset? SnoozedUntil { get; set; }
}
