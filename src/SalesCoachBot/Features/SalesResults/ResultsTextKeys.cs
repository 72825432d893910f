using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.SalesResults;

/// <summary>Text keys of logging results and undo (results.*.json).</summary>
internal static class ResultsTextKeys
{
    public const string LogHelp = "results.log.help";
    public const string LogArgs = "results.log.args";
    public const string UndoHelp = "results.undo.help";
    public const string Usage = "results.usage";

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
    public const string ErrorCountWithMoney = "results.error.countWithMoney";

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
    public const string FormErrorCountWithMoney = "results.form.error.countWithMoney";

    /// <summary>The phrase key of a default KPI's amount, singular or plural.</summary>
    public static string Amount(string kpiKey, bool one) => kpiKey == KpiDefaults.Revenue
        ? AmountRevenue
        : $"results.amount.{kpiKey}.{(one ? "one" : "other")}";

    // Export headers and sheet name (ResultsExport).
    public const string ExportSheet = "results.export.sheet";
    public const string ExportDate = "results.export.date";
    public const string ExportRep = "results.export.rep";
    public const string ExportEmail = "results.export.email";
    public const string ExportKpi = "results.export.kpi";
    public const string ExportAmount = "results.export.amount";
    public const string ExportCustomer = "results.export.customer";
    public const string ExportNote = "results.export.note";
    public const string ExportSource = "results.export.source";
    public const string ExportExternalId = "results.export.externalId";
}
