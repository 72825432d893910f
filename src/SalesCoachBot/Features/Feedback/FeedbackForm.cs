using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Feedback;

/// <summary>What the form shows in its fields: empty, filled in from a typed line, or as sent when it comes back with errors.</summary>
internal sealed record FeedbackFormValues(string? RepId, string? Kind, string? Situation, string? Behaviour, string? Impact)
{
    public static FeedbackFormValues Empty { get; } = new(null, null, null, null, null);
}

/// <summary>
/// The feedback form: the rep (among the reps of the manager's teams), praise or to improve, situation, behaviour and
/// impact. Its entry id is one per form, so a double click or a retried invoke stores and sends once.
/// </summary>
internal static class FeedbackForm
{
    public const string ShowVerb = "feedback.form";
    public const string SubmitVerb = "feedback.send";

    public const string RepField = "rep";
    public const string KindField = "kind";
    public const string SituationField = "situation";
    public const string BehaviourField = "behaviour";
    public const string ImpactField = "impact";
    public const string EntryKey = "entry";
    public const string MemberKey = "memberId";

    public const string PraiseChoice = "praise";
    public const string ToImproveChoice = "improve";

    /// <summary>A rep the manager may give feedback: member id and display name.</summary>
    internal sealed record Rep(long MemberId, string Name);

    public static AdaptiveCard Build(
        BotText text, string? locale, IReadOnlyList<Rep> reps, FeedbackFormValues values, string entryId, IReadOnlyList<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(values);
        var title = text.Get(locale, FeedbackTextKeys.FormTitle);
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true }];
        if (errors is { Count: > 0 })
        {
            body.Add(new TextBlock(text.Get(locale, FeedbackTextKeys.FormInvalid)) { Color = TextColor.Attention, Weight = TextWeight.Bolder, Wrap = true });
            body.AddRange(errors.Select(e => new TextBlock("• " + e) { Color = TextColor.Attention, Wrap = true, Spacing = Spacing.None }));
        }
        else
        {
            body.Add(new TextBlock(text.Get(locale, FeedbackTextKeys.FormIntro)) { IsSubtle = true, Wrap = true });
        }

        var choices = reps.Select(r => new InputChoice(r.Name, r.MemberId.ToString(CultureInfo.InvariantCulture))).ToList();
        body.Add(new ChoiceSetInput(RepField)
        {
            Label = text.Get(locale, FeedbackTextKeys.FormRep),
            Style = ChoiceInputStyle.Compact,
            Choices = choices,
            // A kept value must be one of the choices, or the client shows an empty box anyway.
            Value = choices.Any(c => c.Value == values.RepId) ? values.RepId : null,
            IsRequired = true,
            ErrorMessage = text.Get(locale, FeedbackTextKeys.FormErrorRep),
            Spacing = Spacing.Medium,
        });
        body.Add(new ChoiceSetInput(KindField)
        {
            Label = text.Get(locale, FeedbackTextKeys.FormKind),
            Style = ChoiceInputStyle.Expanded,
            Choices =
            [
                new InputChoice(text.Get(locale, FeedbackTextKeys.KindPraise), PraiseChoice),
                new InputChoice(text.Get(locale, FeedbackTextKeys.KindToImprove), ToImproveChoice),
            ],
            // Always one of the two (praise unless chosen otherwise), so nothing to require.
            Value = values.Kind == ToImproveChoice ? ToImproveChoice : PraiseChoice,
        });
        body.Add(Field(SituationField, text.Get(locale, FeedbackTextKeys.FormSituation), values.Situation, required: null, error: null));
        body.Add(Field(BehaviourField, text.Get(locale, FeedbackTextKeys.FormBehaviour), values.Behaviour, required: true, text.Get(locale, FeedbackTextKeys.FormErrorBehaviour)));
        body.Add(Field(ImpactField, text.Get(locale, FeedbackTextKeys.FormImpact), values.Impact, required: null, error: null));
        return new AdaptiveCard
        {
            FallbackText = title,
            Body = body,
            Actions =
            [
                new ExecuteAction(SubmitVerb, text.Get(locale, FeedbackTextKeys.FormSend), new Dictionary<string, object?>(StringComparer.Ordinal) { [EntryKey] = entryId })
                {
                    Style = ActionStyle.Positive,
                },
            ],
        };
    }

    /// <summary>The data of a button that opens the form for one rep.</summary>
    public static Dictionary<string, object?> ShowData(long memberId) =>
        new(StringComparer.Ordinal) { [MemberKey] = memberId.ToString(CultureInfo.InvariantCulture) };

    public static FeedbackFormValues Read(CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new FeedbackFormValues(
            action.GetString(RepField), action.GetString(KindField), Trimmed(action.GetString(SituationField)),
            Trimmed(action.GetString(BehaviourField)), Trimmed(action.GetString(ImpactField)));
    }

    public static FeedbackKind KindOf(string? choice) => choice == ToImproveChoice ? FeedbackKind.ToImprove : FeedbackKind.Praise;

    /// <summary>A new form's entry id.</summary>
    public static string NewEntryId() => Guid.NewGuid().ToString("N");

    /// <summary>An entry id as this form makes them (32 hex digits); anything else did not come from our form.</summary>
    public static bool IsEntryId(string? value) => value is { Length: 32 } && Guid.TryParseExact(value, "N", out _);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static TextInput Field(string id, string label, string? value, bool? required, string? error) => new(id)
    {
        Label = label,
        Value = value,
        MaxLength = ColumnLengths.Note,
        IsMultiline = true,
        IsRequired = required,
        ErrorMessage = error,
    };
}
