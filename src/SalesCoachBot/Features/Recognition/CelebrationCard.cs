using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Recognition;

/// <summary>The rep a celebration is about: member row id (for the praise button), Teams id (for the mention) and name.</summary>
internal sealed record CelebratedRep(long MemberId, string TeamsUserId, string Name);

/// <summary>
/// What a celebration card shows, its figures already formatted in the card's language. <see cref="Rep"/> is null for
/// the team's target; <see cref="Target"/> and <see cref="PeriodName"/> are null for a big deal. <see cref="Personal"/>:
/// the card goes to the rep's 1:1 chat, so it speaks to them: because they chose not to be celebrated in the channel, or
/// (<see cref="ChannelUnknown"/>) because the bot knows no channel of the team to post in.
/// </summary>
internal sealed record CelebrationCardView(
    CelebrationKind Kind, long TeamId, string TeamName, CelebratedRep? Rep, string KpiName, string Amount, string? Target, string? PeriodName,
    string? Customer, string PraiseReason, bool Personal = false, bool ChannelUnknown = false);

/// <summary>
/// The automatic celebration card: a big deal, a rep's monthly target reached (the rep @mentioned, in the card's
/// <c>msteams.entities</c> and the activity, so Teams notifies them) or the team's. It says how to turn celebrations
/// off, and in the channel a rep's card has "Add your praise" (the praise form, with the reason filled in). A team's
/// card has no such button: the praise form is for people, and a team target is everyone's.
/// </summary>
internal static class CelebrationCard
{
    public static AdaptiveCard Build(BotText text, string? locale, CelebrationCardView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var card = new AdaptiveCard { MsTeams = TeamsCardProperties.FullWidth() };
        var mention = view.Rep is { } rep && !view.Personal ? card.Mention(new ChannelAccount { Id = rep.TeamsUserId, Name = rep.Name }) : null;
        var (titleKey, line) = Line(text, locale, view, mention ?? view.Rep?.Name);
        List<CardElement> body =
        [
            new TextBlock(text.Get(locale, titleKey)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Accent, Wrap = true },
            new TextBlock(line) { Wrap = true, Size = TextSize.Medium },
        ];
        if (view.Customer is { Length: > 0 } customer)
        {
            // The customer is what someone typed or a CRM sent: a text run, never Markdown.
            body.Add(new RichTextBlock { Inlines = [new TextRun(text.Get(locale, CelebrationTextKeys.Customer, customer))], Spacing = Spacing.Small });
        }

        var footer = !view.Personal ? text.Get(locale, CelebrationTextKeys.HowToChange)
            : view.ChannelUnknown ? text.Get(locale, CelebrationTextKeys.NoChannel, view.TeamName)
            : text.Get(locale, CelebrationTextKeys.OnlyYou);
        body.Add(new TextBlock(footer)
        {
            IsSubtle = true,
            Size = TextSize.Small,
            Wrap = true,
            Separator = true,
        });
        List<CardButton> actions = [];
        if (view.Rep is { } praised && !view.Personal)
        {
            actions.Add(new ExecuteAction(PraiseFormActions.OpenVerb, text.Get(locale, CelebrationTextKeys.AddPraise), new Dictionary<string, object?>
            {
                [PraiseFormActions.TeamIdKey] = view.TeamId.ToString(CultureInfo.InvariantCulture),
                [PraiseFormActions.MemberIdKey] = praised.MemberId.ToString(CultureInfo.InvariantCulture),
                [PraiseFormActions.ReasonKey] = view.PraiseReason,
            }));
        }

        return new AdaptiveCard
        {
            MsTeams = card.MsTeams,
            FallbackText = Line(text, locale, view, view.Rep?.Name).Line,
            Body = body,
            Actions = actions.Count > 0 ? actions : null,
        };
    }

    /// <summary>
    /// The card as a message: the mention entities also on the activity, with their <c>&lt;at&gt;</c> texts as the
    /// message text (Teams notifies the rep), and the summary for notifications.
    /// </summary>
    public static Activity ToActivity(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var activity = Activity.CreateCard(card, card.FallbackText);
        var mentions = card.MsTeams?.Entities ?? [];
        if (mentions.Count > 0)
        {
            activity.Entities = [.. mentions.Select(e => Entity.ForMention(new ChannelAccount { Id = e.Mentioned!.Id, Name = e.Mentioned.Name }, e.Text!))];
            activity.Text = string.Join(' ', mentions.Select(e => e.Text));
        }

        return activity;
    }

    private static (string TitleKey, string Line) Line(BotText text, string? locale, CelebrationCardView view, string? who) => view.Kind switch
    {
        CelebrationKind.BigDeal => (CelebrationTextKeys.BigDealTitle, view.Personal
            ? text.Get(locale, CelebrationTextKeys.BigDealYou, view.Amount, view.KpiName)
            : text.Get(locale, CelebrationTextKeys.BigDealText, who, view.Amount, view.KpiName)),
        CelebrationKind.RepTarget => (CelebrationTextKeys.RepTargetTitle, view.Personal
            ? text.Get(locale, CelebrationTextKeys.RepTargetYou, view.PeriodName, view.KpiName, view.Amount, view.Target)
            : text.Get(locale, CelebrationTextKeys.RepTargetText, who, view.PeriodName, view.KpiName, view.Amount, view.Target)),
        _ => (CelebrationTextKeys.TeamTargetTitle,
            text.Get(locale, CelebrationTextKeys.TeamTargetText, view.TeamName, view.PeriodName, view.KpiName, view.Amount, view.Target)),
    };
}
