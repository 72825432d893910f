using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Help;

/// <summary>
/// The help topics features registered, limited to commands that are really routed, so the help card never offers a
/// command that would fall through to "I didn't understand".
/// </summary>
internal sealed class HelpCatalog
{
    private readonly IReadOnlyList<HelpTopic> _topics;

    public HelpCatalog(IEnumerable<HelpTopic> topics, BotRoutes routes)
        : this(topics, routes?.CommandWords ?? throw new ArgumentNullException(nameof(routes)))
    {
    }

    internal HelpCatalog(IEnumerable<HelpTopic> topics, IEnumerable<string> routedWords)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var routed = routedWords.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _topics = topics
            .Where(t => routed.Contains(t.Command) && routed.Contains(t.ChineseCommand))
            .DistinctBy(t => t.Command, StringComparer.OrdinalIgnoreCase)
            // The registered topic itself when all its words are routed, so it stays equal to the feature's own.
            .Select(t => t.OtherWords.All(routed.Contains) ? t : t with { OtherWords = [.. t.OtherWords.Where(routed.Contains)] })
            .ToList();
    }

    /// <summary>All routed topics, in registration order.</summary>
    public IReadOnlyList<HelpTopic> Topics => _topics;

    /// <summary>The topics that work in a conversation type.</summary>
    public IReadOnlyList<HelpTopic> For(string conversationType) => _topics.Where(t => t.WorksIn(conversationType)).ToList();

    /// <summary>The topic of a command word (English, Chinese or another of its words), or null.</summary>
    public HelpTopic? Find(string word) => _topics.FirstOrDefault(t => t.Words.Contains(word, StringComparer.OrdinalIgnoreCase));
}
