using SalesCoachBot.Contacts;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Feedback;

/// <summary>
/// A nudge's Snooze button (<see cref="FeedbackNudgeCard.SnoozeVerb"/>): the rep is not listed to this manager for 1, 2
/// or 4 weeks. Only in the presser's 1:1 chat, only by the manager the nudge was for, only for a rep they still manage
/// (read from the store on every press: the card's data may be replayed or forged); otherwise nothing changes.
/// </summary>
internal sealed partial class SnoozeNudgeAction(
    FeedbackDesk desk, FeedbackCadence cadence, SalesClock clock, BotText text, ILogger<SnoozeNudgeAction> logger) : ICardActionHandler
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
        var managerId = FeedbackCards.ReadId(action.GetString(FeedbackNudgeCard.ManagerKey));
        var repId = FeedbackCards.ReadId(action.GetString(FeedbackNudgeCard.RepKey));
        var weeks = FeedbackNudgeCard.ReadWeeks(action.GetString(FeedbackNudgeCard.WeeksKey));
        if (managerId is null || repId is null || weeks is null)
        {
            return CardActionResult.Text(text.Get(locale, FeedbackTextKeys.SnoozeStale));
        }

        if (managerId != caller.Id)
        {
            LogRefused(logger, caller.Id, repId.Value);
            return CardActionResult.Text(text.Get(locale, FeedbackTextKeys.SnoozeNotYours));
        }

        var (reps, notAllowed) = await desk.RepsAsync(tenantId, caller.Id, locale, cancellationToken).ConfigureAwait(false);
        var rep = reps.FirstOrDefault(r => r.MemberId == repId);
        if (notAllowed is not null || rep is null)
        {
            LogRefused(logger, caller.Id, repId.Value);
            return CardActionResult.Text(text.Get(locale, FeedbackTextKeys.SnoozeNotYourRep));
        }

        var until = clock.Now.AddDays(7 * weeks.Value);
        await cadence.SnoozeAsync(tenantId, caller.Id, rep.MemberId, until, cancellationToken).ConfigureAwait(false);
        var zone = await desk.ZoneAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, zone).DateTime);
        LogSnoozed(logger, caller.Id, rep.MemberId, weeks.Value);
        return CardActionResult.Text(text.Get(locale, FeedbackTextKeys.SnoozeDone, rep.Name, SalesFormat.Date(locale, day)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {ManagerId} snoozed the feedback nudge about member {RepId} for {Weeks} week(s)")]
    private static partial void LogSnoozed(ILogger logger, long managerId, long repId, int weeks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Snooze refused for member {CallerId} (rep {RepId})")]
    private static partial void LogRefused(ILogger logger, long callerId, long repId);
}
