using System.Globalization;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Feedback;

/// <summary>
/// The rep's Acknowledge button (<see cref="FeedbackCards.AcknowledgeVerb"/>): only the rep the note was given to, in
/// their 1:1 chat. Records the time (the first press counts), updates the rep's card in place and the manager's copy too.
/// </summary>
internal sealed partial class AcknowledgeFeedbackAction(
    FeedbackBook book, FeedbackDesk desk, ContactDirectory contacts, SalesCoachDbContext store, BotText text, ILogger<AcknowledgeFeedbackAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, FeedbackCommand.Topic) is { } refusal)
        {
            return CardActionResult.Text(refusal);
        }

        _ = turn.TryGetMember(out var tenantId, out var caller);
        var id = FeedbackCards.ReadId(action.GetString(FeedbackCards.FeedbackIdKey));
        var found = id is { } feedbackId ? await book.FindAsync(feedbackId, cancellationToken).ConfigureAwait(false) : null;
        if (found is null)
        {
            return CardActionResult.Text(text.Get(locale, FeedbackTextKeys.AckGone));
        }

        if (found.Note.ReceiverMemberId != caller.Id)
        {
            LogNotYours(logger, caller.Id, found.Note.Id);
            return CardActionResult.Text(text.Get(locale, FeedbackTextKeys.AckNotYours));
        }

        var wasWaiting = found.Note.AcknowledgedAt is null;
        var note = await book.AcknowledgeAsync(found.Note.Id, cancellationToken).ConfigureAwait(false);
        var view = found with { Note = note! };
        if (wasWaiting)
        {
            await UpdateGiverCopyAsync(turn, tenantId, view, cancellationToken).ConfigureAwait(false);
        }

        var zone = await desk.ZoneAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false);
        return CardActionResult.UpdateCard(FeedbackCards.ForRep(text, locale, view, zone));
    }

    // The manager's copy in their 1:1 chat, replaced in place; if Teams refuses, the manager still sees it in the history.
    private async Task UpdateGiverCopyAsync(TurnContext turn, string tenantId, FeedbackView view, CancellationToken cancellationToken)
    {
        if (view.Note is not { GiverConversationId: { } conversationId, GiverActivityId: { } activityId })
        {
            return;
        }

        var reference = await contacts.FindConversationAsync(tenantId, conversationId, cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            return;
        }

        store.ForTenant(tenantId);
        var giver = await store.Members.FindAsync([view.Note.GiverMemberId], cancellationToken).ConfigureAwait(false);
        var zone = await desk.ZoneAsync(tenantId, view.Note.GiverMemberId, cancellationToken).ConfigureAwait(false);
        var card = FeedbackCards.GiverCopy(text, giver?.PreferredLocale ?? giver?.Locale, view, zone);
        try
        {
            await turn.Connector.UpdateActivityAsync(reference.ServiceUrl, reference.ConversationId, activityId, Activity.CreateCard(card, card.FallbackText), tenantId, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ConnectorException exception)
        {
            LogCopyNotUpdated(logger, exception, view.Note.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feedback {FeedbackId}: the manager's copy could not be updated")]
    private static partial void LogCopyNotUpdated(ILogger logger, Exception exception, long feedbackId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} pressed Acknowledge on feedback {FeedbackId} given to someone else")]
    private static partial void LogNotYours(ILogger logger, long memberId, long feedbackId);
}

/// <summary>The history card's More button (<see cref="FeedbackCards.MoreVerb"/>): the next page, in place.</summary>
internal sealed class MoreFeedbackAction(FeedbackHistory history, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (TurnGuard.PersonalMember(turn, text, FeedbackCommand.Topic) is { } refusal)
        {
            return CardActionResult.Text(refusal);
        }

        _ = turn.TryGetMember(out var tenantId, out var caller);
        if (FeedbackCards.ReadBefore(action.GetString(FeedbackCards.BeforeKey)) is not { } before)
        {
            return CardActionResult.Text(text.Get(turn.Locale, FeedbackTextKeys.HistoryStale));
        }

        // Always the presser's own history: the card's data says only where to continue, never whose.
        return CardActionResult.UpdateCard(await history.PageAsync(tenantId, caller.Id, turn.Locale, before, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>A "Write feedback" button (<see cref="FeedbackForm.ShowVerb"/>): the form, for that rep when still one of the manager's.</summary>
internal sealed class ShowFeedbackFormAction(FeedbackDesk desk, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (TurnGuard.PersonalMember(turn, text, FeedbackCommand.Topic) is { } refusal)
        {
            return CardActionResult.Text(refusal);
        }

        _ = turn.TryGetMember(out var tenantId, out var caller);
        var (reps, notAllowed) = await desk.RepsAsync(tenantId, caller.Id, turn.Locale, cancellationToken).ConfigureAwait(false);
        if (notAllowed is not null)
        {
            return CardActionResult.Text(notAllowed);
        }

        var wanted = action.GetString(FeedbackForm.MemberKey);
        var values = FeedbackFormValues.Empty with { RepId = reps.Any(r => r.MemberId.ToString(CultureInfo.InvariantCulture) == wanted) ? wanted : null };
        return CardActionResult.UpdateCard(FeedbackForm.Build(text, turn.Locale, Reps(reps), values, FeedbackForm.NewEntryId()));
    }

    internal static List<FeedbackForm.Rep> Reps(IReadOnlyList<FeedbackRep> reps) => [.. reps.Select(r => new FeedbackForm.Rep(r.MemberId, r.Name))];
}

/// <summary>
/// The form's Send button (<see cref="FeedbackForm.SubmitVerb"/>): checks everything again (the data comes back from the
/// client), gives the feedback and puts the manager's copy in place of the form; with errors, the form comes back.
/// </summary>
internal sealed class SendFeedbackFormAction(FeedbackDesk desk, FeedbackBook book, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, FeedbackCommand.Topic) is { } refusal)
        {
            return CardActionResult.Text(refusal);
        }

        _ = turn.TryGetMember(out var tenantId, out var caller);
        var entryId = action.GetString(FeedbackForm.EntryKey);
        if (!FeedbackForm.IsEntryId(entryId))
        {
            return CardActionResult.Text(text.Get(locale, FeedbackTextKeys.FormStale));
        }

        var (reps, notAllowed) = await desk.RepsAsync(tenantId, caller.Id, locale, cancellationToken).ConfigureAwait(false);
        if (notAllowed is not null)
        {
            return CardActionResult.Text(notAllowed);
        }

        var values = FeedbackForm.Read(action);
        var rep = reps.FirstOrDefault(r => r.MemberId.ToString(CultureInfo.InvariantCulture) == values.RepId);
        List<string> errors = [];
        if (rep is null)
        {
            errors.Add(text.Get(locale, FeedbackTextKeys.FormErrorRep));
        }

        if (values.Behaviour is null)
        {
            errors.Add(text.Get(locale, FeedbackTextKeys.FormErrorBehaviour));
        }

        foreach (var written in new[] { values.Situation, values.Behaviour, values.Impact })
        {
            if (written is { Length: > ColumnLengths.Note })
            {
                errors.Add(text.Get(locale, FeedbackTextKeys.TooLong, ColumnLengths.Note, written.Length));
            }
        }

        if (errors.Count > 0)
        {
            return CardActionResult.UpdateCard(FeedbackForm.Build(text, locale, ShowFeedbackFormAction.Reps(reps), values, entryId!, errors));
        }

        var content = new FeedbackContent(FeedbackForm.KindOf(values.Kind), values.Situation, values.Behaviour!, values.Impact);
        var view = await desk.GiveAsync(tenantId, caller.Id, rep!, content, entryId!, cancellationToken).ConfigureAwait(false);
        // The copy replaces the form's message: remembered, so the acknowledgement can update it in place.
        if (turn.Activity.ReplyToId is { Length: > 0 } formMessage && turn.Activity.Conversation?.Id is { } conversationId)
        {
            await book.SetGiverCopyAsync(view.Note.Id, conversationId, formMessage, cancellationToken).ConfigureAwait(false);
            view = view with { Note = (await book.FindAsync(view.Note.Id, cancellationToken).ConfigureAwait(false))!.Note };
        }

        var zone = await desk.ZoneAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false);
        return CardActionResult.UpdateCard(FeedbackCards.GiverCopy(text, locale, view, zone));
    }
}
