using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Scorecards;

/// <summary>What <c>scorecard …</c> asks for.</summary>
internal enum ScorecardAsk
{
    /// <summary>A scorecard: the caller's own, a team summary, or a rep's (<see cref="ScorecardRequest.Who"/>).</summary>
    Show = 0,

    /// <summary><c>weights …</c> · <c>权重 …</c>: show or set the team's weights.</summary>
    Weights = 1,

    /// <summary><c>cap …</c> · <c>封顶 …</c>: show or set the team's cap.</summary>
    Cap = 2,
}

/// <summary><c>scorecard</c> arguments: the ask, the rest of the words, and for a scorecard the person and the period as typed.</summary>
internal sealed record ScorecardRequest(ScorecardAsk Ask, string Rest, string? Who = null, string Period = "");

/// <summary>One KPI weight as typed: the KPI words and the percent.</summary>
internal sealed record TypedWeight(string Kpi, decimal Percent);

/// <summary>
/// Reads <c>scorecard</c> · <c>绩效</c> arguments: <c>weights revenue 40 visits 15 …</c> · <c>权重 签约额 40 回款 30 …</c>,
/// <c>cap 120</c> · <c>封顶 120</c>, else <c>[@rep|name] [period]</c>. Never throws.
/// </summary>
internal static class ScorecardParser
{
    public static readonly string[] WeightsWords = ["weights", "weight", "权重"];
    public static readonly string[] CapWords = ["cap", "封顶", "上限"];

    /// <summary>The widest cap a team may set, in percent: a KPI cannot carry a scorecard at 3× its target.</summary>
    public const decimal MaxCap = 300m;

    /// <summary>The narrowest cap: below 100 % a rep on target would not score full marks.</summary>
    public const decimal MinCap = 100m;

    public static ScorecardRequest Parse(string? arguments)
    {
        var text = TypedText.Normalize(arguments).Trim();
        var words = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0)
        {
            var rest = words.Length > 1 ? words[1] : string.Empty;
            if (WeightsWords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
            {
                return new ScorecardRequest(ScorecardAsk.Weights, rest);
            }

            if (CapWords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
            {
                return new ScorecardRequest(ScorecardAsk.Cap, rest);
            }
        }

        if (text.StartsWith("<at>", StringComparison.OrdinalIgnoreCase))
        {
            var end = text.IndexOf("</at>", StringComparison.OrdinalIgnoreCase);
            if (end > 0)
            {
                var mention = text[..(end + "</at>".Length)];
                return new ScorecardRequest(ScorecardAsk.Show, text, mention, text[mention.Length..].Trim());
            }
        }

        return new ScorecardRequest(ScorecardAsk.Show, text);
    }

    /// <summary>
    /// Splits <c>[name] [period]</c>: the longest run of up to three words at the end that reads as a period
    /// (<see cref="PeriodWords"/>), the rest is a name (empty: none).
    /// </summary>
    public static (string Name, string Period) SplitNameAndPeriod(string text, DateOnly today)
    {
        var words = TypedText.Normalize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var length = Math.Min(3, words.Length); length > 0; length--)
        {
            var candidate = string.Join(' ', words[^length..]);
            if (PeriodWords.TryRead(candidate, today, YearlessPeriod.Back, out _))
            {
                return (string.Join(' ', words[..^length]), candidate);
            }
        }

        return (string.Join(' ', words), string.Empty);
    }

    /// <summary>
    /// Reads <c>revenue 40 visits 15 new customers 15</c> (a KPI's words, then its percent; 40% works too). Null with
    /// the offending word when a number is missing or not a percent from 0 to 100 with up to two decimals.
    /// </summary>
    public static (IReadOnlyList<TypedWeight>? Weights, string? Bad) ReadWeights(string text)
    {
        var words = TypedText.Normalize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var weights = new List<TypedWeight>();
        var name = new List<string>();
        foreach (var word in words)
        {
            if (ReadPercent(word) is { } percent)
            {
                if (name.Count == 0 || percent is < 0m or > 100m || decimal.Round(percent, 2) != percent)
                {
                    return (null, word);
                }

                weights.Add(new TypedWeight(string.Join(' ', name), percent));
                name.Clear();
            }
            else
            {
                name.Add(word);
            }
        }

        return name.Count > 0 ? (null, string.Join(' ', name)) : (weights, null);
    }

    /// <summary>A percent as typed: 40, 40%, 12.5; null when not a number.</summary>
    public static decimal? ReadPercent(string word)
    {
        var trimmed = TypedText.Normalize(word).Trim().TrimEnd('%', '％');
        return decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
