using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Help;

/// <summary>The help card: what works in the current conversation type, in the user's language.</summary>
internal static class HelpCard
{
    /// <summary>Used in the channel hint when the activity does not name the bot.</summary>
    public const string DefaultBotName = "SalesCoach";

    public static AdaptiveCard Build(BotText text, string? locale, string conversationType, IEnumerable<HelpTopic> topics, string? botName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(topics);
        var personal = HelpTopic.ScopeOf(conversationType) == HelpScopes.Personal;
        var chinese = BotText.IsChinese(locale);

        var facts = topics
            .Where(t => t.WorksIn(conversationType))
            .Select(t => new CardFact(Usage(text, locale, t, chinese), text.Get(locale, t.DescriptionKey)))
            .ToList();

        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock(text.Get(locale, personal ? HelpTextKeys.TitlePersonal : HelpTextKeys.TitleShared))
                {
                    Size = TextSize.Large,
                    Weight = TextWeight.Bolder,
                    Wrap = true,
                },
                new TextBlock(personal
                    ? text.Get(locale, HelpTextKeys.IntroPersonal)
                    : text.Get(locale, HelpTextKeys.IntroShared, string.IsNullOrWhiteSpace(botName) ? DefaultBotName : botName))
                {
                    IsSubtle = true,
                    Wrap = true,
                },
                new FactSet { Facts = facts, Spacing = Spacing.Medium },
            ],
        };
    }

    // Shows the word in the user's language first, then the others: every one of them is routed.
    private static string Usage(BotText text, string? locale, HelpTopic topic, bool chinese)
    {
        IEnumerable<string> all = chinese
            ? [topic.ChineseCommand, .. topic.OtherWords, topic.EnglishCommand]
            : [topic.EnglishCommand, topic.ChineseCommand, .. topic.OtherWords];
        var words = string.Join(" · ", all);
        return topic.ArgumentsKey is { } key ? $"{words} {text.Get(locale, key)}" : words;
    }

    /// <summary>The message activity carrying the help card, with an optional text above it.</summary>
    public static Activity ToActivity(AdaptiveCard card, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var activity = card.ToActivity();
        if (text is not null)
        {
            activity.Text = text;
            // The text quotes user input: plain, so Teams shows it as typed instead of as markup.
            activity.TextFormat = "plain";
        }

        return activity;
    }
}
