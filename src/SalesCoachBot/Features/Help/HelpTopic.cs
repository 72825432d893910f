using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Features.Help;

/// <summary>Where a command works.</summary>
[Flags]
public enum HelpScopes
{
    None = 0,
    Personal = 1,
    Channel = 2,
    GroupChat = 4,
    All = Personal | Channel | GroupChat,
}

/// <summary>
/// One line of the help card: a command (English and Chinese word), where it works and the text key of its description.
/// Features add theirs with <see cref="HelpServiceCollectionExtensions.AddHelpTopic"/> when they register the command.
/// </summary>
/// <param name="Command">The English command word, as routed.</param>
/// <param name="ChineseCommand">The Chinese alias, as routed.</param>
/// <param name="Scopes">Where the command works.</param>
/// <param name="DescriptionKey">Text key of what it does.</param>
/// <param name="ArgumentsKey">Optional text key of its arguments, e.g. "[week|month]".</param>
/// <param name="WrittenAs">How the English command is written when it is more than the routed word ("set target").</param>
public sealed record HelpTopic(
    string Command, string ChineseCommand, HelpScopes Scopes, string DescriptionKey, string? ArgumentsKey = null, string? WrittenAs = null)
{
    /// <summary>The English command as a user types it.</summary>
    public string EnglishCommand => WrittenAs ?? Command;

    /// <summary>The help command itself.</summary>
    public static HelpTopic Help { get; } = new("help", "帮助", HelpScopes.All, HelpTextKeys.CommandHelp);

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

/// <summary>Text keys of the help feature (a test checks each exists in every locale).</summary>
public static class HelpTextKeys
{
    public const string TitlePersonal = "help.title.personal";
    public const string TitleShared = "help.title.shared";
    public const string IntroPersonal = "help.intro.personal";
    public const string IntroShared = "help.intro.shared";
    public const string CommandHelp = "help.command.help";
    public const string Unknown = "help.unknown";
    public const string Shown = "help.shown";
    public const string Button = "help.button";
    public const string WrongScope = "help.wrongScope";
    public const string ScopePersonal = "help.scope.personal";
    public const string ScopeChannel = "help.scope.channel";
    public const string ScopeGroupChat = "help.scope.groupChat";
    public const string ScopeOr = "help.scope.or";
}
