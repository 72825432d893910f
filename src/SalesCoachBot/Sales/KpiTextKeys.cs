namespace SalesCoachBot.Sales;

/// <summary>Text keys of the default KPI names (a test checks each exists in every locale).</summary>
internal static class KpiTextKeys
{
    public const string Revenue = "kpi.name." + KpiDefaults.Revenue;
    public const string Contracts = "kpi.name." + KpiDefaults.Contracts;
    public const string NewCustomers = "kpi.name." + KpiDefaults.NewCustomers;
    public const string Visits = "kpi.name." + KpiDefaults.Visits;
}
