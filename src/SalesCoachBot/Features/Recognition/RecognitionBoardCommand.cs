using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Recognition;

/// <summary>
/// <c>recognition</c> · <c>表扬榜</c> (also 表扬排行, 表扬排行榜), in the team channel or the 1:1 chat (naming the team first
/// when the member is in several): the team's praise and points this month and this quarter in the team's days, who
/// received and who gave most, and the latest public praise. Private praise counts in the points, but its reason never
/// shows. A manager of the team asking in the 1:1 chat also sees the reps not recognised lately; that list never goes
/// to a channel, whoever asks there.
/// </summary>
internal sealed class RecognitionBoardCommand(
    RecognitionTeams teams, RecognitionStore store, TeamAccess access, SalesClock clock, BotText text) : ICommandHandler
{
    public const string Word = "recognition";
    public const string ChineseWord = "表扬榜";

    /// <summary>表扬排行 (praise ranking), as people call a leaderboard.</summary>
    public const string RankingWord = "表扬排行";

    /// <summary>表扬排行榜: the ranking's full name (the router reads the longest word, so it is not 表扬排行 + 榜).</summary>
    public const string RankingBoardWord = "表扬排行榜";

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal | HelpScopes.Channel, RecognitionTextKeys.BoardHelp, RecognitionTextKeys.BoardArgs)
        {
            OtherWords = [RankingWord, RankingBoardWord],
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

        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var choice = await teams.ChooseAsync(turn, tenantId, caller.Id, turn.IsPersonal ? TypedText.Normalize(arguments) : string.Empty, mustName: true,
            RecognitionTextKeys.BoardExample, cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            await turn.SendAsync(PraiseDesk.Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Who has not been recognised is for the team's managers, in private: never in a channel, whoever asks there.
        var showQuiet = turn.IsPersonal && await access.CanManageAsync(tenantId, caller.Id, team.Id, cancellationToken).ConfigureAwait(false);
        var card = RecognitionBoard.Build(text, locale, await ViewAsync(team, locale, showQuiet, cancellationToken).ConfigureAwait(false));
        await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
    }

    private async Task<RecognitionBoardView> ViewAsync(SalesTeam team, string? locale, bool showQuiet, CancellationToken cancellationToken)
    {
        var zone = clock.TeamZone(team.TimeZone);
        var today = clock.TodayIn(zone);
        var month = SalesPeriod.Containing(SalesPeriodKind.Month, today);
        var quarter = SalesPeriod.Containing(SalesPeriodKind.Quarter, today);
        var quietSince = today.AddDays(-RecognitionBoard.QuietDays);
        var praises = await store.TeamPraiseSinceAsync(team.Id, SalesClock.StartOfDay(quarter.Start, zone), cancellationToken).ConfigureAwait(false);
        var people = await store.PeopleAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var ids = praises.SelectMany(p => p.ReceiverIds.Append(p.GiverId)).Concat(people.Select(p => p.MemberId)).Distinct().ToList();
        var names = (await store.MembersAsync(ids, cancellationToken).ConfigureAwait(false)).ToDictionary(m => m.Key, m => m.Value.Name ?? string.Empty);

        IReadOnlyList<string>? quiet = null;
        if (showQuiet)
        {
            var reps = people.Where(p => p.Role == TeamRole.Rep).ToList();
            var recognised = await store.RecognisedSinceAsync(team.Id, [.. reps.Select(r => r.MemberId)], SalesClock.StartOfDay(quietSince, zone), cancellationToken).ConfigureAwait(false);
            quiet = [.. reps.Where(r => !recognised.Contains(r.MemberId)).Select(r => r.Name ?? r.TeamsUserId).Order(BotText.NameOrder(locale))];
        }

        var latest = praises.Where(p => !p.IsPrivate).Reverse().Take(RecognitionBoard.LatestCount)
            .Select(p => new BoardLatest(names.GetValueOrDefault(p.GiverId, string.Empty), [.. p.ReceiverIds.Select(id => names.GetValueOrDefault(id, string.Empty))], p.Reason, p.Value))
            .ToList();
        return new RecognitionBoardView(
            team.Name, today, RecognitionBoard.Count(month, praises, zone, names, locale), RecognitionBoard.Count(quarter, praises, zone, names, locale),
            latest, quiet, RecognitionBoard.QuietDays);
    }
}
