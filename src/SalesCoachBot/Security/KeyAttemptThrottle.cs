using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Security;

/// <summary>
/// Slows down guessing of the admin-API keys and the dashboard key: per client address, after
/// <see cref="KeyAttemptOptions.MaxFailures"/> wrong keys within <see cref="KeyAttemptOptions.Window"/> (a fixed window
/// from the first wrong key), every key attempt from that address is refused with 429 and Retry-After until the window
/// has passed, even with the right key. Right keys never count. One table for both doors, so failures at either count
/// together. IPv6 addresses count per /64 (one host usually owns a whole /64). Nothing about the keys is kept or logged.
/// </summary>
internal sealed partial class KeyAttemptThrottle(IOptionsMonitor<KeyAttemptOptions> options, TimeProvider time, ILogger<KeyAttemptThrottle> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Attempts> _attempts = new(StringComparer.Ordinal);

    /// <summary>Addresses remembered now (bounded by <see cref="KeyAttemptOptions.MaxTrackedAddresses"/>).</summary>
    public int TrackedAddresses
    {
        get
        {
            lock (_gate)
            {
                return _attempts.Count;
            }
        }
    }

    /// <summary>How long the caller's address must wait before trying a key again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_attempts.TryGetValue(AddressKey(http.Connection.RemoteIpAddress), out var attempts) && attempts.Failures >= settings.MaxFailures)
            {
                var left = attempts.Start + settings.Window - now;
                if (left > TimeSpan.Zero)
                {
                    return left;
                }
            }
        }

        return null;
    }

    /// <summary>Counts a wrong key from the caller's address; <paramref name="door"/> names what was knocked on, for the log.</summary>
    public void RecordFailure(HttpContext http, string door)
    {
        ArgumentNullException.ThrowIfNull(http);
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var key = AddressKey(http.Connection.RemoteIpAddress);
        bool blocksNow;
        lock (_gate)
        {
            if (!_attempts.TryGetValue(key, out var attempts) || now >= attempts.Start + settings.Window)
            {
                if (attempts is null && _attempts.Count >= settings.MaxTrackedAddresses)
                {
                    MakeRoom(now, settings);
                }

                attempts = new Attempts(now, 0);
            }

            attempts = attempts with { Failures = attempts.Failures + 1 };
            _attempts[key] = attempts;
            blocksNow = attempts.Failures == settings.MaxFailures;
        }

        if (blocksNow)
        {
            // The address stays out of the log (personal data); the count says an attack is under way.
            LogBlocked(logger, door, settings.MaxFailures, settings.Window);
        }
    }

    /// <summary>Sets 429's Retry-After header: whole seconds, rounded up, at least one.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The table is full: windows that have passed go first, else the oldest window.</summary>
    private void MakeRoom(DateTimeOffset now, KeyAttemptOptions settings)
    {
        foreach (var (key, attempts) in _attempts)
        {
            if (now >= attempts.Start + settings.Window)
            {
                _attempts.Remove(key);
            }
        }

        while (_attempts.Count >= settings.MaxTrackedAddresses)
        {
            var oldest = _attempts.MinBy(a => a.Value.Start).Key;
            _attempts.Remove(oldest);
        }
    }

    /// <summary>IPv4 as is (also when mapped into IPv6), IPv6 by its /64 prefix; an unknown address shares one entry.</summary>
    internal static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    private sealed record Attempts(DateTimeOffset Start, int Failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Door}: {Failures} wrong keys from one address; its key attempts are refused with 429 for up to {Window}")]
    private static partial void LogBlocked(ILogger logger, string door, int failures, TimeSpan window);
}
