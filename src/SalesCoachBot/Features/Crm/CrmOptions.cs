using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Crm;

/// <summary>Payload shape a source sends.</summary>
internal enum CrmFormat
{
    Generic = 0,
    Zoho = 1,
    Fxiaoke = 2,
}

/// <summary>"Crm" section: the signed webhook at /api/crm/{source}/events. Secrets come from configuration or environment; never logged.</summary>
internal sealed class CrmOptions
{
    public const string SectionName = "Crm";

    /// <summary>Shortest secret accepted at start, so a guessable secret cannot be configured by accident.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>Source name (the URL segment) → its tenant, secret and format. Empty = every request gets 404.</summary>
    public Dictionary<string, CrmSourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How far the signed timestamp may be from now, either way; older or later requests get 401 (replays).</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest request body; a larger one gets 413 and nothing is read further.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Most events in one request (a generic <c>events</c> list or a Zoho/FXiaoKe record list).</summary>
    public int MaxEventsPerRequest { get; set; } = 100;

    /// <summary>
    /// The source a URL segment names, matched case-insensitively (configuration keys are), with its name as configured.
    /// Everything after this match uses <paramref name="configuredName"/>, never the URL's spelling, so one CRM has one
    /// name in the store: a replay under <c>/api/crm/ZOHO/…</c> finds the event recorded under <c>zoho</c>.
    /// </summary>
    public bool TryFindSource(string urlName, out string configuredName, out CrmSourceOptions source)
    {
        foreach (var (name, options) in Sources)
        {
            if (string.Equals(name, urlName, StringComparison.OrdinalIgnoreCase))
            {
                (configuredName, source) = (name, options);
                return true;
            }
        }

        (configuredName, source) = (string.Empty, null!);
        return false;
    }
}

/// <summary>One CRM that pushes events: which tenant it records for, the shared secret and the payload format.</summary>
internal sealed class CrmSourceOptions
{
    /// <summary>Tenant id (as Teams sends it) whose members the events are recorded for.</summary>
    public string Tenant { get; set; } = "";

    /// <summary>Shared HMAC-SHA256 secret (at least <see cref="CrmOptions.MinimumSecretLength"/> characters).</summary>
    public string Secret { get; set; } = "";

    public CrmFormat Format { get; set; } = CrmFormat.Generic;

    /// <summary>KPI key a won deal's amount adds to.</summary>
    public string RevenueKpi { get; set; } = KpiDefaults.Revenue;

    /// <summary>KPI key a won deal adds one to; empty = none.</summary>
    public string ContractsKpi { get; set; } = KpiDefaults.Contracts;

    /// <summary>Stage values that mean won (case-insensitive); empty = the format's defaults (see README).</summary>
    public List<string> WonStages { get; set; } = [];

    /// <summary>
    /// Stage values that mean the customer paid (e.g. "paid", "已回款"); such an event's amount adds to
    /// <see cref="CollectionsKpi"/> once per deal. Empty = payments are not mapped (the event is ignored).
    /// </summary>
    public List<string> PaymentStages { get; set; } = [];

    /// <summary>KPI key a payment's amount adds to (a CNY tenant starts with <c>collections</c>, 回款).</summary>
    public string CollectionsKpi { get; set; } = KpiDefaults.Collections;
}
