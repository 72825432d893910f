namespace SalesCoachBot.Data;

/// <summary>A row that belongs to one Teams tenant. The context filters and guards every such row by tenant.</summary>
public interface ITenantOwned
{
    string TenantId { get; }
}

/// <summary>A Teams tenant (organisation) the bot has heard from.</summary>
public sealed class Tenant : ITenantOwned
{
    public required string TenantId { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }
}

/// <summary>A person who talked to the bot, keyed by the Teams user id (29:…), which is unique per bot and tenant.</summary>
public sealed class Member : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string TeamsUserId { get; set; }

    /// <summary>Entra object id: the key for Graph look-ups (calendar, org chart).</summary>
    public string? AadObjectId { get; set; }

    public string? Name { get; set; }

    /// <summary>Locale of the member's Teams client as last seen, e.g. zh-CN.</summary>
    public string? Locale { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A stored conversation reference: what the bot needs to write into a conversation later (proactive messages).
/// Channel threads are folded into their channel: the id is stored without the ";messageid=…" suffix.
/// </summary>
public sealed class Conversation : ITenantOwned
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>Regional connector endpoint; Teams may move a tenant, so the latest one wins.</summary>
    public required string ServiceUrl { get; set; }

    /// <summary>personal, channel or groupChat.</summary>
    public required string ConversationType { get; set; }

    /// <summary>The member of a personal (1:1) conversation.</summary>
    public long? MemberId { get; set; }

    public Member? Member { get; set; }

    public string? TeamId { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>The bot's own id in this conversation (28:…), the sender of proactive messages.</summary>
    public string? BotId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Set once, when the welcome was sent; null until then (see ContactDirectory.TryMarkWelcomedAsync).</summary>
    public DateTimeOffset? WelcomedAt { get; set; }
}

/// <summary>Column sizes shared by the configurations and the code that cuts input to fit.</summary>
public static class ColumnLengths
{
    public const int TenantId = 128;
    public const int ChannelAccountId = 256;
    public const int AadObjectId = 64;
    public const int Name = 256;
    public const int Locale = 35; // longest BCP 47 tag worth keeping
    public const int ConversationId = 512;
    public const int ServiceUrl = 512;
    public const int ConversationType = 16;
}
