using System.Text;

namespace SalesCoachBot.Teams.Routing;

/// <summary>
/// Makes text as people type it in Teams uniform before anything reads it, so every parser sees one form:
/// <list type="bullet">
/// <item>Unicode NFKC: full-width digits, letters and punctuation become ASCII (<c>３月</c> → <c>3月</c>), the
/// ideographic and no-break spaces a space;</item>
/// <item>punctuation used to separate words becomes a space: the Chinese <c>，、；：。！？</c> (and their full-width
/// forms) wherever they are, and <c>, ; : . ! ?</c> at the end of a word or next to a CJK character
/// (<c>记录：成交</c>, <c>目标。</c>, <c>12万,华为</c>);</item>
/// <item>kept as they are: a point, comma or colon between two digits (<c>1.2万</c>, <c>120,000</c>, <c>21:00</c>; a
/// Chinese <c>。，：</c> there becomes the ASCII one), punctuation inside a word (<c>alice.wang@contoso.com</c>,
/// <c>https://…</c>), and mentions <c>&lt;at&gt;…&lt;/at&gt;</c>, untouched, because they must match the mention entities
/// of the activity.</item>
/// </list>
/// Never throws: a lone surrogate (which NFKC refuses) becomes U+FFFD.
/// </summary>
public static class TypedText
{
    private const string MentionStart = "<at";
    private const string MentionEnd = "</at>";

    /// <summary>The normalised form of <paramref name="text"/> (empty for null). Normalising twice changes nothing.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var mention = FindMention(text, at, out var mentionEnd);
            var plainEnd = mention < 0 ? text.Length : mention;
            if (plainEnd > at)
            {
                result.Append(NormalizePlain(text[at..plainEnd]));
            }

            if (mention < 0)
            {
                break;
            }

            result.Append(text, mention, mentionEnd - mention);
            at = mentionEnd;
        }

        return result.ToString();
    }

    // The next "<at>…</at>" (or "<at …>…</at>") from start: its index and the index after its end; -1 when none is closed.
    private static int FindMention(string text, int start, out int end)
    {
        end = -1;
        var open = text.IndexOf(MentionStart, start, StringComparison.OrdinalIgnoreCase);
        while (open >= 0)
        {
            var after = open + MentionStart.Length;
            if (after < text.Length && text[after] is '>' or ' ')
            {
                var close = text.IndexOf(MentionEnd, after, StringComparison.OrdinalIgnoreCase);
                if (close < 0)
                {
                    return -1;
                }

                end = close + MentionEnd.Length;
                return open;
            }

            open = text.IndexOf(MentionStart, after, StringComparison.OrdinalIgnoreCase);
        }

        return -1;
    }

    private static string NormalizePlain(string text)
    {
        // Chinese separators first, while a full-width digit next to them is still recognisable as one.
        var separated = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                separated.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                separated.Append('\uFFFD');
            }
            else if (ChineseSeparator(c) is { } ascii)
            {
                var betweenDigits = i > 0 && IsDigit(text[i - 1]) && i + 1 < text.Length && IsDigit(text[i + 1]);
                // A decimal point, thousands comma or time colon typed in Chinese mode stays one (1。2万, 21：00).
                separated.Append(betweenDigits && ascii is '.' or ',' or ':' ? ascii : ' ');
            }
            else
            {
                separated.Append(c);
            }
        }

        var folded = separated.ToString().Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            result.Append(IsAsciiSeparator(c) && SeparatesWords(folded, i) ? ' ' : c);
        }

        return result.ToString();
    }

    // An ASCII separator separates unless it sits inside a word: between digits (1.2, 21:00) or letters (a.b@c.com).
    // A run of them ("?!", "...") counts as one, so the whole run at a word's end goes.
    private static bool SeparatesWords(string text, int i)
    {
        var previous = i > 0 ? text[i - 1] : ' ';
        if (i + 1 < text.Length && char.IsAsciiDigit(previous) && char.IsAsciiDigit(text[i + 1]))
        {
            return false;
        }

        var after = i + 1;
        while (after < text.Length && IsAsciiSeparator(text[after]))
        {
            after++;
        }

        var next = after < text.Length ? text[after] : ' ';
        return char.IsWhiteSpace(next) || IsCjk(previous) || IsCjk(next);
    }

    private static bool IsAsciiSeparator(char c) => c is ',' or ';' or ':' or '.' or '!' or '?';

    // The ASCII character a Chinese (or full-width) separator stands for.
    private static char? ChineseSeparator(char c) => c switch
    {
        '，' => ',',
        // An enumeration comma never sits inside a number: 1、2 is a list.
        '、' or '､' => ' ',
        '；' => ';',
        '：' => ':',
        '。' or '．' or '｡' => '.',
        '！' => '!',
        '？' => '?',
        _ => null,
    };

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    /// <summary>
    /// True for a character of Chinese, Japanese or Korean script (ideographs, kana, hangul, CJK symbols): such words
    /// are written without spaces, so a command word in them needs no space after it.
    /// </summary>
    public static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF'
            or >= '\uAC00' and <= '\uD7AF'
            or >= '\uF900' and <= '\uFAFF';
}
