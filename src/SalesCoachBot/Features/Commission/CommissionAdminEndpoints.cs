using System.Globalization;
using System.Text;
using System.Text.Json;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Commission;

/// <summary>
/// GET, PUT and DELETE /api/admin/tenants/{tenantId}/teams/{teamsTeamId}/commission (the Teams team id 19:…@thread…,
/// URL-encoded), on the admin API's tenant group (which checks the tenant's key). PUT replaces the plan:
/// <c>{"kpi": "revenue", "mode": "marginal", "period": "month", "cap": 50000, "tiers": [{"from": 0, "rate": 2}, {"from": 80, "rate": 3}]}</c>
/// (cap and period may be left out: no cap, monthly). A bad plan is a 400 problem listing what is wrong; nothing changes.
/// </summary>
internal static partial class CommissionAdminEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    private const string Expected =
        "the body must be {\"kpi\": \"revenue\", \"mode\": \"marginal|whole\", \"period\": \"month|quarter\", \"cap\": 50000, \"tiers\": [{\"from\": 0, \"rate\": 2}, {\"from\": 80, \"rate\": 3}]}";

    public static async Task<IResult> GetAsync(
        string tenantId, string teamsTeamId, SalesTeamDirectory directory, CommissionPlanStore plans, CancellationToken cancellationToken)
    {
        if (await TeamAsync(tenantId, teamsTeamId, directory, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return NoTeam();
        }

        return Results.Ok(await BodyAsync(tenantId, team, plans, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<IResult> PutAsync(
        string tenantId, string teamsTeamId, HttpRequest request, SalesTeamDirectory directory, CommissionPlanStore plans,
        ILogger<CommissionPlanStore> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await TeamAsync(tenantId, teamsTeamId, directory, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return NoTeam();
        }

        var body = await UploadedTable.ReadLimitedAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var (draft, errors) = Read(body);
        KpiDefinition? kpi = null;
        if (draft is not null)
        {
            kpi = await plans.FindKpiAsync(tenantId, draft.Kpi, cancellationToken).ConfigureAwait(false);
            if (kpi is null)
            {
                errors.Add($"\"kpi\": there is no active KPI \"{draft.Kpi}\" in this tenant");
            }
            else if (kpi.Unit != KpiUnit.Currency)
            {
                errors.Add($"\"kpi\": \"{kpi.Key}\" is not a money KPI; commission is paid on a money KPI");
            }
        }

        if (errors.Count > 0 || draft is null || kpi is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The commission plan was not stored; nothing was changed.",
                detail: string.Join("; ", errors),
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
        }

        await plans.SaveAsync(tenantId, team.Id, kpi, draft.Rules, draft.Period, null, cancellationToken).ConfigureAwait(false);
        LogReplaced(logger, tenantId, team.Id, kpi.Key, draft.Rules.Tiers.Count);
        return Results.Ok(await BodyAsync(tenantId, team, plans, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<IResult> DeleteAsync(
        string tenantId, string teamsTeamId, SalesTeamDirectory directory, CommissionPlanStore plans, CancellationToken cancellationToken)
    {
        if (await TeamAsync(tenantId, teamsTeamId, directory, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return NoTeam();
        }

        var removed = await plans.RemoveAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { teamId = team.Id, removed });
    }

    /// <summary>A plan from the body before its KPI is looked up: the KPI as written, the rules and the period.</summary>
    internal sealed record PlanDraft(string Kpi, CommissionRules Rules, CommissionPeriod Period);

    // Every error of the body at once, in English for the operator.
    internal static (PlanDraft? Draft, List<string> Errors) Read(byte[]? body)
    {
        if (body is null)
        {
            return (null, [$"the body is larger than {MaxBodyBytes} bytes"]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(new UTF8Encoding(false, true).GetString(body));
        }
        catch (Exception error) when (error is JsonException or DecoderFallbackException)
        {
            return (null, [Expected]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [Expected]);
            }

            List<string> errors = [];
            var kpi = root.TryGetProperty("kpi", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(kpi))
            {
                errors.Add("\"kpi\" must name a money KPI by its key (e.g. \"revenue\", \"collections\")");
            }

            CommissionMode? mode = root.TryGetProperty("mode", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()!.Trim().ToLowerInvariant() switch
                {
                    "marginal" => CommissionMode.Marginal,
                    "whole" or "wholeamount" or "whole-amount" => CommissionMode.WholeAmount,
                    _ => null,
                }
                : null;
            if (mode is null)
            {
                errors.Add("\"mode\" must be \"marginal\" or \"whole\"");
            }

            var period = CommissionPeriod.Month;
            if (root.TryGetProperty("period", out var p) && p.ValueKind != JsonValueKind.Null)
            {
                switch (p.ValueKind == JsonValueKind.String ? p.GetString()!.Trim().ToLowerInvariant() : null)
                {
                    case "month":
                        break;
                    case "quarter":
                        period = CommissionPeriod.Quarter;
                        break;
                    default:
                        errors.Add("\"period\" must be \"month\" or \"quarter\"");
                        break;
                }
            }

            decimal? cap = null;
            if (root.TryGetProperty("cap", out var c) && c.ValueKind != JsonValueKind.Null)
            {
                if (c.ValueKind == JsonValueKind.Number && c.TryGetDecimal(out var amount))
                {
                    cap = amount;
                }
                else
                {
                    errors.Add("\"cap\" must be a positive amount with at most two decimals, or null");
                }
            }

            List<CommissionTierRule> tiers = [];
            if (root.TryGetProperty("tiers", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var at = string.Create(CultureInfo.InvariantCulture, $"tiers[{index++}]");
                    if (item.ValueKind == JsonValueKind.Object
                        && item.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Number && from.TryGetDecimal(out var fromPercent)
                        && item.TryGetProperty("rate", out var rate) && rate.ValueKind == JsonValueKind.Number && rate.TryGetDecimal(out var ratePercent))
                    {
                        tiers.Add(new CommissionTierRule(fromPercent, ratePercent));
                    }
                    else
                    {
                        errors.Add($"{at}: must be {{\"from\": <% of target>, \"rate\": <% commission>}}");
                    }
                }
            }
            else
            {
                errors.Add("\"tiers\" must be a list of {\"from\": <% of target>, \"rate\": <% commission>}, ascending from 0");
            }

            if (errors.Count == 0)
            {
                var (error, about) = CommissionPlanRules.Check(tiers, cap);
                if (error != CommissionPlanError.None)
                {
                    errors.Add(Explain(error, about));
                }
            }

            return errors.Count == 0 ? (new PlanDraft(kpi!, new CommissionRules(tiers, mode!.Value, cap), period), errors) : (null, errors);
        }
    }

    internal static string Explain(CommissionPlanError error, string? about) => error switch
    {
        CommissionPlanError.NoTiers => "\"tiers\": a plan has at least one tier, the first from 0",
        CommissionPlanError.TooManyTiers => $"\"tiers\": a plan has at most {about} tiers",
        CommissionPlanError.FirstTierNotZero => $"\"tiers\": the first tier must start at 0% (got {about})",
        CommissionPlanError.TiersNotAscending => $"\"tiers\": each tier must start above the one before ({about})",
        CommissionPlanError.FromOutOfRange => $"\"tiers\": \"from\" is between 0 and {CommissionPlanRules.MaxFromPercent} % of target ({about})",
        CommissionPlanError.RateOutOfRange => $"\"tiers\": \"rate\" is between 0 and 100 % ({about})",
        CommissionPlanError.RatesGoDown => $"\"tiers\": a higher tier may not pay a lower rate ({about})",
        CommissionPlanError.TooPrecise => $"\"tiers\": percentages take at most two decimals ({about})",
        CommissionPlanError.BadCap => $"\"cap\" must be a positive amount with at most two decimals (got {about})",
        _ => error.ToString(),
    };

    private static async Task<object> BodyAsync(string tenantId, SalesTeam team, CommissionPlanStore plans, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return new { teamId = team.Id, name = team.Name, plan = (object?)null };
        }

        var kpi = await plans.KpiAsync(tenantId, plan.KpiId, cancellationToken).ConfigureAwait(false);
        return new
        {
            teamId = team.Id,
            name = team.Name,
            plan = (object?)new
            {
                kpi = kpi?.Key,
                mode = plan.Mode == CommissionMode.Marginal ? "marginal" : "whole",
                period = plan.Period == CommissionPeriod.Quarter ? "quarter" : "month",
                cap = plan.CapAmount,
                currency = plan.Currency,
                tiers = plan.Tiers.Select(t => new { from = t.FromPercent, rate = t.RatePercent }),
                updatedAt = plan.UpdatedAt,
            },
        };
    }

    private static async Task<SalesTeam?> TeamAsync(string tenantId, string teamsTeamId, SalesTeamDirectory directory, CancellationToken cancellationToken)
    {
        var team = await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        return team is { ArchivedAt: null } ? team : null;
    }

    private static IResult NoTeam() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such Teams team bound to a sales team in this tenant.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} replaced the commission plan of sales team {TeamId}: KPI {Kpi}, {Tiers} tier(s)")]
    private static partial void LogReplaced(ILogger logger, string tenantId, long teamId, string kpi, int tiers);
}
