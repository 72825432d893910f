using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Settings;

/// <summary>What the card says above the form: nothing, "Saved", or that nothing was saved.</summary>
internal enum SettingsOutcome
{
    None,
    Saved,
    Invalid,
}

/// <summary>
/// The settings card: language, time zone, quiet hours and one toggle per kind of automatic message, with a Save
/// button (Action.Execute, with the model's Action.Submit fallback). Errors appear right under their field.
/// </summary>
internal static class SettingsCard
{
    public const string SaveVerb = "settings.save";

    public static AdaptiveCard Build(
        BotText text, string? locale, SettingsForm form, DateTimeOffset now,
        SettingsOutcome outcome = SettingsOutcome.None, IReadOnlyList<SettingsError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(form);
        errors ??= [];
        var body = new List<CardElement>
        {
            new TextBlock(text.Get(locale, SettingsTextKeys.Title)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
        };

        switch (outcome)
        {
            case SettingsOutcome.Saved:
                body.Add(new TextBlock("✔ " + text.Get(locale, SettingsTextKeys.Saved)) { Id = "settingsSaved", Color = TextColor.Good, Weight = TextWeight.Bolder, Wrap = true });
                break;
            case SettingsOutcome.Invalid:
                body.Add(new TextBlock(text.Get(locale, SettingsTextKeys.Invalid)) { Id = "settingsInvalid", Color = TextColor.Attention, Weight = TextWeight.Bolder, Wrap = true });
                break;
            default:
                body.Add(new TextBlock(text.Get(locale, SettingsTextKeys.Intro)) { IsSubtle = true, Wrap = true });
                break;
        }

        body.Add(new ChoiceSetInput(SettingsFields.Language)
        {
            Label = text.Get(locale, SettingsTextKeys.LanguageLabel),
            Style = ChoiceInputStyle.Compact,
            Value = form.Language,
            Choices =
            [
                new InputChoice(text.Get(locale, SettingsTextKeys.LanguageAuto), SettingsForm.Automatic),
                new InputChoice(text.Get(locale, SettingsTextKeys.LanguageChinese), BotText.Chinese),
                new InputChoice(text.Get(locale, SettingsTextKeys.LanguageEnglish), BotText.English),
            ],
            Spacing = Spacing.Medium,
        });
        AddErrors(body, errors, SettingsFields.Language);

        body.Add(new ChoiceSetInput(SettingsFields.TimeZone)
        {
            Label = text.Get(locale, SettingsTextKeys.TimeZoneLabel),
            Style = ChoiceInputStyle.Compact,
            Value = form.TimeZone,
            Choices = TimeZoneChoices(text, locale, form.TimeZone, now),
        });
        AddErrors(body, errors, SettingsFields.TimeZone);

        body.Add(new TextBlock(text.Get(locale, SettingsTextKeys.QuietLabel)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
        body.Add(new ColumnSet
        {
            Columns =
            [
                new Column { Width = ColumnWidth.Stretch, Items = [TimeField(text, locale, SettingsFields.QuietStart, SettingsTextKeys.QuietStart, form.QuietStart)] },
                new Column { Width = ColumnWidth.Stretch, Items = [TimeField(text, locale, SettingsFields.QuietEnd, SettingsTextKeys.QuietEnd, form.QuietEnd)] },
            ],
        });
        body.Add(new TextBlock(text.Get(locale, SettingsTextKeys.QuietDefault,
            MemberSettings.FormatTime(MemberSettings.DefaultQuietStart), MemberSettings.FormatTime(MemberSettings.DefaultQuietEnd)))
        {
            IsSubtle = true,
            Wrap = true,
            Spacing = Spacing.Small,
        });
        AddErrors(body, errors, SettingsFields.QuietStart);
        AddErrors(body, errors, SettingsFields.QuietEnd);

        body.Add(new TextBlock(text.Get(locale, SettingsTextKeys.OptOutsLabel)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
        body.Add(new TextBlock(text.Get(locale, SettingsTextKeys.OptOutsNote)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None });
        foreach (var kind in AutomaticMessageKinds.All)
        {
            var wanted = !form.Receive.TryGetValue(kind, out var value) || value;
            body.Add(new ToggleInput(SettingsFields.Receive(kind), text.Get(locale, SettingsTextKeys.Kind(kind)))
            {
                Value = wanted ? "true" : "false",
                ValueOn = "true",
                ValueOff = "false",
                Wrap = true,
            });
            AddErrors(body, errors, SettingsFields.Receive(kind));
        }

        // Errors of fields the card does not show (e.g. a kind sent by an old card) still need to be visible.
        foreach (var error in errors.Where(e => !IsCardField(e.Field)))
        {
            body.Add(ErrorText(error.Message));
        }

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = text.Get(locale, SettingsTextKeys.Title),
            Actions = [new ExecuteAction(SaveVerb, text.Get(locale, SettingsTextKeys.Save)) { Style = ActionStyle.Positive }],
        };
    }

    private static TextInput TimeField(BotText text, string? locale, string id, string labelKey, string value) =>
        new(id) { Label = text.Get(locale, labelKey), Value = value, Placeholder = "HH:mm", MaxLength = 5 };

    private static List<InputChoice> TimeZoneChoices(BotText text, string? locale, string current, DateTimeOffset now)
    {
        var choices = new List<InputChoice> { new(text.Get(locale, SettingsTextKeys.TimeZoneAuto), SettingsForm.Automatic) };
        var ids = SettingsRules.CommonTimeZones.ToList();
        if (!string.Equals(current, SettingsForm.Automatic, StringComparison.Ordinal) && !ids.Contains(current, StringComparer.Ordinal))
        {
            ids.Insert(0, current);
        }

        foreach (var id in ids)
        {
            if (SettingsRules.TryParseTimeZone(id, out var zone))
            {
                choices.Add(new InputChoice($"{id} (UTC{SettingsRules.FormatOffset(zone!, now)})", id));
            }
        }

        return choices;
    }

    private static bool IsCardField(string field) =>
        field is SettingsFields.Language or SettingsFields.TimeZone or SettingsFields.QuietStart or SettingsFields.QuietEnd
        || (field.StartsWith(SettingsFields.ReceivePrefix, StringComparison.Ordinal)
            && AutomaticMessageKinds.All.Contains(field[SettingsFields.ReceivePrefix.Length..]));

    private static void AddErrors(List<CardElement> body, IReadOnlyList<SettingsError> errors, string field)
    {
        foreach (var error in errors.Where(e => e.Field == field))
        {
            body.Add(ErrorText(error.Message));
        }
    }

    private static TextBlock ErrorText(string message) =>
        new(message) { Color = TextColor.Attention, Wrap = true, Spacing = Spacing.None, Size = TextSize.Small };
}
