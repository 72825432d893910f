using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Testing;

/// <summary>
/// A local stand-in for login.botframework.com and Entra ID: a real HTTP server on 127.0.0.1 serving OpenID metadata and
/// JWKS for both issuer families, and minting tokens with any claims, keys and algorithms (including forged ones).
/// </summary>
/// <example>
/// <code>
/// var time = new FakeTimeProvider(start);
/// await using var issuer = await LocalTokenIssuer.StartAsync(time);
/// builder.Configuration.AddInMemoryCollection(issuer.BotConfiguration("app-id", "tenant-id"));
/// var token = issuer.CreateBotConnectorToken("app-id", activityServiceUrl);
/// </code>
/// </example>
public sealed class LocalTokenIssuer : IAsyncDisposable
{
    public const string BotConnectorIssuer = "https://api.botframework.com";
    public const string TeamsChannel = "msteams";
    public const string TestClientSecret = "local-test-secret";

    private readonly WebApplication _server;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<SigningKey> _botConnectorKeys = [];
    private readonly List<SigningKey> _entraKeys = [];
    private int _botConnectorMetadataRequests;
    private int _entraMetadataRequests;

    private LocalTokenIssuer(WebApplication server, TimeProvider time)
    {
        _server = server;
        _time = time;
        BotConnectorKey = AddBotConnectorKey([TeamsChannel]);
        EntraKey = SigningKey.Create();
        _entraKeys.Add(EntraKey);
    }

    /// <summary>Base address of the server, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Bot Connector OpenID metadata (for Bot:BotConnectorOpenIdMetadataUrl).</summary>
    public string MetadataUrl => BaseUrl + "/botframework/v1/.well-known/openidconfiguration";

    /// <summary>Entra ID OpenID metadata with the {tenantId} placeholder (for Bot:EntraOpenIdMetadataUrlTemplate); any tenant id works.</summary>
    public string EntraMetadataUrlTemplate => BaseUrl + "/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>The key Bot Connector tokens are signed with by default (endorsed for msteams).</summary>
    public SigningKey BotConnectorKey { get; private set; }

    /// <summary>The key Entra tokens are signed with by default.</summary>
    public SigningKey EntraKey { get; }

    /// <summary>How often the Bot Connector metadata document was fetched (each key refresh fetches it once).</summary>
    public int BotConnectorMetadataRequests => Volatile.Read(ref _botConnectorMetadataRequests);

    /// <summary>How often an Entra metadata document was fetched.</summary>
    public int EntraMetadataRequests => Volatile.Read(ref _entraMetadataRequests);

    public static string EntraIssuerV2(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    public static string EntraIssuerV1(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    /// <summary>Starts the server; tokens take "now" from <paramref name="time"/> (pass the bot's FakeTimeProvider to keep them in step).</summary>
    public static async Task<LocalTokenIssuer> StartAsync(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = builder.Build();
        var issuer = new LocalTokenIssuer(server, time);
        issuer.MapEndpoints();
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.BaseUrl = address.TrimEnd('/');
        return issuer;
    }

    /// <summary>Publishes another Bot Connector key; <paramref name="endorsements"/> null publishes it without the endorsements member.</summary>
    public SigningKey AddBotConnectorKey(IReadOnlyList<string>? endorsements)
    {
        var key = SigningKey.Create(endorsements: endorsements);
        lock (_gate)
        {
            _botConnectorKeys.Add(key);
        }

        return key;
    }

    /// <summary>Key rotation: publishes a new endorsed key and signs Bot Connector tokens with it from now on. The old key stays published.</summary>
    public SigningKey RotateBotConnectorKey()
    {
        BotConnectorKey = AddBotConnectorKey([TeamsChannel]);
        return BotConnectorKey;
    }

    /// <summary>A key that is not published anywhere (for bad signatures and unknown key ids).</summary>
    public static SigningKey CreateUnpublishedKey(string? keyId = null) => SigningKey.Create(keyId);

    /// <summary>A genuine Bot Connector token for the app, as the channel sends with an activity from <paramref name="serviceUrl"/>.</summary>
    public string CreateBotConnectorToken(string appId, string serviceUrl) =>
        CreateToken(new TokenSpec { Issuer = BotConnectorIssuer, Audience = appId, ServiceUrl = serviceUrl });

    /// <summary>
    /// A genuine Entra ID token of <paramref name="tenantId"/> for the app (v2 issuer, or v1 sts.windows.net), asked for by
    /// <paramref name="callerAppId"/> (the azp claim in v2, appid in v1; default: the app itself).
    /// </summary>
    public string CreateEntraToken(string appId, string tenantId, bool v1 = false, string? callerAppId = null) =>
        CreateToken(EntraSpec(appId, tenantId, v1, callerAppId));

    /// <summary>The spec of <see cref="CreateEntraToken"/>, to change before minting.</summary>
    public static TokenSpec EntraSpec(string appId, string tenantId, bool v1 = false, string? callerAppId = null) => new()
    {
        Issuer = v1 ? EntraIssuerV1(tenantId) : EntraIssuerV2(tenantId),
        Audience = appId,
        TenantId = tenantId,
        ExtraClaims = new Dictionary<string, object?> { [v1 ? "appid" : "azp"] = callerAppId ?? appId },
    };

    /// <summary>Mints a token exactly as specified, forged or not.</summary>
    public string CreateToken(TokenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var key = spec.Key ?? (spec.Issuer == BotConnectorIssuer ? BotConnectorKey : EntraKey);
        var now = _time.GetUtcNow();
        var issuedAt = now + spec.IssuedAtIn;

        var header = new JsonObject
        {
            ["alg"] = spec.Signing switch
            {
                TokenSigning.None => "none",
                TokenSigning.Hs256WithPublicKey => "HS256",
                _ => "RS256",
            },
            ["typ"] = "JWT",
        };
        if (spec.KeyId != "")
        {
            header["kid"] = spec.KeyId ?? key.Id;
        }

        var payload = new JsonObject { ["iss"] = spec.Issuer };
        if (spec.Audience is not null)
        {
            payload["aud"] = spec.Audience;
        }

        payload["iat"] = issuedAt.ToUnixTimeSeconds();
        payload["nbf"] = (now + (spec.NotBeforeIn ?? spec.IssuedAtIn)).ToUnixTimeSeconds();
        if (spec.ExpiresIn is { } expiresIn)
        {
            payload["exp"] = (now + expiresIn).ToUnixTimeSeconds();
        }

        if (spec.ServiceUrl is not null)
        {
            payload["serviceurl"] = spec.ServiceUrl;
        }

        if (spec.TenantId is not null)
        {
            payload["tid"] = spec.TenantId;
        }

        foreach (var (name, value) in spec.ExtraClaims)
        {
            payload[name] = JsonSerializer.SerializeToNode(value);
        }

        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = spec.Signing switch
        {
            TokenSigning.None => "",
            TokenSigning.Hs256WithPublicKey => Base64Url.EncodeToString(
                HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.Rsa.ExportSubjectPublicKeyInfoPem()), Encoding.ASCII.GetBytes(signingInput))),
            _ => Base64Url.EncodeToString(key.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
        };
        return signingInput + "." + signature;
    }

    /// <summary>
    /// Points bot options at this issuer (app id, a test client secret, tenant, metadata URLs, http metadata allowed —
    /// which the bot accepts only in the Development environment).
    /// </summary>
    public void ConfigureBot(TeamsBotOptions options, string appId, string? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AppId = appId;
        options.ClientSecret = TestClientSecret;
        options.TenantId = tenantId;
        options.BotConnectorOpenIdMetadataUrl = MetadataUrl;
        options.BotConnectorIssuer = BotConnectorIssuer;
        options.EntraOpenIdMetadataUrlTemplate = EntraMetadataUrlTemplate;
        options.RequireHttpsMetadata = false;
    }

    /// <summary>The same settings as configuration keys ("Bot:AppId", …), for AddInMemoryCollection or UseSetting.</summary>
    public IReadOnlyDictionary<string, string?> BotConfiguration(string appId, string? tenantId = null) => new Dictionary<string, string?>
    {
        ["Bot:AppId"] = appId,
        ["Bot:ClientSecret"] = TestClientSecret,
        ["Bot:TenantId"] = tenantId,
        ["Bot:BotConnectorOpenIdMetadataUrl"] = MetadataUrl,
        ["Bot:BotConnectorIssuer"] = BotConnectorIssuer,
        ["Bot:EntraOpenIdMetadataUrlTemplate"] = EntraMetadataUrlTemplate,
        ["Bot:RequireHttpsMetadata"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        lock (_gate)
        {
            foreach (var key in _botConnectorKeys.Concat(_entraKeys))
            {
                key.Dispose();
            }
        }
    }

    private void MapEndpoints()
    {
        _server.MapGet("/botframework/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _botConnectorMetadataRequests);
            return Results.Json(Metadata(BotConnectorIssuer, BaseUrl + "/botframework/v1/keys"));
        });
        _server.MapGet("/botframework/v1/keys", () => Results.Json(KeySet(_botConnectorKeys)));
        _server.MapGet("/{tenantId}/v2.0/.well-known/openid-configuration", (string tenantId) =>
        {
            Interlocked.Increment(ref _entraMetadataRequests);
            return Results.Json(Metadata(EntraIssuerV2(tenantId), BaseUrl + "/entra/keys"));
        });
        _server.MapGet("/entra/keys", () => Results.Json(KeySet(_entraKeys)));
    }

    private static JsonObject Metadata(string issuer, string jwksUri) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = issuer + "/authorize",
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private JsonObject KeySet(List<SigningKey> keys)
    {
        lock (_gate)
        {
            return new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.ToJwk()).ToArray()) };
        }
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}

/// <summary>An RSA signing key of the local issuer.</summary>
public sealed class SigningKey : IDisposable
{
    private SigningKey(string id, RSA rsa, IReadOnlyList<string>? endorsements)
    {
        Id = id;
        Rsa = rsa;
        Endorsements = endorsements;
    }

    public string Id { get; }

    /// <summary>Channels the key is endorsed for; null = the JWK has no endorsements member.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    internal RSA Rsa { get; }

    internal static SigningKey Create(string? id = null, IReadOnlyList<string>? endorsements = null) =>
        new(id ?? "key-" + Guid.NewGuid().ToString("N")[..12], RSA.Create(2048), endorsements);

    internal JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Id,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode)JsonValue.Create(e)).ToArray());
        }

        return jwk;
    }

    public void Dispose() => Rsa.Dispose();
}

/// <summary>How a minted token is signed.</summary>
public enum TokenSigning
{
    /// <summary>RS256 with the chosen key (genuine).</summary>
    Rs256,
    /// <summary>alg "none" and an empty signature.</summary>
    None,
    /// <summary>HS256 with the RSA public key as the HMAC secret (the classic key-confusion forgery).</summary>
    Hs256WithPublicKey,
}

/// <summary>What to put in a minted token. Times are relative to the issuer's clock.</summary>
public sealed record TokenSpec
{
    public string Issuer { get; init; } = LocalTokenIssuer.BotConnectorIssuer;

    /// <summary>aud; null = no audience claim.</summary>
    public string? Audience { get; init; }

    /// <summary>serviceurl claim (Bot Connector tokens); null = none.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>tid claim (Entra tokens); null = none.</summary>
    public string? TenantId { get; init; }

    /// <summary>Signing key; null = the issuer family's current key.</summary>
    public SigningKey? Key { get; init; }

    /// <summary>kid header; null = the signing key's id, "" = no kid header.</summary>
    public string? KeyId { get; init; }

    /// <summary>iat (and nbf unless set) relative to now.</summary>
    public TimeSpan IssuedAtIn { get; init; }

    /// <summary>nbf relative to now; null = same as iat.</summary>
    public TimeSpan? NotBeforeIn { get; init; }

    /// <summary>exp relative to now; null = no exp claim.</summary>
    public TimeSpan? ExpiresIn { get; init; } = TimeSpan.FromHours(1);

    public TokenSigning Signing { get; init; } = TokenSigning.Rs256;

    /// <summary>Further claims (or overrides), serialized as JSON.</summary>
    public IReadOnlyDictionary<string, object?> ExtraClaims { get; init; } = new Dictionary<string, object?>();
}
