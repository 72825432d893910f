using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SalesCoachBot.Security;

namespace SalesCoachBot.Features.Admin;

/// <summary>
/// Guards /api/admin/tenants/{tenantId}/…: no keys configured → 404 (the API does not exist); no or unknown
/// X-Api-Key → 401; another tenant's key → 403. Every configured key is compared, in constant time, so timing
/// tells nothing about which tenant or how much of a key matched. Wrong keys are counted per client address by
/// <see cref="KeyAttemptThrottle"/>: after a few, the address gets 429 with Retry-After, whatever key it sends, until its
/// window has passed.
/// </summary>
internal sealed partial class AdminApiKeyFilter(
    IOptionsMonitor<AdminOptions> options, KeyAttemptThrottle throttle, ILogger<AdminApiKeyFilter> logger) : IEndpointFilter
{
    public const string KeyHeader = "X-Api-Key";

    private const string Door = "Admin API";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var keys = options.CurrentValue.ApiKeys;
        if (keys.Count == 0)
        {
            return Results.NotFound();
        }

        var http = context.HttpContext;
        var routeTenant = http.GetRouteValue("tenantId") as string;
        // Before the key is even compared: a throttled address learns nothing, not even that its key was right.
        if (throttle.RetryAfter(http) is { } wait)
        {
            KeyAttemptThrottle.SetRetryAfter(http.Response, wait);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong API keys from this address; try again later.");
        }

        if (!http.Request.Headers.TryGetValue(KeyHeader, out var presented) || presented.Count != 1 || string.IsNullOrEmpty(presented[0]))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "An X-Api-Key header is required.");
        }

        var keyTenant = TenantOfKey(keys, presented[0]!);
        if (keyTenant is null)
        {
            throttle.RecordFailure(http, Door);
            LogRefused(logger, routeTenant ?? "", "unknown key");
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The API key is not valid.");
        }

        if (!string.Equals(keyTenant, routeTenant, StringComparison.Ordinal))
        {
            LogRefused(logger, routeTenant ?? "", "key of another tenant");
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This API key does not open this tenant.");
        }

        return await next(context).ConfigureAwait(false);
    }

    private static string? TenantOfKey(Dictionary<string, string> keys, string presented)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? match = null;
        foreach (var (tenant, key) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key))) && match is null)
            {
                match = tenant;
            }
        }

        return match;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin API refused a request for tenant {TenantId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string tenantId, string reason);
}
