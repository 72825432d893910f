using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Tests.Authentication;

/// <summary>
/// MSAL against a fake Entra token endpoint on loopback: MSAL's requests to login.microsoftonline.com are redirected to it
/// by the HttpClient it is given, so no internet is needed.
/// </summary>
public sealed class MsalBotTokenProviderTests : IAsyncLifetime
{
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private readonly ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Form)> _requests = new();
    private WebApplication _entra = null!;
    private Uri _entraAddress = null!;
    private int _issued;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _entra = builder.Build();
        _entra.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            _requests.Enqueue((request.Path.Value!, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            var number = Interlocked.Increment(ref _issued);
            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3599,
                ["ext_expires_in"] = 3599,
                ["access_token"] = $"connector-token-{number}",
            });
        });
        _entra.MapFallback((HttpRequest request) =>
        {
            _requests.Enqueue((request.Path.Value!, new Dictionary<string, string>()));
            return Results.NotFound();
        });
        await _entra.StartAsync();
        _entraAddress = new Uri(_entra.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync() => await _entra.DisposeAsync();

    // MSAL may also probe instance discovery once per process (answered 404 here, then it uses its built-in list).
    private IEnumerable<(string Path, IReadOnlyDictionary<string, string> Form)> TokenRequests =>
        _requests.Where(r => r.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));

    [Fact]
    public async Task GetTokenAsync_CalledTwice_RequestsOnceAndReturnsCachedToken()
    {
        var provider = new MsalBotTokenProvider(
            new TeamsBotOptions { AppId = "bot-app-id", ClientSecret = "bot-secret", TenantId = TenantId },
            new RedirectingHttpClientFactory(_entraAddress));

        var first = await provider.GetTokenAsync();
        var second = await provider.GetTokenAsync();

        Assert.Equal("connector-token-1", first);
        Assert.Equal(first, second);
        var request = Assert.Single(TokenRequests);
        Assert.Equal($"/{TenantId}/oauth2/v2.0/token", request.Path);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal("bot-app-id", request.Form["client_id"]);
        Assert.Equal("bot-secret", request.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", request.Form["scope"]);
    }

    [Fact]
    public async Task GetTokenAsync_NoTenant_UsesLegacyBotFrameworkTenant()
    {
        var provider = new MsalBotTokenProvider(
            new TeamsBotOptions { AppId = "bot-app-id", ClientSecret = "bot-secret" },
            new RedirectingHttpClientFactory(_entraAddress));

        Assert.Equal("connector-token-1", await provider.GetTokenAsync());
        Assert.Equal("/botframework.com/oauth2/v2.0/token", Assert.Single(TokenRequests).Path);
    }

    [Fact]
    public async Task GetTokenAsync_LocalDevelopment_ReturnsNullWithoutRequest()
    {
        var provider = new MsalBotTokenProvider(new TeamsBotOptions(), new RedirectingHttpClientFactory(_entraAddress));

        Assert.Null(await provider.GetTokenAsync());
        Assert.Empty(_requests);
    }

    [Theory]
    [InlineData(null, null, "https://login.microsoftonline.com/botframework.com")]
    [InlineData(TenantId, null, "https://login.microsoftonline.com/" + TenantId)]
    [InlineData(TenantId, "https://login.microsoftonline.us/" + TenantId, "https://login.microsoftonline.us/" + TenantId)]
    public void Authority_FromOptions_PrefersConfiguredThenTenantThenLegacy(string? tenantId, string? authority, string expected)
    {
        Assert.Equal(expected, MsalBotTokenProvider.Authority(new TeamsBotOptions { TenantId = tenantId, OAuthAuthority = authority }));
    }

    /// <summary>Sends whatever MSAL asks of login.microsoftonline.com to the local fake instead.</summary>
    private sealed class RedirectingHttpClientFactory(Uri target) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(new RedirectingHandler(target) { InnerHandler = new HttpClientHandler() });

        public HttpClient GetHttpClient() => _client;
    }

    private sealed class RedirectingHandler(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
