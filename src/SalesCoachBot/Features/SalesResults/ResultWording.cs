using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Localization;

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
            : string.Join(Separator(locale), parts[..^1]) + text.Get(locale, ResultsTextKeys.ListAnd) + parts[^1];
        return string.IsNullOrWhiteSpace(customer) ? described : described + " · " + HelpFallback.Quote(customer);
    }

    /// <summary>One KPI's amount: "¥120,000 revenue", "1 contract", "3 visits", or "Demo calls: 3" for a tenant's own KPI.</summary>
    public static string Phrase(BotText text, string? locale, LoggedAmount amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        var kpi = amount.Kpi;
        var shown = TargetsCard.FormatAmount(locale, kpi.Unit, kpi.Currency, amount.Amount);
        if (!ResultLog.IsDefault(kpi) || kpi.NameEn is not null || kpi.NameZh is not null)
        {
            return text.Get(locale, ResultsTextKeys.AmountOther, NameOf(text, locale, kpi), shown);
        }

        var one = kpi.Unit == KpiUnit.Count && amount.Amount == 1m;
        return text.Get(locale, ResultsTextKeys.Amount(kpi.Key, one), shown);
    }

    /// <summary>A KPI's display name in the locale (a tenant's own name wins, the defaults' names are texts).</summary>
    public static string NameOf(BotText text, string? locale, KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(kpi);
        var custom = BotText.IsChinese(locale) ? kpi.NameZh ?? kpi.NameEn : kpi.NameEn ?? kpi.NameZh;
        return custom ?? (ResultLog.IsDefault(kpi) ? text.Get(locale, Teams.KpiDefaults.NameKey(kpi.Key)) : kpi.Key);
    }

    /// <summary>What a bad amount is, in a sentence (the amount quoted).</summary>
    public static string AmountProblem(BotText text, string? locale, string token, AmountError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = HelpFallback.Quote(token);
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

    /// <summary>The words a rep can log with, comma-separated in the locale.</summary>
    public static string WordList(BotText text, string? locale, IEnumerable<KpiDefinition> active) =>
        string.Join(Separator(locale), ResultLog.WordsFor(active, BotText.IsChinese(locale)));

    // Punctuation, not a text: the enumeration comma in Chinese, a comma and space in English.
    private static string Separator(string? locale) => BotText.IsChinese(locale) ? "、" : ", ";

    /// <summary>A date as the locale writes it: "Nov 3, 2026", "2026年11月3日".</summary>
    public static string Date(string? locale, DateOnly date) =>
        date.ToString(BotText.IsChinese(locale) ? "yyyy年M月d日" : "MMM d, yyyy", CultureInfo.GetCultureInfo(BotText.Resolve(locale)));
}

/// <summary>Text keys of logging results and undo (results.*.json).</summary>
public static class ResultsTextKeys
{
    public const string LogHelp = "results.log.help";
    public const string LogArgs = "results.log.args";
    public const string UndoHelp = "results.undo.help";
    public const string Usage = "results.usage";
    public const string NoMember = "results.noMember";

    public const string Logged = "results.logged";
    public const string LoggedOn = "results.loggedOn";
    public const string AlreadyLogged = "results.alreadyLogged";
    public const string Undone = "results.undone";
    public const string NothingToUndo = "results.nothingToUndo";
    public const string UndoTooLate = "results.undoTooLate";

    public const string ListAnd = "results.list.and";
    public const string AmountRevenue = "results.amount.revenue";
    public const string AmountContractsOne = "results.amount.contracts.one";
    public const string AmountContractsOther = "results.amount.contracts.other";
    public const string AmountNewCustomersOne = "results.amount.new-customers.one";
    public const string AmountNewCustomersOther = "results.amount.new-customers.other";
    public const string AmountVisitsOne = "results.amount.visits.one";
    public const string AmountVisitsOther = "results.amount.visits.other";
    public const string AmountOther = "results.amount.other";

    public const string ErrorMissingKpi = "results.error.missingKpi";
    public const string ErrorUnknownKpi = "results.error.unknownKpi";
    public const string ErrorSuggestion = "results.error.suggestion";
    public const string ErrorMissingAmount = "results.error.missingAmount";
    public const string ErrorAmount = "results.error.amount";
    public const string ErrorAmountEmpty = "results.error.amount.empty";
    public const string ErrorAmountGrouping = "results.error.amount.grouping";
    public const string ErrorAmountNegative = "results.error.amount.negative";
    public const string ErrorAmountTooLarge = "results.error.amount.tooLarge";
    public const string ErrorAmountCurrencies = "results.error.amount.currencies";
    public const string ErrorZeroAmount = "results.error.zeroAmount";
    public const string ErrorTooPrecise = "results.error.tooPrecise";
    public const string ErrorUnclosedQuote = "results.error.unclosedQuote";
    public const string ErrorNotTracked = "results.error.notTracked";
    public const string ErrorCurrency = "results.error.currency";
    public const string ErrorNotMoney = "results.error.notMoney";
    public const string ErrorTooLong = "results.error.tooLong";

    public const string FormTitle = "results.form.title";
    public const string FormIntro = "results.form.intro";
    public const string FormKpi = "results.form.kpi";
    public const string FormDeal = "results.form.deal";
    public const string FormAmount = "results.form.amount";
    public const string FormAmountPlaceholder = "results.form.amount.placeholder";
    public const string FormCustomer = "results.form.customer";
    public const string FormNote = "results.form.note";
    public const string FormDate = "results.form.date";
    public const string FormLog = "results.form.log";
    public const string FormCancel = "results.form.cancel";
    public const string FormInvalid = "results.form.invalid";
    public const string FormErrorKpi = "results.form.error.kpi";
    public const string FormErrorDate = "results.form.error.date";
    public const string FormErrorFuture = "results.form.error.future";
    public const string FormErrorEntry = "results.form.error.entry";

    /// <summary>The phrase key of a default KPI's amount, singular or plural.</summary>
    public static string Amount(string kpiKey, bool one) => kpiKey == Teams.KpiDefaults.Revenue
        ? AmountRevenue
        : $"results.amount.{kpiKey}.{(one ? "one" : "other")}";
}
