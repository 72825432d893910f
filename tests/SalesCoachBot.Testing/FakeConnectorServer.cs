using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;

namespace SalesCoachBot.Testing;

/// <summary>
/// A Bot Connector v3 service on 127.0.0.1 (real Kestrel, random port) for tests and benchmarks: records every request,
/// assigns activity and conversation ids, serves rosters and teams, can enforce Teams' rate limits (429 + Retry-After)
/// and inject faults. Point the client at <see cref="ServiceUrl"/>.
/// Enforcement counts arrival times on the server's clock; in a cold process the first requests (JIT, connection setup)
/// arrive late and can meet the next second's requests inside a window, so benchmarks should warm up first
/// (measured: 500 sends at 50/s, cold ~10% answered 429, warm none).
/// </summary>
/// <example>
/// <code>
/// await using var connector = await FakeConnectorServer.StartAsync();
/// connector.FailNext(1, HttpStatusCode.ServiceUnavailable, conversationId: "a:alice");
/// ... send through the bot ...
/// var sent = await connector.WaitForSentAsync(1);
/// </code>
/// </example>
public sealed class FakeConnectorServer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(30);

    private readonly FakeConnectorOptions _options;
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedRequest> _sent = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _sentWaiters = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _requestWaiters = [];
    private readonly List<ScriptedFault> _scriptedFaults = [];
    private readonly Dictionary<string, List<TeamsChannelAccount>> _rosters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TeamDetails Team, List<ChannelInfo> Channels)> _teams = new(StringComparer.Ordinal);
    private readonly ArrivalWindows _windows = new();
    private readonly Dictionary<string, string> _tenantOfTarget = new(StringComparer.Ordinal);
    private Random _random;
    private long _sequence;
    private long _ids;
    private int _throttledCount;
    private readonly List<RecordedUpload> _uploads = [];
    private int _failUploads;
    private WebApplication? _app;

    private FakeConnectorServer(FakeConnectorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    /// <summary>http://127.0.0.1:port (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The service URL to give the client: <see cref="BaseUrl"/> + path base + "/".</summary>
    public string ServiceUrl => BaseUrl + _options.PathBase.TrimEnd('/') + "/";

    public FakeConnectorOptions Options => _options;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Activities delivered: sends, replies and channel threads created with an activity, answered 2xx.</summary>
    public IReadOnlyList<RecordedRequest> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>The delivered activities themselves (of <see cref="Sent"/>), in order: what the people in the chats see.</summary>
    public IReadOnlyList<Activity> SentActivities => [.. Sent.Select(r => r.Activity!)];

    /// <summary>Texts of the delivered activities, in order.</summary>
    public IReadOnlyList<string?> SentTexts => [.. Sent.Select(r => r.Activity!.Text)];

    /// <summary>Activities updated in place (PUT …/activities/{id}, answered 2xx), in order; ActivityId says which.</summary>
    public IReadOnlyList<RecordedRequest> Updated =>
        [.. Requests.Where(r => r.Operation == FakeConnectorOperation.Update && r.StatusCode is >= 200 and < 300)];

    /// <summary>How many activities were delivered, without copying the list.</summary>
    public int SentCount
    {
        get
        {
            lock (_gate)
            {
                return _sent.Count;
            }
        }
    }

    /// <summary>How many requests the fake's own limit enforcement answered with 429.</summary>
    public int ThrottledCount => Volatile.Read(ref _throttledCount);

    /// <summary>
    /// Every PUT to an upload URL (<see cref="UploadUrl"/>): what a OneDrive upload session of an accepted file consent card
    /// received, in arrival order.
    /// </summary>
    public IReadOnlyList<RecordedUpload> Uploads
    {
        get
        {
            lock (_gate)
            {
                return [.. _uploads];
            }
        }
    }

    /// <summary>An upload session URL on this server (as Teams puts in a file consent answer's uploadInfo.uploadUrl).</summary>
    public string UploadUrl(string id) => BaseUrl + "/_uploads/" + Uri.EscapeDataString(id);

    /// <summary>The next <paramref name="count"/> uploads are answered 500 (and still recorded).</summary>
    public void FailNextUploads(int count) => Interlocked.Exchange(ref _failUploads, count);

    public static async Task<FakeConnectorServer> StartAsync(FakeConnectorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeConnectorServer(options ?? new FakeConnectorOptions());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        server.MapRoutes(app.MapGroup(server._options.PathBase.TrimEnd('/')));
        app.MapPut("/_uploads/{id}", server.HandleUploadAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        server._app = app;
        return server;
    }

    /// <summary>Sets the members of a conversation (or team) for paged members and member look-ups.</summary>
    public void SetMembers(string conversationId, IEnumerable<TeamsChannelAccount> members)
    {
        lock (_gate)
        {
            _rosters[conversationId] = [.. members];
        }
    }

    /// <summary>Adds or replaces a team, its details and its channels.</summary>
    public void SetTeam(TeamDetails team, IEnumerable<ChannelInfo> channels)
    {
        ArgumentNullException.ThrowIfNull(team);
        lock (_gate)
        {
            _teams[team.Id ?? throw new ArgumentException("The team needs an id.", nameof(team))] = (team, [.. channels]);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests answer <paramref name="status"/> (with Retry-After if given).
    /// Without <paramref name="operation"/> it matches sends, replies and create conversation; without
    /// <paramref name="conversationId"/> any conversation (for create: the user or channel it targets).
    /// </summary>
    public void FailNext(int count, HttpStatusCode status, string? conversationId = null, TimeSpan? retryAfter = null,
        FakeConnectorOperation? operation = null, string? errorCode = null)
    {
        lock (_gate)
        {
            _scriptedFaults.Add(new ScriptedFault(operation, conversationId, status, retryAfter, errorCode ?? DefaultErrorCode(status), false) { Remaining = count });
        }
    }

    /// <summary>The next <paramref name="count"/> matching requests get no answer until the client gives up (for timeout tests).</summary>
    public void StallNext(int count, string? conversationId = null, FakeConnectorOperation? operation = null)
    {
        lock (_gate)
        {
            _scriptedFaults.Add(new ScriptedFault(operation, conversationId, 0, null, null, true) { Remaining = count });
        }
    }

    /// <summary>Waits (on a signal, up to <paramref name="timeout"/>) until at least <paramref name="count"/> activities were delivered.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForSentAsync(int count, TimeSpan? timeout = null)
    {
        await WaitAsync(_sent, _sentWaiters, count, timeout, "delivered activities");
        return Sent;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived and were decided (a stalled one counts once it is held).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        await WaitAsync(_requests, _requestWaiters, count, timeout, "requests");
        return Requests;
    }

    private async Task WaitAsync(List<RecordedRequest> list, List<(int Count, TaskCompletionSource Signal)> waiters, int count, TimeSpan? timeout, string what)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (list.Count >= count)
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, signal));
        }

        var limit = timeout ?? DefaultWaitTimeout;
        try
        {
            await signal.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} {what} within {limit}. Delivered: {Sent.Count}, requests: {Requests.Count}, throttled: {ThrottledCount}.");
        }
    }

    /// <summary>Forgets requests, deliveries, pending faults and the limit windows; rosters and teams stay.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _sent.Clear();
            _uploads.Clear();
            _failUploads = 0;
            _scriptedFaults.Clear();
            _windows.Clear();
            _tenantOfTarget.Clear();
            _random = new Random(_options.Seed);
            _throttledCount = 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleUploadAsync(HttpContext http, string id)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var failed = Interlocked.Decrement(ref _failUploads) >= 0;
        if (!failed)
        {
            Interlocked.Exchange(ref _failUploads, 0);
        }

        var status = failed ? StatusCodes.Status500InternalServerError : StatusCodes.Status201Created;
        lock (_gate)
        {
            _uploads.Add(new RecordedUpload(
                id, http.Request.Headers.ContentRange.ToString(), http.Request.ContentLength,
                http.Request.Headers.Authorization.Count > 0 ? http.Request.Headers.Authorization.ToString() : null, body.ToArray(), status));
        }

        http.Response.StatusCode = status;
    }

    private void MapRoutes(RouteGroupBuilder v)
    {
        v.MapPost("/v3/conversations", http => HandleAsync(http, FakeConnectorOperation.CreateConversation));
        v.MapPost("/v3/conversations/{conversationId}/activities", http => HandleAsync(http, FakeConnectorOperation.Send));
        v.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", http => HandleAsync(http, FakeConnectorOperation.Reply));
        v.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", http => HandleAsync(http, FakeConnectorOperation.Update));
        v.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}", http => HandleAsync(http, FakeConnectorOperation.Delete));
        v.MapGet("/v3/conversations/{conversationId}/pagedmembers", http => HandleAsync(http, FakeConnectorOperation.PagedMembers));
        v.MapGet("/v3/conversations/{conversationId}/members/{memberId}", http => HandleAsync(http, FakeConnectorOperation.Member));
        v.MapGet("/v3/teams/{teamId}", http => HandleAsync(http, FakeConnectorOperation.TeamDetails));
        v.MapGet("/v3/teams/{teamId}/conversations", http => HandleAsync(http, FakeConnectorOperation.TeamChannels));
    }

    private async Task HandleAsync(HttpContext http, FakeConnectorOperation operation)
    {
        var request = http.Request;
        JsonElement? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: http.RequestAborted);
                body = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                body = null;
            }
        }

        var routeValues = request.RouteValues;
        var recorded = new RecordedRequest
        {
            Operation = operation,
            Method = request.Method,
            Path = request.PathBase + request.Path,
            RawTarget = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            ConversationId = routeValues["conversationId"] as string,
            ActivityId = routeValues["activityId"] as string,
            MemberId = routeValues["memberId"] as string,
            TeamId = routeValues["teamId"] as string,
            Query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
            ContentType = request.ContentType,
            Body = body,
            Activity = ReadActivity(operation, body),
            ArrivedAt = _options.TimeProvider.GetUtcNow(),
        };

        var (status, payload, retryAfter, stall) = Decide(recorded);
        if (stall)
        {
            // Hold the request until the client gives up or the server stops.
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        http.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (payload is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(payload, BotJson.Options));
        }
    }

    // Everything that reads or changes state happens here, under one lock, so the record and the answer agree.
    private (int Status, object? Payload, TimeSpan? RetryAfter, bool Stall) Decide(RecordedRequest recorded)
    {
        TaskCompletionSource[] released = [];
        (int, object?, TimeSpan?, bool) answer;
        lock (_gate)
        {
            var request = recorded;
            request.Sequence = ++_sequence;
            answer = DecideLocked(request);
            request.StatusCode = answer.Item1;
            _requests.Add(request);
            if (request.StatusCode is >= 200 and < 300 && request.Activity is not null
                && request.Operation is FakeConnectorOperation.Send or FakeConnectorOperation.Reply or FakeConnectorOperation.CreateConversation)
            {
                _sent.Add(request);
            }

            released = [.. ReleaseWaitersLocked(_sentWaiters, _sent.Count), .. ReleaseWaitersLocked(_requestWaiters, _requests.Count)];
        }

        foreach (var signal in released)
        {
            signal.TrySetResult();
        }

        return answer;
    }

    private (int, object?, TimeSpan?, bool) DecideLocked(RecordedRequest request)
    {
        var target = TargetOf(request);
        if (_options.EnforceRateLimits)
        {
            var windows = IsRoster(request.Operation) ? ArrivalWindows.TeamsRoster : ArrivalWindows.TeamsSend;
            var key = (IsRoster(request.Operation) ? "roster|" : request.Operation == FakeConnectorOperation.CreateConversation ? "create|" : "send|") + target;
            var app = new[] { (_options.AppRequestsPerSecond, TimeSpan.FromSeconds(1)) };
            if (!_windows.TryAdmit(key, TenantOfLocked(request, target), windows, app, request.ArrivedAt.UtcTicks, out var wait))
            {
                request.Throttled = true;
                _throttledCount++;
                return (429, Error("Throttled", "Too many requests."), wait, false);
            }
        }

        if (TakeScriptedFault(request, target) is { } fault)
        {
            request.Faulted = true;
            return fault.Stall
                ? (0, null, null, true)
                : ((int)fault.Status, Error(fault.ErrorCode ?? "Fault", "Injected fault."), fault.RetryAfter, false);
        }

        if (IsSend(request.Operation) && _options.RandomFaults.Count > 0)
        {
            var roll = _random.NextDouble();
            foreach (var random in _options.RandomFaults)
            {
                if (roll < random.Probability)
                {
                    request.Faulted = true;
                    return ((int)random.Status, Error(DefaultErrorCode(random.Status), "Injected fault."), random.RetryAfter, false);
                }

                roll -= random.Probability;
            }
        }

        return Serve(request);
    }

    private (int, object?, TimeSpan?, bool) Serve(RecordedRequest request)
    {
        switch (request.Operation)
        {
            case FakeConnectorOperation.Send:
            case FakeConnectorOperation.Reply:
                if (request.Activity is null)
                {
                    return (400, Error("BadArgument", "The body is not an activity."), null, false);
                }

                request.AssignedId = NextId("activity");
                return (201, new { id = request.AssignedId }, null, false);

            case FakeConnectorOperation.Update:
                if (request.Activity is null)
                {
                    return (400, Error("BadArgument", "The body is not an activity."), null, false);
                }

                request.AssignedId = request.ActivityId;
                return (200, new { id = request.ActivityId }, null, false);

            case FakeConnectorOperation.Delete:
                return (200, null, null, false);

            case FakeConnectorOperation.CreateConversation:
                return CreateConversation(request);

            case FakeConnectorOperation.PagedMembers:
                return PagedMembers(request);

            case FakeConnectorOperation.Member:
                if (_rosters.TryGetValue(request.ConversationId!, out var roster)
                    && roster.FirstOrDefault(m => string.Equals(m.Id, request.MemberId, StringComparison.Ordinal)
                        || string.Equals(m.AadObjectId, request.MemberId, StringComparison.OrdinalIgnoreCase)) is { } member)
                {
                    return (200, member, null, false);
                }

                return (404, Error("MemberNotFoundInConversation", "No such member."), null, false);

            case FakeConnectorOperation.TeamDetails:
                return _teams.TryGetValue(request.TeamId!, out var team)
                    ? (200, team.Team, null, false)
                    : (404, Error("TeamNotFound", "No such team."), null, false);

            case FakeConnectorOperation.TeamChannels:
                return _teams.TryGetValue(request.TeamId!, out var withChannels)
                    ? (200, new { conversations = withChannels.Channels }, null, false)
                    : (404, Error("TeamNotFound", "No such team."), null, false);

            default:
                return (404, Error("NotFound", "Unknown route."), null, false);
        }
    }

    private (int, object?, TimeSpan?, bool) CreateConversation(RecordedRequest request)
    {
        var body = request.Body;
        if (body is not { ValueKind: JsonValueKind.Object } parameters)
        {
            return (400, Error("BadArgument", "The body is not conversation parameters."), null, false);
        }

        var isGroup = parameters.TryGetProperty("isGroup", out var g) && g.ValueKind == JsonValueKind.True;
        var channelId = ReadString(parameters, "channelData", "channel", "id");
        if (isGroup)
        {
            if (channelId is null || request.Activity is null)
            {
                return (400, Error("BadArgument", "A channel thread needs channelData.channel.id and an activity."), null, false);
            }

            var activityId = NextId("activity");
            request.AssignedId = $"{channelId};messageid={activityId}";
            return (201, new { id = request.AssignedId, activityId }, null, false);
        }

        var userId = FirstMemberId(parameters);
        if (userId is null || ReadString(parameters, "channelData", "tenant", "id") is null && ReadString(parameters, "tenantId") is null)
        {
            return (400, Error("BadArgument", "A 1:1 chat needs members[0].id and the tenant."), null, false);
        }

        request.AssignedId = "a:" + NextId("personal");
        return (201, new { id = request.AssignedId }, null, false);
    }

    private (int, object?, TimeSpan?, bool) PagedMembers(RecordedRequest request)
    {
        if (!_rosters.TryGetValue(request.ConversationId!, out var roster))
        {
            return (404, Error("ConversationNotFound", "No such conversation."), null, false);
        }

        var pageSize = request.Query.TryGetValue("pageSize", out var size) && int.TryParse(size, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? Math.Min(parsed, 500)
            : 500;
        var offset = 0;
        if (request.Query.TryGetValue("continuationToken", out var token) && token.Length > 0
            && !(token.StartsWith("page:", StringComparison.Ordinal) && int.TryParse(token.AsSpan(5), CultureInfo.InvariantCulture, out offset)))
        {
            return (400, Error("BadArgument", "Unknown continuation token."), null, false);
        }

        var page = roster.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count < roster.Count ? $"page:{offset + page.Count}" : null;
        return (200, new PagedMembersResult { Members = page, ContinuationToken = next }, null, false);
    }

    private ScriptedFault? TakeScriptedFault(RecordedRequest request, string? target)
    {
        foreach (var fault in _scriptedFaults)
        {
            var operationMatches = fault.Operation is { } op ? op == request.Operation : IsSend(request.Operation);
            var targetMatches = fault.ConversationId is null || string.Equals(fault.ConversationId, target, StringComparison.Ordinal);
            if (operationMatches && targetMatches && fault.Remaining > 0)
            {
                if (--fault.Remaining == 0)
                {
                    _scriptedFaults.Remove(fault);
                }

                return fault;
            }
        }

        return null;
    }

    private static TaskCompletionSource[] ReleaseWaitersLocked(List<(int Count, TaskCompletionSource Signal)> waiters, int reached)
    {
        if (waiters.Count == 0)
        {
            return [];
        }

        var ready = waiters.Where(w => reached >= w.Count).ToArray();
        foreach (var waiter in ready)
        {
            waiters.Remove(waiter);
        }

        return [.. ready.Select(w => w.Signal)];
    }

    private string NextId(string prefix) => $"{prefix}-{++_ids}";

    // Teams counts per app and tenant. The body names the tenant of a send or create; a look-up's tenant is the one its
    // conversation was last seen with, else unknown ("", one more budget).
    private string TenantOfLocked(RecordedRequest request, string? target)
    {
        var tenant = request.Body is { ValueKind: JsonValueKind.Object } body
            ? ReadString(body, "conversation", "tenantId") ?? ReadString(body, "channelData", "tenant", "id") ?? ReadString(body, "tenantId")
            : null;
        if (target is null)
        {
            return tenant ?? "";
        }

        if (tenant is not null)
        {
            _tenantOfTarget[target] = tenant;
            return tenant;
        }

        return _tenantOfTarget.GetValueOrDefault(target, "");
    }

    // The conversation a request is about; for create conversation the user or channel it opens a thread with.
    private static string? TargetOf(RecordedRequest request) =>
        request.Operation == FakeConnectorOperation.CreateConversation && request.Body is { ValueKind: JsonValueKind.Object } body
            ? FirstMemberId(body) ?? ReadString(body, "channelData", "channel", "id")
            : request.ConversationId ?? request.TeamId;

    private static bool IsSend(FakeConnectorOperation operation) =>
        operation is FakeConnectorOperation.Send or FakeConnectorOperation.Reply or FakeConnectorOperation.CreateConversation;

    private static bool IsRoster(FakeConnectorOperation operation) =>
        operation is FakeConnectorOperation.PagedMembers or FakeConnectorOperation.Member or FakeConnectorOperation.TeamDetails or FakeConnectorOperation.TeamChannels;

    private static Activity? ReadActivity(FakeConnectorOperation operation, JsonElement? body)
    {
        var element = operation switch
        {
            FakeConnectorOperation.Send or FakeConnectorOperation.Reply or FakeConnectorOperation.Update => body,
            FakeConnectorOperation.CreateConversation when body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("activity", out var a) => a,
            _ => null,
        };
        if (element is not { ValueKind: JsonValueKind.Object } activity)
        {
            return null;
        }

        try
        {
            return activity.Deserialize<Activity>(BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FirstMemberId(JsonElement parameters) =>
        parameters.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array && members.GetArrayLength() > 0
            && members[0].ValueKind == JsonValueKind.Object && members[0].TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static string? ReadString(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static object Error(string code, string message) => new { error = new { code, message } };

    private static string DefaultErrorCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "Throttled",
        HttpStatusCode.Forbidden => "MessageWritesBlocked",
        HttpStatusCode.NotFound => "ConversationNotFound",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        _ => "Fault",
    };

    private sealed record ScriptedFault(FakeConnectorOperation? Operation, string? ConversationId, HttpStatusCode Status, TimeSpan? RetryAfter, string? ErrorCode, bool Stall)
    {
        public int Remaining { get; set; }
    }
}
