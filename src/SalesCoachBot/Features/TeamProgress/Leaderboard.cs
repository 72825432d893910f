using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.TeamProgress;

public enum LeaderboardView
{
    /// <summary>By % of target of the primary KPI.</summary>
    Ranking = 0,

    /// <summary>By gain in pace index versus the previous period at the same point (see <see cref="TeamProgressReader"/>).</summary>
    Improved = 1,
}

/// <summary>A leaderboard line: the rank (null for reps who cannot be ranked: no target, or nothing to compare).</summary>
internal sealed record LeaderboardEntry(int? Rank, RepProgress Rep, Pace Pace);

/// <summary>
/// Orders a team's reps for the leaderboard. Ranking: % of target of the primary KPI, highest first; ties broken by the
/// actual (more is better), then by name; reps equal on both share a rank (1, 1, 3). Most improved: gain in points,
/// ties broken by the current pace index, then by name. Reps who cannot be ranked come last, by name.
/// </summary>
internal static class Leaderboard
{
    public const string RankingWord = "ranking";
    public const string ImprovedWord = "improved";

    /// <param name="locale">Whose name order breaks the last ties (pinyin in Chinese, alphabetical in English).</param>
    public static IReadOnlyList<LeaderboardEntry> Rank(TeamProgressSnapshot snapshot, LeaderboardView view, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var names = BotText.NameOrder(locale);
        if (snapshot.Primary is not { } primary)
        {
            return [];
        }

        var lines = snapshot.Reps.Select(r => (Rep: r, Pace: r.PaceOf(primary.Id))).ToList();
        var ranked = view == LeaderboardView.Improved
            ? lines.Where(l => l.Rep.Improvement is not null)
                .Select(l => (l.Rep, l.Pace, Key: (l.Rep.Improvement!.Gain, l.Rep.Improvement.CurrentIndex)))
                .ToList()
            : lines.Where(l => l.Pace.PercentDone is not null)
                .Select(l => (l.Rep, l.Pace, Key: (l.Pace.PercentDone!.Value, l.Pace.Actual)))
                .ToList();
        ranked = [.. ranked.OrderByDescending(l => l.Key.Item1).ThenByDescending(l => l.Key.Item2).ThenBy(l => l.Rep.Name, names)];

        var entries = new List<LeaderboardEntry>(lines.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].Key == ranked[i - 1].Key ? entries[i - 1].Rank : i + 1;
            entries.Add(new LeaderboardEntry(rank, ranked[i].Rep, ranked[i].Pace));
        }

        var rankedIds = ranked.Select(r => r.Rep.MemberId).ToHashSet();
        entries.AddRange(lines.Where(l => !rankedIds.Contains(l.Rep.MemberId))
            .OrderBy(l => l.Rep.Name, names)
            .Select(l => new LeaderboardEntry(null, l.Rep, l.Pace)));
        return entries;
    }

    /// <summary>Reads a view word: ranking|rank|排名 or improved|most-improved|improvement|进步|进步最快.</summary>
    public static bool TryParseView(string? word, out LeaderboardView view)
    {
        switch (TypedText.Normalize(word).Trim().ToLowerInvariant())
        {
            case RankingWord or "rank" or "排名":
                view = LeaderboardView.Ranking;
                return true;
            case ImprovedWord or "most-improved" or "improvement" or "进步" or "进步最快":
                view = LeaderboardView.Improved;
                return true;
            default:
                view = default;
                return false;
        }
    }

    public static string WordOf(LeaderboardView view) => view == LeaderboardView.Improved ? ImprovedWord : RankingWord;

    /// <summary>The medal of the top three ranks.</summary>
    public static string? MedalOf(int? rank) => rank switch
    {
        1 => "🥇",
        2 => "🥈",
        3 => "🥉",
        _ => null,
    };
}
