using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoachBot.Teams.Activities;

/// <summary>
/// A Bot Framework activity as Teams sends and receives it. Typed fields cover what the bot reads
/// and writes; everything else survives a round trip through <see cref="ExtensionData"/>.
/// </summary>
public sealed class Activity
{
    /// <summary>message, conversationUpdate, installationUpdate, invoke, messageReaction, …</summary>
    public string? Type { get; set; }

    /// <summary>The activity id the channel assigned.</summary>
    public string? Id { get; set; }

    /// <summary>UTC time the channel received the activity.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Sender's local time, with offset.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>Base URL of the connector to answer to.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Channel id, <c>msteams</c> for Teams.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Who sent the activity.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The conversation the activity belongs to.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>Who receives the activity (the bot on inbound activities).</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>Message text; in channels it contains <c>&lt;at&gt;Bot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    /// <summary>plain, markdown or xml.</summary>
    public string? TextFormat { get; set; }

    /// <summary>Text shown in notifications.</summary>
    public string? Summary { get; set; }

    /// <summary>Sender's locale, e.g. zh-CN or en-US.</summary>
    public string? Locale { get; set; }

    /// <summary>Cards and files.</summary>
    public IList<Attachment>? Attachments { get; set; }

    /// <summary>list or carousel.</summary>
    public string? AttachmentLayout { get; set; }

    /// <summary>Mentions and other entities.</summary>
    public IList<Entity>? Entities { get; set; }

    /// <summary>Teams-specific data: tenant, team, channel, eventType.</summary>
    public TeamsChannelData? ChannelData { get; set; }

    /// <summary>Card submit data or invoke payload.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>Invoke name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The activity this one answers (for a card submit: the card's activity).</summary>
    public string? ReplyToId { get; set; }

    /// <summary>installationUpdate action: add or remove.</summary>
    public string? Action { get; set; }

    /// <summary>Members added in a conversationUpdate.</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Members removed in a conversationUpdate.</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>A new outbound message activity with text.</summary>
    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>A new outbound message activity carrying one Adaptive Card.</summary>
    public static Activity CreateCard(object card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }],
    };

    /// <summary>The tenant: from channelData.tenant.id, else conversation.tenantId.</summary>
    [JsonIgnore]
    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;

    /// <summary>True when the account is the one this activity was sent to (the bot itself, e.g. in membersAdded or a mention).</summary>
    public bool IsRecipient(ChannelAccount? account) =>
        account?.Id is not null && string.Equals(account.Id, Recipient?.Id, StringComparison.OrdinalIgnoreCase);

    /// <summary>The mention entities, read from <see cref="Entities"/>, never from the text.</summary>
    public IEnumerable<Mention> GetMentions() =>
        Entities?.Where(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.AsMention())
            .OfType<Mention>() ?? [];

    /// <summary>
    /// The text with the recipient's own mention removed and whitespace trimmed, ready for command parsing.
    /// Other people's mentions stay as their display name.
    /// </summary>
    public string TextWithoutRecipientMention()
    {
        var text = Text ?? string.Empty;
        var recipientId = Recipient?.Id;
        foreach (var mention in GetMentions())
        {
            if (!string.IsNullOrEmpty(mention.Text) && recipientId is not null
                && string.Equals(mention.Mentioned.Id, recipientId, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(mention.Text, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>Well-known activity types.</summary>
public static class ActivityTypes
{
    /// <summary>A message.</summary>
    public const string Message = "message";
    /// <summary>Members or conversation changed.</summary>
    public const string ConversationUpdate = "conversationUpdate";
    /// <summary>App installed or removed.</summary>
    public const string InstallationUpdate = "installationUpdate";
    /// <summary>A request that needs its answer in the HTTP body.</summary>
    public const string Invoke = "invoke";
    /// <summary>The HTTP body answer to an invoke.</summary>
    public const string InvokeResponse = "invokeResponse";
    /// <summary>Reaction added or removed.</summary>
    public const string MessageReaction = "messageReaction";
    /// <summary>Typing indicator.</summary>
    public const string Typing = "typing";
    /// <summary>Event.</summary>
    public const string Event = "event";
}

/// <summary>Conversation types Teams uses.</summary>
public static class ConversationTypes
{
    /// <summary>1:1 chat with the bot.</summary>
    public const string Personal = "personal";
    /// <summary>A team channel.</summary>
    public const string Channel = "channel";
    /// <summary>A group chat.</summary>
    public const string GroupChat = "groupChat";
}

/// <summary>A user or bot in a conversation.</summary>
public sealed class ChannelAccount
{
    /// <summary>Channel id (<c>29:…</c> for users, <c>28:…</c> for bots).</summary>
    public string? Id { get; set; }
    /// <summary>Display name.</summary>
    public string? Name { get; set; }
    /// <summary>Entra object id of the user.</summary>
    public string? AadObjectId { get; set; }
    /// <summary>user or bot.</summary>
    public string? Role { get; set; }
    /// <summary>Other fields (email, userPrincipalName, tenantId on member look-ups).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    /// <summary>Conversation id.</summary>
    public string? Id { get; set; }
    /// <summary>Conversation name (channels).</summary>
    public string? Name { get; set; }
    /// <summary>personal, channel or groupChat.</summary>
    public string? ConversationType { get; set; }
    /// <summary>Tenant id.</summary>
    public string? TenantId { get; set; }
    /// <summary>True for group conversations.</summary>
    public bool? IsGroup { get; set; }
    /// <summary>Other fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A card or file attached to an activity.</summary>
public sealed class Attachment
{
    /// <summary>Content type of an Adaptive Card.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>MIME or card type.</summary>
    public string? ContentType { get; set; }
    /// <summary>Download URL (files).</summary>
    public string? ContentUrl { get; set; }
    /// <summary>The card or file info.</summary>
    public object? Content { get; set; }
    /// <summary>File name.</summary>
    public string? Name { get; set; }
    /// <summary>Other fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An entity attached to an activity, such as a mention.</summary>
public sealed class Entity
{
    /// <summary>Entity type, e.g. mention.</summary>
    public string? Type { get; set; }
    /// <summary>The mentioned account (mention entities).</summary>
    public ChannelAccount? Mentioned { get; set; }
    /// <summary>The mention text, e.g. <c>&lt;at&gt;Alice&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }
    /// <summary>Other fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>This entity as a mention, or null when it is not one.</summary>
    public Mention? AsMention() =>
        string.Equals(Type, "mention", StringComparison.OrdinalIgnoreCase) && Mentioned?.Id is not null
            ? new Mention(Mentioned, Text)
            : null;

    /// <summary>A mention entity for an outbound message.</summary>
    public static Entity ForMention(ChannelAccount who, string text) => new() { Type = "mention", Mentioned = who, Text = text };
}

/// <summary>A person mentioned in a message.</summary>
public sealed record Mention(ChannelAccount Mentioned, string? Text);

/// <summary>Teams channelData.</summary>
public sealed class TeamsChannelData
{
    /// <summary>The tenant.</summary>
    public TenantInfo? Tenant { get; set; }
    /// <summary>The team (channel conversations).</summary>
    public TeamInfo? Team { get; set; }
    /// <summary>The channel (channel conversations).</summary>
    public ChannelInfo? Channel { get; set; }
    /// <summary>teamMemberAdded, teamRenamed, channelCreated, …</summary>
    public string? EventType { get; set; }
    /// <summary>Other fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Tenant reference.</summary>
public sealed class TenantInfo
{
    /// <summary>Tenant id.</summary>
    public string? Id { get; set; }
}

/// <summary>Team reference.</summary>
public sealed class TeamInfo
{
    /// <summary>Team id (the General channel's conversation id).</summary>
    public string? Id { get; set; }
    /// <summary>Team name.</summary>
    public string? Name { get; set; }
    /// <summary>The Microsoft 365 group id.</summary>
    public string? AadGroupId { get; set; }
}

/// <summary>Channel reference.</summary>
public sealed class ChannelInfo
{
    /// <summary>Channel id.</summary>
    public string? Id { get; set; }
    /// <summary>Channel name.</summary>
    public string? Name { get; set; }
}
