namespace SalesCoachBot.Features.SalesTeams;

/// <summary>Text keys of the manager command (a test checks each exists in every locale).</summary>
internal static class ManagerTextKeys
{
    public const string Help = "manager.help";
    public const string HelpArguments = "manager.help.args";
    public const string NotInChannel = "manager.notInChannel";
    public const string TeamUnknown = "manager.teamUnknown";
    public const string NotAllowed = "manager.notAllowed";
    public const string Usage = "manager.usage";
    public const string Added = "manager.added";
    public const string Already = "manager.already";
    public const string Removed = "manager.removed";
    public const string NotManager = "manager.notManager";
    public const string LastManager = "manager.lastManager";
    public const string NotMember = "manager.notMember";
}
