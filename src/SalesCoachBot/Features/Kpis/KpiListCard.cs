using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Features.Kpis;

/// <summary>One KPI as the list shows it: names in both languages, unit, aggregation, the words for it, retired or not.</summary>
internal sealed record KpiListRow(string Key, string NameEn, string NameZh, KpiUnit Unit, string? Currency, KpiAggregation Aggregation, IReadOnlyList<string> Words, bool Retired);

/// <summary>
/// The answer to <c>kpi</c> · <c>指标</c>: every KPI of the tenant in card order, retired ones marked (their history is
/// kept). Names and words people typed are text runs, never Markdown.
/// </summary>
internal static class KpiListCard
{
    public static AdaptiveCard Build(BotText text, string? locale, IReadOnlyList<KpiListRow> rows)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rows);
        List<CardElement> body = [new TextBlock(text.Get(locale, KpisTextKeys.CardTitle)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true }];
        foreach (var row in rows)
        {
            var names = string.Equals(row.NameEn, row.NameZh, StringComparison.Ordinal) ? row.NameEn : row.NameEn + " · " + row.NameZh;
            List<TextRun> title = [new(names) { Weight = TextWeight.Bolder }];
            if (row.Retired)
            {
                title.Add(new TextRun(" (" + text.Get(locale, KpisTextKeys.CardRetired) + ")") { IsSubtle = true });
            }

            var details = string.Join(" · ", Unit(text, locale, row), Aggregation(text, locale, row.Aggregation), text.Get(locale, KpisTextKeys.CardKey, row.Key));
            var items = new List<CardElement>
            {
                new RichTextBlock { Inlines = title },
                new TextBlock(details) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None },
            };
            if (row.Words.Count > 0)
            {
                items.Add(new RichTextBlock
                {
                    Inlines = [new TextRun(text.Get(locale, KpisTextKeys.CardAliases, BotText.List(locale, row.Words))) { Size = TextSize.Small }],
                    Spacing = Spacing.None,
                });
            }

            body.Add(new Container { Items = items, Separator = true });
        }

        body.Add(new TextBlock(text.Get(locale, KpisTextKeys.CardHowToChange)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        return new AdaptiveCard
        {
            FallbackText = text.Get(locale, KpisTextKeys.CardTitle) + ": " + BotText.List(locale, rows.Select(r => BotText.IsChinese(locale) ? r.NameZh : r.NameEn)),
            Body = body,
        };
    }

    public static string Unit(BotText text, string? locale, KpiListRow row)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(row);
        return row.Unit switch
        {
            KpiUnit.Currency => text.Get(locale, KpisTextKeys.CardUnitCurrency, SalesFormat.CurrencyName(text, locale, row.Currency)),
            KpiUnit.Percent => text.Get(locale, KpisTextKeys.CardUnitPercent),
            _ => text.Get(locale, KpisTextKeys.CardUnitCount),
        };
    }

    public static string Aggregation(BotText text, string? locale, KpiAggregation aggregation)
    {
        ArgumentNullException.ThrowIfNull(text);
        return aggregation switch
        {
            KpiAggregation.Count => text.Get(locale, KpisTextKeys.CardCount),
            KpiAggregation.Average => text.Get(locale, KpisTextKeys.CardAverage),
            KpiAggregation.Last => text.Get(locale, KpisTextKeys.CardLast),
            _ => text.Get(locale, KpisTextKeys.CardSum),
        };
    }

    /// <summary>A KPI's row: names in both languages (a default's from the texts), the words for it.</summary>
    public static KpiListRow RowOf(BotText text, KpiDefinition kpi, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return new KpiListRow(kpi.Key, KpiDefaults.NameOf(text, "en-US", kpi), KpiDefaults.NameOf(text, "zh-CN", kpi), kpi.Unit, kpi.Currency, kpi.Aggregation, words, !kpi.IsActive);
    }
}
