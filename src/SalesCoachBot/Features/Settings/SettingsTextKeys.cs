namespace SalesCoachBot.Features.Settings;

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
    public const string OptOutBackOn = "settings.optOut.backOn";
    public const string OptOutNotYours = "settings.optOut.notYours";

    public static string Kind(string kind) => KindPrefix + kind;
}
