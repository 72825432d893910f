namespace SalesCoachBot.Teams.Activities;

/// <summary>What the bot needs to write into a conversation later (proactive messages).</summary>
public sealed record ConversationReference(
    string ServiceUrl,
    string ConversationId,
    string? TenantId,
    string? ConversationType,
    string? UserId,
    string? BotId)
{
    /// <summary>The reference of the conversation an inbound activity came from.</summary>
    public static ConversationReference? From(Activity activity) =>
        activity.ServiceUrl is { Length: > 0 } serviceUrl && activity.Conversation?.Id is { Length: > 0 } conversationId
            ? new ConversationReference(
                serviceUrl,
                conversationId,
                activity.TenantId,
                activity.Conversation.ConversationType,
                activity.From?.Id,
                activity.Recipient?.Id)
            : null;
}
