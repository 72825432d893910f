using System.Globalization;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// The weekly meeting's agenda (or the monthly review's, <see cref="AgendaKind.Review"/>: its title, the month's wins and
/// praise, and how to turn the review off), posted in the team channel and shown by <c>agenda</c>: when, the period's
/// results against targets with pace (a block per KPI), wins, praise, who is behind, the team's items; sections without
/// content are left out. Names, customers
/// and items are people's own text: shown as text runs, never as Markdown. The last line says how to add an item and
/// how a manager turns agendas off.
/// </summary>
internal static class AgendaCard
{
    public static AdaptiveCard Build(BotText text, string? locale, AgendaView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var review = view.Kind == AgendaKind.Review;
        var title = text.Get(locale, review ? MeetingsTextKeys.ReviewTitle : MeetingsTextKeys.AgendaTitle, view.TeamName);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(view.When) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        ];

        foreach (var results in view.Results)
        {
            body.Add(Heading(text.Get(locale, MeetingsTextKeys.ResultsHeading, results.PeriodName, results.KpiName)));
            body.Add(Line(text, locale, results.Team, bold: true));
            body.AddRange(results.Reps.Select(r => Line(text, locale, r, bold: false)));
        }

        if (view.Wins.Count > 0)
        {
            body.Add(Heading(text.Get(locale, review ? MeetingsTextKeys.ReviewWinsHeading : MeetingsTextKeys.WinsHeading)));
            body.AddRange(view.Wins.Select(w => Runs(w.Customer is { Length: > 0 } customer
                ? text.Get(locale, MeetingsTextKeys.WinCustomer, w.Name, w.Amount, customer)
                : text.Get(locale, MeetingsTextKeys.Win, w.Name, w.Amount))));
        }

        if (view.Praise.Count > 0)
        {
            body.Add(Heading(text.Get(locale, review ? MeetingsTextKeys.ReviewPraiseHeading : MeetingsTextKeys.PraiseHeading)));
            body.AddRange(view.Praise.Select(p => Runs(text.Get(locale, MeetingsTextKeys.PraiseLine, p.Giver, p.Receivers, p.Reason))));
        }

        if (view.Behind.Count > 0)
        {
            body.Add(Heading(text.Get(locale, MeetingsTextKeys.BehindHeading)));
            body.Add(Runs(BotText.List(locale, view.Behind)));
        }

        if (view.Items.Count > 0)
        {
            body.Add(Heading(text.Get(locale, MeetingsTextKeys.ItemsHeading)));
            body.AddRange(view.Items.Select((item, i) => Runs(item.AddedBy is { Length: > 0 } by
                ? text.Get(locale, MeetingsTextKeys.ItemBy, (i + 1).ToString(CultureInfo.InvariantCulture), item.Text, by)
                : text.Get(locale, MeetingsTextKeys.Item, (i + 1).ToString(CultureInfo.InvariantCulture), item.Text))));
        }

        AddActions(text, locale, view, body);
        body.Add(new TextBlock(text.Get(locale, review ? MeetingsTextKeys.ReviewFooter : MeetingsTextKeys.AgendaFooter)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        return new AdaptiveCard { Body = body, FallbackText = title, Actions = [ActionForm.OpenButton(text, locale, view.TeamId)] };
    }

    public static Activity ToActivity(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Activity.CreateCard(card, card.FallbackText);
    }

    private static TextBlock Heading(string value) => new(value) { Weight = TextWeight.Bolder, Wrap = true, Separator = true };

    private static RichTextBlock Line(BotText text, string? locale, AgendaLine line, bool bold)
    {
        var value = line.Target is { } target
            ? text.Get(locale, MeetingsTextKeys.ResultLine, line.Name, line.Actual, target, line.Percent ?? "—", line.Status)
            : text.Get(locale, MeetingsTextKeys.ResultLineNoTarget, line.Name, line.Actual);
        return new RichTextBlock
        {
            Inlines = [new TextRun(value) { Weight = bold ? TextWeight.Bolder : null, Color = line.Target is null ? null : Sales.SalesFormat.ColorOf(line.Pace) }],
            Spacing = Spacing.Small,
        };
    }

    private static RichTextBlock Runs(string value) => new() { Inlines = [new TextRun(value)], Spacing = Spacing.Small };

    // Action items (issue 12, point 5): open ones (overdue in red), then those done since the previous meeting.
    private static void AddActions(BotText text, string? locale, AgendaView view, List<CardElement> body)
    {
        if (view.Actions.Count == 0)
        {
            return;
        }

        body.Add(Heading(text.Get(locale, MeetingsTextKeys.AgendaActionsHeading)));
        foreach (var action in view.Actions.OrderBy(a => a.Done).ThenBy(a => a.Number))
        {
            var number = action.Number.ToString(CultureInfo.InvariantCulture);
            var line = action switch
            {
                { Done: true } => text.Get(locale, MeetingsTextKeys.ActionLineDone, number, action.Text, action.Owner),
                { Due: { } due, Overdue: true } => text.Get(locale, MeetingsTextKeys.ActionLineOverdue, number, action.Text, action.Owner, due),
                { Due: { } due } => text.Get(locale, MeetingsTextKeys.ActionLineDue, number, action.Text, action.Owner, due),
                _ => text.Get(locale, MeetingsTextKeys.ActionLine, number, action.Text, action.Owner),
            };
            body.Add(new RichTextBlock
            {
                Inlines = [new TextRun(line) { Color = action.Overdue ? TextColor.Attention : action.Done ? TextColor.Good : null, IsSubtle = action.Done ? true : null }],
                Spacing = Spacing.Small,
            });
        }
    }
}
