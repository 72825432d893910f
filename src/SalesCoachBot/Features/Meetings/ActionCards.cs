using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Meetings;

/// <summary>One team's open action items for <c>actions</c>: the team's name and its items.</summary>
internal sealed record ActionListSection(string TeamName, IReadOnlyList<ActionItemView> Items);

/// <summary>
/// <c>actions</c> · <c>行动项</c>: the open action items of one team (or, in the 1:1 chat of a member of several teams,
/// of each), by number, with owner and due date, overdue ones in red. Texts and names are people's own: text runs.
/// </summary>
internal static class ActionListCard
{
    public static AdaptiveCard Build(BotText text, string? locale, IReadOnlyList<ActionListSection> sections, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sections);
        var title = text.Get(locale, MeetingsTextKeys.ActionsTitle, BotText.List(locale, sections.Select(s => s.TeamName)));
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true }];
        foreach (var section in sections)
        {
            if (sections.Count > 1)
            {
                body.Add(new TextBlock(section.TeamName) { Weight = TextWeight.Bolder, Wrap = true, Separator = true });
            }

            if (section.Items.Count == 0)
            {
                body.Add(new TextBlock(text.Get(locale, MeetingsTextKeys.ActionsNone)) { IsSubtle = true, Wrap = true });
                continue;
            }

            foreach (var item in section.Items)
            {
                var overdue = item.DueDate < today;
                var number = item.Number.ToString(CultureInfo.InvariantCulture);
                var line = item.DueDate is { } due
                    ? text.Get(locale, overdue ? MeetingsTextKeys.ActionLineOverdue : MeetingsTextKeys.ActionLineDue, number, item.Text, item.OwnerName, ActionItemDesk.DueText(locale, due))
                    : text.Get(locale, MeetingsTextKeys.ActionLine, number, item.Text, item.OwnerName);
                body.Add(new RichTextBlock { Inlines = [new TextRun(line) { Color = overdue ? TextColor.Attention : null }], Spacing = Spacing.Small });
            }
        }

        body.Add(new TextBlock(text.Get(locale, MeetingsTextKeys.ActionsFooter)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        return new AdaptiveCard { Body = body, FallbackText = title };
    }
}

/// <summary>
/// The due reminder in the owner's 1:1 chat: the item, when it was due, a Done button, and how to turn reminders off
/// (a one-click opt-out of <see cref="AutomaticMessageKinds.Reminders"/>, handled by the settings feature).
/// </summary>
internal static class ActionDueCard
{
    public static AdaptiveCard Build(BotText text, string? locale, string tenantId, long ownerId, string teamName, ActionItemView item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(item);
        var title = text.Get(locale, MeetingsTextKeys.ActionDueTitle, teamName);
        var due = item.DueDate ?? today;
        var line = text.Get(locale, MeetingsTextKeys.ActionLine, item.Number.ToString(CultureInfo.InvariantCulture), item.Text, item.OwnerName);
        return new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
                new RichTextBlock { Inlines = [new TextRun(line) { Weight = TextWeight.Bolder }] },
                new TextBlock(text.Get(locale, due < today ? MeetingsTextKeys.ActionDueOverdue : MeetingsTextKeys.ActionDueToday, ActionItemDesk.DueText(locale, due)))
                {
                    Color = due < today ? TextColor.Attention : null,
                    Wrap = true,
                },
                new TextBlock(text.Get(locale, MeetingsTextKeys.ActionDueFooter)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true },
            ],
            Actions =
            [
                new ExecuteAction(ActionForm.DoneVerb, text.Get(locale, MeetingsTextKeys.ActionDueDone), new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    [ActionForm.TeamIdKey] = item.SalesTeamId.ToString(CultureInfo.InvariantCulture),
                    [ActionForm.ItemIdKey] = item.Id.ToString(CultureInfo.InvariantCulture),
                    [ActionForm.TenantKey] = tenantId,
                })
                {
                    Style = ActionStyle.Positive,
                },
                new ExecuteAction(OptOutActions.Verb, text.Get(locale, MeetingsTextKeys.ActionDueStop), OptOutActions.Data(AutomaticMessageKinds.Reminders, tenantId, ownerId)),
            ],
        };
    }
}
