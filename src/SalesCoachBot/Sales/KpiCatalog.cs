using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;

namespace SalesCoachBot.Sales;

/// <summary>
/// The KPIs of the scope's tenant and the words that name them, for everything that reads a KPI word people typed or
/// wrote (log, the log form, set target, upload headers, CRM mapping). The scope's store must be bound to the tenant.
/// </summary>
internal interface IKpiCatalog
{
    /// <summary>Every KPI of the tenant (retired ones too, so their words say "no longer tracked") and every word for them.</summary>
    Task<KpiVocabulary> VocabularyAsync(CancellationToken cancellationToken = default);

    /// <summary>The tenant's active KPIs in card order.</summary>
    Task<IReadOnlyList<KpiDefinition>> ActiveAsync(CancellationToken cancellationToken = default);
}

/// <summary>Reads <see cref="IKpiCatalog"/> from the store: the kpi_definitions and kpi_aliases rows of the tenant.</summary>
internal sealed class KpiCatalog(SalesCoachDbContext store, BotText? text = null) : IKpiCatalog
{
    public async Task<KpiVocabulary> VocabularyAsync(CancellationToken cancellationToken = default)
    {
        var kpis = await store.Kpis.AsNoTracking().OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var aliases = await store.KpiAliases.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Word, a.KpiId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new KpiVocabulary(kpis, aliases.Select(a => (a.Word, a.KpiId)), text);
    }

    public async Task<IReadOnlyList<KpiDefinition>> ActiveAsync(CancellationToken cancellationToken = default) =>
        await store.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}

/// <summary>
/// The words of one tenant's KPIs. The default KPIs' static words (<see cref="KpiAliases"/>) come first and can never
/// be shadowed; then the tenant's own KPIs' keys and names and the aliases the tenant added. All words are compared
/// normalised (<see cref="KpiAliases.Normalize"/>).
/// </summary>
internal sealed class KpiVocabulary
{
    private readonly Dictionary<string, KpiAlias> own = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KpiDefinition> names = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<string>> aliasesByKpi = [];

    public KpiVocabulary(IReadOnlyList<KpiDefinition> kpis, IEnumerable<(string Word, long KpiId)> aliases, BotText? text = null)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(aliases);
        Kpis = kpis;
        foreach (var kpi in kpis)
        {
            Name(kpi.Key, kpi);
            Name(kpi.NameEn, kpi);
            Name(kpi.NameZh, kpi);
            if (KpiDefaults.IsDefault(kpi) && text is not null)
            {
                foreach (var locale in BotText.Locales)
                {
                    Name(text.Get(locale, KpiDefaults.NameKey(kpi.Key)), kpi);
                }
            }

            // A tenant's own KPI is logged by its key and names; a default by its static words and any name it was renamed to.
            if (!KpiDefaults.IsDefault(kpi))
            {
                Own(kpi.Key, kpi);
            }

            Own(kpi.NameEn, kpi);
            Own(kpi.NameZh, kpi);
        }

        var byId = kpis.ToDictionary(k => k.Id);
        foreach (var (word, kpiId) in aliases)
        {
            if (byId.TryGetValue(kpiId, out var kpi))
            {
                Own(word, kpi);
                Name(word, kpi);
                if (!aliasesByKpi.TryGetValue(kpiId, out var list))
                {
                    aliasesByKpi[kpiId] = list = [];
                }

                list.Add(word);
            }
        }
    }

    /// <summary>Only the default words (no tenant): what the parsers use when no tenant is at hand.</summary>
    public static KpiVocabulary Defaults { get; } = new([], []);

    /// <summary>Every KPI of the tenant, retired ones too, in card order.</summary>
    public IReadOnlyList<KpiDefinition> Kpis { get; }

    /// <summary>Every word <c>log</c> knows: the defaults' then the tenant's own.</summary>
    public IEnumerable<string> Words => KpiAliases.Words.Concat(own.Keys);

    /// <summary>What a logged word adds to: a default word first, else a tenant's KPI key, name or alias.</summary>
    public KpiAlias? Find(string word) => KpiAliases.Find(word) ?? own.GetValueOrDefault(KpiAliases.Normalize(word));

    /// <summary>Finds a word, or the closest known one for a "did you mean" hint.</summary>
    public bool TryFind(string word, out KpiAlias? alias, out string? suggestion)
    {
        alias = Find(word);
        suggestion = alias is null ? KpiAliases.Closest(word, Words) : null;
        return alias is not null;
    }

    /// <summary>
    /// One KPI a word names, for commands about a KPI (set target, kpi rename): its key, a name in either language,
    /// an alias, or a log word (its amount's KPI: a deal's target is revenue). Retired KPIs are found too.
    /// </summary>
    public KpiDefinition? FindKpi(string word)
    {
        var normalized = KpiAliases.Normalize(word);
        if (names.TryGetValue(normalized, out var named))
        {
            return named;
        }

        return Find(word)?.Effects.FirstOrDefault(e => e.FixedAmount is null) is { } effect
            ? Kpis.FirstOrDefault(k => string.Equals(k.Key, effect.KpiKey, StringComparison.Ordinal))
            : null;
    }

    /// <summary>
    /// The KPI a word names — its key, a name in either language or an alias the tenant added, never a log word (成交 is
    /// no KPI's name): what an upload's column header may be.
    /// </summary>
    public KpiDefinition? FindNamed(string word) => names.GetValueOrDefault(KpiAliases.Normalize(word));

    /// <summary>The closest KPI word to a word that names none (keys, names, aliases, log words), for "did you mean".</summary>
    public string? Suggest(string word) => KpiAliases.Closest(word, names.Keys.Concat(Words).Distinct(StringComparer.Ordinal));

    /// <summary>True when the word already means something: a default word, or a key, name or alias of one of the tenant's KPIs.</summary>
    public bool IsTaken(string word)
    {
        var normalized = KpiAliases.Normalize(word);
        return KpiAliases.Find(normalized) is not null || own.ContainsKey(normalized) || names.ContainsKey(normalized);
    }

    /// <summary>True when the word is one of the default KPIs' static words (which a tenant's word may not shadow).</summary>
    public static bool IsDefaultWord(string word) => KpiAliases.Find(word) is not null;

    /// <summary>The words a KPI is typed with: the aliases the tenant added, then the default words that add only to it.</summary>
    public IReadOnlyList<string> AliasesOf(KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var words = aliasesByKpi.TryGetValue(kpi.Id, out var list) ? new List<string>(list) : [];
        if (KpiDefaults.IsDefault(kpi))
        {
            words.AddRange(KpiAliases.Words.Where(w => KpiAliases.Find(w) is { } a && a.Effects.Count == 1 && a.Effects[0].KpiKey == kpi.Key));
        }

        return words;
    }

    private void Own(string? word, KpiDefinition kpi)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return;
        }

        var normalized = KpiAliases.Normalize(word);
        if (KpiAliases.Find(normalized) is null)
        {
            own.TryAdd(normalized, new KpiAlias(word.Trim(), [new KpiEffect(kpi.Key)]) { AmountRequired = kpi.Unit != KpiUnit.Count });
        }
    }

    private void Name(string? word, KpiDefinition kpi)
    {
        if (!string.IsNullOrWhiteSpace(word))
        {
            names.TryAdd(KpiAliases.Normalize(word), kpi);
        }
    }
}
