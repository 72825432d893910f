using System.Globalization;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Settings;

/// <summary>A member's own notification settings, as stored (null = the default applies).</summary>
/// <param name="PreferredLocale">zh-CN or en-US; null follows the Teams client's language.</param>
/// <param name="TimeZone">IANA id; null uses the team's zone.</param>
/// <param name="QuietHoursStart">Local start of quiet hours; null (with the end) means the product default.</param>
/// <param name="QuietHoursEnd">Local end; earlier than the start when quiet hours span midnight.</param>
/// <param name="OptOuts">Kinds of <see cref="AutomaticMessageKinds"/> the member does not want.</param>
internal sealed record MemberSettings(
    string? PreferredLocale,
    string? TimeZone,
    TimeOnly? QuietHoursStart,
    TimeOnly? QuietHoursEnd,
    IReadOnlySet<string> OptOuts)
{
    /// <summary>Quiet hours when the member chose none (PRODUCT.md, notification manners).</summary>
    public static TimeOnly DefaultQuietStart { get; } = new(21, 0);

    public static TimeOnly DefaultQuietEnd { get; } = new(8, 0);

    public TimeOnly EffectiveQuietStart => QuietHoursStart ?? DefaultQuietStart;

    public TimeOnly EffectiveQuietEnd => QuietHoursEnd ?? DefaultQuietEnd;

    public static string FormatTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What the card shows for these settings.</summary>
    public SettingsForm ToForm() => new(
        PreferredLocale ?? SettingsForm.Automatic,
        TimeZone ?? SettingsForm.Automatic,
        FormatTime(EffectiveQuietStart),
        FormatTime(EffectiveQuietEnd),
        AutomaticMessageKinds.All.ToDictionary(k => k, k => !OptOuts.Contains(k), StringComparer.Ordinal));
}

/// <summary>
/// The settings card's fields as text, exactly as shown or submitted, so a rejected form comes back with what the
/// member typed. <see cref="Receive"/> maps each automatic message kind to "wanted".
/// </summary>
internal sealed record SettingsForm(string Language, string TimeZone, string QuietStart, string QuietEnd, IReadOnlyDictionary<string, bool> Receive)
{
    /// <summary>The value of the "automatic" choice of language and time zone.</summary>
    public const string Automatic = "auto";
}

/// <summary>Input ids of the settings card; the same names arrive back in the action's data.</summary>
internal static class SettingsFields
{
    public const string Language = "language";
    public const string TimeZone = "timeZone";
    public const string QuietStart = "quietStart";
    public const string QuietEnd = "quietEnd";
    public const string ReceivePrefix = "receive.";

    public static string Receive(string kind) => ReceivePrefix + kind;
}

/// <summary>Text keys of the settings feature (a test checks each exists in every locale).</summary>
internal static class SettingsTextKeys
{
    public const string CommandHelp = "settings.command.help";
    public const string CommandArgs = "settings.command.args";
    public const string Title = "settings.title";
    public const string Intro = "settings.intro";
    public const string Saved = "settings.saved";
    public const string Invalid = "settings.invalid";
    public const string LanguageLabel = "settings.language.label";
    public const string LanguageAuto = "settings.language.auto";
    public const string LanguageChinese = "settings.language.zh";
    public const string LanguageEnglish = "settings.language.en";
    public const string TimeZoneLabel = "settings.timezone.label";
    public const string TimeZoneAuto = "settings.timezone.auto";
    public const string QuietLabel = "settings.quiet.label";
    public const string QuietStart = "settings.quiet.start";
    public const string QuietEnd = "settings.quiet.end";
    public const string QuietDefault = "settings.quiet.default";
    public const string OptOutsLabel = "settings.optouts.label";
    public const string OptOutsNote = "settings.optouts.note";
    private const string KindPrefix = "settings.kind.";
    public const string Save = "settings.save";
    public const string ErrorLanguage = "settings.error.language";
    public const string ErrorTimeZone = "settings.error.timezone";
    public const string ErrorTime = "settings.error.time";
    public const string ErrorSameTimes = "settings.error.sameTimes";
    public const string ErrorToggle = "settings.error.toggle";
    public const string ErrorKind = "settings.error.kind";
    public const string ErrorUnknown = "settings.error.unknown";
    public const string Usage = "settings.usage";
    public const string DoneLanguage = "settings.done.language";
    public const string DoneLanguageAuto = "settings.done.languageAuto";
    public const string DoneTimeZone = "settings.done.timezone";
    public const string DoneTimeZoneAuto = "settings.done.timezoneAuto";
    public const string DoneQuiet = "settings.done.quiet";
    public const string DoneOff = "settings.done.off";
    public const string DoneOn = "settings.done.on";

    public static string Kind(string kind) => KindPrefix + kind;
}
