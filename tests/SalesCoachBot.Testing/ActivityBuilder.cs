using System.Text.Json;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Testing;

/// <summary>Builds inbound Teams activities the way the channel sends them (as JSON, to exercise parsing too).</summary>
public sealed class ActivityBuilder
{
    public const string DefaultTenant = "tenant-contoso";
    public const string BotId = "28:bot-app-id";
    public const string LoopbackServiceUrl = "http://127.0.0.1:56150/_connector";

    private readonly Dictionary<string, object?> _activity = new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-27T09:00:00Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = LoopbackServiceUrl,
        ["locale"] = "en-US",
        ["from"] = new Dictionary<string, object?> { ["id"] = "29:alice", ["name"] = "Alice Wang", ["aadObjectId"] = "aad-alice" },
        ["recipient"] = new Dictionary<string, object?> { ["id"] = BotId, ["name"] = "SalesCoach" },
        ["conversation"] = new Dictionary<string, object?> { ["id"] = "a:personal-alice", ["conversationType"] = "personal", ["tenantId"] = DefaultTenant },
        ["channelData"] = new Dictionary<string, object?> { ["tenant"] = new Dictionary<string, object?> { ["id"] = DefaultTenant } },
    };

    private readonly List<object> _entities = [];

    public static ActivityBuilder Message(string? text) => new ActivityBuilder().WithText(text);

    public static ActivityBuilder Of(string type) => new ActivityBuilder().WithType(type);

    public ActivityBuilder WithType(string type) { _activity["type"] = type; return this; }

    public ActivityBuilder WithText(string? text) { _activity["text"] = text; return this; }

    public ActivityBuilder WithLocale(string locale) { _activity["locale"] = locale; return this; }

    public ActivityBuilder WithServiceUrl(string serviceUrl) { _activity["serviceUrl"] = serviceUrl; return this; }

    /// <summary>The service URL the activity names (<see cref="LoopbackServiceUrl"/> unless changed).</summary>
    public string? ServiceUrl => _activity["serviceUrl"] as string;

    public ActivityBuilder WithName(string name) { _activity["name"] = name; return this; }

    public ActivityBuilder WithValue(object value) { _activity["value"] = value; return this; }

    public ActivityBuilder WithReplyToId(string id) { _activity["replyToId"] = id; return this; }

    public ActivityBuilder WithAction(string action) { _activity["action"] = action; return this; }

    public ActivityBuilder From(string id, string name, string? aadObjectId = null)
    {
        _activity["from"] = new Dictionary<string, object?> { ["id"] = id, ["name"] = name, ["aadObjectId"] = aadObjectId ?? "aad-" + id };
        return this;
    }

    public ActivityBuilder InTenant(string tenantId)
    {
        ((Dictionary<string, object?>)_activity["conversation"]!)["tenantId"] = tenantId;
        ((Dictionary<string, object?>)_activity["channelData"]!)["tenant"] = new Dictionary<string, object?> { ["id"] = tenantId };
        return this;
    }

    public ActivityBuilder InPersonalChat(string conversationId = "a:personal-alice")
    {
        var conversation = (Dictionary<string, object?>)_activity["conversation"]!;
        conversation["id"] = conversationId;
        conversation["conversationType"] = "personal";
        return this;
    }

    public ActivityBuilder InChannel(string teamId = "19:team-general@thread.tacv2", string channelId = "19:team-general@thread.tacv2", string teamName = "East Sales")
    {
        var conversation = (Dictionary<string, object?>)_activity["conversation"]!;
        conversation["id"] = channelId + ";messageid=1";
        conversation["conversationType"] = "channel";
        conversation["isGroup"] = true;
        var channelData = (Dictionary<string, object?>)_activity["channelData"]!;
        channelData["team"] = new Dictionary<string, object?> { ["id"] = teamId, ["name"] = teamName, ["aadGroupId"] = "group-" + teamName.Replace(' ', '-') };
        channelData["channel"] = new Dictionary<string, object?> { ["id"] = channelId, ["name"] = "General" };
        return this;
    }

    public ActivityBuilder InGroupChat(string conversationId = "19:groupchat@thread.v2")
    {
        var conversation = (Dictionary<string, object?>)_activity["conversation"]!;
        conversation["id"] = conversationId;
        conversation["conversationType"] = "groupChat";
        conversation["isGroup"] = true;
        return this;
    }

    public ActivityBuilder WithEventType(string eventType)
    {
        ((Dictionary<string, object?>)_activity["channelData"]!)["eventType"] = eventType;
        return this;
    }

    public ActivityBuilder WithMembersAdded(params string[] ids)
    {
        _activity["membersAdded"] = ids.Select(id => new Dictionary<string, object?> { ["id"] = id }).ToList();
        return this;
    }

    public ActivityBuilder WithMembersRemoved(params string[] ids)
    {
        _activity["membersRemoved"] = ids.Select(id => new Dictionary<string, object?> { ["id"] = id }).ToList();
        return this;
    }

    /// <summary>Prefixes the text with &lt;at&gt;name&lt;/at&gt; and adds the mention entity, as Teams does.</summary>
    public ActivityBuilder Mentioning(string id, string name, bool prepend = true)
    {
        var at = $"<at>{name}</at>";
        _entities.Add(new Dictionary<string, object?>
        {
            ["type"] = "mention",
            ["text"] = at,
            ["mentioned"] = new Dictionary<string, object?> { ["id"] = id, ["name"] = name },
        });
        var text = _activity.TryGetValue("text", out var t) ? t as string : null;
        _activity["text"] = prepend ? $"{at} {text}".TrimEnd() : $"{text} {at}".TrimStart();
        return this;
    }

    /// <summary>Mentions the bot (required in channels).</summary>
    public ActivityBuilder MentioningBot() => Mentioning(BotId, "SalesCoach");

    public ActivityBuilder Set(string property, object? value) { _activity[property] = value; return this; }

    public string ToJson()
    {
        if (_entities.Count > 0)
        {
            _activity["entities"] = _entities;
        }

        return JsonSerializer.Serialize(_activity);
    }

    public Activity Build() => JsonSerializer.Deserialize<Activity>(ToJson(), BotJson.Options)!;
}
