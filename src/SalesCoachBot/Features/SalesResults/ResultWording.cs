using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.SalesResults;

/// <summary>How logged results and log errors read in the member's language.</summary>
internal static class ResultWording
{
    /// <summary>"¥120,000 revenue and 1 contract · Acme" / "销售额 ¥12万和签约 1 份 · 华为".</summary>
    public static string Describe(BotText text, string? locale, IReadOnlyList<LoggedAmount> amounts, string? customer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(amounts);
        var parts = amounts.Select(a => Phrase(text, locale, a)).ToList();
        var described = parts.Count <= 1
            ? string.Concat(parts)
            : BotText.List(locale, parts[..^1]) + text.Get(locale, ResultsTextKeys.ListAnd) + parts[^1];
        return string.IsNullOrWhiteSpace(customer) ? described : described + " · " + BotText.Quote(customer);
    }

    /// <summary>One KPI's amount: "¥120,000 revenue", "1 contract", "3 visits", or "Demo calls: 3" for a tenant's own KPI.</summary>
    public static string Phrase(BotText text, string? locale, LoggedAmount amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        var kpi = amount.Kpi;
        var shown = SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, amount.Amount);
        if (!KpiDefaults.IsDefault(kpi) || kpi.NameEn is not null || kpi.NameZh is not null)
        {
            return text.Get(locale, ResultsTextKeys.AmountOther, KpiDefaults.NameOf(text, locale, kpi), shown);
        }

        var one = kpi.Unit == KpiUnit.Count && amount.Amount == 1m;
        return text.Get(locale, ResultsTextKeys.Amount(kpi.Key, one), shown);
    }

    /// <summary>What a bad amount is, in a sentence (the amount quoted).</summary>
    public static string AmountProblem(BotText text, string? locale, string token, AmountError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = BotText.Quote(token);
        return error switch
        {
            AmountError.Empty => text.Get(locale, ResultsTextKeys.ErrorAmountEmpty),
            AmountError.AmbiguousGrouping => text.Get(locale, ResultsTextKeys.ErrorAmountGrouping, quoted),
            AmountError.Negative => text.Get(locale, ResultsTextKeys.ErrorAmountNegative, quoted),
            AmountError.TooLarge => text.Get(locale, ResultsTextKeys.ErrorAmountTooLarge, quoted),
            AmountError.ConflictingCurrency => text.Get(locale, ResultsTextKeys.ErrorAmountCurrencies, quoted),
            _ => text.Get(locale, ResultsTextKeys.ErrorAmount, quoted),
        };
    }

    /// <summary>
    /// "签约 is a count … Did you mean to log the deal amount? Type: log deal 500000 Huawei": the command the rep meant,
    /// with the amount as they wrote it in Chinese and as a plain number in English.
    /// </summary>
    public static string CountWithMoney(BotText text, string? locale, LogParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parsed);
        var chinese = BotText.IsChinese(locale);
        var amount = chinese
            ? AmountParser.Normalize(parsed.Token ?? string.Empty).Trim()
            : parsed.Amount.ToString("0.##", CultureInfo.InvariantCulture);
        var command = string.Join(' ', new[]
        {
            chinese ? LogCommand.ChineseWord : LogCommand.Word, chinese ? "成交" : "deal", amount, parsed.Rest,
        }.Where(s => !string.IsNullOrEmpty(s)));
        return text.Get(locale, ResultsTextKeys.ErrorCountWithMoney, BotText.Quote(parsed.KpiWord ?? string.Empty), BotText.Quote(parsed.Token ?? string.Empty), command);
    }

    /// <summary>The words a rep can log with, comma-separated in the locale.</summary>
    public static string WordList(BotText text, string? locale, IEnumerable<KpiDefinition> active) =>
        BotText.List(locale, ResultLog.WordsFor(active, BotText.IsChinese(locale)));
}
