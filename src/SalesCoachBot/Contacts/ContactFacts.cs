using SalesCoachBot.Data;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Contacts;

/// <summary>
/// What one activity says about its sender and conversation, cut to the store's column sizes. A value record:
/// two activities with equal facts need no second write.
/// </summary>
internal sealed record ContactFacts(
    string TenantId,
    string ConversationId,
    string ConversationType,
    string ServiceUrl,
    string? TeamId,
    string? ChannelId,
    string? BotId,
    string? TeamsUserId,
    string? AadObjectId,
    string? Name,
    string? Locale)
{
    private const string ThreadSuffix = ";messageid=";

    public bool IsPersonal => ConversationType == ConversationTypes.Personal;

    /// <summary>The facts of an activity, or null when it names no conversation or service URL the store could keep.</summary>
    public static ContactFacts? From(Activity activity, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = NormalizeConversationId(activity.Conversation?.Id);
        var serviceUrl = activity.ServiceUrl?.Trim();
        if (!Fits(tenantId, ColumnLengths.TenantId)
            || !Fits(conversationId, ColumnLengths.ConversationId)
            || !Fits(serviceUrl, ColumnLengths.ServiceUrl))
        {
            return null;
        }

        var from = activity.From;
        var userId = Fits(from?.Id, ColumnLengths.ChannelAccountId) && !string.Equals(from!.Role, "bot", StringComparison.OrdinalIgnoreCase)
            ? from.Id
            : null;
        var conversationType = Cut(activity.Conversation?.ConversationType, ColumnLengths.ConversationType) ?? ConversationTypes.Personal;
        return new ContactFacts(
            tenantId,
            conversationId!,
            conversationType,
            serviceUrl!,
            IdOrNull(activity.ChannelData?.Team?.Id),
            IdOrNull(activity.ChannelData?.Channel?.Id),
            IdOrNull(activity.Recipient?.Id),
            userId,
            userId is null ? null : Fits(from!.AadObjectId, ColumnLengths.AadObjectId) ? from.AadObjectId : null,
            userId is null ? null : Cut(from!.Name, ColumnLengths.Name),
            Cut(activity.Locale, ColumnLengths.Locale));
    }

    /// <summary>Folds a channel thread (";messageid=…") into its channel, so one channel has one reference.</summary>
    public static string? NormalizeConversationId(string? conversationId)
    {
        var id = conversationId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var thread = id.IndexOf(ThreadSuffix, StringComparison.OrdinalIgnoreCase);
        return thread > 0 ? id[..thread] : id;
    }

    private static bool Fits(string? value, int maxLength) => !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength;

    private static string? IdOrNull(string? value) => Fits(value, ColumnLengths.ChannelAccountId) ? value : null;

    private static string? Cut(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= maxLength ? trimmed : trimmed[..maxLength];
    }
}
