using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Feedback;

/// <summary>
/// <c>feedback</c> · <c>反馈</c>: alone, the feedback and recognition the member received (<see cref="FeedbackHistory"/>);
/// <c>feedback @Bob …</c> from a manager of Bob's team, private feedback delivered to Bob's 1:1 chat only;
/// <c>feedback @Bob</c>, what the manager gave Bob; <c>feedback form</c>, the form. Typed in a channel, nothing of it
/// is repeated there: the answer goes to the sender's 1:1 chat (a filled-in form instead of sending at once, since a
/// channel message is no place to decide on private words) and the channel gets a neutral line.
/// </summary>
internal sealed class FeedbackCommand(FeedbackDesk desk, FeedbackBook book, FeedbackHistory history, Outbox outbox, BotText text) : ICommandHandler
{
    public const string Word = "feedback";
    public const string ChineseWord = "反馈";

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal | HelpScopes.Channel, FeedbackTextKeys.Help, FeedbackTextKeys.HelpArgs);

    /// <summary>How many notes a manager's <c>feedback @Bob</c> shows.</summary>
    public const int GivenShown = 10;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (turn.Scope != ConversationTypes.Personal && turn.Scope != ConversationTypes.Channel)
        {
            await turn.SendTextAsync(TurnGuard.WhereItWorks(text, locale, Topic, turn.CommandWord), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var inChannel = turn.Scope == ConversationTypes.Channel;
        var answer = await AnswerAsync(turn, tenantId, caller, FeedbackParser.Parse(arguments), inChannel, cancellationToken).ConfigureAwait(false);
        if (inChannel)
        {
            // Nothing of the feedback (or of a refusal naming the person) in the channel: the answer goes to the 1:1 chat.
            var key = "feedback-private:" + (turn.Activity.Id ?? FeedbackForm.NewEntryId());
            await outbox.EnqueueForMemberAsync(caller.Id, key, FeedbackDesk.MessageKind, answer.Activity, automatic: false, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            await turn.SendTextAsync(text.Get(locale, FeedbackTextKeys.MovedToPrivate), cancellationToken).ConfigureAwait(false);
            return;
        }

        var sent = await turn.SendAsync(answer.Activity, cancellationToken).ConfigureAwait(false);
        if (answer.Given is { } given && sent.Id is { Length: > 0 } activityId && turn.Activity.Conversation?.Id is { } conversationId)
        {
            await book.SetGiverCopyAsync(given.Note.Id, conversationId, activityId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(Activity Activity, FeedbackView? Given)> AnswerAsync(
        TurnContext turn, string tenantId, KnownMember caller, FeedbackRequest request, bool inChannel, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        if (request.Ask == FeedbackAsk.History)
        {
            var page = await history.PageAsync(tenantId, caller.Id, locale, before: null, cancellationToken).ConfigureAwait(false);
            return (Card(page), null);
        }

        if (request.Ask == FeedbackAsk.Cadence)
        {
            return (Plain(await desk.CadenceAsync(tenantId, caller.Id, locale, request.Words, cancellationToken).ConfigureAwait(false)), null);
        }

        var (reps, refusal) = await desk.RepsAsync(tenantId, caller.Id, locale, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return (Plain(refusal), null);
        }

        var formReps = reps.Select(r => new FeedbackForm.Rep(r.MemberId, r.Name)).ToList();
        if (request.Ask == FeedbackAsk.Form)
        {
            return (Card(FeedbackForm.Build(text, locale, formReps, FeedbackFormValues.Empty, FeedbackForm.NewEntryId())), null);
        }

        var (who, written) = request.Mention is { } mention
            ? (mention, request.AfterMention)
            // A typed name may have spaces: the longest start that is a rep's name or e-mail, else the first word.
            : FeedbackParser.Split(request.Words).Cast<(string Who, string Feedback)?>().FirstOrDefault(s => FeedbackDesk.IsExactly(reps, s!.Value.Who))
                ?? FeedbackParser.Split(request.Words).Last();
        var (rep, notFound) = await desk.FindAsync(turn, reps, who, cancellationToken).ConfigureAwait(false);
        if (rep is null)
        {
            return (Plain(notFound!), null);
        }

        if (written.Length == 0)
        {
            var given = await book.GivenAsync(caller.Id, rep.MemberId, GivenShown, cancellationToken).ConfigureAwait(false);
            var zone = await desk.ZoneAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false);
            return (Card(FeedbackCards.Given(text, locale, rep.MemberId, rep.Name, given, zone)), null);
        }

        if (written.Length > ColumnLengths.Note)
        {
            return (Plain(text.Get(locale, FeedbackTextKeys.TooLong, ColumnLengths.Note, written.Length)), null);
        }

        var values = new FeedbackFormValues(rep.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, written, null);
        if (inChannel)
        {
            return (Card(FeedbackForm.Build(text, locale, formReps, values, FeedbackForm.NewEntryId())), null);
        }

        // One note per message: Teams may deliver the same message twice.
        var entryId = "message:" + (turn.Activity.Id ?? FeedbackForm.NewEntryId());
        var view = await desk.GiveAsync(tenantId, caller.Id, rep, new FeedbackContent(FeedbackKind.Note, null, written, null), entryId, cancellationToken)
            .ConfigureAwait(false);
        var copyZone = await desk.ZoneAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false);
        return (Card(FeedbackCards.GiverCopy(text, locale, view, copyZone)), view);
    }

    private static Activity Card(AdaptiveCard card) => Activity.CreateCard(card, card.FallbackText);

    // Refusals may quote what the user typed: plain, so Teams shows it as typed.
    private static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }
}
