using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Teams.Hosting;

/// <summary>
/// POST /api/messages: size check → parse → token check (token, channel, tenant, caller) → serviceUrl allow-list → route.
/// Bad input gets 400 problem+json, a bad token 401/403, and nothing reaches a handler before the token is checked. A
/// turn that throws is logged under a reference id and answered with an apology naming it (<see cref="ITurnErrorReply"/>).
/// </summary>
public sealed partial class BotMessageEndpoint
{
    private readonly IBotRequestAuthenticator _authenticator;
    private readonly ServiceUrlAllowList _serviceUrls;
    private readonly IConnectorClient _connector;
    private readonly BotRouter _router;
    private readonly IOptions<TeamsBotOptions> _options;
    private readonly ILogger<BotMessageEndpoint> _logger;

    /// <summary>Creates the endpoint.</summary>
    public BotMessageEndpoint(IBotRequestAuthenticator authenticator, ServiceUrlAllowList serviceUrls, IConnectorClient connector, BotRouter router,
        IOptions<TeamsBotOptions> options, ILogger<BotMessageEndpoint> logger)
    {
        _authenticator = authenticator;
        _serviceUrls = serviceUrls;
        _connector = connector;
        _router = router;
        _options = options;
        _logger = logger;
    }

    /// <summary>Handles one request.</summary>
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var options = _options.Value;
        var authorization = http.Request.Headers.Authorization.ToString();

        // Refuse before reading the body, so an anonymous caller cannot make the bot parse large payloads.
        if (!options.IsLocalDevelopment && string.IsNullOrWhiteSpace(authorization))
        {
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "A bearer token is required.");
        }

        var (activity, error) = await ReadActivityAsync(http.Request, options.MaxRequestBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (activity is null)
        {
            LogRejected(_logger, error!);
            return Problem(StatusCodes.Status400BadRequest, "Bad activity", error!);
        }

        var auth = await _authenticator.AuthenticateAsync(
            string.IsNullOrWhiteSpace(authorization) ? null : authorization,
            activity,
            http.Connection.RemoteIpAddress,
            http.RequestAborted).ConfigureAwait(false);
        if (auth.Status != BotAuthenticationStatus.Allowed)
        {
            LogRefused(_logger, auth.Status, auth.Reason);
            return auth.Status == BotAuthenticationStatus.Forbidden
                ? Problem(StatusCodes.Status403Forbidden, "Forbidden", "The token may not be used for this request.")
                : Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "The token is missing or invalid.");
        }

        // Every answer carries the bot's token to this URL: a host outside the allow-list never sees a turn (nor is it
        // stored as a conversation reference, which only middleware does).
        if (!_serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            LogRefused(_logger, BotAuthenticationStatus.Forbidden, "The activity's serviceUrl host is not in Bot:AllowedServiceUrlHosts.");
            return Problem(StatusCodes.Status403Forbidden, "Forbidden", "The activity's serviceUrl is not allowed.");
        }

        var turn = new TurnContext(activity, _connector, http.RequestServices);
        try
        {
            await _router.RouteAsync(turn, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
#pragma warning disable CA1031 // The last line of defence: log it and apologise, never show exception text to the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return await TurnFailureAnswer.AnswerAsync(turn, ex, http, _logger).ConfigureAwait(false);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            var response = turn.InvokeResponse ?? InvokeResponse.Unsupported;
            return response.Body is null
                ? Results.StatusCode(response.Status)
                : Results.Json(response.Body, BotJson.Options, statusCode: response.Status);
        }

        return Results.Ok();
    }

    private static async Task<(Activity? Activity, string? Error)> ReadActivityAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, $"The body is larger than {maxBytes} bytes.");
        }

        // The body may be chunked (no Content-Length): read at most one byte past the limit.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return (null, $"The body is larger than {maxBytes} bytes.");
            }
        }

        if (buffer.Length == 0)
        {
            return (null, "The body is empty.");
        }

        Activity? activity;
        try
        {
            buffer.Position = 0;
            using var document = await JsonDocument.ParseAsync(buffer, default, cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "The body must be a JSON object.");
            }

            activity = document.RootElement.Deserialize<Activity>(BotJson.Options);
        }
        catch (JsonException)
        {
            return (null, "The body is not a valid activity (malformed JSON or a field of the wrong type).");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, "The activity has no type.");
        }

        // Every channel activity names where to answer; without it no reply or invoke answer is possible.
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUri)
            || (serviceUri.Scheme != Uri.UriSchemeHttps && serviceUri.Scheme != Uri.UriSchemeHttp))
        {
            return (null, "The activity has no valid serviceUrl.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return (null, "The activity has no conversation id.");
        }

        return (activity, null);
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a malformed request: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request ({Status}): {Reason}")]
    private static partial void LogRefused(ILogger logger, BotAuthenticationStatus status, string? reason);
}
