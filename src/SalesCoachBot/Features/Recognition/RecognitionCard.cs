using System.Globalization;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Recognition;

/// <summary>A person praised: their Teams id (for the mention) and display name.</summary>
internal sealed record PraisedPerson(string TeamsUserId, string Name);

/// <summary>What the recognition card shows.</summary>
internal sealed record RecognitionCardView(string GiverName, IReadOnlyList<PraisedPerson> Receivers, string Reason, string? Value, int Points, string TeamName);

/// <summary>
/// The recognition card posted in the team channel: who praised whom (each receiver @mentioned, so Teams notifies them),
/// why, the company value and the points. The reason is what a person typed: shown as a text run, never as Markdown.
/// </summary>
internal static class RecognitionCard
{
    public static AdaptiveCard Build(BotText text, string? locale, RecognitionCardView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var card = new AdaptiveCard { MsTeams = TeamsCardProperties.FullWidth() };
        var mentions = view.Receivers.Select(r => card.Mention(new ChannelAccount { Id = r.TeamsUserId, Name = r.Name })).ToList();
        var names = BotText.List(locale, view.Receivers.Select(r => r.Name));
        List<CardFact> facts = [new(text.Get(locale, RecognitionTextKeys.CardTeam), view.TeamName)];
        if (view.Value is not null)
        {
            facts.Add(new(text.Get(locale, RecognitionTextKeys.CardValue), "#" + view.Value));
        }

        var points = view.Points.ToString(CultureInfo.InvariantCulture);
        facts.Add(new(text.Get(locale, RecognitionTextKeys.CardPoints),
            view.Receivers.Count > 1 ? text.Get(locale, RecognitionTextKeys.CardPointsEach, points) : "+" + points));
        return new AdaptiveCard
        {
            MsTeams = card.MsTeams,
            FallbackText = text.Get(locale, RecognitionTextKeys.CardSummary, view.GiverName, names, BotText.Quote(view.Reason)),
            Body =
            [
                new TextBlock(text.Get(locale, RecognitionTextKeys.CardTitle)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Accent },
                new TextBlock(text.Get(locale, RecognitionTextKeys.CardPraised, Shown(view.GiverName), BotText.List(locale, mentions))) { Wrap = true },
                new RichTextBlock { Inlines = [new TextRun(view.Reason) { Size = TextSize.Medium, Italic = true }], Spacing = Spacing.Medium },
                new FactSet { Facts = facts },
            ],
        };
    }

    // The giver's name sits in a text beside the mentions: without angle brackets or line breaks it can neither fake a
    // mention nor break the line.
    private static string Shown(string name)
    {
        var cleaned = new string([.. name.Select(c => c is '\r' or '\n' or '\t' ? ' ' : c).Where(c => c is not ('<' or '>'))]).Trim();
        return cleaned.Length > 0 ? cleaned : "?";
    }

    /// <summary>
    /// The card as a message: the mention entities also on the activity, with their <c>&lt;at&gt;</c> texts as the
    /// message text (Teams notifies the people mentioned), and the summary for notifications.
    /// </summary>
    public static Activity ToActivity(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var activity = Activity.CreateCard(card, card.FallbackText);
        var mentions = card.MsTeams?.Entities ?? [];
        activity.Entities = [.. mentions.Select(e => Entity.ForMention(new ChannelAccount { Id = e.Mentioned!.Id, Name = e.Mentioned.Name }, e.Text!))];
        // Teams matches an activity's mention entities against its text: the people praised, one line above the card.
        activity.Text = string.Join(' ', mentions.Select(e => e.Text));
        return activity;
    }
}
