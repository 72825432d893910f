using System.Text.Json;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Settings;

/// <summary>
/// <c>settings</c> · <c>设置</c> in the 1:1 chat: without arguments the settings card; with arguments a text
/// shortcut (<c>settings language zh-CN</c>, <c>设置 免打扰 21:00-08:00</c>, <c>settings off nudges</c>, …).
/// </summary>
internal sealed class SettingsCommand(BotText text, SettingsStore store, TimeProvider time) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, SettingsTurn.Topic) is { } refusal)
        {
            await turn.SendTextAsync(refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        _ = turn.TryGetMember(out var tenantId, out var member);
        var current = await store.LoadAsync(tenantId, member.Id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrWhiteSpace(arguments))
        {
            var card = SettingsCard.Build(text, locale, current.ToForm(), time.GetUtcNow());
            await turn.SendAsync(card.ToActivity(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (submission, problem) = ParseShortcut(arguments, locale);
        if (problem is not null)
        {
            await SendUsageAsync(turn, locale, problem, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (updated, errors) = SettingsRules.Validate(text, locale, current, submission!);
        if (updated is null)
        {
            await SendUsageAsync(turn, locale, string.Join(' ', errors.Select(e => e.Message)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await store.SaveAsync(tenantId, member, updated, cancellationToken).ConfigureAwait(false))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        // The confirmation already speaks the new language.
        var newLocale = SettingsTurn.LocaleAfter(turn, updated);
        turn.Locale = newLocale;
        await turn.SendTextAsync(Confirmation(newLocale, submission!, updated), cancellationToken).ConfigureAwait(false);
    }

    private async Task SendUsageAsync(TurnContext turn, string? locale, string problem, CancellationToken cancellationToken)
    {
        var reply = problem + "\n\n" + text.Get(locale, SettingsTextKeys.Usage);
        var activity = SalesCoachBot.Teams.Activities.Activity.CreateMessage(reply);
        // The text quotes user input: plain, so Teams shows it as typed instead of as markup.
        activity.TextFormat = "plain";
        await turn.SendAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    private (SettingsSubmission? Submission, string? Problem) ParseShortcut(string arguments, string? locale)
    {
        var (word, rest) = BotRouter.SplitCommand(TypedText.Normalize(arguments));
        var value = rest.Trim();
        var empty = SettingsSubmission.Empty;
        switch (word?.ToUpperInvariant())
        {
            case "LANGUAGE" or "LANG" or "语言" when value.Length > 0:
                return (empty with { Language = value }, null);
            case "TIMEZONE" or "TZ" or "ZONE" or "时区" when value.Length > 0:
                return (empty with { TimeZone = value }, null);
            case "QUIET" or "免打扰" when value.Length > 0:
                var parts = value.Split(['-', '–', '~', '～', '至'], 2, StringSplitOptions.TrimEntries);
                return parts.Length == 2
                    ? (empty with { QuietStart = parts[0], QuietEnd = parts[1] }, null)
                    : (null, text.Get(locale, SettingsTextKeys.ErrorTime));
            case "OFF" or "ON" or "关闭" or "开启" or "打开" when value.Length > 0:
                var on = word!.ToUpperInvariant() is "ON" or "开启" or "打开";
                var kind = SettingsRules.FindKind(text, value);
                return kind is null
                    ? (null, text.Get(locale, SettingsTextKeys.ErrorKind, BotText.Quote(value), SettingsRules.KindNames(locale)))
                    : (empty with { Receive = new Dictionary<string, string>(StringComparer.Ordinal) { [kind] = on ? "true" : "false" } }, null);
            default:
                return (null, text.Get(locale, SettingsTextKeys.ErrorUnknown, BotText.Quote(arguments)));
        }
    }

    private string Confirmation(string? locale, SettingsSubmission submission, MemberSettings updated)
    {
        if (submission.Language is not null)
        {
            return text.Get(locale, updated.PreferredLocale is null ? SettingsTextKeys.DoneLanguageAuto : SettingsTextKeys.DoneLanguage);
        }

        if (submission.TimeZone is not null)
        {
            return updated.TimeZone is { } id && SettingsRules.TryParseTimeZone(id, out var zone)
                ? text.Get(locale, SettingsTextKeys.DoneTimeZone, id, SettingsRules.FormatOffset(zone!, time.GetUtcNow()))
                : text.Get(locale, SettingsTextKeys.DoneTimeZoneAuto);
        }

        if (submission.QuietStart is not null)
        {
            return text.Get(locale, SettingsTextKeys.DoneQuiet,
                MemberSettings.FormatTime(updated.EffectiveQuietStart), MemberSettings.FormatTime(updated.EffectiveQuietEnd));
        }

        var (kind, value) = submission.Receive.Single();
        return text.Get(locale, value == "true" ? SettingsTextKeys.DoneOn : SettingsTextKeys.DoneOff, text.Get(locale, SettingsTextKeys.Kind(kind)));
    }
}

/// <summary>
/// The settings card's Save button (<see cref="SettingsCard.SaveVerb"/>): validates every field, saves only when all
/// are valid, and answers with the updated card — "Saved" in the (possibly new) language, or the errors next to
/// their fields with nothing saved.
/// </summary>
internal sealed class SaveSettingsAction(BotText text, SettingsStore store, TimeProvider time) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, SettingsTurn.Topic) is { } refusal)
        {
            return CardActionResult.Text(refusal);
        }

        _ = turn.TryGetMember(out var tenantId, out var member);
        var current = await store.LoadAsync(tenantId, member.Id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return CardActionResult.Text(TurnGuard.NoMember(text, locale));
        }

        var submission = Read(action);
        var (updated, errors) = SettingsRules.Validate(text, locale, current, submission);
        var now = time.GetUtcNow();
        if (updated is null)
        {
            // The card comes back with what the member entered, so nothing typed is lost.
            var form = current.ToForm();
            var shown = form with
            {
                Language = submission.Language ?? form.Language,
                TimeZone = submission.TimeZone ?? form.TimeZone,
                QuietStart = submission.QuietStart ?? form.QuietStart,
                QuietEnd = submission.QuietEnd ?? form.QuietEnd,
                Receive = form.Receive.ToDictionary(
                    r => r.Key,
                    r => submission.Receive.TryGetValue(r.Key, out var sent) && bool.TryParse(sent, out var wanted) ? wanted : r.Value,
                    StringComparer.Ordinal),
            };
            return CardActionResult.UpdateCard(SettingsCard.Build(text, locale, shown, now, SettingsOutcome.Invalid, errors));
        }

        if (!await store.SaveAsync(tenantId, member, updated, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.Text(TurnGuard.NoMember(text, locale));
        }

        var newLocale = SettingsTurn.LocaleAfter(turn, updated);
        turn.Locale = newLocale;
        return CardActionResult.UpdateCard(SettingsCard.Build(text, newLocale, updated.ToForm(), now, SettingsOutcome.Saved));
    }

    // Execute puts the inputs into action.data, Submit into the message value: the router hands either over as Data.
    private static SettingsSubmission Read(CardAction action)
    {
        var receive = new Dictionary<string, string>(StringComparer.Ordinal);
        if (action.Data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in action.Data.EnumerateObject())
            {
                if (property.Name.StartsWith(SettingsFields.ReceivePrefix, StringComparison.Ordinal))
                {
                    receive[property.Name[SettingsFields.ReceivePrefix.Length..]] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!,
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => property.Value.GetRawText(),
                    };
                }
            }
        }

        return new SettingsSubmission(
            action.GetString(SettingsFields.Language),
            action.GetString(SettingsFields.TimeZone),
            action.GetString(SettingsFields.QuietStart),
            action.GetString(SettingsFields.QuietEnd),
            receive);
    }
}

internal static class SettingsTurn
{
    public const string Word = "settings";
    public const string ChineseWord = "设置";

    public static HelpTopic Topic { get; } = new(Word, ChineseWord, HelpScopes.Personal, SettingsTextKeys.CommandHelp, SettingsTextKeys.CommandArgs);

    /// <summary>The language replies use once <paramref name="settings"/> are saved.</summary>
    public static string? LocaleAfter(TurnContext turn, MemberSettings settings) =>
        ContactRecorder.LocaleFor(settings.PreferredLocale, turn.Activity.Locale, turn.Identity()?.Member?.Locale);
}
