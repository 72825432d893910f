namespace SalesCoachBot.Sales;

/// <summary>Text keys of the shared sales wording (sales.*.json).</summary>
internal static class SalesTextKeys
{
    public const string TitleCurrentWeek = "sales.title.current.week";
    public const string TitleCurrentMonth = "sales.title.current.month";
    public const string TitleCurrentQuarter = "sales.title.current.quarter";
    public const string TitleCurrentYear = "sales.title.current.year";
    public const string TitleCurrentHalf = "sales.title.current.half";
    public const string TitlePast = "sales.title.past";
    public const string TitleFuture = "sales.title.future";
    public const string PeriodFirstHalf = "sales.period.half1";
    public const string PeriodSecondHalf = "sales.period.half2";
    public const string PeriodWeek = "sales.period.week";
    public const string PeriodQuarter = "sales.period.quarter";
    public const string PeriodYear = "sales.period.year";
    public const string StatusAhead = "sales.status.ahead";
    public const string StatusOnPace = "sales.status.onPace";
    public const string StatusBehind = "sales.status.behind";
    public const string StatusNoTarget = "sales.status.noTarget";
    public const string StatusReached = "sales.status.reached";
    public const string StatusMissed = "sales.status.missed";
    public const string StatusNotStarted = "sales.status.notStarted";
    public const string CalendarNotLoaded = "sales.calendar.notLoaded";

    // Currency names for texts that name a currency (人民币 rather than CNY); other codes are shown as written.
    public const string CurrencyCny = "sales.currency.CNY";
    public const string CurrencyUsd = "sales.currency.USD";
    public const string CurrencyEur = "sales.currency.EUR";
    public const string CurrencyHkd = "sales.currency.HKD";

    /// <summary>The key of a currency's name (<c>sales.currency.CNY</c>); only the codes above have one.</summary>
    public static string Currency(string code) => "sales.currency." + code;
}
