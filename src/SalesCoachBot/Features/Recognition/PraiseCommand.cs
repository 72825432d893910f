using SalesCoachBot.Contacts;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Recognition;

/// <summary>
/// <c>praise @Alice @Bob closed the Acme deal #customer-first</c> · <c>表扬 @张伟 拿下华为 #客户第一</c> (also 点赞, 夸), in a
/// team channel or the 1:1 chat: a recognition card in the team channel that @mentions each person praised (a reply in the
/// thread where it was asked; from the 1:1 chat a new post through the outbox), and a 1:1 note to each of them.
/// <c>praise private @x …</c> · <c>私下表扬 @x …</c> goes to the people praised and their managers in 1:1 only, never to a
/// channel. People are read from the mention entities, never from the text. Every refusal (guest, self, outsider, no one,
/// no reason, unknown value, daily quota) stores and sends nothing but the refusal.
/// </summary>
internal sealed partial class PraiseCommand(RecognitionTeams teams, PraiseDesk desk, BotText text, ILogger<PraiseCommand> logger) : ICommandHandler
{
    public const string Word = "praise";
    public const string ChineseWord = "表扬";

    /// <summary>点赞 (a thumbs-up), as people say it in WeChat and DingTalk.</summary>
    public const string LikeWord = "点赞";

    /// <summary>夸 (to commend).</summary>
    public const string CommendWord = "夸";

    /// <summary>私下表扬: praise sent to the person (and their managers) only.</summary>
    public const string PrivateWord = "私下表扬";

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal | HelpScopes.Channel, RecognitionTextKeys.PraiseHelp, RecognitionTextKeys.PraiseArgs)
        {
            OtherWords = [LikeWord, CommendWord, PrivateWord],
        };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (turn.Scope is not (ConversationTypes.Channel or ConversationTypes.Personal))
        {
            await turn.SendAsync(PraiseDesk.Plain(TurnGuard.WhereItWorks(text, locale, Topic, turn.CommandWord)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var giver))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var words = PraiseParser.Read(arguments);
        var isPrivate = words.IsPrivate || string.Equals(turn.CommandWord, PrivateWord, StringComparison.Ordinal);
        var choice = await teams.ChooseAsync(turn, tenantId, giver.Id, turn.IsPersonal ? words.Before : string.Empty, mustName: false,
            RecognitionTextKeys.PraiseExample, cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            await turn.SendAsync(PraiseDesk.Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var checkedPraise = await desk.CheckAsync(locale, giver, team, Request(turn.Activity, words, choice.NameUsed), cancellationToken).ConfigureAwait(false);
        if (checkedPraise.Refusal is { } refusal)
        {
            LogRefused(logger, team.Id, giver.Id);
            await turn.SendAsync(PraiseDesk.Plain(refusal), cancellationToken).ConfigureAwait(false);
            return;
        }

        var praise = checkedPraise.Praise!;
        if (!isPrivate && turn.Scope == ConversationTypes.Channel)
        {
            await desk.InChannelAsync(turn, tenantId, team, praise, cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = isPrivate
            ? await desk.PrivatelyAsync(locale, turn.IsPersonal, tenantId, team, praise, entryId: null, cancellationToken).ConfigureAwait(false)
            : (await desk.ToChannelAsync(locale, tenantId, team, praise, entryId: null, cancellationToken).ConfigureAwait(false)).Answer;
        await turn.SendAsync(PraiseDesk.Plain(answer), cancellationToken).ConfigureAwait(false);
    }

    // People come from the mention entities (never from the text); in the 1:1 chat the words before the first mention
    // named the team, or they belong to the reason.
    private static PraiseRequest Request(Activity activity, PraiseWords words, bool teamNamed)
    {
        var people = activity.GetMentions()
            .Select(m => m.Mentioned)
            .Where(m => m.Id is { Length: > 0 } && !activity.IsRecipient(m))
            .DistinctBy(m => m.Id, StringComparer.OrdinalIgnoreCase)
            .Select(m => new PraiseTarget(m.Id, null, m.Name ?? m.Id!))
            .ToList();
        var reason = teamNamed || words.Before.Length == 0 ? words.Reason : string.Join(' ', new[] { words.Before, words.Reason }.Where(w => w.Length > 0));
        return new PraiseRequest(people, reason, words.Value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Praise in sales team {TeamId} by member {MemberId} refused")]
    private static partial void LogRefused(ILogger logger, long teamId, long memberId);
}
