using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Feedback;

/// <summary>What <c>feedback …</c> asks for.</summary>
internal enum FeedbackAsk
{
    /// <summary>Nothing after the word: the history of what the member received.</summary>
    History = 0,

    /// <summary><c>form</c> · <c>表单</c>: an empty form.</summary>
    Form = 1,

    /// <summary>A person (and maybe the feedback itself).</summary>
    Person = 2,

    /// <summary><c>cadence [days]</c> · <c>周期 [天数]</c>: the teams' feedback cadence, or set it (the days in <c>Words</c>).</summary>
    Cadence = 3,
}

/// <summary>
/// <c>feedback</c> arguments as typed. <see cref="Mention"/> is the whole <c>&lt;at&gt;…&lt;/at&gt;</c> when the person was
/// mentioned (the text after it is the feedback); otherwise <see cref="Words"/> hold the person and the feedback, which
/// only the reps' names can tell apart (<see cref="FeedbackParser.Split"/>).
/// </summary>
internal sealed record FeedbackRequest(FeedbackAsk Ask, string? Mention, IReadOnlyList<string> Words)
{
    /// <summary>The feedback after the mention (empty when only a person was named).</summary>
    public string AfterMention => string.Join(' ', Words);
}

/// <summary>
/// Reads <c>feedback</c> · <c>反馈</c> arguments: nothing (history), <c>form</c> / <c>表单</c>, a mention then the
/// feedback (<c>反馈 @张伟 拿下华为做得好</c>), or an e-mail or name then the feedback. Never throws.
/// </summary>
internal static class FeedbackParser
{
    public const string FormWord = "form";
    public const string ChineseFormWord = "表单";

    public const string CadenceWord = "cadence";
    public const string ChineseCadenceWord = "周期";

    /// <summary>The most words a typed name may have (Alice Wang, Mary Ann Lee).</summary>
    public const int MaxNameWords = 3;

    public static FeedbackRequest Parse(string? arguments)
    {
        var text = TypedText.Normalize(arguments).Trim();
        if (text.Length == 0)
        {
            return new FeedbackRequest(FeedbackAsk.History, null, []);
        }

        if (string.Equals(text, FormWord, StringComparison.OrdinalIgnoreCase) || text == ChineseFormWord)
        {
            return new FeedbackRequest(FeedbackAsk.Form, null, []);
        }

        // 周期 needs no space after it (反馈周期21); cadence must end where the word ends.
        if (text.StartsWith(ChineseCadenceWord, StringComparison.Ordinal))
        {
            return new FeedbackRequest(FeedbackAsk.Cadence, null, Words(text[ChineseCadenceWord.Length..]));
        }

        if (text.StartsWith(CadenceWord, StringComparison.OrdinalIgnoreCase) && (text.Length == CadenceWord.Length || char.IsWhiteSpace(text[CadenceWord.Length])))
        {
            return new FeedbackRequest(FeedbackAsk.Cadence, null, Words(text[CadenceWord.Length..]));
        }

        if (text.StartsWith("<at>", StringComparison.OrdinalIgnoreCase))
        {
            var end = text.IndexOf("</at>", StringComparison.OrdinalIgnoreCase);
            if (end > 0)
            {
                var mention = text[..(end + "</at>".Length)];
                return new FeedbackRequest(FeedbackAsk.Person, mention, Words(text[mention.Length..]));
            }
        }

        return new FeedbackRequest(FeedbackAsk.Person, null, Words(text));
    }

    /// <summary>
    /// The ways to read typed words as person + feedback, longest name first: (<c>Alice Wang</c>, <c>great call</c>),
    /// (<c>Alice</c>, <c>Wang great call</c>). The command takes the first whose person is one of the reps.
    /// </summary>
    public static IEnumerable<(string Who, string Feedback)> Split(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var n = Math.Min(MaxNameWords, words.Count); n >= 1; n--)
        {
            yield return (string.Join(' ', words.Take(n)), string.Join(' ', words.Skip(n)));
        }
    }

    /// <summary>
    /// A cadence as typed, in whole days (<c>21</c>, <c>21天</c>), within
    /// <see cref="FeedbackOptions.MinCadenceDays"/>–<see cref="FeedbackOptions.MaxCadenceDays"/>, or null.
    /// </summary>
    public static int? ReadCadence(string? typed)
    {
        var value = TypedText.Normalize(typed).Trim();
        if (value.EndsWith('天'))
        {
            value = value[..^1];
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            && days is >= FeedbackOptions.MinCadenceDays and <= FeedbackOptions.MaxCadenceDays
            ? days
            : null;
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
