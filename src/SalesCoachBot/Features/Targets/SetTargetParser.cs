using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Targets;

/// <summary>The four parts of <c>set target &lt;who&gt; &lt;kpi&gt; &lt;period&gt; &lt;value&gt;</c>, as typed.</summary>
/// <param name="Who">An &lt;at&gt;mention&lt;/at&gt;, an e-mail, a display name or part of it (may contain spaces) or team [name].</param>
/// <param name="Period">One or more words (<c>next month</c>, <c>Q1 2027</c>), read by <see cref="PeriodWords"/>.</param>
internal sealed record SetTargetRequest(string Who, string Kpi, string Period, string Amount);

/// <summary>
/// Reads <c>set target</c> arguments: the person, then a KPI word, then the period and the value in either order
/// (<c>set target Rita revenue next month 500000</c>, <c>set target Alice Wang revenue 1.2m 2027</c>). The person is
/// everything before the KPI word, so a display name may have spaces; the period may be several words; the value may
/// be written with a space (<c>12 万</c>).
/// </summary>
internal static class SetTargetParser
{
    private static readonly string[] TargetWords = ["target", "targets"];

    /// <summary>
    /// Splits the arguments; <paramref name="afterSet"/> says the command word was <c>set</c>, so the next word must be
    /// <c>target</c>. <paramref name="isKpi"/> and <paramref name="isPeriod"/> recognise a KPI word and a period. When no
    /// split reads, the last word is taken as the value, the one before the words of the period as the KPI, so the
    /// command can say which part it does not understand. Null when the shape is wrong (the caller shows the usage).
    /// </summary>
    public static SetTargetRequest? Parse(string? arguments, bool afterSet, Func<string, bool> isKpi, Func<string, bool> isPeriod)
    {
        ArgumentNullException.ThrowIfNull(isKpi);
        ArgumentNullException.ThrowIfNull(isPeriod);
        var words = TypedText.Normalize(arguments).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (afterSet)
        {
            if (words.Count == 0 || !TargetWords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }

            words.RemoveAt(0);
        }

        if (words.Count < 4)
        {
            return null;
        }

        // Each KPI word after the first word (a person has a name) is a candidate: "Alice Sales revenue …" has two.
        var kpiAt = Enumerable.Range(1, words.Count - 3).Where(i => isKpi(words[i])).ToList();
        foreach (var at in kpiAt)
        {
            if (Split(words[(at + 1)..], isPeriod) is { } split)
            {
                return new SetTargetRequest(string.Join(' ', words[..at]), words[at], split.Period, split.Amount);
            }
        }

        if (kpiAt.Count > 0)
        {
            var at = kpiAt[0];
            return new SetTargetRequest(string.Join(' ', words[..at]), words[at], string.Join(' ', words[(at + 1)..^1]), words[^1]);
        }

        // No KPI word: find the period and value at the end, so the KPI word the command refuses is the right one.
        for (var periodWords = 3; periodWords >= 1; periodWords--)
        {
            var kpi = words.Count - 1 - periodWords - 1;
            if (kpi >= 1 && isPeriod(string.Join(' ', words[(kpi + 1)..^1])))
            {
                return new SetTargetRequest(string.Join(' ', words[..kpi]), words[kpi], string.Join(' ', words[(kpi + 1)..^1]), words[^1]);
            }
        }

        return new SetTargetRequest(string.Join(' ', words[..^3]), words[^3], words[^2], words[^1]);
    }

    // The words after the KPI: the value last or first (one word, or two as in "12 万"), the period the rest.
    private static (string Period, string Amount)? Split(List<string> rest, Func<string, bool> isPeriod)
    {
        for (var amountWords = 1; amountWords <= 2; amountWords++)
        {
            if (rest.Count <= amountWords)
            {
                break;
            }

            (List<string> Period, List<string> Amount)[] splits =
            [
                (rest[..^amountWords], rest[^amountWords..]),
                (rest[amountWords..], rest[..amountWords]),
            ];
            foreach (var (period, amount) in splits)
            {
                var periodText = string.Join(' ', period);
                // "12 万" is one amount, as 12万.
                var amountText = string.Concat(amount);
                if (isPeriod(periodText) && AmountParser.TryParse(amountText, out decimal _, out _))
                {
                    return (periodText, amountText);
                }
            }
        }

        return null;
    }
}
