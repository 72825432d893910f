using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Onboarding;

/// <summary>Who the welcome card greets.</summary>
public enum WelcomeAudience
{
    /// <summary>A user who installed the bot or opened the 1:1 chat.</summary>
    Personal,
    /// <summary>A team the bot was added to (posted in its channel) or a group chat.</summary>
    Team,
}

/// <summary>
/// The card sent when the bot is installed: greets the user (1:1) or introduces the bot to a team, says what it
/// does and how to get help. Names come from Teams and are user text, so they only ever go into card fields.
/// </summary>
internal static class WelcomeCard
{
    public static AdaptiveCard Build(BotText text, string? locale, WelcomeAudience audience, string? name = null, TeamSetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var personal = audience == WelcomeAudience.Personal;
        var hasName = !string.IsNullOrWhiteSpace(name);
        var title = (personal, hasName) switch
        {
            (true, true) => text.Get(locale, WelcomeTextKeys.PersonalTitle, name!.Trim()),
            (true, false) => text.Get(locale, WelcomeTextKeys.PersonalTitleNoName),
            (false, true) => text.Get(locale, WelcomeTextKeys.TeamTitle, name!.Trim()),
            (false, false) => text.Get(locale, WelcomeTextKeys.TeamTitleNoName),
        };

        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(text.Get(locale, personal ? WelcomeTextKeys.PersonalBody : WelcomeTextKeys.TeamBody)) { Wrap = true },
        ];
        if (!personal && setup is not null)
        {
            var setupText = setup.ManagerNames.Count > 0
                ? text.Get(locale, WelcomeTextKeys.TeamSetup, setup.TeamName, setup.MemberCount, BotText.List(locale, setup.ManagerNames))
                : text.Get(locale, WelcomeTextKeys.TeamSetupNoManager, setup.TeamName, setup.MemberCount);
            body.Add(new TextBlock(setupText) { Wrap = true, Weight = TextWeight.Bolder });
            if (setup.SuggestedManagerNames.Count > 0)
            {
                body.Add(new TextBlock(text.Get(locale, WelcomeTextKeys.TeamSuggest, BotText.List(locale, setup.SuggestedManagerNames))) { Wrap = true, IsSubtle = true });
            }
        }

        if (!personal)
        {
            body.Add(new TextBlock(text.Get(locale, WelcomeTextKeys.TeamPrivacy)) { Wrap = true, IsSubtle = true });
        }

        body.Add(new TextBlock(text.Get(locale, personal ? WelcomeTextKeys.PersonalHint : WelcomeTextKeys.TeamHint))
        {
            Wrap = true,
            Spacing = Spacing.Medium,
            Color = TextColor.Accent,
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction(HelpTopic.ShowHelpVerb, text.Get(locale, WelcomeTextKeys.HelpButton))],
        };
    }
}
