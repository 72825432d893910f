using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Authentication;

/// <summary>
/// Validates the channel's bearer token: Bot Connector tokens (keys endorsed for the channel, serviceurl claim) and
/// Entra ID tokens of the configured tenant from an allowed caller app. Invalid tokens get 401; a valid token signed
/// with a key not endorsed for the channel, naming another serviceUrl, from a caller app not in
/// Bot:AllowedCallerAppIds, of another tenant than the activity's, or carrying an activity of another channel, gets 403.
/// Without an app id (local development) only loopback callers with a loopback serviceUrl pass.
/// </summary>
internal sealed partial class BotRequestAuthenticator : IBotRequestAuthenticator, IDisposable
{
    internal const string MetadataHttpClientName = "SalesCoachBot.Teams.OpenIdMetadata";
    private const string ServiceUrlClaim = "serviceurl";
    private const string TenantIdClaim = "tid";

    // Who asked for an Entra token: azp in v2 tokens, appid in v1 tokens (the official SDK checks the same claims).
    private const string AuthorizedPartyClaim = "azp";
    private const string AppIdClaim = "appid";

    // A real token is about 1–2 KB; anything far larger is not worth parsing.
    private const int MaxTokenLength = 16 * 1024;

    private readonly TeamsBotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotRequestAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly IssuerFamily _botConnector;
    private readonly IssuerFamily? _entra;
    private readonly string? _entraV1Issuer;

    public BotRequestAuthenticator(IOptions<TeamsBotOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time,
        ILogger<BotRequestAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;

        _botConnector = new IssuerFamily(
            "Bot Connector",
            [_options.BotConnectorIssuer],
            RequiresEndorsement: true,
            RequiresServiceUrl: true,
            TenantId: null,
            CreateKeyCache(_options.BotConnectorOpenIdMetadataUrl, httpClientFactory));

        // Entra tokens are trusted for the configured tenant only; without one there is no tenant to trust.
        if (!string.IsNullOrWhiteSpace(_options.TenantId))
        {
            var tenantId = _options.TenantId.Trim().ToLowerInvariant();
            var metadataUrl = _options.EntraOpenIdMetadataUrlTemplate.Replace("{tenantId}", Uri.EscapeDataString(tenantId), StringComparison.Ordinal);
            _entraV1Issuer = $"https://sts.windows.net/{tenantId}/";
            _entra = new IssuerFamily(
                "Entra ID",
                [$"https://login.microsoftonline.com/{tenantId}/v2.0", _entraV1Issuer],
                RequiresEndorsement: false,
                RequiresServiceUrl: false,
                tenantId,
                CreateKeyCache(metadataUrl, httpClientFactory));
        }
    }

    public async Task<bool> HasSigningKeysAsync(CancellationToken cancellationToken = default)
    {
        if (_options.IsLocalDevelopment)
        {
            return true;
        }

        if (await _botConnector.Keys.GetAsync(cancellationToken).ConfigureAwait(false) is not { Count: > 0 })
        {
            return false;
        }

        return _entra is null || await _entra.Keys.GetAsync(cancellationToken).ConfigureAwait(false) is { Count: > 0 };
    }

    public async Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, IPAddress? remoteAddress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_options.IsLocalDevelopment)
        {
            return AuthenticateLocalDevelopment(activity.ServiceUrl, remoteAddress);
        }

        var token = ReadBearerToken(authorizationHeader);
        if (token is null)
        {
            return BotAuthenticationResult.Unauthorized("No bearer token.");
        }

        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return BotAuthenticationResult.Unauthorized("The bearer token is not a JWT.");
        }

        // The issuer is read unverified only to pick whose keys to verify with; the validation below checks it again.
        var family = PickIssuerFamily(unverified);
        if (family is null)
        {
            return BotAuthenticationResult.Unauthorized("The token's issuer is not trusted.");
        }

        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return BotAuthenticationResult.Unauthorized("The token names no signing key.");
        }

        var keys = await family.Keys.GetAsync(cancellationToken).ConfigureAwait(false);
        if (keys is null)
        {
            return BotAuthenticationResult.Unauthorized($"The {family.Name} signing keys are unavailable.");
        }

        if (!keys.TryGetKey(unverified.Kid, out var key))
        {
            // Maybe the issuer rotated its keys; the cache refetches at most once per interval, however many tokens ask.
            keys = await family.Keys.RefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false);
            if (keys is null || !keys.TryGetKey(unverified.Kid, out key))
            {
                return BotAuthenticationResult.Unauthorized($"The token's signing key is not a known {family.Name} key.");
            }
        }

        var result = await _handler.ValidateTokenAsync(token, ValidationParameters(family, key)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            // The exception type says what failed; its message could quote claims, so it stays out of the reason.
            return BotAuthenticationResult.Unauthorized($"The {family.Name} token is invalid ({result.Exception?.GetType().Name ?? "unknown"}).");
        }

        // Validated above: the issuer is one of the family's, so it now says which Entra token version this is.
        return CheckAuthorization(family, key, result.ClaimsIdentity, activity, isEntraV1: unverified.Issuer == _entraV1Issuer);
    }

    public void Dispose()
    {
        _botConnector.Keys.Dispose();
        _entra?.Keys.Dispose();
    }

    /// <summary>Valid token; may it call for this activity? Failures here are 403.</summary>
    private BotAuthenticationResult CheckAuthorization(IssuerFamily family, JsonWebKey key, ClaimsIdentity identity, Activity activity, bool isEntraV1)
    {
        if (family.RequiresEndorsement
            && !SigningKeySet.Endorsements(key).Contains(_options.ChannelId, StringComparer.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Forbidden($"The signing key is not endorsed for channel {_options.ChannelId}.");
        }

        // Whatever the token kind: the endorsement speaks for the key, not for what the body claims to be.
        if (!string.Equals(activity.ChannelId, _options.ChannelId, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Forbidden($"The activity's channel is not {_options.ChannelId}.");
        }

        var serviceUrl = activity.ServiceUrl;

        var serviceUrlClaim = identity.FindFirst(ServiceUrlClaim)?.Value;
        if (serviceUrlClaim is null)
        {
            if (family.RequiresServiceUrl)
            {
                return BotAuthenticationResult.Forbidden("The token has no serviceurl claim.");
            }
        }
        else if (!SameServiceUrl(serviceUrlClaim, serviceUrl))
        {
            return BotAuthenticationResult.Forbidden("The token's serviceurl claim does not match the activity's serviceUrl.");
        }

        if (family.TenantId is not null)
        {
            return CheckEntraCaller(family.TenantId, identity, activity, isEntraV1);
        }

        return BotAuthenticationResult.Allowed(identity);
    }

    /// <summary>
    /// An Entra token of the bot's tenant proves only that some app of that tenant asked for it (any user can register
    /// one): the caller must be an allowed app, and the activity must be of the token's tenant.
    /// </summary>
    private BotAuthenticationResult CheckEntraCaller(string tenantId, ClaimsIdentity identity, Activity activity, bool isEntraV1)
    {
        var tenantClaim = identity.FindFirst(TenantIdClaim)?.Value;
        if (!string.Equals(tenantClaim, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Forbidden("The token's tenant is not the bot's tenant.");
        }

        // Both places an activity names its tenant must agree with the token, so neither can smuggle in another tenant.
        string?[] activityTenants = [activity.ChannelData?.Tenant?.Id, activity.Conversation?.TenantId];
        if (activityTenants.All(string.IsNullOrEmpty)
            || activityTenants.Any(t => !string.IsNullOrEmpty(t) && !string.Equals(t, tenantClaim, StringComparison.OrdinalIgnoreCase)))
        {
            return BotAuthenticationResult.Forbidden("The activity's tenant is not the token's tenant.");
        }

        var caller = identity.FindFirst(isEntraV1 ? AppIdClaim : AuthorizedPartyClaim)?.Value;
        if (caller is null || !_options.EffectiveAllowedCallerAppIds.Contains(caller, StringComparer.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Forbidden("The token's caller app is not in Bot:AllowedCallerAppIds.");
        }

        return BotAuthenticationResult.Allowed(identity);
    }

    private TokenValidationParameters ValidationParameters(IssuerFamily family, JsonWebKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = family.Issuers,
        ValidateAudience = true,
        ValidAudiences = [_options.AppId, "api://" + _options.AppId],
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = _options.ClockSkew,
        LifetimeValidator = IsWithinLifetime,
        RequireSignedTokens = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidateIssuerSigningKey = true,
    };

    // Own lifetime check so time comes from TimeProvider (testable); exp is required, nbf optional, both with the skew.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var skew = _options.ClockSkew;
        return (notBefore is null || notBefore.Value <= now + skew) && expires.Value >= now - skew;
    }

    private IssuerFamily? PickIssuerFamily(JsonWebToken unverified)
    {
        string issuer;
        try
        {
            issuer = unverified.Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (string.Equals(issuer, _options.BotConnectorIssuer, StringComparison.Ordinal))
        {
            return _botConnector;
        }

        return _entra is not null && _entra.Issuers.Contains(issuer, StringComparer.Ordinal) ? _entra : null;
    }

    private static string? ReadBearerToken(string? authorizationHeader)
    {
        const string scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        return token.Length is > 0 and <= MaxTokenLength ? token : null;
    }

    private static BotAuthenticationResult AuthenticateLocalDevelopment(string? serviceUrl, IPAddress? remoteAddress)
    {
        if (!IsLoopbackAddress(remoteAddress))
        {
            return BotAuthenticationResult.Unauthorized("Without an app id only loopback callers are accepted.");
        }

        // Otherwise a misconfigured public deployment could be made to POST replies to any URL.
        if (!IsLoopbackUrl(serviceUrl))
        {
            return BotAuthenticationResult.Unauthorized("Without an app id only a loopback serviceUrl is accepted.");
        }

        return BotAuthenticationResult.Allowed(null);
    }

    /// <summary>
    /// True for a loopback IP address. An unknown address (null: a Unix socket or named pipe, where anyone with access
    /// to the socket may be calling) is not loopback.
    /// </summary>
    internal static bool IsLoopbackAddress(IPAddress? remoteAddress) =>
        remoteAddress is not null
        && IPAddress.IsLoopback(remoteAddress.IsIPv4MappedToIPv6 ? remoteAddress.MapToIPv4() : remoteAddress);

    internal static bool IsLoopbackUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.IsLoopback;

    internal static bool SameServiceUrl(string claimed, string? actual) =>
        actual is not null
        && string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private SigningKeyCache CreateKeyCache(string metadataUrl, IHttpClientFactory httpClientFactory)
    {
        var refreshInterval = _options.SigningKeyRefreshInterval;
        return new SigningKeyCache(
            metadataUrl,
            cancellationToken =>
            {
                // A client per fetch, so the factory can recycle handlers (DNS changes) between the hourly-or-rarer fetches.
                var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(MetadataHttpClientName))
                {
                    RequireHttps = _options.RequireHttpsMetadata,
                };
                return OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, retriever, cancellationToken);
            },
            refreshInterval,
            _time,
            _logger);
    }

    private sealed record IssuerFamily(
        string Name,
        string[] Issuers,
        bool RequiresEndorsement,
        bool RequiresServiceUrl,
        string? TenantId,
        SigningKeyCache Keys);
}
