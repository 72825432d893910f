using System.Text.RegularExpressions;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.SalesResults;

public enum LogError
{
    None,
    MissingKpi,
    UnknownKpi,
    MissingAmount,
    InvalidAmount,
    ZeroAmount,
    /// <summary>More than two decimals of money, or a fraction of a count.</summary>
    TooPrecise,
    UnclosedQuote,
    /// <summary>A count KPI with an amount written as money (<c>签约 50万</c>): the rep most likely meant a deal.</summary>
    CountWithMoney,
}

/// <summary>How much one KPI goes up by.</summary>
internal sealed record KpiAmount(string KpiKey, decimal Amount);

/// <summary>A parsed <c>log</c> command; <see cref="Currency"/> is what was written (null if none), for the caller to check.</summary>
internal sealed record LogRequest(string Word, IReadOnlyList<KpiAmount> Amounts, string? Customer, string? Note, string? Currency);

/// <summary>
/// Either a request or an error naming the word at fault (its 0-based position among the words), the amount's own error
/// and, for an unknown KPI, the closest known word.
/// For <see cref="LogError.CountWithMoney"/>: the KPI word typed, the amount's value and the words after the amount
/// (customer and note), to write out the deal command the rep meant.
/// </summary>
internal sealed record LogParseResult(
    LogRequest? Request, LogError Error, string? Token = null, int Position = -1, AmountError AmountError = AmountError.None, string? Suggestion = null,
    string? KpiWord = null, decimal Amount = 0, string? Rest = null)
{
    public bool IsSuccess => Request is not null;
}

/// <summary>
/// The grammar of <c>log &lt;kpi&gt; &lt;amount&gt; [customer] [note]</c> / <c>记录 …</c> (arguments after the command word).
/// The amount may also come first (<c>记录 12万 成交</c>). For count KPIs an omitted amount means one, when the next word
/// does not look like a number (<c>log visit Acme</c>); money must be written. The first word after the amount is the
/// customer, the rest the note; quotes ("…", “…”, 「…」, 『…』) keep a name with spaces together. Mentions are dropped.
/// Written as people type on a phone: Chinese punctuation separates words (<c>12万，华为</c>), the KPI word may be glued
/// to the amount (<c>成交12万华为</c>, <c>12万成交</c>), the unit may stand apart (<c>12 万</c>), and an "about" word is
/// dropped (<c>约 12万</c>). A count KPI refuses an amount written as money (<see cref="LogError.CountWithMoney"/>).
/// </summary>
internal static partial class LogCommandParser
{
    private static readonly Dictionary<char, char> Quotes = new()
    {
        ['"'] = '"', ['“'] = '”', ['「'] = '」', ['『'] = '』', ['＂'] = '＂',
    };

    /// <summary>Parses with the tenant's KPI words (<paramref name="vocabulary"/>), or the defaults' alone when null.</summary>
    public static LogParseResult Parse(string? arguments, KpiVocabulary? vocabulary = null)
    {
        vocabulary ??= KpiVocabulary.Defaults;
        var text = MentionPattern().Replace(arguments ?? string.Empty, " ");
        if (!TryTokenize(text, out var words, out var unclosed))
        {
            return new LogParseResult(null, LogError.UnclosedQuote, unclosed, words.Count);
        }

        if (words.Count == 0)
        {
            return new LogParseResult(null, LogError.MissingKpi);
        }

        if (!words[0].Quoted && vocabulary.Find(words[0].Text) is null && SplitGlued(words[0].Text, vocabulary) is { } pieces)
        {
            words.RemoveAt(0);
            words.InsertRange(0, pieces.Select(p => new Word(p, false)));
        }

        var kpiAt = 0;
        var alias = vocabulary.Find(words[0].Text);
        if (alias is null && words.Count > 1 && !words[0].Quoted && AmountParser.LooksLikeAmount(words[0].Text) && vocabulary.Find(words[1].Text) is { } second)
        {
            // Amount first: swap so the rest reads the same.
            alias = second;
            kpiAt = 1;
            (words[0], words[1]) = (words[1], words[0]);
        }

        if (alias is null)
        {
            vocabulary.TryFind(words[0].Text, out _, out var suggestion);
            return new LogParseResult(null, LogError.UnknownKpi, words[0].Text, 0, Suggestion: suggestion);
        }

        var next = 1;
        decimal amount = 1m;
        string? currency = null;
        var amountPosition = kpiAt == 1 ? 0 : 1;

        // "约 12万": the approximate word says nothing the amount does not.
        if (words.Count > next + 1 && !words[next].Quoted && AmountParser.IsApproximateWord(words[next].Text) && AmountParser.LooksLikeAmount(words[next + 1].Text))
        {
            words.RemoveAt(next);
        }

        // A currency written apart from the number: "RMB 120000" or "120000 元".
        if (words.Count > next + 1 && !words[next].Quoted && AmountParser.CurrencyOf(words[next].Text) is not null && AmountParser.LooksLikeAmount(words[next + 1].Text))
        {
            words[next] = new Word(words[next].Text + words[next + 1].Text, false);
            words.RemoveAt(next + 1);
        }
        else if (words.Count > next + 1 && !words[next + 1].Quoted && AmountParser.CurrencyOf(words[next + 1].Text) is not null && AmountParser.LooksLikeAmount(words[next].Text))
        {
            words[next] = new Word(words[next].Text + words[next + 1].Text, false);
            words.RemoveAt(next + 1);
        }

        // "12 万" and "12 万元": the unit belongs to the number, never to the customer.
        if (words.Count > next + 1 && !words[next + 1].Quoted && AmountParser.IsUnitWord(words[next + 1].Text) && AmountParser.LooksLikeAmount(words[next].Text))
        {
            words[next] = new Word(words[next].Text + words[next + 1].Text, false);
            words.RemoveAt(next + 1);
            if (words.Count > next + 1 && !words[next + 1].Quoted && AmountParser.CurrencyOf(words[next + 1].Text) is not null)
            {
                words[next] = new Word(words[next].Text + words[next + 1].Text, false);
                words.RemoveAt(next + 1);
            }
        }

        // "12万华为": the customer glued to the amount.
        if (words.Count > next && !words[next].Quoted && AmountParser.LooksLikeAmount(words[next].Text)
            && !AmountParser.TryParse(words[next].Text, out decimal _, out _) && SplitAmount(words[next].Text) is { } split)
        {
            words[next] = new Word(split.Amount, false);
            words.Insert(next + 1, new Word(split.Tail, false));
        }

        if (words.Count > next && !words[next].Quoted && AmountParser.LooksLikeAmount(words[next].Text))
        {
            var token = words[next].Text;
            if (!AmountParser.TryParse(token, out ParsedAmount? parsed, out var amountError))
            {
                return new LogParseResult(null, LogError.InvalidAmount, token, amountPosition, amountError);
            }

            if (parsed!.Value == 0)
            {
                return new LogParseResult(null, LogError.ZeroAmount, token, amountPosition);
            }

            var money = alias.RequiresAmount;
            if (!money && parsed.LooksLikeMoney)
            {
                var rest = string.Join(' ', words.Skip(next + 1).Select(w => w.Quoted ? "\"" + w.Text + "\"" : w.Text));
                return new LogParseResult(null, LogError.CountWithMoney, token, amountPosition,
                    KpiWord: words[0].Text, Amount: parsed.Value, Rest: rest.Length == 0 ? null : rest);
            }

            if ((money && parsed.Decimals > 2) || (!money && parsed.Decimals > 0))
            {
                return new LogParseResult(null, LogError.TooPrecise, token, amountPosition);
            }

            amount = parsed.Value;
            currency = parsed.Currency;
            next++;
        }
        else if (alias.RequiresAmount)
        {
            return new LogParseResult(null, LogError.MissingAmount, words.Count > next ? words[next].Text : null, amountPosition);
        }

        var customer = words.Count > next ? words[next].Text : null;
        var note = words.Count > next + 1 ? string.Join(' ', words.Skip(next + 1).Select(w => w.Text)) : null;
        var amounts = alias.Effects.Select(e => new KpiAmount(e.KpiKey, e.FixedAmount ?? amount)).ToList();
        return new LogParseResult(new LogRequest(alias.Word, amounts, customer, note, currency), LogError.None);
    }

    private sealed record Word(string Text, bool Quoted);

    // Chinese and full-width punctuation between words; an ASCII comma only when no digit follows (120,000 stays whole).
    private static bool IsSeparator(string text, int i) => text[i] switch
    {
        '，' or '、' or '；' or '。' or '：' or '！' or '？' or ';' => true,
        ',' => i + 1 >= text.Length || !char.IsAsciiDigit(AmountParser.Normalize(text[i + 1].ToString())[0]),
        var c => char.IsWhiteSpace(c),
    };

    /// <summary>
    /// A KPI word glued to its amount: <c>成交12万</c> → 成交, 12万; <c>成交12万华为</c> → 成交, 12万, 华为;
    /// <c>12万成交</c> → 12万, 成交. Null when the word is not one of these.
    /// </summary>
    internal static IReadOnlyList<string>? SplitGlued(string word, KpiVocabulary? vocabulary = null)
    {
        var normalized = AmountParser.Normalize(word).Trim();
        // Longest KPI word first: 签约额 (a deal) before 签约 (contracts).
        foreach (var known in (vocabulary ?? KpiVocabulary.Defaults).Words.OrderByDescending(w => w.Length))
        {
            if (normalized.Length > known.Length && normalized.StartsWith(known, StringComparison.OrdinalIgnoreCase))
            {
                var rest = normalized[known.Length..];
                if (!AmountParser.LooksLikeAmount(rest))
                {
                    continue;
                }

                if (AmountParser.TryParse(rest, out decimal _, out _))
                {
                    return [known, rest];
                }

                return SplitAmount(rest) is { } split ? [known, split.Amount, split.Tail] : [known, rest];
            }

            if (normalized.Length > known.Length && normalized.EndsWith(known, StringComparison.OrdinalIgnoreCase)
                && AmountParser.TryParse(normalized[..^known.Length], out decimal _, out _))
            {
                return [normalized[..^known.Length], known];
            }
        }

        return null;
    }

    /// <summary>
    /// The longest amount at the start of a word and what follows it (<c>12万华为</c> → 12万, 华为). After Arabic digits
    /// only units and currencies count as the amount, so a customer starting with a Chinese numeral (三一重工) stays whole.
    /// </summary>
    internal static (string Amount, string Tail)? SplitAmount(string word)
    {
        var s = AmountParser.Normalize(word).Trim();
        var arabic = s.Any(char.IsAsciiDigit);
        for (var end = s.Length - 1; end > 0; end--)
        {
            var head = s[..end];
            var tail = s[end..].Trim();
            if (tail.Length == 0 || (arabic && "零〇一二两三四五六七八九".Contains(head[^1], StringComparison.Ordinal)))
            {
                continue;
            }

            // A Latin word glued to digits (12abc) is far likelier a typo than a customer, and a unit after the amount (12万万)
            // a bad amount: only a name in another script splits off.
            if (AmountParser.TryParse(head, out decimal _, out _) && !char.IsAscii(tail[0]) && !"十百千万亿元块¥€".Contains(tail[0], StringComparison.Ordinal))
            {
                return (head.Trim(), tail);
            }
        }

        return null;
    }

    private static bool TryTokenize(string text, out List<Word> words, out string? unclosed)
    {
        words = [];
        unclosed = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSeparator(text, i))
            {
                i++;
                continue;
            }

            if (Quotes.TryGetValue(c, out var close))
            {
                var end = text.IndexOf(close, i + 1);
                if (end < 0)
                {
                    unclosed = text[i..].Trim();
                    return false;
                }

                var inner = text[(i + 1)..end].Trim();
                if (inner.Length > 0)
                {
                    words.Add(new Word(inner, true));
                }

                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !IsSeparator(text, i))
            {
                i++;
            }

            words.Add(new Word(text[start..i], false));
        }

        return true;
    }

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionPattern();
}
