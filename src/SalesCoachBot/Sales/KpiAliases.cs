
namespace SalesCoachBot.Sales;

/// <summary>One KPI a logged word adds to: the amount written, or a fixed amount (a deal always counts one contract).</summary>
internal sealed record KpiEffect(string KpiKey, decimal? FixedAmount = null);

/// <summary>What a word in <c>log &lt;kpi&gt;</c> means: the KPIs it adds to and whether an amount must be written.</summary>
internal sealed record KpiAlias(string Word, IReadOnlyList<KpiEffect> Effects)
{
    /// <summary>True for a tenant's own money or percent KPI: like revenue, its amount must be written.</summary>
    public bool AmountRequired { get; init; }

    /// <summary>Money cannot default; counts default to one (<c>log visit Acme</c>).</summary>
    public bool RequiresAmount => AmountRequired || Effects.Any(e => e.FixedAmount is null && e.KpiKey == KpiDefaults.Revenue);
}

/// <summary>The English and Chinese words for the default KPIs, matched ignoring case and surrounding spaces.</summary>
internal static class KpiAliases
{
    private static readonly Dictionary<string, KpiAlias> ByWord = Build();

    public static IEnumerable<string> Words => ByWord.Keys;

    public static KpiAlias? Find(string word) =>
        ByWord.GetValueOrDefault(Normalize(word));

    /// <summary>How a typed KPI word is compared and stored: full-width folded, trimmed, lower case.</summary>
    public static string Normalize(string word) => AmountParser.Normalize(word ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>Finds a word, or the closest known word (at most two edits, one for short words) for a "did you mean" hint.</summary>
    public static bool TryFind(string word, out KpiAlias? alias, out string? suggestion)
    {
        alias = Find(word);
        suggestion = null;
        if (alias is not null)
        {
            return true;
        }

        suggestion = Closest(word, ByWord.Keys);
        return false;
    }

    /// <summary>The closest of <paramref name="known"/> words (at most two edits, one for short words), or null.</summary>
    public static string? Closest(string word, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var key = Normalize(word);
        var limit = key.Length <= 3 ? 1 : 2;
        var best = int.MaxValue;
        string? suggestion = null;
        foreach (var candidate in known)
        {
            var distance = EditDistance(key, candidate);
            if (distance <= limit && distance < best)
            {
                best = distance;
                suggestion = candidate;
            }
        }

        return suggestion;
    }

    internal static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static Dictionary<string, KpiAlias> Build()
    {
        var map = new Dictionary<string, KpiAlias>(StringComparer.Ordinal);
        void Add(KpiEffect[] effects, params string[] words)
        {
            foreach (var word in words)
            {
                map.Add(word, new KpiAlias(word, effects));
            }
        }

        Add([new(KpiDefaults.Revenue)], "revenue", "rev", "sales", "销售额", "营收", "收入");
        Add([new(KpiDefaults.Contracts)], "contract", "contracts", "合同", "签约");
        Add([new(KpiDefaults.NewCustomers)], "new", "new-customer", "new-customers", "customer", "customers", "新客户", "新客");
        Add([new(KpiDefaults.Visits)], "visit", "visits", "拜访", "客户拜访", "面访");
        Add([new(KpiDefaults.Revenue), new(KpiDefaults.Contracts, 1m)], "deal", "deals", "成交", "单", "签单",
            "签约额", "合同额", "成交额", "业绩", "开单", "出单", "赢单", "中标");
        return map;
    }
}
