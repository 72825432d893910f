using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Recognition;

/// <summary>
/// GET and PUT /api/admin/tenants/{tenantId}/teams/{teamId}/celebrations: a sales team's celebration switches and
/// big-deal amount, on the admin API's tenant group (which checks the tenant's key). PUT changes the fields it names
/// and keeps the others: <c>{"bigDeals": true, "repTargets": true, "teamTargets": false, "bigDealThreshold": 500000}</c>
/// (<c>"bigDealThreshold": null</c> removes the amount: no big-deal celebrations).
/// </summary>
internal static partial class CelebrationAdminEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;

    private const string Expected =
        "the body must be a JSON object with any of \"bigDeals\", \"repTargets\", \"teamTargets\" (true or false) and \"bigDealThreshold\" (an amount above zero, or null)";

    public static async Task<IResult> GetAsync(string tenantId, string teamId, SalesCoachDbContext db, CelebrationStore store, CancellationToken cancellationToken)
    {
        if (await RecognitionAdminEndpoints.TeamAsync(tenantId, teamId, db, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return RecognitionAdminEndpoints.NoTeam();
        }

        return Results.Ok(await BodyAsync(team, store, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<IResult> PutAsync(
        string tenantId, string teamId, HttpRequest request, SalesCoachDbContext db, CelebrationStore store, ILogger<CelebrationStore> logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RecognitionAdminEndpoints.TeamAsync(tenantId, teamId, db, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return RecognitionAdminEndpoints.NoTeam();
        }

        var body = await UploadedTable.ReadLimitedAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var current = await store.SettingsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var (settings, errors) = Read(body, current);
        if (errors.Count > 0)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The celebration settings were not stored; nothing was changed.",
                detail: string.Join("; ", errors),
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
        }

        await store.SaveSettingsAsync(tenantId, team.Id, settings!, cancellationToken).ConfigureAwait(false);
        LogSaved(logger, tenantId, team.Id, settings!.BigDeals, settings.RepTargets, settings.TeamTargets, settings.BigDealThreshold is not null);
        return Results.Ok(await BodyAsync(team, store, cancellationToken).ConfigureAwait(false));
    }

    // Every error of the body at once, in English for the operator.
    internal static (CelebrationSettings? Settings, List<string> Errors) Read(byte[]? body, CelebrationSettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
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
            var settings = current;
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "bigDeals" or "repTargets" or "teamTargets":
                        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                        {
                            errors.Add($"\"{property.Name}\" must be true or false");
                            break;
                        }

                        var on = value.GetBoolean();
                        settings = property.Name switch
                        {
                            "bigDeals" => settings with { BigDeals = on },
                            "repTargets" => settings with { RepTargets = on },
                            _ => settings with { TeamTargets = on },
                        };
                        break;
                    case "bigDealThreshold":
                        if (value.ValueKind == JsonValueKind.Null)
                        {
                            settings = settings with { BigDealThreshold = null };
                        }
                        else if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var amount)
                            && amount > 0m && amount <= CelebrationStore.MaxThreshold && decimal.Round(amount, 2) == amount)
                        {
                            settings = settings with { BigDealThreshold = amount };
                        }
                        else
                        {
                            errors.Add(string.Create(CultureInfo.InvariantCulture,
                                $"\"bigDealThreshold\" must be an amount above zero and at most {CelebrationStore.MaxThreshold:0}, with at most two decimals, or null"));
                        }

                        break;
                    default:
                        errors.Add($"\"{Shown(property.Name)}\" is not a celebration setting; {Expected}");
                        break;
                }
            }

            return (errors.Count == 0 ? settings : null, errors);
        }
    }

    private static string Shown(string name) => name.Length <= 40 ? name : name[..40] + "…";

    private static async Task<object> BodyAsync(SalesTeam team, CelebrationStore store, CancellationToken cancellationToken)
    {
        var settings = await store.SettingsAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var dealKpi = await store.DealKpiAsync(cancellationToken).ConfigureAwait(false);
        return new
        {
            teamId = team.Id,
            name = team.Name,
            bigDeals = settings.BigDeals,
            repTargets = settings.RepTargets,
            teamTargets = settings.TeamTargets,
            bigDealThreshold = settings.BigDealThreshold,
            dealKpi = dealKpi is null ? null : new { key = dealKpi.Key, currency = dealKpi.Currency },
        };
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Tenant {TenantId} set the celebrations of sales team {TeamId}: big deals {BigDeals}, rep targets {RepTargets}, team targets {TeamTargets}, threshold set {HasThreshold}")]
    private static partial void LogSaved(ILogger logger, string tenantId, long teamId, bool bigDeals, bool repTargets, bool teamTargets, bool hasThreshold);
}
