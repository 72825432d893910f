using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;

namespace SalesCoachBot.Teams.Routing;

/// <summary>One inbound activity and what is needed to answer it.</summary>
public sealed class TurnContext
{
    /// <summary>Creates a turn for an inbound activity.</summary>
    public TurnContext(Activity activity, IConnectorClient connector, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Activity = activity;
        Connector = connector;
        Services = services;
        CommandText = activity.TextWithoutRecipientMention();
    }

    /// <summary>The inbound activity.</summary>
    public Activity Activity { get; }

    /// <summary>The connector client for replies.</summary>
    public IConnectorClient Connector { get; }

    /// <summary>The request's service scope.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Message text without the bot's own mention.</summary>
    public string CommandText { get; }

    /// <summary>Tenant id of the activity.</summary>
    public string? TenantId => Activity.TenantId;

    /// <summary>Locale of the activity (may be overridden by the app, e.g. from a member's setting).</summary>
    public string? Locale { get; set; }

    /// <summary>personal, channel or groupChat (personal when the channel did not say).</summary>
    public string Scope => Activity.Conversation?.ConversationType ?? ConversationTypes.Personal;

    /// <summary>True in a 1:1 chat.</summary>
    public bool IsPersonal => Scope == ConversationTypes.Personal;

    /// <summary>The invoke response to put in the HTTP body, set by invoke handlers.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Per-turn values the app attaches (e.g. the member looked up by middleware).</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Activities sent during this turn (ids as the connector returned them).</summary>
    public IList<ResourceResponse> SentActivities { get; } = [];

    /// <summary>Sends an activity into the conversation of the inbound activity.</summary>
    public async Task<ResourceResponse> SendAsync(Activity reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var (serviceUrl, conversationId) = Address();
        Address(reply);
        var response = await Connector.SendToConversationAsync(serviceUrl, conversationId, reply, cancellationToken).ConfigureAwait(false);
        SentActivities.Add(response);
        return response;
    }

    /// <summary>Sends a plain text message.</summary>
    public Task<ResourceResponse> SendTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(Activity.CreateMessage(text), cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier in this conversation (e.g. a card after a submit).</summary>
    public Task<ResourceResponse> UpdateAsync(string activityId, Activity replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var (serviceUrl, conversationId) = Address();
        Address(replacement);
        replacement.Id = activityId;
        return Connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, replacement, cancellationToken);
    }

    private (string ServiceUrl, string ConversationId) Address() =>
        (Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl."),
         Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id."));

    private void Address(Activity reply)
    {
        reply.Type ??= ActivityTypes.Message;
        reply.ChannelId ??= Activity.ChannelId;
        reply.ServiceUrl ??= Activity.ServiceUrl;
        reply.Conversation ??= Activity.Conversation;
        reply.From ??= Activity.Recipient;
        reply.Recipient ??= Activity.From;
        reply.Locale ??= Locale ?? Activity.Locale;
    }
}
