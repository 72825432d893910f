using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// The words after <c>meeting</c> that change the series' settings rather than its weekly time:
/// <c>review 16:00</c> · <c>复盘 下午4点</c> (the monthly review's time, read like the meeting's), <c>review off</c> ·
/// <c>复盘 关闭</c>; <c>agenda 2h</c> · <c>议程 提前 2小时</c> and <c>reminder 10m</c> · <c>提醒 提前 10分钟</c> (lead times:
/// 1d, 24h, 90m, 1h30m, 30 = minutes, 1.5h, 半小时, 两小时, 一天). Never throws.
/// </summary>
internal static partial class MeetingScheduleParser
{
    private static readonly string[] ReviewWords = ["review", "月度复盘", "月复盘", "复盘"];
    private static readonly string[] AgendaLeadWords = ["agenda", "议程"];
    private static readonly string[] ReminderLeadWords = ["reminder", "remind", "提醒"];
    private static readonly string[] OffWords = ["off", "stop", "关闭", "停止", "取消"];
    private static readonly string[] LeadFillers = ["lead", "before", "ahead", "提前", "提早", "前"];

    private static MeetingRequest? ParseSettings(string text)
    {
        if (StartsWithWord(text, ReviewWords) is { } review)
        {
            return ParseReview(review);
        }

        if (StartsWithWord(text, AgendaLeadWords) is { } agenda)
        {
            return ParseLead(agenda, MeetingAction.AgendaLead);
        }

        return StartsWithWord(text, ReminderLeadWords) is { } reminder ? ParseLead(reminder, MeetingAction.ReminderLead) : null;
    }

    /// <summary>The text after the first of <paramref name="words"/> it starts with (Latin words end at a space), else null.</summary>
    private static string? StartsWithWord(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                && (!IsLatin(word) || text.Length == word.Length || char.IsWhiteSpace(text[word.Length])))
            {
                return text[word.Length..].Trim();
            }
        }

        return null;
    }

    private static MeetingRequest ParseReview(string rest)
    {
        if (rest.Length == 0)
        {
            return MeetingRequest.Invalid(MeetingScheduleError.NoReviewTime);
        }

        if (OffWords.Any(w => rest.Equals(w, StringComparison.OrdinalIgnoreCase)))
        {
            return new MeetingRequest(MeetingAction.ReviewOff);
        }

        rest = StartsWithWord(rest, ["at", "在"]) ?? rest;
        var time = TimeWords().Match(rest);
        if (!time.Success)
        {
            return MeetingRequest.Invalid(MeetingScheduleError.BadTime, rest);
        }

        if (!TryReadTime(time, out var at))
        {
            return MeetingRequest.Invalid(MeetingScheduleError.BadTime, time.Value.Trim());
        }

        var left = rest.Remove(time.Index, time.Length).Trim();
        return left.Length > 0 ? MeetingRequest.Invalid(MeetingScheduleError.Unexpected, left) : new MeetingRequest(MeetingAction.Review, Time: at);
    }

    private static MeetingRequest ParseLead(string rest, MeetingAction action)
    {
        var words = rest;
        foreach (var filler in LeadFillers)
        {
            words = StartsWithWord(words, [filler]) ?? words;
        }

        if (words.EndsWith("before", StringComparison.OrdinalIgnoreCase))
        {
            words = words[..^"before".Length].Trim();
        }

        return TryReadLead(words, out var minutes)
            ? new MeetingRequest(action, LeadMinutes: minutes)
            : MeetingRequest.Invalid(MeetingScheduleError.BadLead, rest.Length == 0 ? null : rest);
    }

    /// <summary>A lead time in whole minutes: amounts with units (d, h, m and their words, 天, 小时, 分钟), a bare number is minutes.</summary>
    internal static bool TryReadLead(string? words, out int minutes)
    {
        minutes = 0;
        var text = (words ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return false;
        }

        var total = 0m;
        var at = 0;
        var parts = 0;
        var bare = false;
        foreach (Match part in LeadPart().Matches(text))
        {
            if (part.Index != at || !TryReadAmount(part.Groups["n"].Value, out var amount))
            {
                return false;
            }

            var unit = part.Groups["u"].Value.ToUpperInvariant();
            bare |= unit.Length == 0;
            total += amount * unit switch
            {
                "D" or "DAY" or "DAYS" or "天" => 24 * 60,
                "H" or "HR" or "HRS" or "HOUR" or "HOURS" or "小时" or "个小时" or "钟头" or "个钟头" => 60,
                _ => 1,
            };
            at = part.Index + part.Length;
            parts++;
        }

        // A number without a unit is minutes, alone ("30"), never part of "2 30".
        if (parts == 0 || (bare && parts > 1) || at != text.Length || total != decimal.Truncate(total) || total > int.MaxValue)
        {
            return false;
        }

        minutes = (int)total;
        return true;
    }

    private static bool TryReadAmount(string value, out decimal amount)
    {
        if (decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return true;
        }

        if (value == "半")
        {
            amount = 0.5m;
            return true;
        }

        // 一 … 九十九 (两 = 二).
        var digits = value.Replace('两', '二');
        int Digit(char c) => Array.IndexOf(ChineseHours, c.ToString()) is var d and >= 1 and <= 9 ? d : -1;
        var ten = digits.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            amount = digits.Length == 1 ? Digit(digits[0]) : -1;
        }
        else
        {
            var tens = ten == 0 ? 1 : ten == 1 ? Digit(digits[0]) : -1;
            var ones = ten == digits.Length - 1 ? 0 : ten == digits.Length - 2 ? Digit(digits[^1]) : -1;
            amount = tens < 0 || ones < 0 ? -1 : (tens * 10) + ones;
        }

        return amount > 0;
    }

    [GeneratedRegex(
        @"\s*(?<n>\d+(?:[.,]\d+)?|半|[一二两三四五六七八九十]{1,3})\s*(?<u>days|day|d|天|hours|hour|hrs|hr|h|个小时|小时|个钟头|钟头|minutes|minute|mins|min|m|分钟|分)?(?![A-Za-z])\s*",
        RegexOptions.IgnoreCase)]
    private static partial Regex LeadPart();
}
