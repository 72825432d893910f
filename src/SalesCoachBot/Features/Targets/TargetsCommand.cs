using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Targets;

/// <summary>
/// <c>targets [period]</c> · <c>目标 [周期]</c> in the 1:1 chat: the progress card of this month, or of any period as
/// people say it (<c>targets last month</c>, <c>目标 上月</c>, <c>targets 2026-Q3</c>: <see cref="PeriodWords"/>); a
/// month or quarter without a year is the most recent one, for the monthly review.
/// </summary>
internal sealed class TargetsCommand(TargetsViewBuilder views, SalesClock clock, BotText text) : ICommandHandler
{
    public const string Word = "targets";
    public const string ChineseWord = "目标";

    /// <summary>What reps also ask for when they mean their progress card: 进度 (progress), 业绩 (results), 完成率 (% done).</summary>
    public const string ProgressWord = "进度";
    public const string ResultsWord = "业绩";
    public const string PercentDoneWord = "完成率";

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal, TargetsTextKeys.CommandHelp, TargetsTextKeys.CommandArgs) { OtherWords = [ProgressWord, ResultsWord, PercentDoneWord] };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, Topic) is { } refusal)
        {
            await turn.SendTextAsync(refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        _ = turn.TryGetMember(out var tenantId, out var member);
        if (await clock.MemberDayAsync(tenantId, member.Id, cancellationToken).ConfigureAwait(false) is not { } day)
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var word = TypedText.Normalize(arguments).Trim();
        var period = SalesPeriod.Containing(SalesPeriodKind.Month, day.Today);
        if (word.Length > 0 && !PeriodWords.TryRead(word, day.Today, YearlessPeriod.Back, out period))
        {
            var reply = Activity.CreateMessage(UnknownPeriod(text, locale, word));
            // The text quotes user input: plain, so Teams shows it as typed.
            reply.TextFormat = "plain";
            await turn.SendAsync(reply, cancellationToken).ConfigureAwait(false);
            return;
        }

        var card = await views.BuildAsync(turn, period, notice: null, cancellationToken).ConfigureAwait(false);
        if (card is null)
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
    }

    public static string UnknownPeriod(BotText text, string? locale, string word) =>
        text.Get(locale, TargetsTextKeys.UnknownPeriod, BotText.Quote(word)) + "\n\n" + text.Get(locale, TargetsTextKeys.Usage);
}

/// <summary>The card's period buttons (<see cref="ProgressCardActions.PeriodVerb"/>): the same card for another period, in place.</summary>
internal sealed class TargetsPeriodAction(TargetsViewBuilder views, SalesClock clock, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, TargetsCommand.Topic) is { } refusal)
        {
            return CardActionResult.Text(refusal);
        }

        _ = turn.TryGetMember(out var tenantId, out var member);
        if (await clock.MemberDayAsync(tenantId, member.Id, cancellationToken).ConfigureAwait(false) is not { } day)
        {
            return CardActionResult.Text(TurnGuard.NoMember(text, locale));
        }

        var word = action.GetString(ProgressCardActions.PeriodKey) ?? string.Empty;
        if (!PeriodWords.TryRead(word, day.Today, YearlessPeriod.Back, out var period))
        {
            return CardActionResult.Text(TargetsCommand.UnknownPeriod(text, locale, word));
        }

        var card = await views.BuildAsync(turn, period, notice: null, cancellationToken).ConfigureAwait(false);
        return card is null ? CardActionResult.Text(TurnGuard.NoMember(text, locale)) : CardActionResult.UpdateCard(card);
    }
}
