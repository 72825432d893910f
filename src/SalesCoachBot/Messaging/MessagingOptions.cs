using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Messaging;

/// <summary>"Messaging" section: how the outbox dispatcher claims, sends and retries proactive messages.</summary>
internal sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Run the dispatcher on this instance; off for an instance that should only take requests.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Rows one claim takes. Small enough that a crashed instance strands little, large enough to keep sends busy.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Sends in flight at once per instance; the connector's limiter does the Teams pacing.</summary>
    [Range(1, 1_000)]
    public int MaxConcurrentSends { get; set; } = 32;

    /// <summary>How long a claim is ours; an instance that crashed loses its rows to another after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the outbox is checked without a wake-up (messages due later, other instances' writes).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delivery attempts (transient failures) before a message is marked Failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first transient failure; doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
}
