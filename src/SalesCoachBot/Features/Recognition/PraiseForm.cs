using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Recognition;

/// <summary>What the praise form shows in its fields: the people chosen (member ids), the reason, the value and the private box.</summary>
internal sealed record PraiseFormValues(IReadOnlyList<string> People, string? Reason, string? Value, bool IsPrivate);

/// <summary>
/// The praise form, opened by <see cref="PraiseFormActions.OpenVerb"/> (the team card, the leaderboard, the celebration
/// card): the people (the rep from the button pre-selected; others of the team may be added), the reason, a company value
/// of the team (optional) and "send privately". Sending runs what the typed <c>praise</c> runs. Its entry id is one per
/// form, so a double click or a retried invoke stores and posts once.
/// </summary>
internal static class PraiseForm
{
    public const string SubmitVerb = "recognition.praise-send";
    public const string CancelVerb = "recognition.praise-cancel";

    public const string PeopleField = "people";
    public const string ReasonField = "reason";
    public const string ValueField = "value";
    public const string PrivateField = "private";
    public const string EntryKey = "entry";

    /// <summary>A person of the team the giver may praise: member id and display name.</summary>
    internal sealed record Person(long MemberId, string Name);

    public static AdaptiveCard Build(
        BotText text, string? locale, string teamName, long teamId, IReadOnlyList<Person> people, IReadOnlyList<CompanyValue> values,
        PraiseFormValues shown, string entryId, IReadOnlyList<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shown);
        var title = text.Get(locale, RecognitionTextKeys.FormTitle, teamName);
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true }];
        if (errors is { Count: > 0 })
        {
            body.Add(new TextBlock(text.Get(locale, RecognitionTextKeys.FormInvalid)) { Color = TextColor.Attention, Weight = TextWeight.Bolder, Wrap = true });
            body.AddRange(errors.Select(e => new TextBlock("• " + e) { Color = TextColor.Attention, Wrap = true, Spacing = Spacing.None }));
        }
        else
        {
            body.Add(new TextBlock(text.Get(locale, RecognitionTextKeys.FormIntro, teamName)) { IsSubtle = true, Wrap = true });
        }

        var choices = people.Select(p => new InputChoice(p.Name, p.MemberId.ToString(CultureInfo.InvariantCulture))).ToList();
        // Kept values must be among the choices, or the client shows an empty box anyway.
        var chosen = shown.People.Where(id => choices.Any(c => c.Value == id)).ToList();
        body.Add(new ChoiceSetInput(PeopleField)
        {
            Label = text.Get(locale, RecognitionTextKeys.FormPeople),
            Style = ChoiceInputStyle.Compact,
            IsMultiSelect = true,
            Choices = choices,
            Value = chosen.Count > 0 ? string.Join(',', chosen) : null,
            IsRequired = true,
            ErrorMessage = text.Get(locale, RecognitionTextKeys.FormErrorPeople),
            Spacing = Spacing.Medium,
        });
        body.Add(new TextInput(ReasonField)
        {
            Label = text.Get(locale, RecognitionTextKeys.FormReason),
            Value = shown.Reason,
            MaxLength = Praise.MaxReasonLength,
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = text.Get(locale, RecognitionTextKeys.FormErrorReason),
        });
        if (values.Count > 0)
        {
            var valueChoices = values.Select(v => new InputChoice(text.Get(locale, RecognitionTextKeys.FormValueChoice, v.Name, v.Points), v.Name)).ToList();
            body.Add(new ChoiceSetInput(ValueField)
            {
                Label = text.Get(locale, RecognitionTextKeys.FormValue, RecognitionStore.DefaultPoints),
                Style = ChoiceInputStyle.Compact,
                Choices = valueChoices,
                Value = valueChoices.FirstOrDefault(c => string.Equals(c.Value, shown.Value, StringComparison.OrdinalIgnoreCase))?.Value,
            });
        }

        body.Add(new ToggleInput(PrivateField, text.Get(locale, RecognitionTextKeys.FormPrivate))
        {
            Value = shown.IsPrivate ? "true" : "false",
            ValueOn = "true",
            ValueOff = "false",
            Wrap = true,
        });
        return new AdaptiveCard
        {
            FallbackText = title,
            Body = body,
            Actions =
            [
                new ExecuteAction(SubmitVerb, text.Get(locale, RecognitionTextKeys.FormSend), new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    [EntryKey] = entryId,
                    [PraiseFormActions.TeamIdKey] = teamId.ToString(CultureInfo.InvariantCulture),
                })
                {
                    Style = ActionStyle.Positive,
                },
                new ExecuteAction(CancelVerb, text.Get(locale, RecognitionTextKeys.FormCancel)) { AssociatedInputs = "none" },
            ],
        };
    }

    /// <summary>What replaces the form once it was sent (or cancelled): a title and the answer.</summary>
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
                new TextBlock(message) { Wrap = true },
            ],
        };
    }

    /// <summary>The form's fields as sent back by the client.</summary>
    public static PraiseFormValues Read(CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var people = (action.GetString(PeopleField) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reason = action.GetString(ReasonField);
        var value = action.GetString(ValueField);
        return new PraiseFormValues(
            [.. people.Distinct(StringComparer.Ordinal)],
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            string.IsNullOrWhiteSpace(value) ? null : value.Trim(),
            string.Equals(action.GetString(PrivateField), "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A new form's entry id.</summary>
    public static string NewEntryId() => Guid.NewGuid().ToString("N");

    /// <summary>An entry id as this form makes them (32 hex digits); anything else did not come from our form.</summary>
    public static bool IsEntryId(string? value) => value is { Length: PraiseFormEntry.EntryIdLength } && Guid.TryParseExact(value, "N", out _);

    /// <summary>A member id as card data carries it; null when it is not one.</summary>
    public static long? ReadId(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
