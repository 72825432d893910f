using SalesCoachBot.Data;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Sales;

// The small contracts between features: each feature implements or uses these, never another feature's types, so
// features stay free of cycles (an architecture test checks it).

/// <summary>What a rep, an import or a CRM wants recorded as a result; the ledger adds tenant, time and id.</summary>
internal sealed record ResultEntry(
    long MemberId,
    long KpiId,
    decimal Amount,
    DateOnly OccurredOn,
    string Source,
    string? ExternalId = null,
    string? Customer = null,
    string? Note = null,
    long? RecordedByMemberId = null);

/// <summary>What became of one entry of a batch.</summary>
internal enum BatchEntryStatus
{
    /// <summary>Recorded now.</summary>
    Added = 0,

    /// <summary>The same member's result with this (source, external id) is stored already, or earlier in the batch: left out.</summary>
    AlreadyThere = 1,

    /// <summary>The (source, external id) is another member's result (stored, or earlier in the batch): left out, never "already there".</summary>
    TakenByAnotherMember = 2,
}

/// <summary>Per entry of a batch, in order: recorded, already there, or left out because the id is another member's.</summary>
internal sealed record BatchOutcome(IReadOnlyList<BatchEntryStatus> Statuses)
{
    public int Added => Statuses.Count(s => s == BatchEntryStatus.Added);

    public int Duplicates => Statuses.Count(s => s == BatchEntryStatus.AlreadyThere);

    public int Taken => Statuses.Count(s => s == BatchEntryStatus.TakenByAnotherMember);
}

/// <summary>The id of the result row now in the store, and whether it was already there (same source and external id).</summary>
internal sealed record RecordedResult(long ResultId, bool IsDuplicate);

/// <summary>A KPI's actual over a date range (Count KPIs count results).</summary>
internal sealed record KpiActual(long KpiId, decimal Amount, int Results);

/// <summary>
/// The results store of the tenant the scope's store is bound to (implemented by the sales-results feature): recording
/// is idempotent by (source, external id); undone results never count.
/// </summary>
internal interface IResultLedger
{
    /// <summary>Records one result; recording the same (source, external id) again returns the stored row.</summary>
    Task<RecordedResult> RecordAsync(ResultEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a batch in one write; entries already stored (or repeated) are left out and reported, as "already there"
    /// only when the stored result is the same member's.
    /// </summary>
    Task<BatchOutcome> RecordManyAsync(IReadOnlyList<ResultEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// The member whose result holds each of these external ids of the source (undone results included: their ids stay
    /// taken); ids nobody holds are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> OwnersAsync(string source, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken = default);

    /// <summary>A member's actual of every KPI with results in the range (both dates inclusive), in one query.</summary>
    Task<IReadOnlyDictionary<long, KpiActual>> ActualsAsync(long memberId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Every active rep's actual per KPI of a sales team in the range, in one grouped query.</summary>
    Task<IReadOnlyDictionary<(long MemberId, long KpiId), decimal>> RepActualsAsync(
        long salesTeamId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>
    /// The largest results of a KPI by a sales team's active reps in the range (both dates inclusive), largest first,
    /// at most <paramref name="take"/> (the wins of a week on the meeting agenda).
    /// </summary>
    Task<IReadOnlyList<StoredResult>> LargestAsync(
        long salesTeamId, long kpiId, DateOnly from, DateOnly to, int take, CancellationToken cancellationToken = default);
}

/// <summary>A result the ledger has just stored (not one that was already there), as the ledger tells its observers.</summary>
internal sealed record StoredResult(long ResultId, long MemberId, long KpiId, decimal Amount, DateOnly OccurredOn, string? Customer, string Source);

/// <summary>
/// Told by the results ledger after it stored new results (never duplicates), whatever the source: chat, the log form, an
/// upload, the admin API or a CRM. Runs in the recording's unit of work (its store and its transaction, if one is open),
/// so what it decides commits or rolls back with the results; the ledger confines a failure here to it (a savepoint and
/// a warning), so it never fails or undoes the recording. Implemented by the recognition feature (celebrations).
/// </summary>
internal interface IResultsRecordedObserver
{
    /// <param name="ledger">The ledger that recorded them, to read actuals (it already counts the new results).</param>
    /// <param name="results">The new results, in the order they were recorded.</param>
    /// <param name="cancellationToken">Cancels the work (and with it the recording).</param>
    Task ResultsRecordedAsync(IResultLedger ledger, IReadOnlyList<StoredResult> results, CancellationToken cancellationToken);
}

/// <summary>
/// A period's target. <see cref="IsSumOfSetPeriods"/>: there is no yearly target to split, so it is the sum of the
/// targets set for its quarters and months (cards say so).
/// </summary>
internal readonly record struct PeriodTarget(decimal Amount, bool IsSumOfSetPeriods = false);

/// <summary>The targets of a sales team and its active reps for some KPIs and years, read at once.</summary>
internal interface ITeamTargets
{
    /// <summary>A rep's effective target for the period, or null when none is set (nor a yearly one to split).</summary>
    PeriodTarget? RepTarget(long memberId, long kpiId, SalesPeriod period);

    /// <summary>The team's own target, else the sum of these reps' targets (null when neither has one).</summary>
    PeriodTarget? TeamTarget(long salesTeamId, IEnumerable<long> repIds, long kpiId, SalesPeriod period);
}

/// <summary>
/// The targets store of the tenant the scope's store is bound to (implemented by the targets feature): a yearly target
/// per owner and KPI, split over quarters, months and weeks, with overrides.
/// </summary>
internal interface ITargetPlan
{
    /// <summary>Sets (or replaces) a member's yearly target, with optional twelve month weights.</summary>
    Task SetMemberYearlyAsync(
        long memberId, long kpiId, int year, decimal amount, IReadOnlyList<decimal>? monthWeights, long? setByMemberId,
        CancellationToken cancellationToken = default);

    /// <summary>Overrides a member's target of one quarter, month or week.</summary>
    Task OverrideMemberAsync(long memberId, long kpiId, SalesPeriod period, decimal amount, long? setByMemberId, CancellationToken cancellationToken = default);

    /// <summary>Every target of a team and its active reps for the KPIs and years, in one read.</summary>
    Task<ITeamTargets> TeamTargetsAsync(
        long salesTeamId, IReadOnlyList<KpiDefinition> kpis, IReadOnlyCollection<int> years, WorkingCalendar calendar,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// The rep's progress card (targets, actuals and pace for a period), built by the targets feature. Features that answer
/// with it (logging a result, the log form) use this contract.
/// </summary>
internal interface IProgressCard
{
    /// <summary>The card for the turn's member with an optional notice line on top, or null when the member is not in the store.</summary>
    Task<AdaptiveCard?> BuildAsync(TurnContext turn, SalesPeriod period, string? notice, CancellationToken cancellationToken);
}

/// <summary>The verbs and data keys the progress card shares with the forms that open from it and return to it.</summary>
internal static class ProgressCardActions
{
    /// <summary>Shows the card for another period; data carries <see cref="PeriodKey"/>.</summary>
    public const string PeriodVerb = "targets.period";

    /// <summary>Opens the form to log a result (built by the sales-results feature); data carries <see cref="PeriodKey"/>.</summary>
    public const string LogResultVerb = "results.log-form";

    /// <summary>
    /// The data key of the period: its kind word for the current one, else its key such as 2026-11
    /// (<see cref="PeriodWords.CardKey"/>, read back with <see cref="PeriodWords.TryRead"/>).
    /// </summary>
    public const string PeriodKey = "period";
}

/// <summary>
/// One recognition a member received: a praise (from a colleague or manager) or an automatic celebration (no giver).
/// <paramref name="IsPrivate"/> praise was sent to the person (and their manager) only.
/// </summary>
internal sealed record RecognitionEntry(
    long Id, DateTimeOffset At, long? GiverMemberId, string? GiverName, string Reason, string? Value, int Points, bool IsPrivate);

/// <summary>
/// The recognition a member received, newest first (implemented by the recognition feature; the feedback history shows it
/// next to feedback). Reads the turn's tenant (the store is already scoped to it).
/// </summary>
internal interface IRecognitionHistory
{
    /// <summary>At most <paramref name="take"/> entries received before <paramref name="before"/> (null: from the newest).</summary>
    Task<IReadOnlyList<RecognitionEntry>> ReceivedAsync(long memberId, DateTimeOffset? before, int take, CancellationToken cancellationToken);
}

/// <summary>A public praise given in a sales team: who gave it, who received it (names as stored) and why.</summary>
internal sealed record TeamPraise(long Id, DateTimeOffset At, string? GiverName, IReadOnlyList<string> ReceiverNames, string Reason, string? Value);

/// <summary>
/// The public praise of a sales team (implemented by the recognition feature; the weekly meeting's agenda shows the week's).
/// Private praise is never included: what reads this may show it in the team channel.
/// </summary>
internal interface ITeamRecognition
{
    /// <summary>At most <paramref name="take"/> public praises given in the team from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), newest first.</summary>
    Task<IReadOnlyList<TeamPraise>> PublicPraiseAsync(long salesTeamId, DateTimeOffset from, DateTimeOffset to, int take, CancellationToken cancellationToken);
}

/// <summary>When each rep last got private feedback (implemented by the feedback feature; the team card shows it to managers).</summary>
internal interface IFeedbackLog
{
    /// <summary>The time of the newest feedback each of <paramref name="memberIds"/> received; members without any are left out.</summary>
    Task<IReadOnlyDictionary<long, DateTimeOffset>> LastReceivedAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken);
}

/// <summary>
/// The praise form's verb and data keys (the form is built by the recognition feature): the team card and the
/// leaderboard open it for a rep, the celebration card with the reason filled in.
/// </summary>
internal static class PraiseFormActions
{
    /// <summary>Opens the praise form; data carries <see cref="TeamIdKey"/>, <see cref="MemberIdKey"/> and optionally <see cref="ReasonKey"/>.</summary>
    public const string OpenVerb = "recognition.praise-form";

    /// <summary>The sales team's row id, as invariant text.</summary>
    public const string TeamIdKey = "teamId";

    /// <summary>The rep to praise (member row id, as invariant text).</summary>
    public const string MemberIdKey = "memberId";

    /// <summary>A reason to fill in (what was celebrated); the giver may change it.</summary>
    public const string ReasonKey = "reason";
}

/// <summary>
/// The one-click opt-out of automatic cards (the week-ahead card, the pace nudge): the button is on another feature's
/// card, the settings feature (which stores opt-outs) handles it for the clicking member only.
/// </summary>
internal static class OptOutActions
{
    /// <summary>Turns one kind of automatic message off; data carries <see cref="KindKey"/>, <see cref="MemberIdKey"/> and <see cref="TenantKey"/>.</summary>
    public const string Verb = "settings.opt-out";

    /// <summary>One of <see cref="AutomaticMessageKinds"/>.</summary>
    public const string KindKey = "kind";

    /// <summary>The member the card was sent to (member row id, as invariant text): only they may press it.</summary>
    public const string MemberIdKey = "memberId";

    /// <summary>The tenant the card was sent in: a card replayed in another tenant changes nothing.</summary>
    public const string TenantKey = "tenant";

    /// <summary>The button's data for a card sent to <paramref name="memberId"/> of <paramref name="tenantId"/>.</summary>
    public static Dictionary<string, object?> Data(string kind, string tenantId, long memberId) => new(StringComparer.Ordinal)
    {
        [KindKey] = kind,
        [MemberIdKey] = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [TenantKey] = tenantId,
    };
}
