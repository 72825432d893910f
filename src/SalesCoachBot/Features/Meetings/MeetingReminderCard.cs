using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Meetings;

/// <summary>The reminder in the team channel shortly before the weekly meeting (or the monthly review), with a button to the agenda post when it is known.</summary>
internal static class MeetingReminderCard
{
    public static AdaptiveCard Build(BotText text, string? locale, string teamName, string startsAt, int minutes, Uri? agendaLink, bool review = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = text.Get(locale, review ? MeetingsTextKeys.ReviewReminderTitle : MeetingsTextKeys.ReminderTitle, teamName);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(text.Get(locale, MeetingsTextKeys.ReminderText, startsAt, minutes)) { Wrap = true },
        ];
        if (agendaLink is null)
        {
            body.Add(new TextBlock(text.Get(locale, MeetingsTextKeys.ReminderNoAgenda)) { IsSubtle = true, Wrap = true, Size = TextSize.Small });
        }

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = title,
            Actions = agendaLink is null ? [] : [new OpenUrlAction(text.Get(locale, MeetingsTextKeys.ReminderOpenAgenda), agendaLink)],
        };
    }
}
