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
    /// Splits <c>[team name] [period] [view]</c> in any order: a view word (when <paramref name="readView"/>) is taken out
    /// wherever it is, then the longest run of up to three words that reads as a period (<c>last quarter</c>, <c>Q3 2026</c>,
    /// <c>上月</c>, <see cref="PeriodWords"/>); the rest is the team name. No period (empty) means this month; the ranking
    /// by default.
    /// </summary>
    /// <param name="today">Only to recognise the period's words; the period itself is read on the team's own today.</param>
    public static (string TeamName, string Period, LeaderboardView View) Read(string? arguments, bool readView, DateOnly today)
    {
        var view = LeaderboardView.Ranking;
        var words = new List<string>();
        foreach (var word in TypedText.Normalize(arguments).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (readView && Leaderboard.TryParseView(word, out var parsedView))
            {
                view = parsedView;
            }
            else
            {
                words.Add(word);
            }
        }

        for (var length = Math.Min(3, words.Count); length > 0; length--)
        {
            for (var at = 0; at + length <= words.Count; at++)
            {
                var candidate = string.Join(' ', words.Skip(at).Take(length));
                if (PeriodWords.TryRead(candidate, today, YearlessPeriod.Back, out _))
                {
                    words.RemoveRange(at, length);
                    return (string.Join(' ', words), candidate, view);
                }
            }
        }

        return (string.Join(' ', words), string.Empty, view);
    }

    /// <summary>
    /// The period a command or card asks for, on the team's today: <paramref name="written"/> read by
    /// <see cref="PeriodWords"/> (a month without a year is the most recent one), this month when empty; null when the
    /// team is gone or the words are no period.
    /// </summary>
    internal static async Task<(SalesPeriod? Period, bool TeamKnown)> PeriodAsync(
        TeamProgressReader reader, string tenantId, long teamId, string written, CancellationToken cancellationToken)
    {
        if (await reader.TodayAsync(tenantId, teamId, cancellationToken).ConfigureAwait(false) is not { } today)
        {
            return (null, false);
        }

        if (written.Length == 0)
        {
            return (SalesPeriod.Containing(SalesPeriodKind.Month, today), true);
        }

        return PeriodWords.TryRead(written, today, YearlessPeriod.Back, out var period) ? (period, true) : (null, true);
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
/// <c>team [name] [period]</c> · <c>团队</c>: the team progress card of this month or any period as people say it
/// (<c>team last quarter</c>, <c>团队 上季度</c>) (channel: that team, unless its
/// managers limited it; 1:1: managers; never guests). <c>team visibility …</c> is <see cref="TeamVisibility"/>.
/// </summary>
internal sealed class TeamCommand(
    TeamSelection selection, TeamProgressReader reader, TeamVisibility visibility, IFeedbackLog feedback, SalesClock clock, BotText text) : ICommandHandler
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

        var (name, written, _) = TeamProgressCommands.Read(arguments, readView: false, clock.TodayIn(TimeZoneInfo.Utc));
        var choice = await selection.ForCommandAsync(turn, TeamProgressCommands.TeamTopic, name, cancellationToken).ConfigureAwait(false);
        if (choice.TeamId is not { } teamId)
        {
            await turn.SendAsync(Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (period, known) = await TeamProgressCommands.PeriodAsync(reader, choice.TenantId, teamId, written, cancellationToken).ConfigureAwait(false);
        if (known && period is null)
        {
            await turn.SendAsync(Plain(TeamProgressCommands.UnknownPeriod(text, locale, written)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var snapshot = period is { } shown
            ? await reader.ReadAsync(choice.TenantId, teamId, shown, locale, cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;
        if (snapshot is null)
        {
            await turn.SendTextAsync(text.Get(locale, TeamProgressTextKeys.TeamUnknown), cancellationToken).ConfigureAwait(false);
            return;
        }

        var lastFeedback = await LastFeedbackAsync(turn, feedback, snapshot, cancellationToken).ConfigureAwait(false);
        var praise = await selection.AskedByManagerAsync(turn, choice, cancellationToken).ConfigureAwait(false);
        await TeamProgressCommands.SendAsync(turn, TeamCard.Build(text, locale, snapshot, lastFeedback, praise), choice.Hint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// When each rep last got feedback, for the card in the 1:1 chat (only a team's managers get the card there); null
    /// in a channel, where the whole team would read it.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<long, DateTimeOffset>?> LastFeedbackAsync(
        TurnContext turn, IFeedbackLog feedback, TeamProgressSnapshot snapshot, CancellationToken cancellationToken) =>
        turn.IsPersonal
            ? await feedback.LastReceivedAsync([.. snapshot.Reps.Select(r => r.MemberId)], cancellationToken).ConfigureAwait(false)
            : null;

    // Refusals may quote what the user typed (a team name): plain, so Teams shows it as typed.
    internal static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }
}

/// <summary>The team card's period buttons (<see cref="TeamCard.PeriodVerb"/>), re-checking tenant, place and role.</summary>
internal sealed class TeamPeriodAction(TeamSelection selection, TeamProgressReader reader, IFeedbackLog feedback, BotText text) : ICardActionHandler
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
        var (period, known) = await TeamProgressCommands.PeriodAsync(reader, choice.TenantId, teamId, word, cancellationToken).ConfigureAwait(false);
        if (known && (period is null || word.Length == 0))
        {
            return CardActionResult.Text(TeamProgressCommands.UnknownPeriod(text, locale, word));
        }

        var snapshot = period is { } shown
            ? await reader.ReadAsync(choice.TenantId, teamId, shown, locale, cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;
        if (snapshot is null)
        {
            return CardActionResult.Text(text.Get(locale, TeamProgressTextKeys.NotAllowed));
        }

        var lastFeedback = await TeamCommand.LastFeedbackAsync(turn, feedback, snapshot, cancellationToken).ConfigureAwait(false);
        var praise = await selection.AskedByManagerAsync(turn, choice, cancellationToken).ConfigureAwait(false);
        return CardActionResult.UpdateCard(TeamCard.Build(text, locale, snapshot, lastFeedback, praise));
    }
}

/// <summary><c>leaderboard [improved] [period] [name]</c> · <c>排行榜 [进步]</c>: the ranking (as <see cref="TeamCommand"/>: channel unless limited, 1:1 managers, never guests).</summary>
internal sealed class LeaderboardCommand(TeamSelection selection, TeamProgressReader reader, SalesClock clock, BotText text) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        var (name, written, view) = TeamProgressCommands.Read(arguments, readView: true, clock.TodayIn(TimeZoneInfo.Utc));
        var choice = await selection.ForCommandAsync(turn, TeamProgressCommands.LeaderboardTopic, name, cancellationToken).ConfigureAwait(false);
        if (choice.TeamId is not { } teamId)
        {
            await turn.SendAsync(TeamCommand.Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (period, known) = await TeamProgressCommands.PeriodAsync(reader, choice.TenantId, teamId, written, cancellationToken).ConfigureAwait(false);
        if (known && period is null)
        {
            await turn.SendAsync(TeamCommand.Plain(TeamProgressCommands.UnknownPeriod(text, locale, written)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var snapshot = period is { } shown
            ? await reader.ReadAsync(choice.TenantId, teamId, shown, locale, view == LeaderboardView.Improved, cancellationToken).ConfigureAwait(false)
            : null;
        if (snapshot is null)
        {
            await turn.SendTextAsync(text.Get(locale, TeamProgressTextKeys.TeamUnknown), cancellationToken).ConfigureAwait(false);
            return;
        }

        var praise = await selection.AskedByManagerAsync(turn, choice, cancellationToken).ConfigureAwait(false);
        await TeamProgressCommands.SendAsync(turn, LeaderboardCard.Build(text, locale, snapshot, view, praise), choice.Hint, cancellationToken).ConfigureAwait(false);
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
        var (period, known) = await TeamProgressCommands.PeriodAsync(reader, choice.TenantId, teamId, word, cancellationToken).ConfigureAwait(false);
        if (known && (period is null || word.Length == 0))
        {
            return CardActionResult.Text(TeamProgressCommands.UnknownPeriod(text, locale, word));
        }

        if (!Leaderboard.TryParseView(action.GetString(LeaderboardCard.ViewKey) ?? Leaderboard.RankingWord, out var view))
        {
            return CardActionResult.Text(text.Get(locale, TeamProgressTextKeys.StaleCard));
        }

        var snapshot = period is { } shown
            ? await reader.ReadAsync(choice.TenantId, teamId, shown, locale, view == LeaderboardView.Improved, cancellationToken).ConfigureAwait(false)
            : null;
        if (snapshot is null)
        {
            return CardActionResult.Text(text.Get(locale, TeamProgressTextKeys.NotAllowed));
        }

        var praise = await selection.AskedByManagerAsync(turn, choice, cancellationToken).ConfigureAwait(false);
        return CardActionResult.UpdateCard(LeaderboardCard.Build(text, locale, snapshot, view, praise));
    }
}
