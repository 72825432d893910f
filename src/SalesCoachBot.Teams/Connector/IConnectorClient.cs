using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3) of one channel service. Every call takes the service URL of the
/// conversation, because Teams serves tenants from several regional endpoints.
/// Failures throw <see cref="ConnectorException"/>; permanent ones (blocked, gone) are marked so callers stop retrying.
/// </summary>
public interface IConnectorClient
{
    /// <summary>POST /v3/conversations/{id}/activities.</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>POST /v3/conversations/{id}/activities/{activityId}.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>PUT /v3/conversations/{id}/activities/{activityId}.</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>DELETE /v3/conversations/{id}/activities/{activityId}.</summary>
    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary>POST /v3/conversations: a 1:1 chat with a user, or a new thread in a channel.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/conversations/{id}/pagedmembers.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize = 500, string? continuationToken = null, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/conversations/{id}/members/{memberId}.</summary>
    Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/teams/{teamId}.</summary>
    Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/teams/{teamId}/conversations.</summary>
    Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default);
}
