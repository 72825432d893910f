using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;

namespace SalesCoachBot.Teams.Routing;

/// <summary>One inbound activity and what is needed to answer it.</summary>
public sealed class TurnContext
{
    private readonly Dictionary<Type, object> _values = [];
    private string? _locale;

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

    /// <summary>Message text without the bot's own mention, as typed (the router normalises its own copy).</summary>
    public string CommandText { get; }

    /// <summary>
    /// The registered command word the router matched, as registered (<c>set</c>, <c>设置目标</c>), so a handler with
    /// several words knows which one was typed; null for turns that are not a text command.
    /// </summary>
    public string? CommandWord { get; internal set; }

    /// <summary>
    /// The language to answer in: what the app chose for this turn (e.g. a member's setting), else the activity's
    /// locale. The one rule every handler reads, so no handler falls back on its own.
    /// </summary>
    public string? Locale
    {
        get => _locale ?? Activity.Locale;
        set => _locale = value;
    }

    /// <summary>personal, channel or groupChat (personal when the channel did not say).</summary>
    public string Scope => Activity.Conversation?.ConversationType ?? ConversationTypes.Personal;

    /// <summary>True in a 1:1 chat.</summary>
    public bool IsPersonal => Scope == ConversationTypes.Personal;

    /// <summary>The invoke response to put in the HTTP body, set by invoke handlers.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Attaches a typed per-turn value (e.g. who the sender is, set once by middleware); replaces one of the same type.</summary>
    public void Set<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        _values[typeof(T)] = value;
    }

    /// <summary>The per-turn value of type <typeparamref name="T"/>, or null when none was attached.</summary>
    public T? Get<T>()
        where T : class => _values.TryGetValue(typeof(T), out var value) ? (T)value : null;

    /// <summary>Activities sent during this turn (ids as the connector returned them).</summary>
    public IList<ResourceResponse> SentActivities { get; } = [];

    /// <summary>Sends an activity into the conversation of the inbound activity.</summary>
    public async Task<ResourceResponse> SendAsync(Activity reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var (serviceUrl, conversationId) = Address();
        Address(reply);
        var response = await Connector.SendToConversationAsync(serviceUrl, conversationId, reply, Activity.TenantId, cancellationToken).ConfigureAwait(false);
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
        return Connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, replacement, Activity.TenantId, cancellationToken);
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
        reply.Locale ??= Locale;
    }
}
