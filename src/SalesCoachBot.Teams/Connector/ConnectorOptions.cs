using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Teams.Connector;

/// <summary>Retry and throttling settings of the connector client ("Bot:Connector" section).</summary>
public sealed class ConnectorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot:Connector";

    /// <summary>Attempts per call, the first one included, before giving up with a transient failure.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Backoff before the second attempt; doubles each time, with jitter.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest backoff between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A 429 asking to wait longer than this fails the call as transient instead of holding it.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time one HTTP attempt may take; <see cref="Timeout.InfiniteTimeSpan"/> turns the limit off.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throttle on the client side to Teams' per-conversation and per-app limits.</summary>
    public bool RateLimitingEnabled { get; set; } = true;

    /// <summary>Requests per second the app sends to one tenant (Teams allows about 50 per app per tenant); each tenant has its own.</summary>
    [Range(1, 10_000)]
    public int AppRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// Added to every window so that jitter on the way to the service does not push a burst over a limit
    /// (the service counts arrival times, the client counts departure times).
    /// </summary>
    public TimeSpan RateLimitSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(50);
}
