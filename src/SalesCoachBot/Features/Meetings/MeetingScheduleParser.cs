using System.Globalization;
using System.Text.RegularExpressions;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Meetings;

/// <summary>What <c>meeting …</c> asks for.</summary>
public enum MeetingAction
{
    Show,
    Set,
    Move,
    Skip,
    Off,
    Invalid,

    // The monthly review and the lead times (MeetingSettingsParser.cs).
    Review,
    ReviewOff,
    AgendaLead,
    ReminderLead,
}

/// <summary>Why typed words are not a meeting time (each has its own answer).</summary>
public enum MeetingScheduleError
{
    None,
    NoWeekday,
    NoTime,
    BadTime,
    UnknownZone,
    Unexpected,

    // The monthly review and the lead times (MeetingSettingsParser.cs).
    BadLead,
    NoReviewTime,
}

/// <summary>
/// A parsed <c>meeting …</c>: the action, and for Set/Move the weekday (null on a move that keeps it), the local time and
/// the zone id when one was given. <see cref="Rest"/> quotes the words that were not understood.
/// </summary>
internal sealed record MeetingRequest(
    MeetingAction Action, DayOfWeek? Weekday = null, TimeOnly? Time = null, string? ZoneId = null,
    MeetingScheduleError Error = MeetingScheduleError.None, string? Rest = null, int? LeadMinutes = null)
{
    public static MeetingRequest Invalid(MeetingScheduleError error, string? rest = null) => new(MeetingAction.Invalid, Error: error, Rest: rest);
}

/// <summary>
/// Reads the words after <c>meeting</c> / <c>例会</c>: nothing (show), skip/跳过, off/stop/关闭/停止/取消, time/改时间 … (move),
/// or a weekday and a time with an optional IANA zone. Weekdays: mon…sun, monday…sunday, 周一…周日/周天, 星期一…, 礼拜一….
/// Times: 9:30, 09:30, 15:00, 9am, 3:30pm, 9点, 9点半, 9点30(分), with 上午/早上/中午/下午/晚上; hours in digits or
/// 一…十二. Never throws; words it cannot place are an error naming them.
/// </summary>
internal static partial class MeetingScheduleParser
{
    private static readonly Dictionary<string, MeetingAction> ActionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["skip"] = MeetingAction.Skip,
        ["跳过"] = MeetingAction.Skip,
        ["off"] = MeetingAction.Off,
        ["stop"] = MeetingAction.Off,
        ["关闭"] = MeetingAction.Off,
        ["停止"] = MeetingAction.Off,
        ["取消"] = MeetingAction.Off,
        ["time"] = MeetingAction.Move,
        ["move"] = MeetingAction.Move,
        ["改时间"] = MeetingAction.Move,
        ["时间"] = MeetingAction.Move,
        ["改到"] = MeetingAction.Move,
    };

    private static readonly Dictionary<string, DayOfWeek> EnglishDays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<char, DayOfWeek> ChineseDays = new()
    {
        ['一'] = DayOfWeek.Monday, ['二'] = DayOfWeek.Tuesday, ['三'] = DayOfWeek.Wednesday, ['四'] = DayOfWeek.Thursday,
        ['五'] = DayOfWeek.Friday, ['六'] = DayOfWeek.Saturday, ['日'] = DayOfWeek.Sunday, ['天'] = DayOfWeek.Sunday, ['七'] = DayOfWeek.Sunday,
    };

    private static readonly string[] ChineseHours = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    public static MeetingRequest Parse(string? arguments)
    {
        var text = TypedText.Normalize(arguments).Trim();
        if (text.Length == 0)
        {
            return new MeetingRequest(MeetingAction.Show);
        }

        // meeting review …, meeting agenda 2h, meeting reminder 10m (MeetingSettingsParser.cs).
        if (ParseSettings(text) is { } settings)
        {
            return settings;
        }

        var action = MeetingAction.Set;
        var first = LeadingWord().Match(text);
        if (first.Success && ActionWords.TryGetValue(first.Value, out var named))
        {
            action = named;
            text = text[first.Length..].Trim();
        }
        else if (ActionWords.Keys.Where(k => !IsLatin(k)).OrderByDescending(k => k.Length)
                 .FirstOrDefault(k => text.StartsWith(k, StringComparison.Ordinal)) is { } glued)
        {
            // Chinese needs no space after the word: 例会跳过, 例会改时间周二10点.
            action = ActionWords[glued];
            text = text[glued.Length..].Trim();
        }

        if (action is MeetingAction.Skip or MeetingAction.Off)
        {
            return text.Length == 0 ? new MeetingRequest(action) : MeetingRequest.Invalid(MeetingScheduleError.Unexpected, text);
        }

        return ParseWhen(text, action);
    }

    private static MeetingRequest ParseWhen(string text, MeetingAction action)
    {
        // The zone: an IANA id (Area/City) or UTC, as its own word.
        string? zoneId = null;
        var zone = ZoneWord().Match(text);
        if (zone.Success)
        {
            var id = zone.Groups["zone"].Value;
            if (SalesClock.FindZone(id) is not { } found || !found.HasIanaId && !TimeZoneInfo.TryConvertWindowsIdToIanaId(found.Id, out _))
            {
                return MeetingRequest.Invalid(MeetingScheduleError.UnknownZone, id);
            }

            zoneId = found.HasIanaId ? found.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(found.Id, out var iana) ? iana : found.Id;
            text = text.Remove(zone.Index, zone.Length);
        }

        DayOfWeek? weekday = null;
        var chineseDay = ChineseWeekday().Match(text);
        if (chineseDay.Success)
        {
            weekday = ChineseDays[chineseDay.Groups["day"].Value[0]];
            text = text.Remove(chineseDay.Index, chineseDay.Length);
        }
        else
        {
            foreach (Match word in LatinWord().Matches(text))
            {
                if (EnglishDays.TryGetValue(word.Value, out var day))
                {
                    weekday = day;
                    text = text.Remove(word.Index, word.Length);
                    break;
                }
            }
        }

        var time = TimeWords().Match(text);
        TimeOnly? at = null;
        if (time.Success)
        {
            if (!TryReadTime(time, out var read))
            {
                return MeetingRequest.Invalid(MeetingScheduleError.BadTime, time.Value.Trim());
            }

            at = read;
            text = text.Remove(time.Index, time.Length);
        }

        var rest = text.Trim();
        if (rest.Length > 0)
        {
            return MeetingRequest.Invalid(MeetingScheduleError.Unexpected, rest);
        }

        if (at is null)
        {
            return MeetingRequest.Invalid(MeetingScheduleError.NoTime);
        }

        if (weekday is null && action == MeetingAction.Set)
        {
            return MeetingRequest.Invalid(MeetingScheduleError.NoWeekday);
        }

        return new MeetingRequest(action, weekday, at, zoneId);
    }

    private static bool TryReadTime(Match match, out TimeOnly time)
    {
        time = default;
        var hourText = match.Groups["hour"].Value;
        int hour;
        if (hourText.Length > 0 && char.IsAsciiDigit(hourText[0]))
        {
            if (!int.TryParse(hourText, NumberStyles.None, CultureInfo.InvariantCulture, out hour))
            {
                return false;
            }
        }
        else
        {
            hour = Array.IndexOf(ChineseHours, hourText);
        }

        var minute = 0;
        var minuteText = match.Groups["minute"].Success ? match.Groups["minute"].Value : match.Groups["cnminute"].Value;
        if (match.Groups["half"].Success)
        {
            minute = 30;
        }
        else if (minuteText.Length > 0 && !int.TryParse(minuteText, NumberStyles.None, CultureInfo.InvariantCulture, out minute))
        {
            return false;
        }

        var part = match.Groups["part"].Value;
        var suffix = match.Groups["ampm"].Value.ToUpperInvariant();
        var afternoon = part is "下午" or "晚上" || suffix == "PM";
        var morning = part is "上午" or "早上" || suffix == "AM";
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || ((afternoon || morning) && hour > 12))
        {
            return false;
        }

        if (afternoon && hour < 12)
        {
            hour += 12;
        }
        else if (morning && hour == 12)
        {
            hour = 0;
        }
        else if (part == "中午" && hour < 6)
        {
            hour += 12;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    private static bool IsLatin(string word) => word.All(char.IsAsciiLetter);

    [GeneratedRegex(@"^[A-Za-z\u4E00-\u9FFF]+(?=\s|$)")]
    private static partial Regex LeadingWord();

    [GeneratedRegex(@"(?<![A-Za-z])(?<zone>[A-Za-z][A-Za-z_+\-]*(?:/[A-Za-z0-9_+\-]+)+|UTC|GMT)(?![A-Za-z/])", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneWord();

    [GeneratedRegex(@"每?(?:周|星期|礼拜)(?<day>[一二三四五六日天七])")]
    private static partial Regex ChineseWeekday();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex LatinWord();

    [GeneratedRegex(
        @"(?<part>上午|早上|中午|下午|晚上)?\s*(?<hour>\d{1,2}|十[一二]?|[零一二三四五六七八九])\s*(?:(?::(?<minute>\d{2}))|(?:点\s*(?:(?<half>半)|(?<cnminute>\d{1,2})\s*分?|钟)?))\s*(?<ampm>am|pm)?(?![A-Za-z0-9])|(?<hour>\d{1,2})\s*(?<ampm>am|pm)(?![A-Za-z])",
        RegexOptions.IgnoreCase)]
    private static partial Regex TimeWords();
}
