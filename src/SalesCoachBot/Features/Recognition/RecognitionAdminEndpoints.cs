using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Recognition;

/// <summary>
/// GET and PUT /api/admin/tenants/{tenantId}/teams/{teamId}/values: a sales team's company values with their points and
/// its daily praise quota per giver, on the admin API's tenant group (which checks the tenant's key). PUT replaces every
/// value: <c>{"values": [{"name": "客户第一", "points": 3}], "dailyPraiseQuota": 5}</c> (the quota may be left out).
/// </summary>
internal static partial class RecognitionAdminEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    public static async Task<IResult> GetValuesAsync(string tenantId, string teamId, SalesCoachDbContext db, RecognitionStore store, CancellationToken cancellationToken)
    {
        if (await TeamAsync(tenantId, teamId, db, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return NoTeam();
        }

        return Results.Ok(await BodyAsync(team, store, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<IResult> PutValuesAsync(
        string tenantId, string teamId, HttpRequest request, SalesCoachDbContext db, RecognitionStore store, ILogger<RecognitionStore> logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await TeamAsync(tenantId, teamId, db, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return NoTeam();
        }

        var body = await UploadedTable.ReadLimitedAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var (values, quota, errors) = Read(body);
        if (errors.Count > 0)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The values were not stored; nothing was changed.",
                detail: string.Join("; ", errors),
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
        }

        await store.ReplaceAsync(tenantId, team.Id, values, quota, cancellationToken).ConfigureAwait(false);
        LogReplaced(logger, tenantId, team.Id, values.Count);
        return Results.Ok(await BodyAsync(team, store, cancellationToken).ConfigureAwait(false));
    }

    // Every error of the body at once, in English for the operator.
    internal static (List<(string Name, int Points)> Values, int? Quota, List<string> Errors) Read(byte[]? body)
    {
        List<(string, int)> values = [];
        List<string> errors = [];
        const string Expected = "the body must be {\"values\": [{\"name\": \"customer-first\", \"points\": 3}], \"dailyPraiseQuota\": 5}";
        if (body is null)
        {
            return (values, null, [$"the body is larger than {MaxBodyBytes} bytes"]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(new UTF8Encoding(false, true).GetString(body));
        }
        catch (Exception error) when (error is JsonException or DecoderFallbackException)
        {
            return (values, null, [Expected]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return (values, null, [Expected]);
            }

            int? quota = null;
            if (root.TryGetProperty("dailyPraiseQuota", out var quotaElement) && quotaElement.ValueKind != JsonValueKind.Null)
            {
                if (quotaElement.ValueKind == JsonValueKind.Number && quotaElement.TryGetInt32(out var q) && q is >= 1 and <= RecognitionStore.MaxDailyQuota)
                {
                    quota = q;
                }
                else
                {
                    errors.Add($"\"dailyPraiseQuota\" must be a whole number from 1 to {RecognitionStore.MaxDailyQuota}");
                }
            }

            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"values[{index++}]");
                var name = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                    ? n.GetString()!.Trim().TrimStart('#')
                    : null;
                if (name is null || name.Length is 0 or > CompanyValue.MaxNameLength || name.Any(c => char.IsWhiteSpace(c) || c is '#' or '<' or '>'))
                {
                    errors.Add($"{at}: \"name\" must be one word of 1 to {CompanyValue.MaxNameLength} characters, without # or spaces");
                    continue;
                }

                var points = RecognitionStore.DefaultPoints;
                if (item.TryGetProperty("points", out var p))
                {
                    if (p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out points) || points is < RecognitionStore.MinPoints or > RecognitionStore.MaxPoints)
                    {
                        errors.Add($"{at}: \"points\" must be a whole number from {RecognitionStore.MinPoints} to {RecognitionStore.MaxPoints}");
                        continue;
                    }
                }

                if (values.Any(v => string.Equals(v.Item1, name, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add($"{at}: \"{name}\" is listed twice");
                    continue;
                }

                values.Add((name, points));
            }

            if (values.Count > RecognitionStore.MaxValues)
            {
                errors.Add($"a team has at most {RecognitionStore.MaxValues} values");
            }

            return (values, quota, errors);
        }
    }

    /// <summary>The tenant's live sales team of the path's id (the store bound to the tenant), or null; the celebrations endpoints share it.</summary>
    internal static async Task<SalesTeam?> TeamAsync(string tenantId, string teamId, SalesCoachDbContext db, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        return long.TryParse(teamId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.SalesTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.ArchivedAt == null, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private static async Task<object> BodyAsync(SalesTeam team, RecognitionStore store, CancellationToken cancellationToken) => new
    {
        teamId = team.Id,
        name = team.Name,
        dailyPraiseQuota = await store.DailyQuotaAsync(team.Id, cancellationToken).ConfigureAwait(false),
        defaultPoints = RecognitionStore.DefaultPoints,
        values = (await store.ValuesAsync(team.Id, cancellationToken).ConfigureAwait(false)).Select(v => new { name = v.Name, points = v.Points }),
    };

    internal static IResult NoTeam() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such sales team in this tenant.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} replaced the company values of sales team {TeamId}: {Count} value(s)")]
    private static partial void LogReplaced(ILogger logger, string tenantId, long teamId, int count);
}
