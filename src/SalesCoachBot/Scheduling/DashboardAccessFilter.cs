using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;
using SalesCoachBot.Security;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// /hangfire: with Scheduling:DashboardKey set, every caller must present it (basic-auth password, so a browser
/// asks for it once, or the X-Api-Key header); without a key only loopback callers get in. Behind a reverse proxy on
/// the same host every caller looks local: set a key there. Without a key it opens only in the Development environment,
/// and never to a caller whose address is unknown (a Unix socket or named pipe is not loopback). A wrong key counts
/// against the caller's address in <see cref="KeyAttemptThrottle"/>; a throttled address is refused with 429 before
/// this filter runs (<see cref="RefuseThrottledAsync"/>).
/// </summary>
internal sealed class DashboardAccessFilter(IOptionsMonitor<SchedulingOptions> options, KeyAttemptThrottle throttle, IHostEnvironment environment) : IDashboardAuthorizationFilter
{
    public const string KeyHeader = "X-Api-Key";

    private const string Door = "Hangfire dashboard";

    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        var key = options.CurrentValue.DashboardKey;
        if (string.IsNullOrEmpty(key))
        {
            return environment.IsDevelopment()
                && http.Connection.RemoteIpAddress is { } remote
                && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
        }

        var presented = PresentedKey(http.Request);
        if (KeyMatches(presented, key))
        {
            return true;
        }

        // No key at all is a browser's first visit, not a guess: only a wrong key counts.
        if (presented is not null)
        {
            throttle.RecordFailure(http, Door);
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"hangfire\"";
        return false;
    }

    /// <summary>
    /// Middleware for the dashboard's paths: a throttled address gets 429 with Retry-After before Hangfire asks the
    /// filter (whose yes/no can only become 401 or 403), so not even the right key gets through until the window passes.
    /// </summary>
    public async Task RefuseThrottledAsync(HttpContext http, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (throttle.RetryAfter(http) is { } wait)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            KeyAttemptThrottle.SetRetryAfter(http.Response, wait);
            return;
        }

        await next().ConfigureAwait(false);
    }

    /// <summary>Equal keys, compared in time independent of where they differ (hashes have equal length).</summary>
    internal static bool KeyMatches(string? presented, string expected) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(KeyHeader, out var header) && header.Count == 1)
        {
            return header[0];
        }

        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var authorization)
            && string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && authorization.Parameter is { } parameter)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 ? decoded[(colon + 1)..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }
}
