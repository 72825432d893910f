using System.Globalization;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Recognition;

/// <summary>
/// A "Praise" button (<see cref="PraiseFormActions.OpenVerb"/>) on the team card, the leaderboard or the celebration card:
/// the praise form for that rep, after checking tenant, role and team (the ids come back from the client). In the 1:1
/// chat the form takes the card's place; in a channel the card is everyone's, so it stays as it is and the form goes to
/// the presser's 1:1 chat.
/// </summary>
internal sealed partial class OpenPraiseFormAction(
    RecognitionTeams teams, RecognitionStore store, Outbox outbox, BotText text, ILogger<OpenPraiseFormAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (turn.Scope is not (ConversationTypes.Channel or ConversationTypes.Personal))
        {
            return CardActionResult.Text(TurnGuard.WhereItWorks(text, locale, PraiseCommand.Topic, null));
        }

        if (!turn.TryGetMember(out var tenantId, out var giver))
        {
            return CardActionResult.Text(TurnGuard.NoMember(text, locale));
        }

        var choice = await teams.ForFormAsync(turn, tenantId, giver.Id, action.GetString(PraiseFormActions.TeamIdKey), cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            LogRefused(logger, giver.Id);
            return CardActionResult.Text(choice.Refusal!);
        }

        var rep = PraiseForm.ReadId(action.GetString(PraiseFormActions.MemberIdKey));
        if (rep == giver.Id)
        {
            return CardActionResult.Text(text.Get(locale, RecognitionTextKeys.PraiseSelf));
        }

        var people = await FormPeopleAsync(store, team.Id, giver.Id, locale, cancellationToken).ConfigureAwait(false);
        if (rep is not { } repId || people.All(p => p.MemberId != repId))
        {
            LogRefused(logger, giver.Id);
            return CardActionResult.Text(text.Get(locale, RecognitionTextKeys.FormPersonGone, team.Name));
        }

        var reason = action.GetString(PraiseFormActions.ReasonKey)?.Trim();
        var shown = new PraiseFormValues(
            [repId.ToString(CultureInfo.InvariantCulture)], reason is { Length: > Praise.MaxReasonLength } ? reason[..Praise.MaxReasonLength] : reason, null, false);
        var values = await store.ValuesAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var entryId = PraiseForm.NewEntryId();
        var form = PraiseForm.Build(text, locale, team.Name, team.Id, people, values, shown, entryId);
        if (turn.IsPersonal)
        {
            return CardActionResult.UpdateCard(form);
        }

        // The key names the press, so a retried invoke sends one form.
        var key = "praise-form:" + (turn.Activity.Id is { Length: > 0 } pressId ? pressId : entryId);
        await outbox.EnqueueForMemberAsync(giver.Id, key, AutomaticMessageKinds.Recognition, Activity.CreateCard(form, form.FallbackText),
            automatic: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        return CardActionResult.Text(text.Get(locale, RecognitionTextKeys.FormInPrivate));
    }

    /// <summary>The people of the team the giver may praise (everyone active but the giver), in the locale's name order.</summary>
    internal static async Task<IReadOnlyList<PraiseForm.Person>> FormPeopleAsync(
        RecognitionStore store, long teamId, long giverId, string? locale, CancellationToken cancellationToken) =>
        [.. (await store.PeopleAsync(teamId, cancellationToken).ConfigureAwait(false))
            .Where(p => p.MemberId != giverId)
            .Select(p => new PraiseForm.Person(p.MemberId, p.Name ?? p.TeamsUserId))
            .OrderBy(p => p.Name, BotText.NameOrder(locale))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Praise form refused to member {MemberId}")]
    private static partial void LogRefused(ILogger logger, long memberId);
}

/// <summary>
/// The praise form's Send (<see cref="PraiseForm.SubmitVerb"/>), in the 1:1 chat: checks tenant, role and team again,
/// then gives the praise through <see cref="PraiseDesk"/> exactly as the typed <c>praise</c> does; with errors or a
/// refusal the form comes back as it was sent. The same form sent again stores and posts nothing more.
/// </summary>
internal sealed partial class SendPraiseFormAction(
    RecognitionTeams teams, RecognitionStore store, PraiseDesk desk, BotText text, ILogger<SendPraiseFormAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, PraiseCommand.Topic) is { } notHere)
        {
            return CardActionResult.Text(notHere);
        }

        _ = turn.TryGetMember(out var tenantId, out var giver);
        var entryId = action.GetString(PraiseForm.EntryKey);
        if (!PraiseForm.IsEntryId(entryId))
        {
            return CardActionResult.Text(text.Get(locale, RecognitionTextKeys.FormStale));
        }

        var choice = await teams.ForFormAsync(turn, tenantId, giver.Id, action.GetString(PraiseFormActions.TeamIdKey), cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            LogRefused(logger, giver.Id);
            return CardActionResult.Text(choice.Refusal!);
        }

        if (await store.FormPraiseAsync(entryId!, cancellationToken).ConfigureAwait(false) is not null)
        {
            return CardActionResult.UpdateCard(PraiseForm.Done(text, locale, RecognitionTextKeys.FormSentTitle, text.Get(locale, RecognitionTextKeys.FormAlreadySent)));
        }

        var sent = PraiseForm.Read(action);
        var people = await OpenPraiseFormAction.FormPeopleAsync(store, team.Id, giver.Id, locale, cancellationToken).ConfigureAwait(false);
        List<string> errors = [];
        var ids = sent.People.Select(PraiseForm.ReadId).ToList();
        if (ids.Count == 0)
        {
            errors.Add(text.Get(locale, RecognitionTextKeys.FormErrorPeople));
        }
        else if (ids.Any(id => id != giver.Id && people.All(p => p.MemberId != id)))
        {
            errors.Add(text.Get(locale, RecognitionTextKeys.FormPersonGone, team.Name));
        }

        if (sent.Reason is null)
        {
            errors.Add(text.Get(locale, RecognitionTextKeys.FormErrorReason));
        }
        else if (sent.Reason.Length > Praise.MaxReasonLength)
        {
            errors.Add(text.Get(locale, RecognitionTextKeys.FormTooLong, Praise.MaxReasonLength, sent.Reason.Length));
        }

        if (errors.Count == 0)
        {
            var names = people.ToDictionary(p => p.MemberId, p => p.Name);
            // In the form's order (by name), whatever order the client sent them in.
            var request = new PraiseRequest(
                [.. ids.Select(id => new PraiseTarget(null, id, names.GetValueOrDefault(id!.Value, giver.Name ?? string.Empty))).OrderBy(p => p.Shown, BotText.NameOrder(locale))],
                sent.Reason!, sent.Value);
            var (praise, refusal) = await desk.CheckAsync(locale, giver, team, request, cancellationToken).ConfigureAwait(false);
            if (praise is not null)
            {
                var (posted, answer) = sent.IsPrivate
                    ? (true, await desk.PrivatelyAsync(locale, inPersonalChat: true, tenantId, team, praise, entryId, cancellationToken).ConfigureAwait(false))
                    : await desk.ToChannelAsync(locale, tenantId, team, praise, entryId, cancellationToken).ConfigureAwait(false);
                if (posted)
                {
                    return CardActionResult.UpdateCard(PraiseForm.Done(text, locale, RecognitionTextKeys.FormSentTitle, answer));
                }

                refusal = answer;
            }

            errors.Add(refusal!);
        }

        LogRefused(logger, giver.Id);
        var values = await store.ValuesAsync(team.Id, cancellationToken).ConfigureAwait(false);
        return CardActionResult.UpdateCard(PraiseForm.Build(text, locale, team.Name, team.Id, people, values, sent, entryId!, errors));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Praise form from member {MemberId} not sent")]
    private static partial void LogRefused(ILogger logger, long memberId);
}

/// <summary>The praise form's Cancel (<see cref="PraiseForm.CancelVerb"/>): the form gives way to a line saying nothing was sent.</summary>
internal sealed class CancelPraiseFormAction(BotText text) : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        return Task.FromResult(TurnGuard.PersonalMember(turn, text, PraiseCommand.Topic) is { } notHere
            ? CardActionResult.Text(notHere)
            : CardActionResult.UpdateCard(PraiseForm.Done(text, locale, RecognitionTextKeys.FormCancelledTitle, text.Get(locale, RecognitionTextKeys.FormCancelled))));
    }
}
