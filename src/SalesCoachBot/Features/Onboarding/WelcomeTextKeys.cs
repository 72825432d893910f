namespace SalesCoachBot.Features.Onboarding;

/// <summary>Text keys of the welcome card (a test checks each exists in every locale).</summary>
internal static class WelcomeTextKeys
{
    public const string HelpButton = "welcome.button.help";
    public const string PersonalTitle = "welcome.personal.title";
    public const string PersonalTitleNoName = "welcome.personal.titleNoName";
    public const string PersonalBody = "welcome.personal.body";
    public const string PersonalHint = "welcome.personal.hint";
    public const string TeamTitle = "welcome.team.title";
    public const string TeamTitleNoName = "welcome.team.titleNoName";
    public const string TeamBody = "welcome.team.body";
    public const string TeamHint = "welcome.team.hint";
    public const string TeamPrivacy = "welcome.team.privacy";
    public const string Summary = "welcome.summary";
    public const string TeamSetup = "welcome.team.setup";
    public const string TeamSetupNoManager = "welcome.team.setupNoManager";
    public const string TeamSuggest = "welcome.team.suggest";
}
