using SalesCoachBot.Data;

namespace SalesCoachBot.Contacts;

/// <summary>
/// The team a 1:1 command is about, out of the caller's teams: <see cref="Team"/> null when the caller has several and
/// the words name none (the command then answers with the list of them). <see cref="Rest"/>: the words after the team's
/// name (all of them when none was named); <see cref="Named"/>: the words started with the name.
/// </summary>
internal sealed record TeamPick(SalesTeam? Team, string Rest, bool Named);

/// <summary>
/// "Name the team first when you are in several": the one rule every 1:1 command that works on one of the caller's
/// teams picks it by (agenda, scorecard, commission). Pure: the caller decides which teams are the caller's.
/// </summary>
internal static class TeamChooser
{
    /// <summary>
    /// The team whose name the words start with (the longest such name, ignoring case, ending at a word boundary), else
    /// the only team; null among several.
    /// </summary>
    public static TeamPick Choose(IReadOnlyList<SalesTeam> teams, string words)
    {
        ArgumentNullException.ThrowIfNull(teams);
        words = (words ?? string.Empty).Trim();
        var named = teams.Where(t => StartsWithName(words, t.Name)).OrderByDescending(t => t.Name.Length).FirstOrDefault();
        if (named is not null)
        {
            return new(named, words[named.Name.Length..].TrimStart(' ', ':', '：'), Named: true);
        }

        return new(teams.Count == 1 ? teams[0] : null, words, Named: false);
    }

    // A name ends at the end of the words, at a separator, or before Chinese text (which has no spaces).
    private static bool StartsWithName(string words, string name) =>
        name.Length > 0 && words.StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && (words.Length == name.Length || !char.IsLetterOrDigit(words[name.Length]) || !char.IsAscii(words[name.Length]));
}
