using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Features.Meetings;

/// <summary>A member of a sales team who may own an action item: ids, name, e-mail, and the language their notes are in.</summary>
internal sealed record ActionPerson(long MemberId, string Name, string? Email, string? TeamsUserId, string? Locale);

/// <summary>What became of a <c>done</c>.</summary>
internal enum ActionCloseOutcome
{
    Closed,
    Unknown,
    AlreadyDone,
    NotAllowed,
}

/// <summary>A created item, whether this call stored it (false: the same form was sent before), and whether the posted agenda was updated.</summary>
internal sealed record ActionCreated(ActionItemView Item, bool IsNew, bool AgendaUpdated);

/// <summary>
/// What the typed commands, the agenda's form and the reminder's Done button share: who may own an item (active,
/// non-guest members of the team), creating one (the owner's 1:1 note in the same transaction — a message a person
/// caused, so never held by quiet hours or opt-outs, as praise notes are), closing one (its owner, whoever recorded it,
/// or a manager of the team — tenant admins count as managers), and updating the posted agenda card in place after
/// either (key <c>agenda-update:{team}:{date}:action-{id}-{state}</c>, so each change updates once).
/// </summary>
internal sealed partial class ActionItemDesk(
    SalesCoachDbContext db, ActionItemStore store, MeetingDesk meetings, Outbox outbox, TeamAccess access, SalesClock clock, BotText text, ILogger<ActionItemDesk> logger)
{
    /// <summary>The outbox kind of the owner's note: not automatic (someone gave them the item just now).</summary>
    public const string NoteKind = "action-item";

    private const int NumberAttempts = 5;

    /// <summary>The people of the team who may own an item, in the locale's name order.</summary>
    public async Task<IReadOnlyList<ActionPerson>> PeopleAsync(string tenantId, long teamId, string? locale, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var people = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == teamId && m.LeftAt == null && !m.Member!.IsGuest)
            .Select(m => new ActionPerson(m.MemberId, m.Member!.Name ?? m.Member.TeamsUserId, m.Member.Email, m.Member.TeamsUserId, m.Member.PreferredLocale ?? m.Member.Locale))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. people.DistinctBy(p => p.MemberId).OrderBy(p => p.Name, BotText.NameOrder(locale))];
    }

    /// <summary>The team's local date (due dates are read against it).</summary>
    public DateOnly TodayOf(SalesTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return clock.TodayIn(clock.TeamZone(team.TimeZone));
    }

    /// <summary>
    /// Stores the item under the team's next number and tells the owner (unless they recorded it themself), then updates
    /// the posted agenda. A number taken by a create at the same moment is retried with the next; a form sent twice
    /// stores one item (<paramref name="formEntryId"/>).
    /// </summary>
    public async Task<ActionCreated> CreateAsync(
        string tenantId, SalesTeam team, KnownMember creator, ActionPerson owner, string itemText, DateOnly? due, string? formEntryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(creator);
        ArgumentNullException.ThrowIfNull(owner);
        db.ForTenant(tenantId);
        ActionItemView? stored = null;
        var isNew = false;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var transactionLifetime = transaction.ConfigureAwait(false);
                if (formEntryId is not null && await store.FromFormAsync(formEntryId, cancellationToken).ConfigureAwait(false) is { } earlier)
                {
                    (stored, isNew) = (earlier, false);
                    return;
                }

                MeetingActionItem item;
                try
                {
                    item = await store.AddAsync(tenantId, team.Id, owner.MemberId, itemText, due, creator.Id, formEntryId, cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException) when (attempt < NumberAttempts)
                {
                    // Another create took this number (or this form) at the same moment: a new transaction reads again.
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (owner.MemberId != creator.Id)
                {
                    var note = Note(owner.Locale, creator.Name ?? string.Empty, team.Name, item.Number, itemText, due);
                    await outbox.EnqueueForMemberAsync(owner.MemberId, string.Create(CultureInfo.InvariantCulture, $"action-given:{item.Id}"), NoteKind,
                        MeetingCommand.Plain(note), automatic: false, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                stored = new ActionItemView(item.Id, team.Id, item.Number, owner.MemberId, owner.Name, itemText, due, creator.Id, null);
                isNew = true;
                LogCreated(logger, item.Id, team.Id, item.Number);
                return;
            }
        }).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        var updated = isNew && await RefreshAgendaAsync(tenantId, team, stored!.Id, "open", cancellationToken).ConfigureAwait(false);
        return new ActionCreated(stored!, isNew, updated);
    }

    /// <summary>Closes the team's item <paramref name="number"/> when the caller may, then updates the posted agenda.</summary>
    public async Task<(ActionCloseOutcome Outcome, ActionItemView? Item, bool AgendaUpdated)> CloseAsync(
        string tenantId, SalesTeam team, long callerId, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        db.ForTenant(tenantId);
        var item = await store.FindAsync(team.Id, number, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return (ActionCloseOutcome.Unknown, null, false);
        }

        if (item.DoneAt is not null)
        {
            return (ActionCloseOutcome.AlreadyDone, item, false);
        }

        if (item.OwnerMemberId != callerId && item.CreatedByMemberId != callerId
            && !await access.CanManageAsync(tenantId, callerId, team.Id, cancellationToken).ConfigureAwait(false))
        {
            LogRefused(logger, callerId, item.Id);
            return (ActionCloseOutcome.NotAllowed, item, false);
        }

        if (!await store.CloseAsync(item.Id, callerId, cancellationToken).ConfigureAwait(false))
        {
            return (ActionCloseOutcome.AlreadyDone, item, false);
        }

        var updated = await RefreshAgendaAsync(tenantId, team, item.Id, "done", cancellationToken).ConfigureAwait(false);
        return (ActionCloseOutcome.Closed, item, updated);
    }

    /// <summary>The answer to a <c>done</c> in the caller's language.</summary>
    public string CloseAnswer(string? locale, SalesTeam team, int number, ActionCloseOutcome outcome, ActionItemView? item, bool updated)
    {
        ArgumentNullException.ThrowIfNull(team);
        var number_ = number.ToString(CultureInfo.InvariantCulture);
        var answer = outcome switch
        {
            ActionCloseOutcome.Closed => text.Get(locale, MeetingsTextKeys.DoneClosed, number_, team.Name, OneLine(item!.Text), item.OwnerName),
            ActionCloseOutcome.AlreadyDone => text.Get(locale, MeetingsTextKeys.DoneAlready, number_, team.Name),
            ActionCloseOutcome.NotAllowed => text.Get(locale, MeetingsTextKeys.DoneNotAllowed, item!.OwnerName, team.Name, number_),
            _ => text.Get(locale, MeetingsTextKeys.DoneUnknown, team.Name, number_),
        };
        return updated ? answer + " " + text.Get(locale, MeetingsTextKeys.AddedUpdated) : answer;
    }

    /// <summary>The answer to a create in the creator's language.</summary>
    public string CreatedAnswer(string? locale, SalesTeam team, ActionCreated created)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(created);
        var item = created.Item;
        var number = item.Number.ToString(CultureInfo.InvariantCulture);
        var answer = item.DueDate is { } due
            ? text.Get(locale, MeetingsTextKeys.ActionCreated, number, team.Name, item.OwnerName, OneLine(item.Text), DueText(locale, due))
            : text.Get(locale, MeetingsTextKeys.ActionCreatedNoDue, number, team.Name, item.OwnerName, OneLine(item.Text));
        return created.AgendaUpdated ? answer + " " + text.Get(locale, MeetingsTextKeys.AddedUpdated) : answer;
    }

    /// <summary>A due date as the locale writes it, with its weekday: "Fri, Nov 20, 2026", "2026年11月20日 周五".</summary>
    public static string DueText(string? locale, DateOnly date) =>
        BotText.IsChinese(locale)
            ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) + " " + ChineseDays[(int)date.DayOfWeek]
            : date.ToString("ddd, MMM d, yyyy", SalesFormat.CultureOf(locale));

    private static readonly string[] ChineseDays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    /// <summary>
    /// When the next meeting's agenda was posted, replaces the card in place (the action section changed). The next
    /// meeting that is not skipped, as <c>agenda add</c> picks it.
    /// </summary>
    public async Task<bool> RefreshAgendaAsync(string tenantId, SalesTeam team, long itemId, string state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (await meetings.NextAsync(team.Id, cancellationToken).ConfigureAwait(false) is not { } next)
        {
            return false;
        }

        var occurrence = NotSkipped(next.Series, next.Occurrence);
        return await meetings.RefreshAgendaForActionAsync(tenantId, next.Team, next.Series, occurrence, itemId, state, cancellationToken).ConfigureAwait(false);
    }

    internal static MeetingOccurrence NotSkipped(MeetingSeries series, MeetingOccurrence occurrence)
    {
        var skipped = MeetingClock.Skipped(series);
        for (var i = 0; i < 52 && skipped.Contains(occurrence.Date); i++)
        {
            occurrence = MeetingClock.Next(series, occurrence.StartsAt);
        }

        return occurrence;
    }

    private string Note(string? locale, string creatorName, string teamName, int number, string itemText, DateOnly? due)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        return due is { } date
            ? text.Get(locale, MeetingsTextKeys.ActionNote, creatorName, n, teamName, OneLine(itemText), DueText(locale, date))
            : text.Get(locale, MeetingsTextKeys.ActionNoteNoDue, creatorName, n, teamName, OneLine(itemText));
    }

    // People's text on one line, whole (a confirmation shows all of it; error messages quote with BotText.Quote).
    internal static string OneLine(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [LoggerMessage(Level = LogLevel.Information, Message = "Action item {ItemId} recorded in sales team {TeamId} as #{Number}")]
    private static partial void LogCreated(ILogger logger, long itemId, long teamId, int number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} may not close action item {ItemId}")]
    private static partial void LogRefused(ILogger logger, long memberId, long itemId);
}
