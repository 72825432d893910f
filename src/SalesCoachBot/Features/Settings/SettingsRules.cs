using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Settings;

/// <summary>A rejected field: its input id and the localized message to show next to it.</summary>
internal sealed record SettingsError(string Field, string Message);

/// <summary>
/// Checks settings input (card or text) and turns it into stored values. Everything is checked before anything is
/// saved, so a form with one bad field changes nothing. Input is read normalised (<see cref="TypedText"/>), so
/// full-width <c>２１：００</c> is 21:00, and nothing here throws on what a member typed.
/// </summary>
internal static class SettingsRules
{
    // The zones most of the bot's users live in, Asia/Shanghai first; the card lists them in this order.
    public static IReadOnlyList<string> CommonTimeZones { get; } =
    [
        "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Asia/Kolkata",
        "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago", "America/Los_Angeles", "UTC",
    ];

    private static readonly Dictionary<string, string> ChineseKindNames = new(StringComparer.Ordinal)
    {
        ["提醒"] = AutomaticMessageKinds.Reminders,
        ["议程"] = AutomaticMessageKinds.Agendas,
        ["周预览"] = AutomaticMessageKinds.WeekAhead,
        ["督促"] = AutomaticMessageKinds.Nudges,
        ["绩效"] = AutomaticMessageKinds.Scorecards,
        ["表扬"] = AutomaticMessageKinds.Recognition,
        ["摘要"] = AutomaticMessageKinds.Digests,
        ["频道庆祝"] = AutomaticMessageKinds.PublicRecognition,
    };

    /// <summary>zh-CN, en-US or null (automatic) for a language as typed or chosen; false when unknown.</summary>
    public static bool TryParseLanguage(string? value, out string? locale)
    {
        locale = null;
        switch (TypedText.Normalize(value).Trim().ToUpperInvariant())
        {
            case "AUTO" or "AUTOMATIC" or "自动":
                return true;
            case "ZH-CN" or "ZH" or "CHINESE" or "中文" or "汉语" or "简体中文":
                locale = BotText.Chinese;
                return true;
            case "EN-US" or "EN" or "ENGLISH" or "英文" or "英语":
                locale = BotText.English;
                return true;
            default:
                return false;
        }
    }

    // How Chinese-speaking teams name their zone in conversation; the stored value is always the IANA id.
    private static readonly Dictionary<string, string> ZoneWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["北京时间"] = "Asia/Shanghai", ["北京"] = "Asia/Shanghai", ["中国"] = "Asia/Shanghai", ["上海"] = "Asia/Shanghai",
        ["中国时间"] = "Asia/Shanghai", ["新加坡"] = "Asia/Singapore", ["香港"] = "Asia/Hong_Kong", ["台北"] = "Asia/Taipei",
        ["东京"] = "Asia/Tokyo", ["日本"] = "Asia/Tokyo",
    };

    /// <summary>
    /// The IANA id of a known zone (a Windows id is accepted and converted; 北京时间, 中国, 上海, 新加坡, 香港, 台北 and 东京
    /// name theirs); false otherwise.
    /// </summary>
    public static bool TryParseTimeZone(string? value, out TimeZoneInfo? zone)
    {
        zone = null;
        var id = TypedText.Normalize(value).Trim();
        if (ZoneWords.TryGetValue(id, out var named))
        {
            id = named;
        }

        // Zone ids are short ASCII names; anything else is refused before it reaches the file system lookup.
        if (string.IsNullOrEmpty(id) || id.Length > ColumnLengths.TimeZone || id.Contains("..", StringComparison.Ordinal)
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+' or ' '))
        {
            return false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            return false;
        }

        if (!found.HasIanaId)
        {
            if (!TimeZoneInfo.TryConvertWindowsIdToIanaId(found.Id, out var iana) || !TimeZoneInfo.TryFindSystemTimeZoneById(iana, out found))
            {
                return false;
            }
        }

        zone = found;
        return true;
    }

    /// <summary>A 24-hour HH:mm (or H:mm) time.</summary>
    public static bool TryParseTime(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(TypedText.Normalize(value).Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>A kind of automatic message by its key, a short Chinese name or its label in either language.</summary>
    public static string? FindKind(BotText text, string? value)
    {
        var word = TypedText.Normalize(value).Trim();
        if (word.Length == 0)
        {
            return null;
        }

        if (ChineseKindNames.TryGetValue(word, out var kind))
        {
            return kind;
        }

        return AutomaticMessageKinds.All.FirstOrDefault(k =>
            string.Equals(k, word, StringComparison.OrdinalIgnoreCase)
            || BotText.Locales.Any(l => string.Equals(text.Get(l, SettingsTextKeys.Kind(k)), word, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The word a member types for <paramref name="kind"/> in their language ("nudges", "督促").</summary>
    public static string TypedWord(string? locale, string kind) =>
        BotText.IsChinese(locale) ? ChineseKindNames.First(k => k.Value == kind).Key : kind;

    /// <summary>The names a member can type for the kinds, in their language.</summary>
    public static string KindNames(string? locale) =>
        BotText.List(locale, BotText.IsChinese(locale) ? ChineseKindNames.Keys : AutomaticMessageKinds.All);

    /// <summary>"+08:00" / "-05:00": the zone's offset from UTC at <paramref name="now"/>.</summary>
    public static string FormatOffset(TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var offset = zone.GetUtcOffset(now);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return sign + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Checks a submitted form against the current settings and returns the new settings, or the errors (then nothing
    /// may be saved). Fields missing from the form keep their current value.
    /// </summary>
    public static (MemberSettings? Settings, IReadOnlyList<SettingsError> Errors) Validate(
        BotText text, string? locale, MemberSettings current, SettingsSubmission submitted)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(submitted);
        var errors = new List<SettingsError>();

        var preferred = current.PreferredLocale;
        if (submitted.Language is { } language && !TryParseLanguage(language, out preferred))
        {
            errors.Add(new SettingsError(SettingsFields.Language, text.Get(locale, SettingsTextKeys.ErrorLanguage)));
        }

        var timeZone = current.TimeZone;
        if (submitted.TimeZone is { } zoneText)
        {
            if (string.Equals(TypedText.Normalize(zoneText).Trim(), SettingsForm.Automatic, StringComparison.OrdinalIgnoreCase))
            {
                timeZone = null;
            }
            else if (TryParseTimeZone(zoneText, out var zone))
            {
                timeZone = zone!.Id;
            }
            else
            {
                errors.Add(new SettingsError(SettingsFields.TimeZone, text.Get(locale, SettingsTextKeys.ErrorTimeZone, Shorten(zoneText))));
            }
        }

        var (start, end) = (current.QuietHoursStart, current.QuietHoursEnd);
        if (submitted.QuietStart is not null || submitted.QuietEnd is not null)
        {
            var startOk = TryTime(submitted.QuietStart, current.EffectiveQuietStart, out var newStart);
            var endOk = TryTime(submitted.QuietEnd, current.EffectiveQuietEnd, out var newEnd);
            if (!startOk)
            {
                errors.Add(new SettingsError(SettingsFields.QuietStart, text.Get(locale, SettingsTextKeys.ErrorTime)));
            }

            if (!endOk)
            {
                errors.Add(new SettingsError(SettingsFields.QuietEnd, text.Get(locale, SettingsTextKeys.ErrorTime)));
            }
            else if (startOk && newStart == newEnd)
            {
                errors.Add(new SettingsError(SettingsFields.QuietEnd, text.Get(locale, SettingsTextKeys.ErrorSameTimes)));
            }

            (start, end) = (newStart, newEnd);
        }

        var optOuts = new HashSet<string>(current.OptOuts, StringComparer.Ordinal);
        foreach (var (kind, value) in submitted.Receive)
        {
            if (!AutomaticMessageKinds.All.Contains(kind))
            {
                errors.Add(new SettingsError(SettingsFields.Receive(kind), text.Get(locale, SettingsTextKeys.ErrorKind, Shorten(kind), KindNames(locale))));
            }
            else if (!bool.TryParse(value, out var wanted))
            {
                errors.Add(new SettingsError(SettingsFields.Receive(kind), text.Get(locale, SettingsTextKeys.ErrorToggle)));
            }
            else if (wanted)
            {
                optOuts.Remove(kind);
            }
            else
            {
                optOuts.Add(kind);
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new MemberSettings(preferred, timeZone, start, end, optOuts), errors);
    }

    private static bool TryTime(string? value, TimeOnly current, out TimeOnly time)
    {
        if (value is null)
        {
            time = current;
            return true;
        }

        return TryParseTime(value, out time);
    }

    // Quoted input is cut so a pasted essay does not flood the card.
    private static string Shorten(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 40 ? trimmed : trimmed[..40] + "…";
    }
}

/// <summary>What a settings form or text shortcut submitted: null fields were not sent and stay as they are.</summary>
internal sealed record SettingsSubmission(string? Language, string? TimeZone, string? QuietStart, string? QuietEnd, IReadOnlyDictionary<string, string> Receive)
{
    public static SettingsSubmission Empty { get; } = new(null, null, null, null, new Dictionary<string, string>(StringComparer.Ordinal));
}
