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
}

/// <summary>How much one KPI goes up by.</summary>
internal sealed record KpiAmount(string KpiKey, decimal Amount);

/// <summary>A parsed <c>log</c> command; <see cref="Currency"/> is what was written (null if none), for the caller to check.</summary>
internal sealed record LogRequest(string Word, IReadOnlyList<KpiAmount> Amounts, string? Customer, string? Note, string? Currency);

/// <summary>
/// Either a request or an error naming the word at fault (its 0-based position among the words), the amount's own error
/// and, for an unknown KPI, the closest known word.
/// </summary>
internal sealed record LogParseResult(LogRequest? Request, LogError Error, string? Token = null, int Position = -1, AmountError AmountError = AmountError.None, string? Suggestion = null)
{
    public bool IsSuccess => Request is not null;
}

/// <summary>
/// The grammar of <c>log &lt;kpi&gt; &lt;amount&gt; [customer] [note]</c> / <c>记录 …</c> (arguments after the command word).
/// The amount may also come first (<c>记录 12万 成交</c>). For count KPIs an omitted amount means one, when the next word
/// does not look like a number (<c>log visit Acme</c>); money must be written. The first word after the amount is the
/// customer, the rest the note; quotes ("…", “…”, 「…」, 『…』) keep a name with spaces together. Mentions are dropped.
/// </summary>
internal static partial class LogCommandParser
{
    private static readonly Dictionary<char, char> Quotes = new()
    {
        ['"'] = '"', ['“'] = '”', ['「'] = '」', ['『'] = '』', ['＂'] = '＂',
    };

    public static LogParseResult Parse(string? arguments)
    {
        var text = MentionPattern().Replace(arguments ?? string.Empty, " ");
        if (!TryTokenize(text, out var words, out var unclosed))
        {
            return new LogParseResult(null, LogError.UnclosedQuote, unclosed, words.Count);
        }

        if (words.Count == 0)
        {
            return new LogParseResult(null, LogError.MissingKpi);
        }

        var kpiAt = 0;
        var alias = KpiAliases.Find(words[0].Text);
        if (alias is null && words.Count > 1 && !words[0].Quoted && AmountParser.LooksLikeAmount(words[0].Text) && KpiAliases.Find(words[1].Text) is { } second)
        {
            // Amount first: swap so the rest reads the same.
            alias = second;
            kpiAt = 1;
            (words[0], words[1]) = (words[1], words[0]);
        }

        if (alias is null)
        {
            KpiAliases.TryFind(words[0].Text, out _, out var suggestion);
            return new LogParseResult(null, LogError.UnknownKpi, words[0].Text, 0, Suggestion: suggestion);
        }

        var next = 1;
        decimal amount = 1m;
        string? currency = null;
        var amountPosition = kpiAt == 1 ? 0 : 1;

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

    private static bool TryTokenize(string text, out List<Word> words, out string? unclosed)
    {
        words = [];
        unclosed = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
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
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
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
