using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Meetings;

/// <summary>What the action item form shows in its fields: the owner chosen (member id), the text and the due date.</summary>
internal sealed record ActionFormValues(string? Owner, string? Text, DateOnly? Due, string? TypedDue = null);

/// <summary>
/// The small form behind the agenda card's "Add action item": the owner (a choice of the team's members), the text and
/// an optional due date. Its entry id is one per form, so a double click or a retried invoke stores one item. The verbs
/// and data keys of the reminder card's Done button live here too.
/// </summary>
internal static class ActionForm
{
    public const string OpenVerb = "meetings.action-form";
    public const string SubmitVerb = "meetings.action-send";
    public const string CancelVerb = "meetings.action-cancel";
    public const string DoneVerb = "meetings.action-done";

    public const string TeamIdKey = "teamId";
    public const string ItemIdKey = "itemId";
    public const string TenantKey = "tenant";
    public const string EntryKey = "entry";

    public const string OwnerField = "owner";
    public const string TextField = "text";
    public const string DueField = "due";

    /// <summary>The agenda card's button that opens the form for the team.</summary>
    public static ExecuteAction OpenButton(BotText text, string? locale, long teamId)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ExecuteAction(OpenVerb, text.Get(locale, MeetingsTextKeys.AgendaAddAction), new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [TeamIdKey] = teamId.ToString(CultureInfo.InvariantCulture),
        });
    }

    public static AdaptiveCard Build(
        BotText text, string? locale, string teamName, long teamId, IReadOnlyList<ActionPerson> people, ActionFormValues shown, DateOnly today, string entryId,
        IReadOnlyList<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(shown);
        var title = text.Get(locale, MeetingsTextKeys.ActionFormTitle, teamName);
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true }];
        if (errors is { Count: > 0 })
        {
            body.Add(new TextBlock(text.Get(locale, MeetingsTextKeys.ActionFormInvalid)) { Color = TextColor.Attention, Weight = TextWeight.Bolder, Wrap = true });
            body.AddRange(errors.Select(e => new TextBlock("• " + e) { Color = TextColor.Attention, Wrap = true, Spacing = Spacing.None }));
        }
        else
        {
            body.Add(new TextBlock(text.Get(locale, MeetingsTextKeys.ActionFormIntro)) { IsSubtle = true, Wrap = true });
        }

        var choices = people.Select(p => new InputChoice(p.Name, p.MemberId.ToString(CultureInfo.InvariantCulture))).ToList();
        body.Add(new ChoiceSetInput(OwnerField)
        {
            Label = text.Get(locale, MeetingsTextKeys.ActionFormOwner),
            Style = ChoiceInputStyle.Compact,
            Choices = choices,
            // A kept value must be among the choices, or the client shows an empty box anyway.
            Value = choices.FirstOrDefault(c => c.Value == shown.Owner)?.Value,
            IsRequired = true,
            ErrorMessage = text.Get(locale, MeetingsTextKeys.ActionFormErrorOwner),
            Spacing = Spacing.Medium,
        });
        body.Add(new TextInput(TextField)
        {
            Label = text.Get(locale, MeetingsTextKeys.ActionFormText),
            Value = shown.Text,
            MaxLength = MeetingActionItem.MaxTextLength,
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = text.Get(locale, MeetingsTextKeys.ActionFormErrorText),
        });
        body.Add(new DateInput(DueField) { Label = text.Get(locale, MeetingsTextKeys.ActionFormDue), Value = shown.Due, Min = today });
        return new AdaptiveCard
        {
            FallbackText = title,
            Body = body,
            Actions =
            [
                new ExecuteAction(SubmitVerb, text.Get(locale, MeetingsTextKeys.ActionFormSave), new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    [EntryKey] = entryId,
                    [TeamIdKey] = teamId.ToString(CultureInfo.InvariantCulture),
                })
                {
                    Style = ActionStyle.Positive,
                },
                new ExecuteAction(CancelVerb, text.Get(locale, MeetingsTextKeys.ActionFormCancel)) { AssociatedInputs = "none" },
            ],
        };
    }

    /// <summary>What replaces the form (or the reminder) once it was sent, cancelled or done: a title and the answer.</summary>
    public static AdaptiveCard Done(BotText text, string? locale, string titleKey, string message)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = text.Get(locale, titleKey);
        return new AdaptiveCard
        {
            FallbackText = message,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
                new RichTextBlock { Inlines = [new TextRun(message)] },
            ],
        };
    }

    /// <summary>The form's fields as sent back by the client; a due date that is no yyyy-MM-dd is kept as typed (an error).</summary>
    public static ActionFormValues Read(CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var owner = action.GetString(OwnerField)?.Trim();
        var itemText = action.GetString(TextField)?.Trim();
        var due = action.GetString(DueField)?.Trim();
        DateOnly? date = DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new ActionFormValues(
            string.IsNullOrEmpty(owner) ? null : owner,
            string.IsNullOrEmpty(itemText) ? null : itemText,
            date,
            string.IsNullOrEmpty(due) || date is not null ? null : due);
    }

    public static string NewEntryId() => Guid.NewGuid().ToString("N");

    /// <summary>An entry id as this form makes them (32 hex digits); anything else did not come from our form.</summary>
    public static bool IsEntryId(string? value) => value is { Length: MeetingActionItem.FormEntryIdLength } && Guid.TryParseExact(value, "N", out _);

    /// <summary>A row id as card data carries it; null when it is not one.</summary>
    public static long? ReadId(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
