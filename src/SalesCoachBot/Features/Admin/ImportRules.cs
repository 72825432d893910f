using System.Net.Mail;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Admin;

/// <summary>Cell checks shared by the imports; each returns null when fine, else the reason.</summary>
internal static class ImportRules
{
    public static IReadOnlyList<string> Locales { get; } = ["en-US", "zh-CN"];

    public static string? NormalizeEmail(string? value, string column, out string? email)
    {
        email = null;
        if (value is null)
        {
            return null;
        }

        if (value.Length > ColumnLengths.Email || !MailAddress.TryCreate(value, out var parsed)
            || !string.Equals(parsed.Address, value, StringComparison.Ordinal) || !value.Contains('@', StringComparison.Ordinal))
        {
            return $"{column} '{Cut(value)}' is not an e-mail address";
        }

        email = value.ToLowerInvariant();
        return null;
    }

    /// <summary>IANA ids only (Asia/Shanghai, UTC): schedules are shown and computed with them on every platform.</summary>
    public static string? CheckTimeZone(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return value.Length <= ColumnLengths.TimeZone && TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) && zone.HasIanaId
            ? null
            : $"time_zone '{Cut(value)}' is not an IANA time zone (e.g. Asia/Shanghai)";
    }

    public static string? CheckLength(string? value, string column, int max) =>
        value is not null && value.Length > max ? $"{column} is longer than {max} characters" : null;

    public static string Cut(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
