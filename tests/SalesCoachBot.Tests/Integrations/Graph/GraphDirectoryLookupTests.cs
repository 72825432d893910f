using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using SalesCoachBot.Integrations.Graph;

namespace SalesCoachBot.Tests.Integrations.Graph;

public sealed class GraphDirectoryLookupTests : IAsyncLifetime
{
    private const string Rep = "0b6f8a86-4b1e-4f57-9d0c-3f8f6b1d2a01";
    private const string Boss = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    private const string Throttled = "11111111-2222-4333-8444-555555555555";

    private readonly ConcurrentQueue<(string Path, string Query, string? Authorization)> _requests = new();
    private WebApplication? _server;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.MapGet("/v1.0/users/{id}", (HttpContext http, string id) =>
        {
            _requests.Enqueue((http.Request.Path.Value!, Uri.UnescapeDataString(http.Request.QueryString.Value ?? ""), http.Request.Headers.Authorization.ToString()));
            return id switch
            {
                Rep => Results.Text(
                    $$$"""{"id":"{{{Rep}}}","jobTitle":"Account Executive","manager":{"@odata.type":"#microsoft.graph.user","id":"{{{Boss}}}"}}""",
                    "application/json"),
                Boss => Results.Text($$$"""{"id":"{{{Boss}}}","jobTitle":"Sales Director"}""", "application/json"),
                Throttled => Results.Text("""{"error":{"code":"TooManyRequests","message":"slow down"}}""", "application/json", statusCode: 429),
                _ => Results.Text("""{"error":{"code":"Request_ResourceNotFound","message":"not found"}}""", "application/json", statusCode: 404),
            };
        });
        await _server.StartAsync();
        _baseUrl = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/v1.0";
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private GraphDirectoryLookup NewLookup(HttpClient http)
    {
        var authentication = new BaseBearerTokenAuthenticationProvider(new FixedToken("test-token", "127.0.0.1"));
        return new GraphDirectoryLookup(new GraphServiceClient(http, authentication, _baseUrl), NullLogger<GraphDirectoryLookup>.Instance);
    }

    [Fact]
    public async Task FindAsync_KnownUser_ReadsJobTitleAndManagerInOneRequest()
    {
        using var http = new HttpClient();
        var lookup = NewLookup(http);

        var rep = await lookup.FindAsync(Rep);
        var boss = await lookup.FindAsync(Boss);

        Assert.Equal(new DirectoryProfile("Account Executive", Boss), rep);
        Assert.Equal(new DirectoryProfile("Sales Director", null), boss);
        Assert.Equal(2, _requests.Count);
        var (path, query, authorization) = _requests.First();
        Assert.Equal($"/v1.0/users/{Rep}", path);
        Assert.Contains("$select=id,jobTitle", query, StringComparison.Ordinal);
        Assert.Contains("$expand=manager($select=id)", query, StringComparison.Ordinal);
        Assert.Equal("Bearer test-token", authorization);
    }

    [Fact]
    public async Task FindAsync_UnknownThrottledOrNotAnId_ReturnsNullWithoutThrowing()
    {
        using var http = new HttpClient();
        var lookup = NewLookup(http);

        Assert.Null(await lookup.FindAsync("99999999-9999-4999-8999-999999999999"));
        Assert.Null(await lookup.FindAsync(Throttled));
        Assert.Null(await lookup.FindAsync("../me"));
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public void AddGraph_WithoutCredentials_IsANoOp_WithCredentials_UsesGraph()
    {
        static IDirectoryLookup Resolve(Dictionary<string, string?> settings)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            services.AddLogging();
            services.AddGraph();
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<IDirectoryLookup>();
        }

        var off = Resolve(new() { ["Graph:TenantId"] = "contoso", ["Graph:ClientId"] = "app" });
        var on = Resolve(new() { ["Graph:TenantId"] = "contoso", ["Graph:ClientId"] = "app", ["Graph:ClientSecret"] = "secret" });

        Assert.False(off.IsEnabled);
        Assert.IsType<GraphDirectoryLookup>(on);
        Assert.True(on.IsEnabled);
    }

    private sealed class FixedToken(string token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
