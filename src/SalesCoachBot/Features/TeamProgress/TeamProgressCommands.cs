using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.TeamProgress;

/// <summary>The words, help topics and argument reading of <c>team</c> and <c>leaderboard</c>.</summary>
internal static class TeamProgressCommands
{
    public const string TeamWord = "team";
    public const string TeamChineseWord = "团队";
    public const string LeaderboardWord = "leaderboard";
    public const string LeaderboardChineseWord = "排行榜";

    /// <summary>排名 (ranking): what many managers call the leaderboard.</summary>
    public const string LeaderboardRankingWord = "排名";

    public static HelpTopic TeamTopic { get; } = new(TeamWord, TeamChineseWord, HelpScopes.Personal | HelpScopes.Channel, TeamProgressTextKeys.TeamHelp, TeamProgressTextKeys.TeamArgs);

    public static HelpTopic LeaderboardTopic { get; } =
        new(LeaderboardWord, LeaderboardChineseWord, HelpScopes.Personal | HelpScopes.Channel, TeamProgressTextKeys.LeaderboardHelp, TeamProgressTextKeys.LeaderboardArgs)
        {
            OtherWords = [LeaderboardRankingWord],
        };

    /// <summary>
    /// Splits <c>[team name] [period] [view]</c> in any order: a period word and (when <paramref name="readView"/>) a
    /// view word are taken out wherever they are; the rest is the team name. Month and the ranking by default.
    /// </summary>
    public static (string TeamName, SalesPeriodKind Kind, LeaderboardView View) Read(string? arguments, bool readView)
    {
        var kind = SalesPeriodKind.Month;
        var view = LeaderboardView.Ranking;
        var name = new List<string>();
        foreach (var word in TypedText.Normalize(arguments).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (SalesPeriod.TryParseKind(word, out var parsed))
            {
                kind = parsed;
            }
            else if (readView && Leaderboard.TryParseView(word, out var parsedView))
            {
                view = parsedView;
            }
            else
            {
                name.Add(word);
            }
        }

        return (string.Join(' ', name), kind, view);
    }

    internal static async Task SendAsync(TurnContext turn, AdaptiveCard card, string? hint, CancellationToken cancellationToken)
    {
        await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
        if (hint is not null)
        {
            await turn.SendTextAsync(hint, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string UnknownPeriod(BotText text, string? locale, string word) =>
        text.Get(locale, TeamProgressTextKeys.UnknownPeriod, BotText.Quote(word));
}

/// <summary>
/// <c>team [name] [week|month|quarter|year]</c> · <c>团队</c>: the team progress card (channel: that team, unless its
/// managers limited it; 1:1: managers; never guests). <c>team visibility …</c> is <see cref="TeamVisibility"/>.
/// </summary>
internal sealed class TeamCommand(TeamSelection selection, TeamProgressReader reader, TeamVisibility visibility, BotText text) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (TeamVisibility.TryRead(arguments, out var value))
        {
            var answer = await visibility.HandleAsync(turn, value, cancellationToken).ConfigureAwait(false);
            await turn.SendAsync(Plain(answer), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (name, kind, _) = TeamProgressCommands.Read(arguments, readView: false);
        var choice = await selection.ForCommandAsync(turn, TeamProgressCommands.TeamTopic, name, cancellationToken).ConfigureAwait(false);
        if (choice.TeamId is not { } teamId)
        {
            await turn.SendAsync(Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var snapshot = await reader.ReadAsync(choice.TenantId, teamId, kind, locale, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            await turn.SendTextAsync(text.Get(locale, TeamProgressTextKeys.TeamUnknown), cancellationToken).ConfigureAwait(false);
            return;
        }

        await TeamProgressCommands.SendAsync(turn, TeamCard.Build(text, locale, snapshot), choice.Hint, cancellationToken).ConfigureAwait(false);
    }

    // Refusals may quote what the user typed (a team name): plain, so Teams shows it as typed.
    internal static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }
}

/// <summary>The team card's period buttons (<see cref="TeamCard.PeriodVerb"/>), re-checking tenant, place and role.</summary>
internal sealed class TeamPeriodAction(TeamSelection selection, TeamProgressReader reader, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        var choice = await selection.ForActionAsync(turn, action.GetString(TeamCard.TeamIdKey), cancellationToken).ConfigureAwait(false);
        if (choice.TeamId is not { } teamId)
        {
            return CardActionResult.Text(choice.Refusal!);
        }

        var word = action.GetString(TeamCard.PeriodKey) ?? string.Empty;
        if (!SalesPeriod.TryParseKind(word, out var kind))
        {
            return CardActionResult.Text(TeamProgressCommands.UnknownPeriod(text, locale, word));
        }

        var snapshot = await reader.ReadAsync(choice.TenantId, teamId, kind, locale, cancellationToken: cancellationToken).ConfigureAwait(false);
        return snapshot is null
            ? CardActionResult.Text(text.Get(locale, TeamProgressTextKeys.NotAllowed))
            : CardActionResult.UpdateCard(TeamCard.Build(text, locale, snapshot));
    }
}

/// <summary><c>leaderboard [improved] [period] [name]</c> · <c>排行榜 [进步]</c>: the ranking (as <see cref="TeamCommand"/>: channel unless limited, 1:1 managers, never guests).</summary>
internal sealed class LeaderboardCommand(TeamSelection selection, TeamProgressReader reader, BotText text) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        var (name, kind, view) = TeamProgressCommands.Read(arguments, readView: true);
        var choice = await selection.ForCommandAsync(turn, TeamProgressCommands.LeaderboardTopic, name, cancellationToken).ConfigureAwait(false);
        if (choice.TeamId is not { } teamId)
        {
            await turn.SendAsync(TeamCommand.Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var snapshot = await reader.ReadAsync(choice.TenantId, teamId, kind, locale, view == LeaderboardView.Improved, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            await turn.SendTextAsync(text.Get(locale, TeamProgressTextKeys.TeamUnknown), cancellationToken).ConfigureAwait(false);
            return;
        }

        await TeamProgressCommands.SendAsync(turn, LeaderboardCard.Build(text, locale, snapshot, view), choice.Hint, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The leaderboard's period and view buttons (<see cref="LeaderboardCard.ViewVerb"/>), re-checking tenant, place and role.</summary>
internal sealed class LeaderboardViewAction(TeamSelection selection, TeamProgressReader reader, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        var choice = await selection.ForActionAsync(turn, action.GetString(LeaderboardCard.TeamIdKey), cancellationToken).ConfigureAwait(false);
        if (choice.TeamId is not { } teamId)
        {
            return CardActionResult.Text(choice.Refusal!);
        }

        var word = action.GetString(LeaderboardCard.PeriodKey) ?? string.Empty;
        if (!SalesPeriod.TryParseKind(word, out var kind))
        {
            return CardActionResult.Text(TeamProgressCommands.UnknownPeriod(text, locale, word));
        }

        if (!Leaderboard.TryParseView(action.GetString(LeaderboardCard.ViewKey) ?? Leaderboard.RankingWord, out var view))
        {
            return CardActionResult.Text(text.Get(locale, TeamProgressTextKeys.StaleCard));
        }

        var snapshot = await reader.ReadAsync(choice.TenantId, teamId, kind, locale, view == LeaderboardView.Improved, cancellationToken).ConfigureAwait(false);
        return snapshot is null
            ? CardActionResult.Text(text.Get(locale, TeamProgressTextKeys.NotAllowed))
            : CardActionResult.UpdateCard(LeaderboardCard.Build(text, locale, snapshot, view));
    }
}
