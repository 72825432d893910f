using System.Globalization;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Feedback;

/// <summary>A rep the nudge names: days since their last private feedback, or since they joined when they never had any.</summary>
internal sealed record DueRep(long MemberId, string Name, int Days, bool Never);

/// <summary>
/// The cadence nudge in a manager's 1:1 chat: the reps due for feedback, each with "Write feedback" (the feedback form,
/// the rep chosen) and "Snooze" (1, 2 or 4 weeks), and how to change the cadence or turn the nudge off. It names people
/// and days only, never what anyone wrote.
/// </summary>
internal static class FeedbackNudgeCard
{
    public const string SnoozeVerb = "feedback.snooze";
    public const string ManagerKey = "managerId";
    public const string RepKey = "repId";
    public const string WeeksKey = "weeks";

    /// <summary>The snoozes offered, in weeks.</summary>
    public static IReadOnlyList<int> SnoozeWeeks { get; } = [1, 2, 4];

    public static AdaptiveCard Build(BotText text, string? locale, long managerId, IReadOnlyList<DueRep> reps)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reps);
        var title = text.Get(locale, FeedbackTextKeys.NudgeTitle);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(text.Get(locale, FeedbackTextKeys.NudgeIntro)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        ];
        foreach (var rep in reps)
        {
            var days = rep.Never
                ? text.Get(locale, FeedbackTextKeys.NudgeNever, rep.Days)
                : text.Get(locale, FeedbackTextKeys.NudgeDays, rep.Days);
            body.Add(new Container
            {
                Separator = true,
                Spacing = Spacing.Medium,
                Items =
                [
                    new TextBlock(rep.Name) { Weight = TextWeight.Bolder, Wrap = true },
                    new TextBlock(days) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
                    new ActionSet
                    {
                        Actions =
                        [
                            new ExecuteAction(FeedbackForm.ShowVerb, text.Get(locale, FeedbackTextKeys.NudgeWrite), FeedbackForm.ShowData(rep.MemberId))
                            {
                                Style = ActionStyle.Positive,
                            },
                            new ShowCardAction(text.Get(locale, FeedbackTextKeys.NudgeSnooze), new AdaptiveCard
                            {
                                Body = [new TextBlock(text.Get(locale, FeedbackTextKeys.NudgeSnoozeFor, rep.Name)) { Wrap = true }],
                                Actions = [.. SnoozeWeeks.Select(weeks => (CardButton)new ExecuteAction(
                                    SnoozeVerb, weeks == 1 ? text.Get(locale, FeedbackTextKeys.NudgeOneWeek) : text.Get(locale, FeedbackTextKeys.NudgeWeeks, weeks), SnoozeData(managerId, rep.MemberId, weeks)))],
                            }),
                        ],
                    },
                ],
            });
        }

        body.Add(new TextBlock(text.Get(locale, FeedbackTextKeys.NudgeCadence)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        body.Add(new TextBlock(text.Get(locale, FeedbackTextKeys.NudgeTurnOff)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
        return new AdaptiveCard { FallbackText = title, Body = body };
    }

    /// <summary>The data of a Snooze button: whom the nudge was for, which rep, how many weeks.</summary>
    public static Dictionary<string, object?> SnoozeData(long managerId, long repId, int weeks) => new(StringComparer.Ordinal)
    {
        [ManagerKey] = managerId.ToString(CultureInfo.InvariantCulture),
        [RepKey] = repId.ToString(CultureInfo.InvariantCulture),
        [WeeksKey] = weeks.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A snooze in weeks as the buttons send it (1, 2 or 4), or null when the data is not ours.</summary>
    public static int? ReadWeeks(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && SnoozeWeeks.Contains(weeks) ? weeks : null;
}
