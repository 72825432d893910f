namespace SalesCoachBot.Features.Help;

/// <summary>Text keys of the help feature (help.*.json; a test checks each exists in every locale).</summary>
internal static class HelpTextKeys
{
    public const string TitlePersonal = "help.title.personal";
    public const string TitleShared = "help.title.shared";
    public const string IntroPersonal = "help.intro.personal";
    public const string IntroShared = "help.intro.shared";
    public const string CommandHelp = "help.command.help";
    public const string Unknown = "help.unknown";
    public const string Shown = "help.shown";
}
