using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// The team a card button names (its row id comes back from the client, so nothing in it is trusted): a live team of
/// the turn's tenant (the store is bound to it, so another tenant's id finds nothing), which the presser is in or
/// manages, never for guests; in a channel, the channel's own team.
/// </summary>
internal sealed class ActionCardTeams(SalesCoachDbContext db, MeetingTeams teams, TeamAccess access, BotText text)
{
    public async Task<MeetingTeamChoice> ForCardAsync(TurnContext turn, string tenantId, long memberId, string? teamIdText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (await access.IsGuestAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false))
        {
            return new(null, text.Get(locale, MeetingsTextKeys.Guest));
        }

        db.ForTenant(tenantId);
        var team = ActionForm.ReadId(teamIdText) is { } teamId
            ? await db.SalesTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId && t.ArchivedAt == null, cancellationToken).ConfigureAwait(false)
            : null;
        if (team is null)
        {
            return new(null, text.Get(locale, MeetingsTextKeys.TeamUnknown));
        }

        if (turn.Scope == ConversationTypes.Channel
            && (await teams.ChannelTeamAsync(turn, tenantId, cancellationToken).ConfigureAwait(false))?.Id != team.Id)
        {
            return new(null, text.Get(locale, MeetingsTextKeys.NotInTeam, team.Name));
        }

        var inTeam = await db.TeamMemberships.AnyAsync(m => m.SalesTeamId == team.Id && m.MemberId == memberId && m.LeftAt == null, cancellationToken).ConfigureAwait(false)
            || await access.CanManageAsync(tenantId, memberId, team.Id, cancellationToken).ConfigureAwait(false);
        return inTeam ? new(team, null) : new(null, text.Get(locale, MeetingsTextKeys.NotInTeam, team.Name));
    }
}

/// <summary>
/// The agenda card's "Add action item" (<see cref="ActionForm.OpenVerb"/>): the form for the team, after checking tenant,
/// membership and team. In the 1:1 chat the form takes the card's place; in a channel the agenda is everyone's, so it
/// stays and the form goes to the presser's 1:1 chat (through the outbox, not automatic: they asked for it).
/// </summary>
internal sealed partial class OpenActionFormAction(
    ActionCardTeams teams, ActionItemDesk desk, Outbox outbox, BotText text, ILogger<OpenActionFormAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (turn.Scope is not (ConversationTypes.Channel or ConversationTypes.Personal))
        {
            return CardActionResult.Text(TurnGuard.WhereItWorks(text, locale, ActionCommand.Topic, null));
        }

        if (!turn.TryGetMember(out var tenantId, out var member))
        {
            return CardActionResult.Text(TurnGuard.NoMember(text, locale));
        }

        var choice = await teams.ForCardAsync(turn, tenantId, member.Id, action.GetString(ActionForm.TeamIdKey), cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            LogRefused(logger, member.Id);
            return CardActionResult.Text(choice.Refusal!);
        }

        var people = await desk.PeopleAsync(tenantId, team.Id, locale, cancellationToken).ConfigureAwait(false);
        var entryId = ActionForm.NewEntryId();
        var form = ActionForm.Build(text, locale, team.Name, team.Id, people, new ActionFormValues(null, null, null), desk.TodayOf(team), entryId);
        if (turn.IsPersonal)
        {
            return CardActionResult.UpdateCard(form);
        }

        // The key names the press, so a retried invoke sends one form.
        var key = "action-form:" + (turn.Activity.Id is { Length: > 0 } pressId ? pressId : entryId);
        await outbox.EnqueueForMemberAsync(member.Id, key, ActionItemDesk.NoteKind, Activity.CreateCard(form, form.FallbackText),
            automatic: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        return CardActionResult.Text(text.Get(locale, MeetingsTextKeys.ActionFormInPrivate));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action item form refused to member {MemberId}")]
    private static partial void LogRefused(ILogger logger, long memberId);
}

/// <summary>
/// The form's Save (<see cref="ActionForm.SubmitVerb"/>), in the 1:1 chat: checks tenant, membership and team again,
/// then the owner (a member of the team), the text and the due date (not past), and records the item as the typed
/// <c>action</c> does; with errors the form comes back as sent. The same form sent again stores nothing more.
/// </summary>
internal sealed partial class SendActionFormAction(
    ActionCardTeams teams, ActionItemDesk desk, ActionItemStore store, BotText text, ILogger<SendActionFormAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, ActionCommand.Topic) is { } notHere)
        {
            return CardActionResult.Text(notHere);
        }

        _ = turn.TryGetMember(out var tenantId, out var member);
        var entryId = action.GetString(ActionForm.EntryKey);
        if (!ActionForm.IsEntryId(entryId))
        {
            return CardActionResult.Text(text.Get(locale, MeetingsTextKeys.ActionFormStale));
        }

        var choice = await teams.ForCardAsync(turn, tenantId, member.Id, action.GetString(ActionForm.TeamIdKey), cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            LogRefused(logger, member.Id);
            return CardActionResult.Text(choice.Refusal!);
        }

        if (await store.FromFormAsync(entryId!, cancellationToken).ConfigureAwait(false) is not null)
        {
            return CardActionResult.UpdateCard(ActionForm.Done(text, locale, MeetingsTextKeys.ActionFormSavedTitle, text.Get(locale, MeetingsTextKeys.ActionFormAlready)));
        }

        var sent = ActionForm.Read(action);
        var people = await desk.PeopleAsync(tenantId, team.Id, locale, cancellationToken).ConfigureAwait(false);
        var today = desk.TodayOf(team);
        List<string> errors = [];
        var owner = ActionForm.ReadId(sent.Owner) is { } ownerId ? people.FirstOrDefault(p => p.MemberId == ownerId) : null;
        if (sent.Owner is null)
        {
            errors.Add(text.Get(locale, MeetingsTextKeys.ActionFormErrorOwner));
        }
        else if (owner is null)
        {
            // Not one of the form's choices (a forged or stale id): the same as no choice.
            errors.Add(text.Get(locale, MeetingsTextKeys.ActionFormErrorOwner));
        }

        if (sent.Text is null)
        {
            errors.Add(text.Get(locale, MeetingsTextKeys.ActionFormErrorText));
        }
        else if (sent.Text.Length > Data.MeetingActionItem.MaxTextLength)
        {
            errors.Add(text.Get(locale, MeetingsTextKeys.ActionTooLong, Data.MeetingActionItem.MaxTextLength, sent.Text.Length));
        }

        if (sent.TypedDue is { } typedDue)
        {
            errors.Add(text.Get(locale, MeetingsTextKeys.ActionBadDate, BotText.Quote(typedDue)));
        }
        else if (sent.Due is { } due && due < today)
        {
            errors.Add(text.Get(locale, MeetingsTextKeys.ActionPastDate, ActionItemDesk.DueText(locale, due)));
        }

        if (errors.Count > 0)
        {
            LogRefused(logger, member.Id);
            return CardActionResult.UpdateCard(ActionForm.Build(text, locale, team.Name, team.Id, people, sent, today, entryId!, errors));
        }

        var created = await desk.CreateAsync(tenantId, team, member, owner!, sent.Text!, sent.Due, entryId, cancellationToken).ConfigureAwait(false);
        var answer = created.IsNew ? desk.CreatedAnswer(locale, team, created) : text.Get(locale, MeetingsTextKeys.ActionFormAlready);
        return CardActionResult.UpdateCard(ActionForm.Done(text, locale, MeetingsTextKeys.ActionFormSavedTitle, answer));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action item form from member {MemberId} not saved")]
    private static partial void LogRefused(ILogger logger, long memberId);
}

/// <summary>The form's Cancel (<see cref="ActionForm.CancelVerb"/>): the form gives way to a line saying nothing was saved.</summary>
internal sealed class CancelActionFormAction(BotText text) : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        return Task.FromResult(TurnGuard.PersonalMember(turn, text, ActionCommand.Topic) is { } notHere
            ? CardActionResult.Text(notHere)
            : CardActionResult.UpdateCard(ActionForm.Done(text, locale, MeetingsTextKeys.ActionFormCancelledTitle, text.Get(locale, MeetingsTextKeys.ActionFormCancelled))));
    }
}

/// <summary>
/// The due reminder's Done (<see cref="ActionForm.DoneVerb"/>): closes the item as <c>done &lt;n&gt;</c> would, with the
/// same rights (its owner, who recorded it, a manager). A card replayed in another tenant or for another team changes nothing.
/// </summary>
internal sealed class DoneActionItemAction(ActionCardTeams teams, ActionItemDesk desk, ActionItemStore store, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (turn.Scope is not (ConversationTypes.Channel or ConversationTypes.Personal))
        {
            return CardActionResult.Text(TurnGuard.WhereItWorks(text, locale, DoneCommand.Topic, null));
        }

        if (!turn.TryGetMember(out var tenantId, out var member))
        {
            return CardActionResult.Text(TurnGuard.NoMember(text, locale));
        }

        var choice = !string.Equals(action.GetString(ActionForm.TenantKey), tenantId, StringComparison.Ordinal)
            ? new MeetingTeamChoice(null, text.Get(locale, MeetingsTextKeys.TeamUnknown))
            : await teams.ForCardAsync(turn, tenantId, member.Id, action.GetString(ActionForm.TeamIdKey), cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            return CardActionResult.Text(choice.Refusal!);
        }

        var item = ActionForm.ReadId(action.GetString(ActionForm.ItemIdKey)) is { } itemId ? await store.FindByIdAsync(itemId, cancellationToken).ConfigureAwait(false) : null;
        if (item is null || item.SalesTeamId != team.Id)
        {
            return CardActionResult.Text(text.Get(locale, MeetingsTextKeys.DoneWhich));
        }

        var (outcome, closed, updated) = await desk.CloseAsync(tenantId, team, member.Id, item.Number, cancellationToken).ConfigureAwait(false);
        var answer = desk.CloseAnswer(locale, team, item.Number, outcome, closed, updated);
        return outcome == ActionCloseOutcome.Closed
            ? CardActionResult.UpdateCard(ActionForm.Done(text, locale, MeetingsTextKeys.ActionDoneTitle, answer))
            : CardActionResult.Text(answer);
    }
}
