using SalesCoachBot.Data;
using SalesCoachBot.Localization;

namespace SalesCoachBot.Sales;

/// <summary>
/// The four KPIs every tenant starts with. Their display names are texts (<see cref="KpiTextKeys"/>), so the rows keep
/// NameEn/NameZh null; a tenant's own KPIs set them.
/// </summary>
internal static class KpiDefaults
{
    public const string Revenue = "revenue";
    public const string Contracts = "contracts";
    public const string NewCustomers = "new-customers";
    public const string Visits = "visits";

    /// <summary>
    /// 回款 (payment collected): what many Chinese teams pay commission on. A CNY tenant starts with it, sorted right
    /// after revenue; unlike the four it has stored names, so a manager can rename or retire it like their own KPIs.
    /// </summary>
    public const string Collections = "collections";

    public const string CollectionsNameEn = "Collections";
    public const string CollectionsNameZh = "回款";

    /// <summary>Sort order of collections: after revenue (10), before contracts (20).</summary>
    public const int CollectionsSortOrder = 15;

    public static IReadOnlyList<string> Keys { get; } = [Revenue, Contracts, NewCustomers, Visits];

    /// <summary>New rows for the defaults of a tenant (the caller adds them once, when the tenant is first seen).</summary>
    public static IEnumerable<KpiDefinition> For(string tenantId, string currency)
    {
        var rows = Keys.Select((key, index) => new KpiDefinition
        {
            TenantId = tenantId,
            Key = key,
            Unit = key == Revenue ? KpiUnit.Currency : KpiUnit.Count,
            Aggregation = KpiAggregation.Sum,
            Currency = key == Revenue ? currency : null,
            SortOrder = (index + 1) * 10,
            IsActive = true,
        }).ToList();
        if (string.Equals(currency, "CNY", StringComparison.OrdinalIgnoreCase))
        {
            rows.Insert(1, CollectionsFor(tenantId, currency));
        }

        return rows;
    }

    /// <summary>The collections row of a tenant (see <see cref="Collections"/>).</summary>
    public static KpiDefinition CollectionsFor(string tenantId, string currency) => new()
    {
        TenantId = tenantId,
        Key = Collections,
        NameEn = CollectionsNameEn,
        NameZh = CollectionsNameZh,
        Unit = KpiUnit.Currency,
        Aggregation = KpiAggregation.Sum,
        Currency = currency,
        SortOrder = CollectionsSortOrder,
        IsActive = true,
    };

    /// <summary>Text key of a default KPI's display name (<c>kpi.name.revenue</c>, …).</summary>
    public static string NameKey(string key) => "kpi.name." + key;

    /// <summary>True for one of the four default KPIs (their names and phrases are texts).</summary>
    public static bool IsDefault(KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return Keys.Contains(kpi.Key, StringComparer.Ordinal);
    }

    /// <summary>A KPI's display name in the locale: a tenant's own name wins (in either language), the defaults' are texts.</summary>
    public static string NameOf(BotText text, string? locale, KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(kpi);
        var custom = BotText.IsChinese(locale) ? kpi.NameZh ?? kpi.NameEn : kpi.NameEn ?? kpi.NameZh;
        return custom ?? (IsDefault(kpi) ? text.Get(locale, NameKey(kpi.Key)) : kpi.Key);
    }
}
