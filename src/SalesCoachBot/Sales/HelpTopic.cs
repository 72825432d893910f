using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Sales;

/// <summary>Where a command works.</summary>
[Flags]
internal enum HelpScopes
{
    None = 0,
    Personal = 1,
    Channel = 2,
    GroupChat = 4,
    All = Personal | Channel | GroupChat,
}

/// <summary>
/// One line of the help card: a command (English and Chinese word), where it works and the text key of its description.
/// Features add theirs with <see cref="HelpTopicServiceCollectionExtensions.AddHelpTopic"/> when they register the command;
/// the help feature lists the ones whose words are routed.
/// </summary>
/// <param name="Command">The English command word, as routed.</param>
/// <param name="ChineseCommand">The Chinese alias, as routed.</param>
/// <param name="Scopes">Where the command works.</param>
/// <param name="DescriptionKey">Text key of what it does.</param>
/// <param name="ArgumentsKey">Optional text key of its arguments, e.g. "[week|month]".</param>
/// <param name="WrittenAs">How the English command is written when it is more than the routed word ("set target").</param>
internal sealed record HelpTopic(
    string Command, string ChineseCommand, HelpScopes Scopes, string DescriptionKey, string? ArgumentsKey = null, string? WrittenAs = null)
{
    /// <summary>The card action verb that shows the help card (buttons on other cards, e.g. the welcome card).</summary>
    public const string ShowHelpVerb = "help.show";

    /// <summary>
    /// More routed words for the same command, as people also say it (<c>撤回</c>, <c>取消</c> for undo). The help card
    /// shows them after the main words; only routed ones are shown.
    /// </summary>
    public IReadOnlyList<string> OtherWords { get; init; } = [];

    /// <summary>The English command as a user types it.</summary>
    public string EnglishCommand => WrittenAs ?? Command;

    /// <summary>Every word routed to this command: the English, the Chinese and the other words.</summary>
    public IEnumerable<string> Words => [Command, ChineseCommand, .. OtherWords];

    /// <summary>How a word that reached this command is written back to the person: <c>set</c> as "set target".</summary>
    public string WrittenForm(string word) => string.Equals(word, Command, StringComparison.OrdinalIgnoreCase) ? EnglishCommand : word;

    /// <summary>True when the command works in a Teams conversation type (personal, channel, groupChat).</summary>
    public bool WorksIn(string conversationType) => (Scopes & ScopeOf(conversationType)) != 0;

    /// <summary>The scope flag of a Teams conversation type; unknown types count as personal, as TurnContext does.</summary>
    public static HelpScopes ScopeOf(string? conversationType) => conversationType switch
    {
        ConversationTypes.Channel => HelpScopes.Channel,
        ConversationTypes.GroupChat => HelpScopes.GroupChat,
        _ => HelpScopes.Personal,
    };
}

/// <summary>How a feature puts its commands on the help card, without depending on the help feature.</summary>
internal static class HelpTopicServiceCollectionExtensions
{
    /// <summary>Adds a line to the help card. Only topics whose command words are routed are shown.</summary>
    public static IServiceCollection AddHelpTopic(this IServiceCollection services, HelpTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        services.AddSingleton(topic);
        return services;
    }
}
