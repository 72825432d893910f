using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Testing;

/// <summary>The Bot Connector v3 operations the fake serves.</summary>
public enum FakeConnectorOperation
{
    Send,
    Reply,
    Update,
    Delete,
    CreateConversation,
    PagedMembers,
    Member,
    TeamDetails,
    TeamChannels,
}

/// <summary>Settings of a <see cref="FakeConnectorServer"/>.</summary>
public sealed class FakeConnectorOptions
{
    /// <summary>
    /// Clock for arrival times and the limit windows. Unless given, a fake clock frozen at a fixed instant (tests never
    /// read the real clock): a test that lets the limits matter shares one FakeTimeProvider with the client.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Answer 429 with Retry-After when a request exceeds Teams' per-conversation or per-app-and-tenant limits.</summary>
    public bool EnforceRateLimits { get; init; } = true;

    /// <summary>The per-app limit the fake enforces for each tenant (Teams: about 50 per second per tenant).</summary>
    public int AppRequestsPerSecond { get; init; } = 50;

    /// <summary>Path under the host where /v3 lives, e.g. "/amer" as in Teams' regional service URLs; empty for none.</summary>
    public string PathBase { get; init; } = "";

    /// <summary>Faults drawn at random (seeded) for every send, reply and create conversation.</summary>
    public IReadOnlyList<RandomFault> RandomFaults { get; init; } = [];

    /// <summary>Seed of the random faults, so a run can be repeated.</summary>
    public int Seed { get; init; } = 12345;
}

/// <summary>With <paramref name="Probability"/> (0..1) a send answers <paramref name="Status"/>.</summary>
public sealed record RandomFault(double Probability, HttpStatusCode Status, TimeSpan? RetryAfter = null);

/// <summary>One request as the fake received and answered it.</summary>
public sealed class RecordedRequest
{
    /// <summary>Arrival order, from 1.</summary>
    public long Sequence { get; internal set; }

    public FakeConnectorOperation Operation { get; init; }

    public required string Method { get; init; }

    /// <summary>The decoded path, e.g. /v3/conversations/a:1/activities.</summary>
    public required string Path { get; init; }

    /// <summary>The request target exactly as sent (still percent-encoded, with the query).</summary>
    public required string RawTarget { get; init; }

    public string? ConversationId { get; init; }

    public string? ActivityId { get; init; }

    public string? MemberId { get; init; }

    public string? TeamId { get; init; }

    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>The Authorization header, or null when none was sent.</summary>
    public string? Authorization { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The JSON body, or null when there was none (or it was not JSON).</summary>
    public JsonElement? Body { get; init; }

    /// <summary>The activity carried: the body of send/reply/update, or body.activity of create conversation.</summary>
    public Activity? Activity { get; init; }

    /// <summary>When it arrived, on the server's <see cref="FakeConnectorOptions.TimeProvider"/>.</summary>
    public DateTimeOffset ArrivedAt { get; init; }

    /// <summary>The status the fake answered.</summary>
    public int StatusCode { get; internal set; }

    /// <summary>The activity id or conversation id the fake assigned, on success.</summary>
    public string? AssignedId { get; internal set; }

    /// <summary>True when the fake's own rate limit enforcement answered 429 (not an injected fault).</summary>
    public bool Throttled { get; internal set; }

    /// <summary>True when an injected fault answered.</summary>
    public bool Faulted { get; internal set; }

    public override string ToString() => $"#{Sequence} {Method} {RawTarget} → {StatusCode} at {ArrivedAt:HH:mm:ss.fff}";
}

/// <summary>One PUT to a fake upload session: its id, Content-Range and Content-Length headers, Authorization (if any), bytes and the status answered.</summary>
public sealed record RecordedUpload(string Id, string ContentRange, long? ContentLength, string? Authorization, byte[] Body, int StatusCode);
