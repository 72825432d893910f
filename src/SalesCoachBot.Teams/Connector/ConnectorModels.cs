using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Teams.Connector;

/// <summary>The id of a created or updated activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The answer to create conversation.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>Body of POST /v3/conversations.</summary>
public sealed class ConversationParameters
{
    /// <summary>True for a channel thread.</summary>
    public bool IsGroup { get; set; }
    /// <summary>The bot (28:appId).</summary>
    public ChannelAccount? Bot { get; set; }
    /// <summary>The user for a 1:1 chat.</summary>
    public IList<ChannelAccount>? Members { get; set; }
    /// <summary>Thread title.</summary>
    public string? TopicName { get; set; }
    /// <summary>The first message of a channel thread.</summary>
    public Activity? Activity { get; set; }
    /// <summary>Tenant and, for a channel thread, the channel.</summary>
    public TeamsChannelData? ChannelData { get; set; }
    /// <summary>Tenant id.</summary>
    public string? TenantId { get; set; }

    /// <summary>A 1:1 chat between the bot and one user: <c>{bot, members:[{id}], channelData:{tenant:{id}}}</c>.</summary>
    public static ConversationParameters ForPersonalChat(string botId, string userId, string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new ConversationParameters
        {
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = userId }],
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
        };
    }

    /// <summary>A new thread in a channel, opened by <paramref name="activity"/>: <c>{isGroup:true, activity, channelData:{channel:{id}, tenant:{id}}}</c>.</summary>
    public static ConversationParameters ForChannelThread(string channelId, string tenantId, Activity activity, string? botId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationParameters
        {
            IsGroup = true,
            Bot = botId is null ? null : new ChannelAccount { Id = botId },
            Activity = activity,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = channelId }, Tenant = new TenantInfo { Id = tenantId } },
        };
    }
}

/// <summary>A member as the roster APIs return it.</summary>
public sealed class TeamsChannelAccount
{
    /// <summary>29:… id.</summary>
    public string? Id { get; set; }
    /// <summary>Display name.</summary>
    public string? Name { get; set; }
    /// <summary>Entra object id.</summary>
    public string? AadObjectId { get; set; }
    /// <summary>E-mail.</summary>
    public string? Email { get; set; }
    /// <summary>UPN.</summary>
    public string? UserPrincipalName { get; set; }
    /// <summary>Given name.</summary>
    public string? GivenName { get; set; }
    /// <summary>Surname.</summary>
    public string? Surname { get; set; }
    /// <summary>Tenant id.</summary>
    public string? TenantId { get; set; }
    /// <summary>user, owner, …</summary>
    public string? UserRole { get; set; }
    /// <summary>Other fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>One page of members.</summary>
public sealed class PagedMembersResult
{
    /// <summary>Members of this page.</summary>
    public IList<TeamsChannelAccount> Members { get; set; } = [];
    /// <summary>Token for the next page; null on the last.</summary>
    public string? ContinuationToken { get; set; }
}

/// <summary>GET /v3/teams/{id}.</summary>
public sealed class TeamDetails
{
    /// <summary>Team id.</summary>
    public string? Id { get; set; }
    /// <summary>Team name.</summary>
    public string? Name { get; set; }
    /// <summary>Microsoft 365 group id.</summary>
    public string? AadGroupId { get; set; }
    /// <summary>Channel count.</summary>
    public int? ChannelCount { get; set; }
    /// <summary>Member count.</summary>
    public int? MemberCount { get; set; }
}

/// <summary>How a connector call failed, so the caller knows whether to try again.</summary>
public enum ConnectorFailure
{
    /// <summary>Worth retrying later (429, 5xx, timeout) after the client's own retries ran out.</summary>
    Transient,
    /// <summary>403: the user blocked the bot or the bot was removed. Stop sending.</summary>
    Blocked,
    /// <summary>404: the conversation or activity is gone. Stop sending.</summary>
    NotFound,
    /// <summary>401: the bot's credentials are wrong. Fix configuration.</summary>
    Unauthorized,
    /// <summary>Any other 4xx: the request itself is wrong; retrying will not help.</summary>
    BadRequest,
    /// <summary>The service URL's host is not in Bot:AllowedServiceUrlHosts: nothing was sent, the bot's token stayed home.</summary>
    ServiceUrlNotAllowed,
}

/// <summary>A failed connector call.</summary>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectorException(ConnectorFailure failure, HttpStatusCode? statusCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception.</summary>
    public ConnectorException() : this(ConnectorFailure.Transient, null, "Connector call failed.") { }

    /// <summary>Creates the exception.</summary>
    public ConnectorException(string message) : this(ConnectorFailure.Transient, null, message) { }

    /// <summary>Creates the exception.</summary>
    public ConnectorException(string message, Exception inner) : this(ConnectorFailure.Transient, null, message, inner) { }

    /// <summary>What kind of failure.</summary>
    public ConnectorFailure Failure { get; }

    /// <summary>The HTTP status, when there was a response.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>True when retrying can never succeed (blocked, gone, bad request, bad credentials).</summary>
    public bool IsPermanent => Failure != ConnectorFailure.Transient;
}
