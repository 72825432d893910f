using System.Globalization;
using System.Text.RegularExpressions;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Meetings;

/// <summary>Why the due date at the end of an action item was refused.</summary>
internal enum DueDateError
{
    None,

    /// <summary>Looks like a date but is none (13/45, 2026-02-30, 截止 下下周).</summary>
    Unreadable,

    /// <summary>A real date before today.</summary>
    Past,
}

/// <summary>The item's text without the due date, the due date (null: none given), or why the date was refused (<see cref="Typed"/> quotes it).</summary>
internal sealed record DueDateSplit(string Text, DateOnly? Due, DueDateError Error = DueDateError.None, string? Typed = null);

/// <summary>
/// Reads an action item as typed: the owner first (a mention, or a name / e-mail that only the team's names can tell
/// apart from the text, as <c>feedback</c> does), then the text, then an optional due date at its end. Due dates, from
/// <c>today</c> (the team's local date): <c>today</c>, <c>tomorrow</c>, a weekday (<c>fri</c>, <c>friday</c>: the coming
/// one, today included), <c>next monday</c> (that weekday of next week, weeks starting on Monday), <c>this friday</c>
/// (this week's), <c>12/18</c> (month/day: this year's, or next year's when this year's has passed), <c>2026-12-18</c>;
/// optionally after <c>due</c> or <c>by</c>. Chinese: <c>今天</c>, <c>明天</c>, <c>后天</c>, <c>周五</c>/<c>星期五</c>
/// (the coming one), <c>下周一</c>, <c>本周五</c>/<c>这周五</c>, <c>12月18日</c>, <c>2026年12月18日</c>, optionally after
/// <c>截止</c> and before <c>前</c>. Words that only look like a date (13/45) or follow 截止 unread are an error, never text.
/// Never throws.
/// </summary>
internal static partial class ActionItemParser
{
    /// <summary>The most words a typed owner's name may have.</summary>
    public const int MaxNameWords = 3;

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
        ['五'] = DayOfWeek.Friday, ['六'] = DayOfWeek.Saturday, ['日'] = DayOfWeek.Sunday, ['天'] = DayOfWeek.Sunday,
    };

    /// <summary>The owner as typed (a whole mention, or null) and the words after it.</summary>
    public static (string? Mention, IReadOnlyList<string> Words) ReadOwner(string? arguments)
    {
        var text = TypedText.Normalize(arguments).Trim();
        if (text.StartsWith("<at>", StringComparison.OrdinalIgnoreCase))
        {
            var end = text.IndexOf("</at>", StringComparison.OrdinalIgnoreCase);
            if (end > 0)
            {
                var mention = text[..(end + "</at>".Length)];
                return (mention, Words(text[mention.Length..]));
            }
        }

        // "@Li Na" typed without a mention entity (a client that sent plain text): the name without its @.
        return (null, Words(text.StartsWith('@') || text.StartsWith('＠') ? text[1..] : text));
    }

    /// <summary>The ways to read typed words as owner + text, longest name first.</summary>
    public static IEnumerable<(string Who, string Text)> Split(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var n = Math.Min(MaxNameWords, words.Count); n >= 1; n--)
        {
            yield return (string.Join(' ', words.Take(n)), string.Join(' ', words.Skip(n)));
        }
    }

    /// <summary>Splits the due date off the end of an item's text; <paramref name="today"/> is the team's local date.</summary>
    public static DueDateSplit SplitDue(string? typed, DateOnly today)
    {
        var text = TypedText.Normalize(typed).Trim();
        if (EnglishDue().Match(text) is { Success: true } english)
        {
            var rest = text[..english.Index].TrimEnd();
            var date = english.Groups["date"].Value;
            return Result(rest, date, English(english, today), today);
        }

        if (ChineseDue().Match(text) is { Success: true } chinese)
        {
            var rest = text[..chinese.Index].TrimEnd(' ', '，', ',', '；', ';');
            var date = chinese.Groups["date"].Value;
            return Result(rest, date, Chinese(chinese, today), today);
        }

        // 截止 followed by something unread, or a number-shaped date that is none (13/45, 2026-02-30, 13月40日).
        if (UnreadDue().Match(text) is { Success: true } unread)
        {
            return new DueDateSplit(text, null, DueDateError.Unreadable, unread.Groups["date"].Value.Trim());
        }

        return new DueDateSplit(text, null);
    }

    private static DueDateSplit Result(string rest, string typed, DateOnly? date, DateOnly today) =>
        date switch
        {
            null => new DueDateSplit(rest, null, DueDateError.Unreadable, typed),
            { } d when d < today => new DueDateSplit(rest, d, DueDateError.Past, typed),
            { } d => new DueDateSplit(rest, d),
        };

    private static DateOnly? English(Match match, DateOnly today)
    {
        var date = match.Groups["date"].Value.ToLowerInvariant();
        switch (date)
        {
            case "today":
                return today;
            case "tomorrow":
                return today.AddDays(1);
            case "yesterday":
                return today.AddDays(-1);
        }

        if (match.Groups["day"].Success)
        {
            var day = EnglishDays[match.Groups["day"].Value];
            return match.Groups["rel"].Value.ToLowerInvariant() switch
            {
                "next" => WeekOf(today, 1, day),
                "this" => WeekOf(today, 0, day),
                _ => Coming(today, day),
            };
        }

        if (match.Groups["iy"].Success)
        {
            return Date(Number(match.Groups["iy"]), Number(match.Groups["im"]), Number(match.Groups["id"]));
        }

        return match.Groups["y"].Success
            ? Date(Number(match.Groups["y"]), Number(match.Groups["m"]), Number(match.Groups["d"]))
            : MonthDay(today, Number(match.Groups["m"]), Number(match.Groups["d"]));
    }

    private static DateOnly? Chinese(Match match, DateOnly today)
    {
        switch (match.Groups["date"].Value)
        {
            case "今天":
                return today;
            case "明天":
                return today.AddDays(1);
            case "后天":
                return today.AddDays(2);
            case "昨天":
                return today.AddDays(-1);
        }

        if (match.Groups["cday"].Success)
        {
            var day = ChineseDays[match.Groups["cday"].Value[0]];
            return match.Groups["rel"].Value switch
            {
                "下" => WeekOf(today, 1, day),
                "本" or "这" => WeekOf(today, 0, day),
                _ => Coming(today, day),
            };
        }

        return match.Groups["cy"].Success
            ? Date(Number(match.Groups["cy"]), Number(match.Groups["cm"]), Number(match.Groups["cd"]))
            : MonthDay(today, Number(match.Groups["cm"]), Number(match.Groups["cd"]));
    }

    // The coming weekday, today included.
    private static DateOnly Coming(DateOnly today, DayOfWeek day) => today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);

    // That weekday in this week (0) or next week (1), weeks from Monday to Sunday.
    private static DateOnly WeekOf(DateOnly today, int weeks, DayOfWeek day)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return monday.AddDays((7 * weeks) + (((int)day + 6) % 7));
    }

    // Month and day without a year: this year's, or next year's once this year's has passed (1/5 typed in December).
    private static DateOnly? MonthDay(DateOnly today, int month, int day) =>
        Date(today.Year, month, day) is { } date && date < today ? Date(today.Year + 1, month, day) : Date(today.Year, month, day);

    private static DateOnly? Date(int year, int month, int day) =>
        year is >= 2000 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(
        @"(?:^|\s)(?:(?:due(?:\s+by|\s+on)?|by|before)\s+)?(?<date>today|tomorrow|yesterday|(?:(?<rel>next|this)\s+)?(?<day>mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)|(?<m>\d{1,2})/(?<d>\d{1,2})(?:/(?<y>\d{4}))?|(?<iy>\d{4})[-/](?<im>\d{1,2})[-/](?<id>\d{1,2}))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishDue();

    [GeneratedRegex(
        @"(?:(?:截止日期|截止到|截止|截至|到期)[:：]?\s*)?(?<date>今天|明天|后天|昨天|(?<rel>下|本|这)?(?:周|星期|礼拜)(?<cday>[一二三四五六日天])|(?:(?<cy>\d{4})年)?(?<cm>\d{1,2})月(?<cd>\d{1,2})[日号])(?:之?前)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDue();

    [GeneratedRegex(@"(?:(?:截止日期|截止到|截止|截至)[:：]?\s*(?<date>\S+)|(?:^|\s)(?<date>\d{1,4}[-/]\d{1,2}(?:[-/]\d{1,4})?|\d{1,2}月\d{1,2}[日号]?))$", RegexOptions.CultureInvariant)]
    private static partial Regex UnreadDue();
}
