using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Kpis;

/// <summary>How a KPI change went; anything but <see cref="Done"/> changed nothing.</summary>
internal enum KpiChangeStatus
{
    Done = 0,
    /// <summary>No KPI has that key, name or word.</summary>
    Unknown,
    /// <summary>The name or word already means a KPI of the tenant (<see cref="KpiChange.Holder"/>).</summary>
    Taken,
    /// <summary>The name or word is one of the default KPIs' built-in words (<see cref="KpiChange.Holder"/>).</summary>
    DefaultWord,
    /// <summary>Too long, a number, markup or a command word.</summary>
    BadName,
    AlreadyRetired,
    AlreadyActive,
}

/// <summary>The outcome of a change: the KPI as stored after it, or the word at fault and the KPI that holds it.</summary>
internal sealed record KpiChange(KpiChangeStatus Status, KpiDefinition? Kpi = null, string? Word = null, KpiDefinition? Holder = null, string? Suggestion = null);

/// <summary>
/// Changes a tenant's KPI list (chat commands and the admin API; the caller checks who may). A name or word never
/// shadows a default word or another KPI's key, name or word; retiring keeps every result and target. The scope's
/// store must be bound to the tenant.
/// </summary>
internal sealed class KpiBook(SalesCoachDbContext store, IKpiCatalog catalog, BotText text, IOptions<SalesTeamOptions> teams)
{
    /// <summary>Longest KPI name or word (fits the alias column and a card line).</summary>
    public const int MaxNameLength = 40;

    // Chinese names that have a customary English key; anything else gets kpi-N.
    private static readonly Dictionary<string, string> KnownKeys = new(StringComparer.Ordinal)
    {
        ["回款"] = KpiDefaults.Collections, ["回款额"] = KpiDefaults.Collections, ["商机"] = "opportunities", ["线索"] = "leads",
        ["报价"] = "quotes", ["演示"] = "demos", ["电话"] = "calls", ["续约"] = "renewals", ["毛利"] = "gross-margin", ["转化率"] = "conversion-rate",
    };

    public Task<KpiVocabulary> VocabularyAsync(CancellationToken cancellationToken) => catalog.VocabularyAsync(cancellationToken);

    /// <summary>Adds a KPI with at least one name; its key comes from the English name (or a known Chinese one).</summary>
    public async Task<KpiChange> AddAsync(
        string tenantId, string? nameEn, string? nameZh, KpiUnit unit, KpiAggregation aggregation, string? key = null, CancellationToken cancellationToken = default)
    {
        var vocabulary = await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in new[] { nameEn, nameZh, key }.OfType<string>())
        {
            if (Refusal(vocabulary, name, null) is { } refusal)
            {
                return refusal;
            }
        }

        var kpi = new KpiDefinition
        {
            TenantId = tenantId,
            Key = key ?? KeyFor(vocabulary, nameEn, nameZh),
            NameEn = nameEn?.Trim(),
            NameZh = nameZh?.Trim(),
            Unit = unit,
            Aggregation = aggregation,
            // Money is in the tenant's revenue currency: amounts are never converted.
            Currency = unit == KpiUnit.Currency ? CurrencyOf(vocabulary) : null,
            SortOrder = vocabulary.Kpis.Count == 0 ? 10 : vocabulary.Kpis.Max(k => k.SortOrder) + 10,
            IsActive = true,
        };
        store.Kpis.Add(kpi);
        return await SaveAsync(kpi, nameEn ?? nameZh!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renames the KPI in one language (the script of the name decides unless <paramref name="language"/> says).</summary>
    public async Task<KpiChange> RenameAsync(string kpiWord, string name, KpiNameLanguage language, CancellationToken cancellationToken = default)
    {
        var vocabulary = await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        if (await FindTrackedAsync(vocabulary, kpiWord, cancellationToken).ConfigureAwait(false) is not { } kpi)
        {
            return new KpiChange(KpiChangeStatus.Unknown, Word: kpiWord, Suggestion: vocabulary.Suggest(kpiWord));
        }

        if (Refusal(vocabulary, name, kpi) is { } refusal)
        {
            return refusal;
        }

        var chinese = language == KpiNameLanguage.Chinese || (language == KpiNameLanguage.ByScript && KpiCommandParser.IsChinese(name));
        if (KpiDefaults.IsDefault(kpi))
        {
            // A default's names are texts: keep the other language's as it reads today.
            kpi.NameEn ??= text.Get("en-US", KpiDefaults.NameKey(kpi.Key));
            kpi.NameZh ??= text.Get("zh-CN", KpiDefaults.NameKey(kpi.Key));
        }

        if (chinese)
        {
            kpi.NameZh = name.Trim();
        }
        else
        {
            kpi.NameEn = name.Trim();
        }

        return await SaveAsync(kpi, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a word the KPI is logged and targeted by.</summary>
    public async Task<KpiChange> AliasAsync(string tenantId, string kpiWord, string word, CancellationToken cancellationToken = default)
    {
        var vocabulary = await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        if (await FindTrackedAsync(vocabulary, kpiWord, cancellationToken).ConfigureAwait(false) is not { } kpi)
        {
            return new KpiChange(KpiChangeStatus.Unknown, Word: kpiWord, Suggestion: vocabulary.Suggest(kpiWord));
        }

        if (Refusal(vocabulary, word, null) is { } refusal)
        {
            return refusal;
        }

        store.KpiAliases.Add(new KpiAliasWord { TenantId = tenantId, KpiId = kpi.Id, Word = KpiAliases.Normalize(word) });
        return await SaveAsync(kpi, word, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Retires (false) or restores (true) a KPI; its results and targets stay.</summary>
    public async Task<KpiChange> SetActiveAsync(string kpiWord, bool active, CancellationToken cancellationToken = default)
    {
        var vocabulary = await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        if (await FindTrackedAsync(vocabulary, kpiWord, cancellationToken).ConfigureAwait(false) is not { } kpi)
        {
            return new KpiChange(KpiChangeStatus.Unknown, Word: kpiWord, Suggestion: vocabulary.Suggest(kpiWord));
        }

        if (kpi.IsActive == active)
        {
            return new KpiChange(active ? KpiChangeStatus.AlreadyActive : KpiChangeStatus.AlreadyRetired, kpi);
        }

        kpi.IsActive = active;
        return await SaveAsync(kpi, kpiWord, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why a name or word cannot be used (for <paramref name="owner"/>, whose own names it may repeat), or null.</summary>
    public static KpiChange? Refusal(KpiVocabulary vocabulary, string word, KpiDefinition? owner)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var trimmed = word.Trim();
        if (trimmed.Length is 0 or > MaxNameLength || trimmed.Contains('<', StringComparison.Ordinal) || trimmed.Contains('>', StringComparison.Ordinal)
            || AmountParser.LooksLikeAmount(trimmed) || KpiCommandParser.IsReserved(trimmed))
        {
            return new KpiChange(KpiChangeStatus.BadName, Word: trimmed);
        }

        if (KpiAliases.Find(trimmed) is { } builtIn)
        {
            var holder = vocabulary.Kpis.FirstOrDefault(k => k.Key == builtIn.Effects[0].KpiKey)
                ?? new KpiDefinition { TenantId = string.Empty, Key = builtIn.Effects[0].KpiKey };
            return new KpiChange(KpiChangeStatus.DefaultWord, Word: trimmed, Holder: holder);
        }

        if (vocabulary.IsTaken(trimmed) && vocabulary.FindKpi(trimmed) is { } taken && taken.Id != owner?.Id)
        {
            return new KpiChange(KpiChangeStatus.Taken, Word: trimmed, Holder: taken);
        }

        return null;
    }

    private async Task<KpiDefinition?> FindTrackedAsync(KpiVocabulary vocabulary, string word, CancellationToken cancellationToken) =>
        vocabulary.FindKpi(word) is { } found
            ? await store.Kpis.FirstOrDefaultAsync(k => k.Id == found.Id, cancellationToken).ConfigureAwait(false)
            : null;

    private async Task<KpiChange> SaveAsync(KpiDefinition kpi, string word, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new KpiChange(KpiChangeStatus.Done, kpi);
        }
        catch (DbUpdateException)
        {
            // Someone took the key or word a moment ago (the unique indexes say so): nothing of this change is kept.
            store.ChangeTracker.Clear();
            return new KpiChange(KpiChangeStatus.Taken, Word: word, Holder: kpi);
        }
    }

    private string CurrencyOf(KpiVocabulary vocabulary) =>
        vocabulary.Kpis.FirstOrDefault(k => k.Key == KpiDefaults.Revenue)?.Currency
        ?? vocabulary.Kpis.FirstOrDefault(k => k.Unit == KpiUnit.Currency)?.Currency
        ?? teams.Value.DefaultCurrency;

    /// <summary>A key no KPI of the tenant has: the English name as a slug, a known Chinese name's, or kpi-N.</summary>
    internal static string KeyFor(KpiVocabulary vocabulary, string? nameEn, string? nameZh)
    {
        var taken = vocabulary.Kpis.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var slug = Slug(nameEn);
        if (slug.Length == 0 && nameZh is not null)
        {
            slug = KnownKeys.GetValueOrDefault(nameZh.Trim()) ?? string.Empty;
        }

        if (slug.Length == 0)
        {
            slug = "kpi";
        }

        if (!taken.Contains(slug) && slug != "kpi")
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = slug + "-" + n.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Slug(string? name)
    {
        var slug = new StringBuilder();
        foreach (var c in (name ?? string.Empty).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var key = slug.ToString().Trim('-');
        return key.Length > ColumnLengths.KpiKey - 8 ? key[..(ColumnLengths.KpiKey - 8)].Trim('-') : key;
    }
}
