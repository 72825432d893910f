using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions.Authentication;

namespace SalesCoachBot.Tests.Integrations.Graph;

/// <summary>One request the fake Graph received: method, path, decoded query, JSON body (null when none) and Authorization.</summary>
internal sealed record GraphRequest(string Method, string Path, string Query, JsonObject? Body, string Authorization);

/// <summary>
/// Microsoft Graph's calendar and group endpoints as the team calendar uses them, on real Kestrel on loopback (so the
/// app's own GraphServiceClient talks HTTP to it): <c>GET /groups/{id}</c> for the groups in <see cref="GroupMail"/>,
/// <c>POST /users/{id}/events</c> keeping the event in <see cref="Events"/>, <c>PATCH</c> / <c>DELETE</c> of a kept
/// event (404 for an unknown one), <c>GET …/events/{id}/instances</c> giving one occurrence (the event's id and <see cref="OccurrenceSuffix"/>) and
/// <c>DELETE</c> of that occurrence. <see cref="FailNext"/> answers the next requests with an error status.
/// </summary>
internal sealed class FakeGraphServer : IAsyncDisposable
{
    public const string Token = "graph-test-token";

    /// <summary>The id of an event's occurrence is the event's id and this.</summary>
    public const string OccurrenceSuffix = "-occurrence";

    private readonly WebApplication _app;
    private int _failures;
    private int _failStatus;
    private int _created;

    private FakeGraphServer(WebApplication app) => _app = app;

    /// <summary>The Graph base URL with its version, for <c>Graph:BaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<GraphRequest> Requests { get; } = new();

    /// <summary>Mail address of each Microsoft 365 group by id (a group absent here is a 404; a null address is a group without a mailbox).</summary>
    public ConcurrentDictionary<string, string?> GroupMail { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Events by id as last posted or patched (merged), with the mailbox's user id under "organiserId".</summary>
    public ConcurrentDictionary<string, JsonObject> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests other than the group look-up and the directory's user look-ups: the calendar's own.</summary>
    public List<GraphRequest> CalendarRequests => [.. Requests.Where(r => r.Path.Contains("/events", StringComparison.Ordinal))];

    /// <summary>The next <paramref name="times"/> requests are answered with <paramref name="status"/> and a Graph error body.</summary>
    public void FailNext(HttpStatusCode status, int times = 1)
    {
        _failStatus = (int)status;
        Interlocked.Exchange(ref _failures, times);
    }

    /// <summary>A token provider that signs requests to this server without Entra.</summary>
    public static IAccessTokenProvider TokenProvider { get; } = new FixedToken();

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new FakeGraphServer(builder.Build());
        server.Map();
        await server._app.StartAsync();
        server.BaseUrl = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/v1.0";
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Map()
    {
        _app.Use(async (http, next) =>
        {
            http.Request.EnableBuffering();
            using var reader = new StreamReader(http.Request.Body, leaveOpen: true);
            var text = await reader.ReadToEndAsync();
            http.Request.Body.Position = 0;
            Requests.Enqueue(new GraphRequest(
                http.Request.Method, Uri.UnescapeDataString(http.Request.Path.Value!), Uri.UnescapeDataString(http.Request.QueryString.Value ?? ""),
                text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null, http.Request.Headers.Authorization.ToString()));
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                http.Response.StatusCode = _failStatus;
                if (_failStatus == 429)
                {
                    http.Response.Headers.RetryAfter = "30";
                }

                await http.Response.WriteAsJsonAsync(new { error = new { code = "Failure", message = "Jane Doe's mailbox is busy" } });
                return;
            }

            await next(http);
        });

        _app.MapGet("/v1.0/groups/{id}", (string id) =>
            GroupMail.TryGetValue(id, out var mail)
                ? Results.Json(new { id, mail })
                : NotFound());

        _app.MapPost("/v1.0/users/{user}/events", async (HttpContext http, string user) =>
        {
            var body = (JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync()) as JsonObject)!;
            var id = string.Create(CultureInfo.InvariantCulture, $"AAMkAGI2TG93AAA-{Interlocked.Increment(ref _created)}=");
            body["id"] = id;
            body["organiserId"] = user;
            Events[id] = body;
            return Results.Json(body, statusCode: 201);
        });

        _app.MapMethods("/v1.0/users/{user}/events/{id}", ["PATCH"], async (HttpContext http, string id) =>
        {
            if (!Events.TryGetValue(id, out var stored))
            {
                return NotFound();
            }

            var patch = (JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync()) as JsonObject)!;
            foreach (var (name, value) in patch)
            {
                stored[name] = value?.DeepClone();
            }

            return Results.Json(stored);
        });

        _app.MapDelete("/v1.0/users/{user}/events/{id}", (string id) =>
            Events.TryRemove(id, out _) || id.EndsWith(OccurrenceSuffix, StringComparison.Ordinal) ? Results.NoContent() : NotFound());

        _app.MapGet("/v1.0/users/{user}/events/{id}/instances", (string id) =>
            Events.ContainsKey(id)
                ? Results.Json(new { value = new[] { new { id = id + OccurrenceSuffix } } })
                : NotFound());
    }

    private static IResult NotFound() =>
        Results.Json(new { error = new { code = "ErrorItemNotFound", message = "The specified object was not found in the store." } }, statusCode: 404);

    private sealed class FixedToken : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(["127.0.0.1"]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Token);
    }
}
