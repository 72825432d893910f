using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Commission;

/// <summary>What <c>commission plan …</c> asks: show the plan, remove it, or set one.</summary>
internal enum PlanRequestKind
{
    Show = 0,
    Remove = 1,
    Set = 2,
}

/// <summary>
/// A typed plan before its KPI is looked up: the KPI as written, the tiers, mode, cap and period; or the first error
/// (<see cref="Error"/>, with the words it is about in <see cref="About"/>).
/// </summary>
internal sealed record PlanRequest(
    PlanRequestKind Kind,
    string KpiWord = "",
    IReadOnlyList<CommissionTierRule>? Tiers = null,
    CommissionMode Mode = CommissionMode.Marginal,
    decimal? Cap = null,
    CommissionPeriod Period = CommissionPeriod.Month,
    CommissionPlanError Error = CommissionPlanError.None,
    string? About = null);

/// <summary>
/// Reads <c>commission plan &lt;kpi&gt; &lt;from%:rate%&gt;… marginal|whole [cap &lt;amount&gt;] [month|quarter]</c> and
/// the Chinese form <c>提成 方案 回款 0:2 80:3 100:5 分段|全额 [封顶 5万] [月|季度]</c>, words in any order after the
/// KPI: tiers are <c>from:rate</c> in percent (<c>80:3</c>, <c>80%:3%</c>, a full-width colon too), ascending from 0;
/// the mode must be written (money rules are not guessed); the cap is an amount as people write it (<c>50000</c>,
/// <c>5万</c>, <c>¥5万</c>); the period is a month unless <c>quarter</c>/<c>季度</c> is written. <c>off</c>/<c>关闭</c>
/// removes the plan; nothing after <c>plan</c> shows it.
/// </summary>
internal static class CommissionPlanParser
{
    private static readonly string[] OffWords = ["off", "remove", "delete", "none", "关闭", "取消", "删除", "停用"];
    private static readonly string[] MarginalWords = ["marginal", "tiered", "分段", "累进", "分段累进", "超额累进"];
    private static readonly string[] WholeWords = ["whole", "whole-amount", "full", "全额", "整体"];
    private static readonly string[] CapWords = ["cap", "capped", "max", "封顶", "上限"];
    private static readonly string[] MonthWords = ["month", "monthly", "月", "每月", "月度", "按月"];
    private static readonly string[] QuarterWords = ["quarter", "quarterly", "季度", "季", "每季度", "按季度", "按季"];

    /// <summary>Reads what follows <c>plan</c>/<c>方案</c>.</summary>
    public static PlanRequest Parse(string? arguments)
    {
        // A full-width colon is a tier's colon even after a % (80%：3%), where the normaliser would make it a space.
        var words = TypedText.Normalize(arguments?.Replace('：', ':')).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return new PlanRequest(PlanRequestKind.Show);
        }

        if (words.Length == 1 && Is(OffWords, words[0]))
        {
            return new PlanRequest(PlanRequestKind.Remove);
        }

        var tiers = new List<CommissionTierRule>();
        var kpiWords = new List<string>();
        CommissionMode? mode = null;
        decimal? cap = null;
        var period = CommissionPeriod.Month;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Contains(':', StringComparison.Ordinal))
            {
                if (!TryTier(word, out var tier))
                {
                    return Refused(CommissionPlanError.BadTier, word);
                }

                tiers.Add(tier);
            }
            else if (Is(MarginalWords, word))
            {
                mode = CommissionMode.Marginal;
            }
            else if (Is(WholeWords, word))
            {
                mode = CommissionMode.WholeAmount;
            }
            else if (Is(MonthWords, word))
            {
                period = CommissionPeriod.Month;
            }
            else if (Is(QuarterWords, word))
            {
                period = CommissionPeriod.Quarter;
            }
            else if (CapAmount(words, ref i) is { } capWritten)
            {
                if (!AmountParser.TryParse(capWritten, out decimal amount, out _))
                {
                    return Refused(CommissionPlanError.BadCap, capWritten);
                }

                cap = amount;
            }
            else if (tiers.Count == 0 && mode is null)
            {
                // The KPI comes first; its name may be more than one word.
                kpiWords.Add(word);
            }
            else
            {
                return Refused(CommissionPlanError.UnknownWord, word);
            }
        }

        if (kpiWords.Count == 0)
        {
            return Refused(CommissionPlanError.NoKpi, null);
        }

        var (error, about) = CommissionPlanRules.Check(tiers, cap);
        if (error != CommissionPlanError.None)
        {
            return Refused(error, about);
        }

        if (mode is null)
        {
            return Refused(CommissionPlanError.NoMode, null);
        }

        return new PlanRequest(PlanRequestKind.Set, string.Join(' ', kpiWords), tiers, mode.Value, cap, period);
    }

    /// <summary>Reads <c>80:3</c>, <c>80%:3%</c>: from % of target and rate %.</summary>
    public static bool TryTier(string word, out CommissionTierRule tier)
    {
        tier = new CommissionTierRule(0, 0);
        var parts = TypedText.Normalize(word.Replace('：', ':')).Split(':');
        if (parts.Length != 2 || !TryPercent(parts[0], out var from) || !TryPercent(parts[1], out var rate))
        {
            return false;
        }

        tier = new CommissionTierRule(from, rate);
        return true;
    }

    private static bool TryPercent(string text, out decimal value)
    {
        var s = text.Trim().TrimEnd('%').Trim();
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && s.Length > 0 && char.IsAsciiDigit(s[0]);
    }

    // "cap 5万", "封顶 5万" or glued "封顶5万": the written amount, moving past it; null when the word is no cap.
    private static string? CapAmount(string[] words, ref int at)
    {
        var word = words[at];
        if (Is(CapWords, word))
        {
            if (at + 1 >= words.Length)
            {
                return string.Empty;
            }

            at++;
            var amount = words[at];
            // "12 万": a unit written apart from its number.
            if (at + 1 < words.Length && AmountParser.IsUnitWord(words[at + 1]))
            {
                at++;
                amount += words[at];
            }

            return amount;
        }

        foreach (var cap in CapWords)
        {
            if (word.Length > cap.Length && word.StartsWith(cap, StringComparison.OrdinalIgnoreCase) && !char.IsAsciiLetter(word[cap.Length]))
            {
                return word[cap.Length..];
            }
        }

        return null;
    }

    private static bool Is(string[] words, string word) => words.Contains(word, StringComparer.OrdinalIgnoreCase);

    private static PlanRequest Refused(CommissionPlanError error, string? about) => new(PlanRequestKind.Set, Error: error, About: about);
}
