using System.Net;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;

namespace SalesCoachBot.Testing;

/// <summary>One call the bot made through the connector.</summary>
public sealed record ConnectorCall(string Operation, string ServiceUrl, string? ConversationId, string? ActivityId, Activity? Activity);

/// <summary>
/// An in-process <see cref="IConnectorClient"/> that records every call and answers like the Bot Connector would
/// (new ids for sent activities and created conversations). Thread-safe. Fill <see cref="Members"/> for member look-ups,
/// and <see cref="FailNextWith"/> to make the next send fail.
/// <para>
/// Kept for the benchmarks only (bench/SalesCoachBot.Benchmarks/BenchApp): they time a turn's own work, which an HTTP
/// round trip per reply would drown. Tests do not use it: they observe what the bot sends through the app's real
/// ConnectorClient posting to <see cref="FakeConnectorServer"/> (serialization, headers and Teams' limits included),
/// e.g. SalesCoachBotApplication.Connector and its Chat helper in SalesCoachBot.Tests.
/// </para>
/// </summary>
public sealed class RecordingConnectorClient : IConnectorClient
{
    private readonly object _gate = new();
    private readonly List<ConnectorCall> _calls = [];
    private int _nextId;
    private ConnectorException? _nextFailure;

    /// <summary>Members returned by member look-ups, keyed by user id.</summary>
    public Dictionary<string, TeamsChannelAccount> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<ConnectorCall> Calls { get { lock (_gate) { return [.. _calls]; } } }

    /// <summary>Activities sent or replied (not updates), in order.</summary>
    public IReadOnlyList<Activity> SentActivities =>
        Calls.Where(c => c.Operation is "send" or "reply" && c.Activity is not null).Select(c => c.Activity!).ToList();

    /// <summary>Texts of the sent messages, in order.</summary>
    public IReadOnlyList<string?> SentTexts => SentActivities.Select(a => a.Text).ToList();

    /// <summary>Makes the next send, reply or update throw (e.g. 403 blocked).</summary>
    public void FailNextWith(ConnectorFailure failure, HttpStatusCode status)
    {
        lock (_gate)
        {
            _nextFailure = new ConnectorException(failure, status, $"Simulated {(int)status}.");
        }
    }

    /// <summary>Forgets the calls so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Record("send", serviceUrl, conversationId, null, activity));

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Record("reply", serviceUrl, conversationId, activityId, activity));

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        Record("update", serviceUrl, conversationId, activityId, activity);
        return Task.FromResult(new ResourceResponse(activityId));
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        Record("delete", serviceUrl, conversationId, activityId, null);
        return Task.CompletedTask;
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var conversationId = "a:created-" + Interlocked.Increment(ref _nextId);
        var response = Record("create", serviceUrl, conversationId, null, parameters.Activity);
        return Task.FromResult(new ConversationResourceResponse(conversationId, parameters.Activity is null ? null : response.Id, serviceUrl));
    }

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize = 500, string? continuationToken = null, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        var skip = int.TryParse(continuationToken, out var s) ? s : 0;
        List<TeamsChannelAccount> all;
        lock (_gate)
        {
            all = [.. Members.Values];
        }

        var page = all.Skip(skip).Take(pageSize).ToList();
        return Task.FromResult(new PagedMembersResult
        {
            Members = page,
            ContinuationToken = skip + page.Count < all.Count ? (skip + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        });
    }

    public Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Members.TryGetValue(memberId, out var member)
                ? Task.FromResult(member)
                : Task.FromException<TeamsChannelAccount>(new ConnectorException(ConnectorFailure.NotFound, HttpStatusCode.NotFound, "Member not found."));
        }
    }

    public Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, string? tenantId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new TeamDetails { Id = teamId, Name = "East Sales", MemberCount = Members.Count });

    public Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, string? tenantId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ChannelInfo>>([new ChannelInfo { Id = teamId, Name = "General" }]);

    private ResourceResponse Record(string operation, string serviceUrl, string? conversationId, string? activityId, Activity? activity)
    {
        lock (_gate)
        {
            if (_nextFailure is { } failure && operation is "send" or "reply" or "update")
            {
                _nextFailure = null;
                throw failure;
            }

            _calls.Add(new ConnectorCall(operation, serviceUrl, conversationId, activityId, activity));
        }

        return new ResourceResponse("activity-" + Interlocked.Increment(ref _nextId));
    }
}
