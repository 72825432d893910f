using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Authentication;

/// <summary>
/// Client-credentials tokens for the Connector API from Entra ID, via MSAL. One application instance for the process:
/// MSAL keeps app tokens in its in-memory cache and renews them shortly before they expire.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    internal const string HttpClientName = "SalesCoachBot.Teams.Msal";
    internal const string LegacyMultiTenantAuthority = "https://login.microsoftonline.com/botframework.com";

    private readonly Lazy<IConfidentialClientApplication>? _application;
    private readonly string[] _scopes;

    public MsalBotTokenProvider(IOptions<TeamsBotOptions> options, IHttpClientFactory httpClientFactory)
        : this(options.Value, new MsalHttpClientFactory(httpClientFactory))
    {
    }

    internal MsalBotTokenProvider(TeamsBotOptions options, IMsalHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = [options.OAuthScope];
        if (options.IsLocalDevelopment)
        {
            return;
        }

        var appId = options.AppId!;
        var clientSecret = options.ClientSecret;
        var authority = Authority(options);
        _application = new Lazy<IConfidentialClientApplication>(() =>
        {
            if (string.IsNullOrWhiteSpace(clientSecret))
            {
                throw new InvalidOperationException("Bot:ClientSecret is required when Bot:AppId is set.");
            }

            return ConfidentialClientApplicationBuilder.Create(appId)
                .WithClientSecret(clientSecret)
                .WithAuthority(authority)
                .WithHttpClientFactory(httpClientFactory)
                .Build();
        });
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_application is null)
        {
            return null;
        }

        var result = await _application.Value.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    /// <summary>The configured authority, else the bot's tenant, else the legacy multi-tenant Bot Framework tenant.</summary>
    internal static string Authority(TeamsBotOptions options) =>
        !string.IsNullOrWhiteSpace(options.OAuthAuthority) ? options.OAuthAuthority
        : !string.IsNullOrWhiteSpace(options.TenantId) ? $"https://login.microsoftonline.com/{options.TenantId.Trim()}"
        : LegacyMultiTenantAuthority;

    /// <summary>Hands MSAL clients from IHttpClientFactory, so handler lifetimes and proxies follow the app's HTTP setup.</summary>
    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}
