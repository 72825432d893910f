using System.Text;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Recognition;

/// <summary>
/// What a praise says, read from the words after the command: <paramref name="Before"/> is the text before the first
/// mention (in the 1:1 chat it may name the team), <paramref name="Reason"/> the text after the leading mentions (later
/// mentions kept as the names they show), <paramref name="Value"/> the first <c>#word</c> (null when there is none;
/// empty for a lone <c>#</c>).
/// </summary>
internal sealed record PraiseWords(bool IsPrivate, string Before, string Reason, string? Value, int MentionCount);

/// <summary>
/// Reads <c>[private] [team] @Alice @Bob closed the Acme deal #customer-first</c> · <c>[私下] [团队] @张伟 拿下华为 #客户第一</c>.
/// Who is praised comes from the activity's mention entities, never from this text; the text only says where the
/// mentions end. Never throws.
/// </summary>
internal static class PraiseParser
{
    private const string MentionStart = "<at";
    private const string MentionEnd = "</at>";

    /// <summary>Words that make a praise private when they come first (the command <c>私下表扬</c> does too).</summary>
    private static readonly string[] PrivateWords = ["private", "privately", "私下"];

    /// <summary>Words people put between the names they praise (<c>@Alice and @Bob</c>, <c>@张伟 和 @李娜</c>).</summary>
    private static readonly string[] JoinWords = ["and", "&", "和", "与", "及", "、", ","];

    public static PraiseWords Read(string? arguments)
    {
        var text = TypedText.Normalize(arguments).Trim();
        var isPrivate = false;
        foreach (var word in PrivateWords)
        {
            if (StartsWithWord(text, word))
            {
                isPrivate = true;
                text = text[word.Length..].TrimStart();
                break;
            }
        }

        var first = FindMention(text, 0, out var firstEnd);
        string before;
        string after;
        var mentions = 0;
        if (first < 0)
        {
            before = text;
            after = string.Empty;
        }
        else
        {
            mentions = 1;
            before = text[..first].Trim();
            after = text[firstEnd..];
            // The leading run of mentions (and the words that join them) is who is praised; the rest is why.
            while (true)
            {
                var trimmed = after.TrimStart();
                var join = JoinWords.FirstOrDefault(j => StartsWithWord(trimmed, j) && FindMention(trimmed[j.Length..].TrimStart(), 0, out _) == 0);
                if (join is not null)
                {
                    trimmed = trimmed[join.Length..].TrimStart();
                }

                if (FindMention(trimmed, 0, out var end) == 0)
                {
                    mentions++;
                    after = trimmed[end..];
                    continue;
                }

                break;
            }
        }

        var (reason, value, more) = TakeValue(ShowMentions(after, out var later));
        var (beforeText, beforeValue, _) = TakeValue(ShowMentions(before, out _));
        return new PraiseWords(isPrivate, beforeText, reason, value ?? beforeValue, mentions + later + more);
    }

    // "#value" anywhere: the first is the value; the reason keeps the other words in their order.
    private static (string Text, string? Value, int Mentions) TakeValue(string text)
    {
        string? value = null;
        var words = new List<string>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (value is null && word.StartsWith('#'))
            {
                value = word[1..];
                continue;
            }

            words.Add(word);
        }

        return (string.Join(' ', words), value, 0);
    }

    // Mentions after the reason started stay readable as the name they show (<at>Bob</at> → Bob).
    private static string ShowMentions(string text, out int count)
    {
        count = 0;
        var result = new StringBuilder(text.Length);
        var at = 0;
        while (true)
        {
            var start = FindMention(text, at, out var end);
            if (start < 0)
            {
                result.Append(text, at, text.Length - at);
                break;
            }

            count++;
            result.Append(text, at, start - at);
            var open = text.IndexOf('>', start);
            var inner = text[(open + 1)..(end - MentionEnd.Length)];
            result.Append(' ').Append(inner).Append(' ');
            at = end;
        }

        return result.ToString().Trim();
    }

    private static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || char.IsWhiteSpace(text[word.Length]) || !char.IsAsciiLetter(word[^1]) || text[word.Length] == '<');

    // The next "<at>…</at>" (or "<at …>…</at>") from start; -1 when none is closed.
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
                var bracket = text.IndexOf('>', after);
                if (close < 0 || bracket < 0 || bracket > close)
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
}
