using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Authentication;

namespace SalesCoachBot.Teams.Connector;

/// <summary>
/// The Bot Connector v3 REST client: throttled to Teams' limits before each attempt, retried with backoff on
/// throttling and transient failures, and failing with a <see cref="ConnectorException"/> that says whether to give up.
/// The retry loop is written out rather than taken from Polly so every wait (rate slot, Retry-After, backoff,
/// attempt timeout) runs on the injected <see cref="TimeProvider"/> and tests can step through it deterministically.
/// </summary>
internal sealed partial class ConnectorClient : IConnectorClient
{
    /// <summary>Name of the <see cref="HttpClient"/> registered for the connector.</summary>
    public const string HttpClientName = "SalesCoachBot.Teams.Connector";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ConnectorRateLimiter _limiter;
    private readonly ConnectorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly IBotTokenProvider? _tokens;
    private readonly ServiceUrlAllowList _serviceUrls;
    private readonly Func<double> _jitter;

    public ConnectorClient(
        IHttpClientFactory httpClientFactory,
        ConnectorRateLimiter limiter,
        IOptions<ConnectorOptions> options,
        TimeProvider time,
        ILogger<ConnectorClient> logger,
        IBotTokenProvider? tokens,
        ServiceUrlAllowList serviceUrls,
        Func<double>? jitter = null)
    {
        _serviceUrls = serviceUrls;
        _httpClientFactory = httpClientFactory;
        _limiter = limiter;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _tokens = tokens;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities");
        var call = new ConnectorCall("send", HttpMethod.Post, uri, activity, RateBudget.Send, conversationId, tenantId ?? activity.TenantId);
        return await CallAsync<ResourceResponse>(call, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        var call = new ConnectorCall("reply", HttpMethod.Post, uri, activity, RateBudget.Send, conversationId, tenantId ?? activity.TenantId);
        return await CallAsync<ResourceResponse>(call, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        var call = new ConnectorCall("update", HttpMethod.Put, uri, activity, RateBudget.Send, conversationId, tenantId ?? activity.TenantId);
        return await CallAsync<ResourceResponse>(call, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(activityId);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        var call = new ConnectorCall("delete", HttpMethod.Delete, uri, null, RateBudget.Send, conversationId, tenantId);
        await CallAsync<JsonElement?>(call, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var uri = BuildUri(serviceUrl, "v3/conversations");

        // Teams counts a create against the thread it opens: the user's 1:1 chat or the channel.
        var target = parameters.Members?.FirstOrDefault()?.Id ?? parameters.ChannelData?.Channel?.Id;
        var call = new ConnectorCall("create conversation", HttpMethod.Post, uri, parameters, RateBudget.Send,
            target is null ? null : "create:" + target, tenantId ?? parameters.TenantId ?? parameters.ChannelData?.Tenant?.Id);
        return await CallAsync<ConversationResourceResponse>(call, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException(ConnectorFailure.Transient, null, "Connector create conversation answered without a body.");
    }

    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize = 500, string? continuationToken = null, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers?pageSize={pageSize}";
        if (!string.IsNullOrEmpty(continuationToken))
        {
            path += "&continuationToken=" + Uri.EscapeDataString(continuationToken);
        }

        var call = new ConnectorCall("paged members", HttpMethod.Get, BuildUri(serviceUrl, path), null, RateBudget.Roster, conversationId, tenantId);
        return await CallAsync<PagedMembersResult>(call, cancellationToken).ConfigureAwait(false) ?? new PagedMembersResult();
    }

    public async Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}");
        var call = new ConnectorCall("member", HttpMethod.Get, uri, null, RateBudget.Roster, conversationId, tenantId);
        return await CallAsync<TeamsChannelAccount>(call, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException(ConnectorFailure.NotFound, null, "Connector member look-up answered without a body.");
    }

    public async Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        var uri = BuildUri(serviceUrl, $"v3/teams/{Escape(teamId)}");
        var call = new ConnectorCall("team details", HttpMethod.Get, uri, null, RateBudget.Roster, teamId, tenantId);
        return await CallAsync<TeamDetails>(call, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException(ConnectorFailure.NotFound, null, "Connector team details answered without a body.");
    }

    public async Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        var uri = BuildUri(serviceUrl, $"v3/teams/{Escape(teamId)}/conversations");
        var call = new ConnectorCall("team channels", HttpMethod.Get, uri, null, RateBudget.Roster, teamId, tenantId);
        var list = await CallAsync<ConversationList>(call, cancellationToken).ConfigureAwait(false);
        return list?.Conversations?.ToArray() ?? [];
    }

    private async Task<T?> CallAsync<T>(ConnectorCall call, CancellationToken cancellationToken)
    {
        // Serialized once: every attempt sends the same bytes.
        var body = call.Body is null ? null : JsonSerializer.SerializeToUtf8Bytes(call.Body, call.Body.GetType(), BotJson.Options);
        var client = _httpClientFactory.CreateClient(HttpClientName);

        for (var attempt = 1; ; attempt++)
        {
            // The token comes first: a first fetch can take long, and the reserved slot should be spent on the wire.
            var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var slotWait = _limiter.Reserve(call.Budget, call.RateKey, call.TenantId);
            if (slotWait > TimeSpan.Zero)
            {
                await Task.Delay(slotWait, _time, cancellationToken).ConfigureAwait(false);

                // A fan-out can queue a call for minutes, longer than the token fetched before it may live;
                // the provider caches, so asking again is cheap.
                token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }

            var outcome = await SendOnceAsync<T>(client, call, body, token, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                return outcome.Result;
            }

            if (outcome.Permanent is { } permanent)
            {
                LogPermanentFailure(_logger, call.Operation, outcome.Status, permanent.Failure);
                throw permanent;
            }

            var delay = outcome.RetryAfter ?? Backoff(attempt, _options.BaseRetryDelay, _options.MaxRetryDelay, _jitter());
            if (attempt >= _options.MaxAttempts || delay > _options.MaxRetryAfter)
            {
                LogGaveUp(_logger, call.Operation, attempt, outcome.Status);
                throw new ConnectorException(ConnectorFailure.Transient, outcome.StatusCode,
                    $"Connector {call.Operation} failed after {attempt} attempt(s): {outcome.Status}.", outcome.Error);
            }

            LogRetrying(_logger, call.Operation, outcome.Status, attempt, _options.MaxAttempts, delay);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<AttemptOutcome<T>> SendOnceAsync<T>(HttpClient client, ConnectorCall call, byte[]? body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var attemptTimeout = _options.AttemptTimeout == Timeout.InfiniteTimeSpan
            ? null
            : new CancellationTokenSource(_options.AttemptTimeout, _time);
        using var linked = attemptTimeout is null
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        var attemptToken = linked?.Token ?? cancellationToken;

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptToken).ConfigureAwait(false);
            var content = await response.Content.ReadAsByteArrayAsync(attemptToken).ConfigureAwait(false);
            return Classify<T>(call, response, content);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptOutcome<T>.Retry("timeout", null, null, ex);
        }
        catch (HttpRequestException ex)
        {
            return AttemptOutcome<T>.Retry("connection error", null, null, ex);
        }
    }

    private AttemptOutcome<T> Classify<T>(ConnectorCall call, HttpResponseMessage response, byte[] content)
    {
        var status = response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            if (content.Length == 0)
            {
                return AttemptOutcome<T>.Success(default);
            }

            try
            {
                return AttemptOutcome<T>.Success(JsonSerializer.Deserialize<T>(content, BotJson.Options));
            }
            catch (JsonException ex)
            {
                // The call went through; retrying could duplicate a message, so report without retrying.
                return AttemptOutcome<T>.Fail(new ConnectorException(ConnectorFailure.Transient, status,
                    $"Connector {call.Operation} answered {(int)status} with a body that is not valid JSON.", ex), Describe(status, null));
            }
        }

        var code = ReadErrorCode(content);
        var described = Describe(status, code);
        switch (status)
        {
            case HttpStatusCode.TooManyRequests:
                return AttemptOutcome<T>.Retry(described, status, RetryAfter(response, _time.GetUtcNow()), null);
            case HttpStatusCode.PreconditionFailed:
            case HttpStatusCode.BadGateway:
            case HttpStatusCode.ServiceUnavailable:
            case HttpStatusCode.GatewayTimeout:
                return AttemptOutcome<T>.Retry(described, status, null, null);
        }

        var failure = status switch
        {
            HttpStatusCode.Forbidden => ConnectorFailure.Blocked,
            HttpStatusCode.NotFound => ConnectorFailure.NotFound,
            HttpStatusCode.Unauthorized => ConnectorFailure.Unauthorized,
            _ when (int)status is >= 400 and < 500 => ConnectorFailure.BadRequest,
            _ => ConnectorFailure.Transient,
        };
        return AttemptOutcome<T>.Fail(
            new ConnectorException(failure, status, $"Connector {call.Operation} answered {described}."), described);
    }

    private async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_tokens is null)
        {
            return null;
        }

        try
        {
            return await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not ConnectorException)
        {
            throw new ConnectorException(ConnectorFailure.Transient, null, "Could not get an access token for the connector.", ex);
        }
    }

    /// <summary>Delay before attempt <paramref name="failedAttempts"/> + 1: exponential, capped, then jittered into [50%, 100%].</summary>
    internal static TimeSpan Backoff(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var exponential = Math.Min(baseDelay.Ticks * Math.Pow(2, Math.Max(0, failedAttempts - 1)), maxDelay.Ticks);
        return TimeSpan.FromTicks((long)(exponential * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1)))));
    }

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent or unreadable.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    // Only a short identifier-like code from the error body goes into messages: its free text could carry anything.
    internal static string? ReadErrorCode(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                && code.GetString() is { } text
                && SafeErrorCode().IsMatch(text))
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to add.
        }

        return null;
    }

    private static string Describe(HttpStatusCode status, string? code) =>
        code is null ? $"{(int)status} {status}" : $"{(int)status} {status} ({code})";

    private Uri BuildUri(string serviceUrl, string relative)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL must be an absolute http(s) URL.", nameof(serviceUrl));
        }

        // The last guard before the bot's token leaves: whatever the caller checked, no path sends it elsewhere.
        var uri = new Uri(baseUri, relative);
        if (!_serviceUrls.IsAllowed(uri))
        {
            LogServiceUrlRefused(_logger, uri.Host);
            throw new ConnectorException(ConnectorFailure.ServiceUrlNotAllowed, null,
                "The service URL's host is not in Bot:AllowedServiceUrlHosts; nothing was sent.");
        }

        return uri;
    }

    // Teams ids carry ':', ';' and '@'; escaped, they stay one path segment.
    private static string Escape(string id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, name);
        return Uri.EscapeDataString(id);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector call to host {Host} refused: not in Bot:AllowedServiceUrlHosts.")]
    private static partial void LogServiceUrlRefused(ILogger logger, string host);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex SafeErrorCode();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Operation} answered {Status}; attempt {Attempt} of {MaxAttempts}, retrying in {Delay}.")]
    private static partial void LogRetrying(ILogger logger, string operation, string status, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Operation} gave up after {Attempts} attempt(s): {Status}.")]
    private static partial void LogGaveUp(ILogger logger, string operation, int attempts, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector {Operation} failed with {Status}: {Failure}, not retried.")]
    private static partial void LogPermanentFailure(ILogger logger, string operation, string status, ConnectorFailure failure);

    private sealed record ConnectorCall(string Operation, HttpMethod Method, Uri Uri, object? Body, RateBudget Budget, string? RateKey, string? TenantId);

    private sealed record ConversationList(IList<ChannelInfo>? Conversations);

    private readonly record struct AttemptOutcome<T>(
        bool Succeeded, T? Result, string Status, HttpStatusCode? StatusCode, TimeSpan? RetryAfter, Exception? Error, ConnectorException? Permanent)
    {
        public static AttemptOutcome<T> Success(T? result) => new(true, result, "OK", null, null, null, null);

        public static AttemptOutcome<T> Retry(string status, HttpStatusCode? statusCode, TimeSpan? retryAfter, Exception? error) =>
            new(false, default, status, statusCode, retryAfter, error, null);

        public static AttemptOutcome<T> Fail(ConnectorException exception, string status) =>
            new(false, default, status, exception.StatusCode, null, exception, exception);
    }
}
