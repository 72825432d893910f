using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Feedback;

/// <summary>A rep a manager may give feedback: an active rep of a team the manager manages.</summary>
internal sealed record FeedbackRep(long MemberId, string Name, string? Email, string TeamsUserId, long SalesTeamId);

/// <summary>What was asked for in <c>feedback</c>, with what the feedback says.</summary>
internal sealed record FeedbackContent(FeedbackKind Kind, string? Situation, string Behaviour, string? Impact);

/// <summary>
/// Who may give whom feedback, and giving it: stored, then delivered to the rep's 1:1 chat through the outbox (never to
/// a channel), in the same transaction, once per note. Every check reads the store on every turn.
/// </summary>
internal sealed partial class FeedbackDesk(
    SalesCoachDbContext store,
    TeamAccess access,
    PersonFinder finder,
    FeedbackBook book,
    FeedbackCadence cadence,
    Outbox outbox,
    SalesClock clock,
    BotText text,
    ILogger<FeedbackDesk> logger)
{
    /// <summary>The outbox kind of a delivered note: a message a manager caused, so never held by quiet hours or opt-outs.</summary>
    public const string MessageKind = "feedback";

    /// <summary>The reps the caller may give feedback (names in the locale's order), or why the caller may give none.</summary>
    public async Task<(IReadOnlyList<FeedbackRep> Reps, string? Refusal)> RepsAsync(string tenantId, long callerId, string? locale, CancellationToken cancellationToken)
    {
        if (await access.IsGuestAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false))
        {
            LogRefused(logger, callerId);
            return ([], text.Get(locale, FeedbackTextKeys.Guest));
        }

        var managed = await access.ManagedTeamIdsAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false);
        if (managed.Count == 0)
        {
            LogRefused(logger, callerId);
            return ([], text.Get(locale, FeedbackTextKeys.OnlyManagers));
        }

        store.ForTenant(tenantId);
        var reps = await store.TeamMemberships.AsNoTracking()
            .Where(m => managed.Contains(m.SalesTeamId) && m.LeftAt == null && m.Role == TeamRole.Rep && m.MemberId != callerId)
            .OrderBy(m => m.SalesTeamId)
            .Select(m => new FeedbackRep(m.MemberId, m.Member!.Name ?? string.Empty, m.Member.Email, m.Member.TeamsUserId, m.SalesTeamId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ([.. reps.DistinctBy(r => r.MemberId).OrderBy(r => r.Name, BotText.NameOrder(locale))], null);
    }

    /// <summary>The rep a typed person means, among <paramref name="reps"/> (<see cref="PersonFinder"/>), or why not.</summary>
    public async Task<(FeedbackRep? Rep, string? Refusal)> FindAsync(
        TurnContext turn, IReadOnlyList<FeedbackRep> reps, string who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(reps);
        var locale = turn.Locale;
        var found = await finder.FindAsync(turn.Activity, [.. reps.Select(AsPerson)], who, cancellationToken).ConfigureAwait(false);
        switch (found.Matches.Count)
        {
            case 1:
                return (reps.First(r => r.MemberId == found.Matches[0].MemberId), null);
            case 0 when found.ElsewhereName is { } other:
                LogRefused(logger, turn.Identity()?.Member?.Id ?? 0);
                return (null, text.Get(locale, FeedbackTextKeys.NotYourRep, other));
            case 0:
                return (null, text.Get(locale, FeedbackTextKeys.UnknownPerson, BotText.Quote(found.Shown)));
            default:
                var names = BotText.List(locale, found.Matches.Select(m => m.Email is null ? m.Name ?? string.Empty : $"{m.Name} ({m.Email})"));
                return (null, text.Get(locale, FeedbackTextKeys.Ambiguous, BotText.Quote(found.Shown), names));
        }
    }

    /// <summary>True when the typed words start with a rep's exact name or e-mail (so the rest is the feedback).</summary>
    public static bool IsExactly(IReadOnlyList<FeedbackRep> reps, string who)
    {
        ArgumentNullException.ThrowIfNull(reps);
        return PersonFinder.IsExactly(reps.Select(AsPerson), who);
    }

    private static NamedPerson AsPerson(FeedbackRep rep) => new(rep.MemberId, rep.Name, rep.Email, rep.TeamsUserId);

    /// <summary>
    /// Stores the note and, in the same transaction, puts the rep's card in the outbox for their 1:1 chat (key
    /// <c>feedback:{id}</c>; a message the manager caused, so delivered at once). The same entry id again stores and sends nothing.
    /// </summary>
    public async Task<FeedbackView> GiveAsync(
        string tenantId, long giverId, FeedbackRep rep, FeedbackContent content, string entryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(content);
        store.ForTenant(tenantId);
        var transaction = await store.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionLifetime = transaction.ConfigureAwait(false);
        var (note, isNew) = await book.AddAsync(new FeedbackNote
        {
            TenantId = tenantId,
            EntryId = entryId,
            GiverMemberId = giverId,
            ReceiverMemberId = rep.MemberId,
            SalesTeamId = rep.SalesTeamId,
            Kind = content.Kind,
            Situation = content.Situation,
            Behaviour = content.Behaviour,
            Impact = content.Impact,
        }, cancellationToken).ConfigureAwait(false);
        var view = (await book.FindAsync(note.Id, cancellationToken).ConfigureAwait(false))!;
        if (isNew)
        {
            var receiver = await store.Members.AsNoTracking().Where(m => m.Id == rep.MemberId)
                .Select(m => new { m.TimeZone, Locale = m.PreferredLocale ?? m.Locale })
                .FirstAsync(cancellationToken).ConfigureAwait(false);
            var zone = await clock.MemberZoneAsync(rep.MemberId, receiver.TimeZone, cancellationToken).ConfigureAwait(false);
            var card = FeedbackCards.ForRep(text, receiver.Locale, view, zone);
            await outbox.EnqueueForMemberAsync(
                rep.MemberId, $"feedback:{note.Id}", MessageKind, Activity.CreateCard(card, card.FallbackText), automatic: false, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            LogGiven(logger, giverId, rep.MemberId, note.Id);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return view;
    }

    /// <summary>
    /// <c>feedback cadence [days]</c>: the cadence of every team the caller manages, or (with <paramref name="days"/>)
    /// sets it for all of them. Managers only; a number outside <see cref="FeedbackOptions.MinCadenceDays"/>–
    /// <see cref="FeedbackOptions.MaxCadenceDays"/> or not a number changes nothing.
    /// </summary>
    public async Task<string> CadenceAsync(string tenantId, long callerId, string? locale, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (await access.IsGuestAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false))
        {
            LogRefused(logger, callerId);
            return text.Get(locale, FeedbackTextKeys.Guest);
        }

        var teams = await access.ManagedTeamsAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false);
        if (teams.Count == 0)
        {
            LogRefused(logger, callerId);
            return text.Get(locale, FeedbackTextKeys.CadenceOnlyManagers);
        }

        store.ForTenant(tenantId);
        var ids = teams.Select(t => t.Id).ToList();
        var names = BotText.List(locale, teams.Select(t => t.Name).Order(BotText.NameOrder(locale)));
        if (words.Count > 0)
        {
            if (words.Count > 1 || FeedbackParser.ReadCadence(words[0]) is not { } days)
            {
                return text.Get(locale, FeedbackTextKeys.CadenceInvalid, FeedbackOptions.MinCadenceDays, FeedbackOptions.MaxCadenceDays);
            }

            await cadence.SetDaysAsync(tenantId, ids, days, clock.Now, cancellationToken).ConfigureAwait(false);
            LogCadence(logger, callerId, days);
            return text.Get(locale, FeedbackTextKeys.CadenceSet, days, names);
        }

        var current = await cadence.DaysAsync(ids, cancellationToken).ConfigureAwait(false);
        var lines = teams.OrderBy(t => t.Name, BotText.NameOrder(locale)).Select(t => text.Get(locale, FeedbackTextKeys.CadenceTeam, t.Name, current[t.Id]));
        return text.Get(locale, FeedbackTextKeys.CadenceShow, string.Join("\n", lines));
    }

    /// <summary>The viewer's zone, for the times on their cards.</summary>
    public async Task<TimeZoneInfo> ZoneAsync(string tenantId, long memberId, CancellationToken cancellationToken) =>
        (await clock.MemberDayAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false))?.Zone ?? TimeZoneInfo.Utc;

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback {FeedbackId} given by member {GiverId} to member {ReceiverId}")]
    private static partial void LogGiven(ILogger logger, long giverId, long receiverId, long feedbackId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {CallerId} set the feedback cadence of their teams to {Days} days")]
    private static partial void LogCadence(ILogger logger, long callerId, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback refused for member {CallerId}")]
    private static partial void LogRefused(ILogger logger, long callerId);
}
