using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.SalesResults;

/// <summary>
/// <c>undo</c> · <c>撤销</c> in the 1:1 chat: takes back the rep's last result logged from chat or a card (every KPI
/// of that one action, e.g. both rows of a deal) within ten minutes.
/// </summary>
internal sealed class UndoCommand(SalesClock clock, ResultLog log, BotText text) : ICommandHandler
{
    public const string Word = "undo";
    public const string ChineseWord = "撤销";

    /// <summary>The other words people use to take a message back: 撤回 (recall), 取消 (cancel).</summary>
    public const string RecallWord = "撤回";
    public const string CancelWord = "取消";

    public static HelpTopic Topic { get; } = new(Word, ChineseWord, HelpScopes.Personal, ResultsTextKeys.UndoHelp) { OtherWords = [RecallWord, CancelWord] };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        var (day, refusal) = await LogCommand.MemberDayAsync(turn, clock, text, Topic, cancellationToken).ConfigureAwait(false);
        if (day is null)
        {
            await turn.SendTextAsync(refusal!, cancellationToken).ConfigureAwait(false);
            return;
        }

        var undone = await log.UndoLastLoggedAsync(day.MemberId, cancellationToken).ConfigureAwait(false);
        var message = undone.Status switch
        {
            UndoStatus.Undone => text.Get(locale, ResultsTextKeys.Undone, ResultWording.Describe(text, locale, undone.Amounts, undone.Customer)),
            UndoStatus.TooLate => text.Get(locale, ResultsTextKeys.UndoTooLate,
                ResultWording.Describe(text, locale, undone.Amounts, undone.Customer), (int)ResultLedger.UndoWindow.TotalMinutes),
            _ => text.Get(locale, ResultsTextKeys.NothingToUndo),
        };

        // The text may quote a customer name as typed: plain.
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        await turn.SendAsync(reply, cancellationToken).ConfigureAwait(false);
    }
}
