using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Feedback;

/// <summary>One line of the history: a feedback note or a recognition, at its time.</summary>
internal sealed record HistoryItem(DateTimeOffset At, FeedbackView? Feedback, RecognitionEntry? Recognition);

/// <summary>
/// The feedback cards: the rep's card (with Acknowledge), the manager's copy (with whether it was acknowledged), the
/// history of what a member received (paged with More) and of what a manager gave one rep. What people wrote is shown
/// in text runs, never as Markdown.
/// </summary>
internal static class FeedbackCards
{
    public const string AcknowledgeVerb = "feedback.ack";
    public const string MoreVerb = "feedback.more";
    public const string FeedbackIdKey = "feedbackId";
    public const string BeforeKey = "before";

    public static AdaptiveCard ForRep(BotText text, string? locale, FeedbackView view, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var note = view.Note;
        var title = text.Get(locale, FeedbackTextKeys.CardTitle, KindName(text, locale, note.Kind), view.GiverName);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(text.Get(locale, FeedbackTextKeys.CardSent, SalesFormat.DateTime(locale, note.GivenAt, zone))) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        ];
        body.AddRange(Content(text, locale, note));
        body.Add(new TextBlock(text.Get(locale, FeedbackTextKeys.CardPrivate, view.GiverName)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        List<CardButton> actions = [];
        if (note.AcknowledgedAt is { } at)
        {
            body.Add(new TextBlock(text.Get(locale, FeedbackTextKeys.CardAcknowledged, SalesFormat.DateTime(locale, at, zone))) { Color = TextColor.Good, Weight = TextWeight.Bolder, Wrap = true });
        }
        else
        {
            actions.Add(new ExecuteAction(AcknowledgeVerb, text.Get(locale, FeedbackTextKeys.CardAcknowledge), IdData(note.Id)) { Style = ActionStyle.Positive });
        }

        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions };
    }

    /// <summary>The manager's copy, in their 1:1 chat: what was sent, to whom, and whether it was acknowledged.</summary>
    public static AdaptiveCard GiverCopy(BotText text, string? locale, FeedbackView view, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var note = view.Note;
        var title = text.Get(locale, FeedbackTextKeys.CopyTitle, KindName(text, locale, note.Kind), view.ReceiverName);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(text.Get(locale, FeedbackTextKeys.CopySent, view.ReceiverName, SalesFormat.DateTime(locale, note.GivenAt, zone)))
            {
                IsSubtle = true,
                Wrap = true,
                Spacing = Spacing.None,
            },
        ];
        body.AddRange(Content(text, locale, note));
        body.Add(Status(text, locale, view, zone, separator: true));
        return new AdaptiveCard { FallbackText = title, Body = body };
    }

    /// <summary>What the member received, newest first; <paramref name="before"/> (the last shown) when there is more.</summary>
    public static AdaptiveCard History(BotText text, string? locale, IReadOnlyList<HistoryItem> items, TimeZoneInfo zone, DateTimeOffset? before)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(items);
        var title = text.Get(locale, FeedbackTextKeys.HistoryTitle);
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true }];
        if (items.Count == 0)
        {
            body.Add(new TextBlock(text.Get(locale, FeedbackTextKeys.HistoryEmpty)) { IsSubtle = true, Wrap = true });
        }

        foreach (var item in items)
        {
            body.Add(item.Feedback is { } feedback ? Received(text, locale, feedback, zone) : Recognised(text, locale, item.Recognition!, zone));
        }

        List<CardButton> actions = [];
        if (before is { } cursor)
        {
            actions.Add(new ExecuteAction(MoreVerb, text.Get(locale, FeedbackTextKeys.HistoryMore), new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [BeforeKey] = cursor.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            }));
        }

        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions };
    }

    /// <summary>What a manager gave one rep, newest first, with a button to write more.</summary>
    public static AdaptiveCard Given(BotText text, string? locale, long receiverId, string receiverName, IReadOnlyList<FeedbackView> given, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(given);
        var title = text.Get(locale, FeedbackTextKeys.GivenTitle, receiverName);
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true }];
        if (given.Count == 0)
        {
            body.Add(new TextBlock(text.Get(locale, FeedbackTextKeys.GivenEmpty, receiverName)) { IsSubtle = true, Wrap = true });
        }

        foreach (var view in given)
        {
            body.Add(new Container
            {
                Separator = true,
                Spacing = Spacing.Medium,
                Items =
                [
                    new TextBlock(KindName(text, locale, view.Note.Kind) + " · " + SalesFormat.DateTime(locale, view.Note.GivenAt, zone)) { Weight = TextWeight.Bolder, Wrap = true },
                    .. Content(text, locale, view.Note),
                    Status(text, locale, view, zone, separator: false),
                ],
            });
        }

        return new AdaptiveCard
        {
            FallbackText = title,
            Body = body,
            Actions = [new ExecuteAction(FeedbackForm.ShowVerb, text.Get(locale, FeedbackTextKeys.GivenWrite), FeedbackForm.ShowData(receiverId))],
        };
    }

    public static string KindName(BotText text, string? locale, FeedbackKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Get(locale, kind switch
        {
            FeedbackKind.Praise => FeedbackTextKeys.KindPraise,
            FeedbackKind.ToImprove => FeedbackTextKeys.KindToImprove,
            _ => FeedbackTextKeys.KindNote,
        });
    }

    /// <summary>The id a button of the rep's card carries, or null when the data is not ours.</summary>
    public static long? ReadId(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>The page cursor of a More button, or null when the data is not ours.</summary>
    public static DateTimeOffset? ReadBefore(string? value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and < 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static Dictionary<string, object?> IdData(long id) =>
        new(StringComparer.Ordinal) { [FeedbackIdKey] = id.ToString(CultureInfo.InvariantCulture) };

    // Situation, behaviour and impact as written (a typed note has only the behaviour, shown without a label).
    private static IEnumerable<CardElement> Content(BotText text, string? locale, FeedbackNote note)
    {
        if (note.Kind == FeedbackKind.Note && note.Situation is null && note.Impact is null)
        {
            yield return Written(note.Behaviour);
            yield break;
        }

        foreach (var (key, value) in new[] { (FeedbackTextKeys.Situation, note.Situation), (FeedbackTextKeys.Behaviour, note.Behaviour), (FeedbackTextKeys.Impact, note.Impact) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return new TextBlock(text.Get(locale, key)) { Weight = TextWeight.Bolder, Size = TextSize.Small, Wrap = true, Spacing = Spacing.Small };
                yield return Written(value);
            }
        }
    }

    // What a person wrote: a text run, so Teams shows it as typed (no Markdown, no links made of it).
    private static RichTextBlock Written(string value) => new() { Inlines = [new TextRun(value)], Spacing = Spacing.None };

    private static TextBlock Status(BotText text, string? locale, FeedbackView view, TimeZoneInfo zone, bool separator) =>
        view.Note.AcknowledgedAt is { } at
            ? new TextBlock(text.Get(locale, FeedbackTextKeys.CopyAcknowledged, view.ReceiverName, SalesFormat.DateTime(locale, at, zone)))
            {
                Color = TextColor.Good,
                Wrap = true,
                Separator = separator,
            }
            : new TextBlock(text.Get(locale, FeedbackTextKeys.CopyWaiting)) { Color = TextColor.Warning, Wrap = true, Separator = separator };

    private static Container Received(BotText text, string? locale, FeedbackView view, TimeZoneInfo zone)
    {
        var note = view.Note;
        var status = note.AcknowledgedAt is { } at
            ? text.Get(locale, FeedbackTextKeys.CardAcknowledged, SalesFormat.DateTime(locale, at, zone))
            : text.Get(locale, FeedbackTextKeys.HistoryWaiting);
        return new Container
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Items =
            [
                new TextBlock(text.Get(locale, FeedbackTextKeys.CardTitle, KindName(text, locale, note.Kind), view.GiverName)) { Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(SalesFormat.DateTime(locale, note.GivenAt, zone)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None },
                .. Content(text, locale, note),
                new TextBlock(status) { IsSubtle = true, Size = TextSize.Small, Wrap = true },
            ],
        };
    }

    private static Container Recognised(BotText text, string? locale, RecognitionEntry entry, TimeZoneInfo zone)
    {
        var title = entry.GiverName is { Length: > 0 } giver
            ? text.Get(locale, FeedbackTextKeys.HistoryRecognition, giver)
            : text.Get(locale, FeedbackTextKeys.HistoryCelebration);
        var when = SalesFormat.DateTime(locale, entry.At, zone);
        var facts = new List<string> { when };
        if (entry.Value is { Length: > 0 } value)
        {
            facts.Add("#" + value);
        }

        if (entry.Points > 0)
        {
            facts.Add(text.Get(locale, FeedbackTextKeys.HistoryPoints, entry.Points));
        }

        return new Container
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Items =
            [
                new TextBlock(title) { Weight = TextWeight.Bolder, Color = TextColor.Accent, Wrap = true },
                new TextBlock(string.Join(" · ", facts)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None },
                Written(entry.Reason),
            ],
        };
    }
}
