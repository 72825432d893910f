using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Scorecards;

/// <summary>
/// GET and PUT /api/admin/tenants/{tenantId}/teams/{teamsTeamId}/scorecard (the Teams team id 19:…@thread…, URL-encoded),
/// on the admin API's tenant group (which checks the tenant's key): a team's scorecard weights by KPI key and its cap.
/// PUT changes what it names: <c>{"weights": {"revenue": 40, "collections": 30, "new-customers": 15, "visits": 15}, "cap": 120}</c>;
/// <c>"weights": null</c> removes the weights (equal weights again). Weights must name active KPIs once and add up to
/// 100; a cap is 100 to 300. Any error: 400 with every error, nothing changed.
/// </summary>
internal static partial class ScorecardAdminEndpoints
{
    private const int MaxBodyBytes = 8 * 1024;

    private const string Expected = "the body must be a JSON object with \"weights\" (an object of KPI key → percent, or null) and/or \"cap\" (a percent from 100 to 300)";

    public static async Task<IResult> GetAsync(
        string tenantId, string teamsTeamId, SalesTeamDirectory directory, SalesCoachDbContext db, ScorecardBook book, CancellationToken cancellationToken)
    {
        var team = await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        if (team is not { ArchivedAt: null })
        {
            return NoTeam();
        }

        return Results.Ok(await BodyAsync(team, db, book, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<IResult> PutAsync(
        string tenantId, string teamsTeamId, HttpRequest request, SalesTeamDirectory directory, SalesCoachDbContext db, ScorecardBook book,
        ILogger<ScorecardBook> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var team = await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        if (team is not { ArchivedAt: null })
        {
            return NoTeam();
        }

        db.ForTenant(tenantId);
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.IsActive).ToListAsync(cancellationToken).ConfigureAwait(false);
        var body = await UploadedTable.ReadLimitedAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var (change, errors) = Read(body, kpis);
        if (errors.Count > 0)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The scorecard settings were not stored; nothing was changed.",
                detail: string.Join("; ", errors),
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
        }

        if (change.ClearWeights)
        {
            await book.ClearWeightsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        }
        else if (change.Weights is { } weights)
        {
            await book.SetWeightsAsync(tenantId, team.Id, weights, null, cancellationToken).ConfigureAwait(false);
        }

        if (change.Cap is { } cap)
        {
            await book.SetCapAsync(tenantId, team.Id, cap, cancellationToken).ConfigureAwait(false);
        }

        LogSaved(logger, tenantId, team.Id);
        return Results.Ok(await BodyAsync(team, db, book, cancellationToken).ConfigureAwait(false));
    }

    internal sealed record Change(IReadOnlyList<(long KpiId, decimal Percent)>? Weights, bool ClearWeights, decimal? Cap);

    // Every error of the body at once, in English for the operator.
    internal static (Change Change, List<string> Errors) Read(byte[]? body, IReadOnlyList<KpiDefinition> activeKpis)
    {
        ArgumentNullException.ThrowIfNull(activeKpis);
        var none = new Change(null, false, null);
        if (body is null)
        {
            return (none, [$"the body is larger than {MaxBodyBytes} bytes"]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(new UTF8Encoding(false, true).GetString(body));
        }
        catch (Exception error) when (error is JsonException or DecoderFallbackException)
        {
            return (none, [Expected]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (none, [Expected]);
            }

            List<string> errors = [];
            var change = none;
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "weights" when value.ValueKind == JsonValueKind.Null:
                        change = change with { ClearWeights = true };
                        break;
                    case "weights" when value.ValueKind == JsonValueKind.Object:
                        var weights = new List<(long KpiId, decimal Percent)>();
                        foreach (var weight in value.EnumerateObject())
                        {
                            var kpi = activeKpis.FirstOrDefault(k => string.Equals(k.Key, weight.Name, StringComparison.Ordinal));
                            if (kpi is null)
                            {
                                errors.Add($"\"{weight.Name}\" is not the key of an active KPI of the tenant");
                            }
                            else if (weight.Value.ValueKind != JsonValueKind.Number || !weight.Value.TryGetDecimal(out var percent)
                                || percent is < 0m or > 100m || decimal.Round(percent, 2) != percent)
                            {
                                errors.Add($"the weight of \"{weight.Name}\" must be a percent from 0 to 100 (at most two decimals)");
                            }
                            else
                            {
                                weights.Add((kpi.Id, percent));
                            }
                        }

                        switch (ScorecardBook.Check(weights))
                        {
                            case WeightsProblem.Empty when errors.Count == 0:
                                errors.Add("\"weights\" names no KPI (use null to remove the weights)");
                                break;
                            case WeightsProblem.Repeated:
                                errors.Add("\"weights\" names a KPI twice");
                                break;
                            case WeightsProblem.NotHundred when errors.Count == 0:
                                errors.Add($"the weights add up to {weights.Sum(w => w.Percent)}, not 100");
                                break;
                        }

                        change = change with { Weights = weights };
                        break;
                    case "weights":
                        errors.Add("\"weights\" must be an object of KPI key → percent, or null");
                        break;
                    case "cap":
                        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var cap) && ScorecardBook.IsValidCap(cap))
                        {
                            change = change with { Cap = cap };
                        }
                        else
                        {
                            errors.Add("\"cap\" must be a percent from 100 to 300 (at most one decimal)");
                        }

                        break;
                    default:
                        errors.Add($"unknown field \"{property.Name}\"");
                        break;
                }
            }

            return (change, errors);
        }
    }

    private static async Task<object> BodyAsync(SalesTeam team, SalesCoachDbContext db, ScorecardBook book, CancellationToken cancellationToken)
    {
        var setup = await book.SetupAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var ids = setup.Weights.Keys.ToList();
        var keys = await db.Kpis.AsNoTracking().Where(k => ids.Contains(k.Id)).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .Select(k => new { k.Id, k.Key }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new
        {
            teamId = team.Id,
            teamsTeamId = team.TeamsTeamId,
            equalWeights = !setup.HasWeights,
            weights = keys.ToDictionary(k => k.Key, k => setup.Weights[k.Id], StringComparer.Ordinal),
            cap = setup.CapPercent,
        };
    }

    private static IResult NoTeam() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such Teams team bound to a sales team in this tenant.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} changed the scorecard settings of sales team {TeamId}")]
    private static partial void LogSaved(ILogger logger, string tenantId, long teamId);
}
