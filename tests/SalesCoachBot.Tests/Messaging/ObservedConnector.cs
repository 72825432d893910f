using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;

namespace SalesCoachBot.Tests.Messaging;

/// <summary>
/// Wraps a connector to see one instance's sends: counts them, and runs <see cref="BeforeSend"/> (to hold a send until
/// another instance is busy) and <see cref="AfterSend"/> (to stop a dispatcher half way) around each.
/// </summary>
internal sealed class ObservedConnector(IConnectorClient inner) : IConnectorClient
{
    private int _sends;

    public int Sends => Volatile.Read(ref _sends);

    public Func<Task>? BeforeSend { get; set; }

    public Action<int, Activity>? AfterSend { get; set; }

    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        if (BeforeSend is { } before)
        {
            await before();
        }

        var response = await inner.SendToConversationAsync(serviceUrl, conversationId, activity, tenantId, cancellationToken);
        var sends = Interlocked.Increment(ref _sends);
        AfterSend?.Invoke(sends, activity);
        return response;
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default) =>
        inner.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, tenantId, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default) =>
        inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, tenantId, cancellationToken);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, string? tenantId = null, CancellationToken cancellationToken = default) =>
        inner.DeleteActivityAsync(serviceUrl, conversationId, activityId, tenantId, cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, string? tenantId = null, CancellationToken cancellationToken = default) =>
        inner.CreateConversationAsync(serviceUrl, parameters, tenantId, cancellationToken);

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize = 500, string? continuationToken = null, string? tenantId = null, CancellationToken cancellationToken = default) =>
        inner.GetPagedMembersAsync(serviceUrl, conversationId, pageSize, continuationToken, tenantId, cancellationToken);

    public Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, string? tenantId = null, CancellationToken cancellationToken = default) =>
        inner.GetMemberAsync(serviceUrl, conversationId, memberId, tenantId, cancellationToken);

    public Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, string? tenantId = null, CancellationToken cancellationToken = default) =>
        inner.GetTeamDetailsAsync(serviceUrl, teamId, tenantId, cancellationToken);

    public Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, string? tenantId = null, CancellationToken cancellationToken = default) =>
        inner.GetTeamChannelsAsync(serviceUrl, teamId, tenantId, cancellationToken);
}
