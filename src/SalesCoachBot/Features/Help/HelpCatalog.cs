using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Help;

/// <summary>
/// The help topics features registered, limited to commands that are really routed, so the help card never offers a
/// command that would fall through to "I didn't understand".
/// </summary>
public sealed class HelpCatalog
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
            .ToList();
    }

    /// <summary>All routed topics, in registration order.</summary>
    public IReadOnlyList<HelpTopic> Topics => _topics;

    /// <summary>The topics that work in a conversation type.</summary>
    public IReadOnlyList<HelpTopic> For(string conversationType) => _topics.Where(t => t.WorksIn(conversationType)).ToList();

    /// <summary>The topic of a command word (English or Chinese), or null.</summary>
    public HelpTopic? Find(string word) => _topics.FirstOrDefault(t =>
        string.Equals(t.Command, word, StringComparison.OrdinalIgnoreCase) || string.Equals(t.ChineseCommand, word, StringComparison.Ordinal));

    /// <summary>"'targets' works only in our 1:1 chat." — for a command used in the wrong scope.</summary>
    public static string WhereItWorks(BotText text, string? locale, HelpTopic topic)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(topic);
        var places = new List<string>();
        if (topic.Scopes.HasFlag(HelpScopes.Personal))
        {
            places.Add(text.Get(locale, HelpTextKeys.ScopePersonal));
        }

        if (topic.Scopes.HasFlag(HelpScopes.Channel))
        {
            places.Add(text.Get(locale, HelpTextKeys.ScopeChannel));
        }

        if (topic.Scopes.HasFlag(HelpScopes.GroupChat))
        {
            places.Add(text.Get(locale, HelpTextKeys.ScopeGroupChat));
        }

        var word = BotText.IsChinese(locale) ? topic.ChineseCommand : topic.EnglishCommand;
        return text.Get(locale, HelpTextKeys.WrongScope, word, string.Join(text.Get(locale, HelpTextKeys.ScopeOr), places));
    }
}
