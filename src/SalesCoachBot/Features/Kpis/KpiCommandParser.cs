using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Kpis;

/// <summary>What <c>kpi</c> asks.</summary>
internal enum KpiVerb
{
    List = 0,
    Add = 1,
    Rename = 2,
    Alias = 3,
    Retire = 4,
    Restore = 5,
    /// <summary>A change verb with missing or unreadable words: the reply is the usage.</summary>
    Usage = 6,
}

/// <summary>Which name a rename changes: by the script of the new name, or as an <c>en:</c> / <c>zh:</c> prefix says.</summary>
internal enum KpiNameLanguage
{
    ByScript = 0,
    English = 1,
    Chinese = 2,
}

/// <summary>
/// A read <c>kpi</c> command. Add: <see cref="NameEn"/>/<see cref="NameZh"/> (at least one), <see cref="Unit"/> and
/// <see cref="Aggregation"/> (null when the words were not a unit: then <see cref="BadUnit"/>). Rename, alias, retire, restore: <see cref="Kpi"/> the KPI word, <see cref="Value"/> the new name or word.
/// </summary>
internal sealed record KpiRequest(
    KpiVerb Verb, string? Kpi = null, string? Value = null, KpiNameLanguage Language = KpiNameLanguage.ByScript,
    string? NameEn = null, string? NameZh = null, KpiUnit? Unit = null, KpiAggregation Aggregation = KpiAggregation.Sum,
    bool BadUnit = false);

/// <summary>
/// The grammar of <c>kpi</c> · <c>指标</c> (arguments after the command word):
/// <c>kpi add [English name] [中文名] money|count|percent [sum|average]</c> · <c>指标 添加 回款 金额 [合计|平均]</c>: a name
/// with a Chinese character is the Chinese name, any other the English one; quotes keep a name with spaces together
/// (<c>kpi add "Demo calls" 演示 count</c>). <c>kpi rename &lt;kpi&gt; [en:|zh:]&lt;new name&gt;</c>,
/// <c>kpi alias &lt;kpi&gt; &lt;word&gt;</c>, <c>kpi retire &lt;kpi&gt;</c>, <c>kpi restore &lt;kpi&gt;</c>.
/// </summary>
internal static class KpiCommandParser
{
    private static readonly Dictionary<string, KpiVerb> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["list"] = KpiVerb.List, ["列表"] = KpiVerb.List, ["查看"] = KpiVerb.List,
        ["add"] = KpiVerb.Add, ["new"] = KpiVerb.Add, ["添加"] = KpiVerb.Add, ["新增"] = KpiVerb.Add, ["增加"] = KpiVerb.Add,
        ["rename"] = KpiVerb.Rename, ["改名"] = KpiVerb.Rename, ["重命名"] = KpiVerb.Rename,
        ["alias"] = KpiVerb.Alias, ["别名"] = KpiVerb.Alias,
        ["retire"] = KpiVerb.Retire, ["停用"] = KpiVerb.Retire,
        ["restore"] = KpiVerb.Restore, ["恢复"] = KpiVerb.Restore, ["启用"] = KpiVerb.Restore,
    };

    private static readonly Dictionary<string, KpiUnit> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["money"] = KpiUnit.Currency, ["currency"] = KpiUnit.Currency, ["金额"] = KpiUnit.Currency,
        ["count"] = KpiUnit.Count, ["number"] = KpiUnit.Count, ["个数"] = KpiUnit.Count, ["次数"] = KpiUnit.Count, ["数量"] = KpiUnit.Count,
        ["percent"] = KpiUnit.Percent, ["%"] = KpiUnit.Percent, ["百分比"] = KpiUnit.Percent,
    };

    private static readonly Dictionary<string, KpiAggregation> Aggregations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sum"] = KpiAggregation.Sum, ["total"] = KpiAggregation.Sum, ["合计"] = KpiAggregation.Sum, ["累计"] = KpiAggregation.Sum,
        ["average"] = KpiAggregation.Average, ["avg"] = KpiAggregation.Average, ["平均"] = KpiAggregation.Average,
        ["last"] = KpiAggregation.Last, ["latest"] = KpiAggregation.Last, ["最新"] = KpiAggregation.Last, ["最新值"] = KpiAggregation.Last,
    };

    private static readonly Dictionary<char, char> Quotes = new() { ['"'] = '"', ['“'] = '”', ['「'] = '」', ['『'] = '』' };

    /// <summary>Every word the grammar reserves (verbs, units, aggregations), which a KPI name may not be.</summary>
    public static bool IsReserved(string word) =>
        Verbs.ContainsKey(word) || Units.ContainsKey(word) || Aggregations.ContainsKey(word);

    /// <summary>Reads the words after the command. Never throws.</summary>
    public static KpiRequest Read(string? arguments)
    {
        var words = Tokenize(TypedText.Normalize(arguments));
        if (words.Count == 0)
        {
            return new KpiRequest(KpiVerb.List);
        }

        if (!Verbs.TryGetValue(words[0], out var verb))
        {
            return new KpiRequest(KpiVerb.Usage);
        }

        var rest = words.Skip(1).ToList();
        return verb switch
        {
            KpiVerb.List => new KpiRequest(KpiVerb.List),
            KpiVerb.Add => ReadAdd(rest),
            KpiVerb.Rename when rest.Count >= 2 => ReadRename(rest[0], rest.Skip(1).ToList()),
            KpiVerb.Alias when rest.Count == 2 => new KpiRequest(KpiVerb.Alias, rest[0], rest[1]),
            KpiVerb.Retire or KpiVerb.Restore when rest.Count == 1 => new KpiRequest(verb, rest[0]),
            _ => new KpiRequest(KpiVerb.Usage),
        };
    }

    /// <summary>True when the text holds a CJK ideograph: such a name is the Chinese one.</summary>
    public static bool IsChinese(string text) => text.Any(c => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff');

    private static KpiRequest ReadAdd(List<string> rest)
    {
        if (rest.Count == 0)
        {
            return new KpiRequest(KpiVerb.Usage);
        }

        var aggregation = KpiAggregation.Sum;
        if (rest.Count > 1 && Aggregations.TryGetValue(rest[^1], out var written))
        {
            aggregation = written;
            rest.RemoveAt(rest.Count - 1);
        }

        if (rest.Count < 2 || !Units.TryGetValue(rest[^1], out var unit))
        {
            return new KpiRequest(KpiVerb.Add, BadUnit: true);
        }

        rest.RemoveAt(rest.Count - 1);
        string? en = null;
        string? zh = null;
        foreach (var name in rest)
        {
            if (IsChinese(name) && zh is null)
            {
                zh = name;
            }
            else if (!IsChinese(name) && en is null)
            {
                en = name;
            }
            else
            {
                // Two names in one language: which one is meant is a guess.
                return new KpiRequest(KpiVerb.Usage);
            }
        }

        return new KpiRequest(KpiVerb.Add, NameEn: en, NameZh: zh, Unit: unit, Aggregation: aggregation);
    }

    private static KpiRequest ReadRename(string kpi, List<string> words)
    {
        // "zh:营业额" reaches here as "zh 营业额": the colon next to a Chinese character separates words.
        if (words.Count > 1 && words[0].ToLowerInvariant() is "zh" or "en")
        {
            words[0] += ":";
        }

        var name = string.Join(' ', words);
        if (words.Count > 1 && words[0].EndsWith(':'))
        {
            name = words[0] + string.Join(' ', words.Skip(1));
        }

        var language = KpiNameLanguage.ByScript;
        if (name.StartsWith("en:", StringComparison.OrdinalIgnoreCase))
        {
            (language, name) = (KpiNameLanguage.English, name[3..].Trim());
        }
        else if (name.StartsWith("zh:", StringComparison.OrdinalIgnoreCase))
        {
            (language, name) = (KpiNameLanguage.Chinese, name[3..].Trim());
        }

        return name.Length == 0 ? new KpiRequest(KpiVerb.Usage) : new KpiRequest(KpiVerb.Rename, kpi, name, language);
    }

    private static List<string> Tokenize(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (Quotes.TryGetValue(text[i], out var close) && text.IndexOf(close, i + 1) is var end and > 0)
            {
                var inner = text[(i + 1)..end].Trim();
                if (inner.Length > 0)
                {
                    words.Add(inner);
                }

                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            words.Add(text[start..i]);
        }

        return words;
    }
}
