using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3) of one channel service. Every call takes the service URL of the
/// conversation, because Teams serves tenants from several regional endpoints.
/// Failures throw <see cref="ConnectorException"/>; permanent ones (blocked, gone) are marked so callers stop retrying.
/// Teams limits a bot's calls per app and tenant: <c>tenantId</c> names the tenant whose budget a call draws on (for
/// calls that carry an activity or conversation parameters, their tenant when not given); a call with no tenant
/// shares one budget with every other such call, which is slower but never over a limit.
/// </summary>
public interface IConnectorClient
{
    /// <summary>POST /v3/conversations/{id}/activities.</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>POST /v3/conversations/{id}/activities/{activityId}.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>PUT /v3/conversations/{id}/activities/{activityId}.</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>DELETE /v3/conversations/{id}/activities/{activityId}.</summary>
    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>POST /v3/conversations: a 1:1 chat with a user, or a new thread in a channel.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/conversations/{id}/pagedmembers.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize = 500, string? continuationToken = null, string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/conversations/{id}/members/{memberId}.</summary>
    Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/teams/{teamId}.</summary>
    Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/teams/{teamId}/conversations.</summary>
    Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, string? tenantId = null, CancellationToken cancellationToken = default);
}
