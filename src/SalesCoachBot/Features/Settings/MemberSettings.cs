using System.Globalization;
using SalesCoachBot.Data;

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
    /// <summary>Quiet hours when the member chose none (no automatic message between 21:00 and 08:00 by default).</summary>
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
