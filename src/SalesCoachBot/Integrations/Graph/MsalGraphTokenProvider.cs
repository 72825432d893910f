using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions.Authentication;

namespace SalesCoachBot.Integrations.Graph;

/// <summary>App-only Graph tokens from MSAL (client credentials); MSAL caches and renews them.</summary>
internal sealed class MsalGraphTokenProvider : IAccessTokenProvider
{
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    private readonly IConfidentialClientApplication _app;

    public MsalGraphTokenProvider(GraphOptions options, Uri baseUrl)
    {
        _app = ConfidentialClientApplicationBuilder.Create(options.ClientId)
            .WithClientSecret(options.ClientSecret)
            .WithTenantId(options.TenantId)
            .Build();
        AllowedHostsValidator = new AllowedHostsValidator([baseUrl.Host]);
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        var result = await _app.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }
}
