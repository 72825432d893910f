using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SalesCoachBot.Testing;
using static SalesCoachBot.Teams.Tests.Authentication.AuthenticatedBotFixture;

namespace SalesCoachBot.Teams.Tests.Authentication;

/// <summary>
/// Forged tokens, through the real endpoint: each forgery gets its status and never reaches a handler;
/// each genuine variant gets through.
/// </summary>
public sealed class BotRequestAuthenticatorTests(AuthenticatedBotFixture fixture) : IClassFixture<AuthenticatedBotFixture>
{
    private LocalTokenIssuer Issuer => fixture.Issuer;

    [Theory]
    [InlineData("no header", HttpStatusCode.Unauthorized)]
    [InlineData("not bearer", HttpStatusCode.Unauthorized)]
    [InlineData("garbage", HttpStatusCode.Unauthorized)]
    [InlineData("bad signature", HttpStatusCode.Unauthorized)]
    [InlineData("alg none", HttpStatusCode.Unauthorized)]
    [InlineData("HS256 with the public key", HttpStatusCode.Unauthorized)]
    [InlineData("wrong issuer", HttpStatusCode.Unauthorized)]
    [InlineData("wrong audience", HttpStatusCode.Unauthorized)]
    [InlineData("another app's token", HttpStatusCode.Unauthorized)]
    [InlineData("no audience", HttpStatusCode.Unauthorized)]
    [InlineData("expired beyond skew", HttpStatusCode.Unauthorized)]
    [InlineData("not yet valid beyond skew", HttpStatusCode.Unauthorized)]
    [InlineData("no exp", HttpStatusCode.Unauthorized)]
    [InlineData("unknown kid", HttpStatusCode.Unauthorized)]
    [InlineData("no kid", HttpStatusCode.Unauthorized)]
    [InlineData("tampered payload", HttpStatusCode.Unauthorized)]
    [InlineData("Entra token of another tenant", HttpStatusCode.Unauthorized)]
    [InlineData("Entra issuer signed with a Bot Connector key", HttpStatusCode.Unauthorized)]
    [InlineData("serviceurl mismatch", HttpStatusCode.Forbidden)]
    [InlineData("serviceurl missing", HttpStatusCode.Forbidden)]
    [InlineData("key endorsed for another channel", HttpStatusCode.Forbidden)]
    [InlineData("key without endorsements", HttpStatusCode.Forbidden)]
    [InlineData("Entra tid of another tenant", HttpStatusCode.Forbidden)]
    [InlineData("Entra serviceurl mismatch", HttpStatusCode.Forbidden)]
    [InlineData("Entra v2 token another app of the tenant asked for", HttpStatusCode.Forbidden)]
    [InlineData("Entra v1 token another app of the tenant asked for", HttpStatusCode.Forbidden)]
    [InlineData("Entra v2 token without azp", HttpStatusCode.Forbidden)]
    [InlineData("Entra v1 token with azp instead of appid", HttpStatusCode.Forbidden)]
    [InlineData("Entra token without tid", HttpStatusCode.Forbidden)]
    public async Task Post_ForgedToken_IsRefusedBeforeAnyHandler(string forgery, HttpStatusCode expected)
    {
        var callsBefore = fixture.Bot.HandlerCalls;

        var status = await fixture.Bot.PostAsync(Activity(), ForgedAuthorization(forgery));

        Assert.Equal(expected, status);
        Assert.Equal(callsBefore, fixture.Bot.HandlerCalls);
    }

    [Theory]
    [InlineData("genuine")]
    [InlineData("expired 2 minutes ago")]
    [InlineData("not valid for another 2 minutes")]
    [InlineData("audience api://appId")]
    [InlineData("serviceurl differing in case and trailing slash")]
    [InlineData("Entra v2 issuer")]
    [InlineData("Entra v1 issuer")]
    public async Task Post_GenuineToken_ReachesHandler(string variant)
    {
        var callsBefore = fixture.Bot.HandlerCalls;

        var status = await fixture.Bot.PostWithTokenAsync(Activity(), GenuineToken(variant));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(callsBefore + 1, fixture.Bot.HandlerCalls);
    }

    [Theory]
    [InlineData("Bot Connector")]
    [InlineData("Entra v2")]
    [InlineData("Entra v1")]
    public async Task Post_ActivityOfAnotherChannel_IsForbiddenWhateverTheToken(string tokenKind)
    {
        foreach (var channel in new[] { "webchat", "directline", "emulator", "" })
        {
            var callsBefore = fixture.Bot.HandlerCalls;

            var status = await fixture.Bot.PostWithTokenAsync(Activity(channelId: channel), GenuineToken(tokenKind));

            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(callsBefore, fixture.Bot.HandlerCalls);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_EntraTokenWithActivityOfAnotherTenant_IsForbidden(bool v1)
    {
        var token = Issuer.CreateEntraToken(AppId, TenantId, v1);
        var callsBefore = fixture.Bot.HandlerCalls;

        var otherTenant = await fixture.Bot.PostWithTokenAsync(Activity(tenantId: OtherTenantId), token);
        // Both places an activity names its tenant must be the token's.
        var mixed = await fixture.Bot.PostWithTokenAsync(
            ActivityBuilder.Message("ping").WithServiceUrl(ServiceUrl).InTenant(TenantId).Set("conversation",
                new Dictionary<string, object?> { ["id"] = "a:personal-alice", ["conversationType"] = "personal", ["tenantId"] = OtherTenantId }).ToJson(),
            token);
        var none = await fixture.Bot.PostWithTokenAsync(
            ActivityBuilder.Message("ping").WithServiceUrl(ServiceUrl).Set("channelData", new Dictionary<string, object?>())
                .Set("conversation", new Dictionary<string, object?> { ["id"] = "a:personal-alice" }).ToJson(),
            token);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (otherTenant, mixed, none));
        Assert.Equal(callsBefore, fixture.Bot.HandlerCalls);
    }

    [Theory]
    [InlineData("https://attacker.example/emea/")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/emea/")]
    [InlineData("https://smba.trafficmanager.net:8443/emea/")]
    [InlineData("http://127.0.0.1:56150/_connector")]
    public async Task Post_ServiceUrlOutsideAllowList_IsForbiddenBeforeAnyHandler(string serviceUrl)
    {
        var callsBefore = fixture.Bot.HandlerCalls;

        // The Bot Connector token names the same serviceUrl as the activity (as a token minted for it would); the
        // Entra token names none. Either way the host is not one the bot sends its token to.
        var withBotConnectorToken = await fixture.Bot.PostWithTokenAsync(Activity(serviceUrl), Issuer.CreateBotConnectorToken(AppId, serviceUrl));
        var withEntraToken = await fixture.Bot.PostWithTokenAsync(Activity(serviceUrl), Issuer.CreateEntraToken(AppId, TenantId));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (withBotConnectorToken, withEntraToken));
        Assert.Equal(callsBefore, fixture.Bot.HandlerCalls);
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("..")]
    [InlineData("e30.e30.")]
    [InlineData("e30.e30.e30.e30.e30")]
    [InlineData("W10.W10.sig")]
    [InlineData("bm90IGpzb24.bm90IGpzb24.sig")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6MTJ9.eyJpc3MiOjQyLCJhdWQiOltdLCJleHAiOiJzb29uIn0.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6bnVsbH0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6InVua25vd24ifQ.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.!!!")]
    public async Task Post_MalformedToken_IsUnauthorizedNotServerError(string token)
    {
        var callsBefore = fixture.Bot.HandlerCalls;

        var status = await fixture.Bot.PostAsync(Activity(), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(callsBefore, fixture.Bot.HandlerCalls);
    }

    [Fact]
    public async Task Post_OversizedToken_IsUnauthorized()
    {
        var status = await fixture.Bot.PostAsync(Activity(), "Bearer " + new string('a', 20_000));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Post_RefusedToken_NeitherTokenNorReasonDetailsLeakIntoLogs()
    {
        var token = Issuer.CreateToken(new TokenSpec { Audience = AppId, ServiceUrl = "https://evil.example/" });

        var status = await fixture.Bot.PostWithTokenAsync(Activity(), token);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(fixture.Bot.Logs.Entries, e => e.Message.Contains(signature, StringComparison.Ordinal));
        Assert.Contains(fixture.Bot.Logs.Entries, e => e.Message.Contains("serviceurl", StringComparison.Ordinal));
    }

    private string? ForgedAuthorization(string forgery)
    {
        var genuine = Issuer.CreateBotConnectorToken(AppId, ServiceUrl);
        return forgery switch
        {
            "no header" => null,
            "not bearer" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(AppId + ":secret")),
            "garbage" => "Bearer not.a-jwt.at-all",
            "tampered payload" => "Bearer " + Tamper(genuine, payload => payload["aud"] = "api://" + AppId),
            _ => "Bearer " + Issuer.CreateToken(ForgedSpec(forgery)),
        };
    }

    private TokenSpec ForgedSpec(string forgery)
    {
        var genuine = new TokenSpec { Audience = AppId, ServiceUrl = ServiceUrl };
        return forgery switch
        {
            "bad signature" => genuine with { Key = LocalTokenIssuer.CreateUnpublishedKey(), KeyId = Issuer.BotConnectorKey.Id },
            "alg none" => genuine with { Signing = TokenSigning.None },
            "HS256 with the public key" => genuine with { Signing = TokenSigning.Hs256WithPublicKey },
            "wrong issuer" => genuine with { Issuer = "https://api.botframework.com.evil.example", Key = Issuer.BotConnectorKey },
            "wrong audience" => genuine with { Audience = "https://api.botframework.com" },
            "another app's token" => genuine with { Audience = "9d1f6b0e-1111-4222-8333-944455556666" },
            "no audience" => genuine with { Audience = null },
            "expired beyond skew" => genuine with { IssuedAtIn = TimeSpan.FromHours(-2), ExpiresIn = TimeSpan.FromMinutes(-6) },
            "not yet valid beyond skew" => genuine with { NotBeforeIn = TimeSpan.FromMinutes(6) },
            "no exp" => genuine with { ExpiresIn = null },
            "unknown kid" => genuine with { Key = LocalTokenIssuer.CreateUnpublishedKey() },
            "no kid" => genuine with { KeyId = "" },
            "Entra token of another tenant" => EntraSpec(OtherTenantId),
            "Entra issuer signed with a Bot Connector key" => EntraSpec(TenantId) with { Key = Issuer.BotConnectorKey },
            "serviceurl mismatch" => genuine with { ServiceUrl = "https://attacker.example/emea/" },
            "serviceurl missing" => genuine with { ServiceUrl = null },
            "key endorsed for another channel" => genuine with { Key = fixture.KeyEndorsedForSkype },
            "key without endorsements" => genuine with { Key = fixture.KeyWithoutEndorsements },
            "Entra tid of another tenant" => EntraSpec(TenantId) with { TenantId = OtherTenantId },
            "Entra serviceurl mismatch" => EntraSpec(TenantId) with { ServiceUrl = "https://attacker.example/emea/" },
            "Entra v2 token another app of the tenant asked for" => LocalTokenIssuer.EntraSpec(AppId, TenantId, callerAppId: OtherAppId),
            "Entra v1 token another app of the tenant asked for" => LocalTokenIssuer.EntraSpec(AppId, TenantId, v1: true, callerAppId: OtherAppId),
            "Entra v2 token without azp" => EntraSpec(TenantId) with { ExtraClaims = new Dictionary<string, object?>() },
            "Entra v1 token with azp instead of appid" => LocalTokenIssuer.EntraSpec(AppId, TenantId, v1: true) with
            {
                ExtraClaims = new Dictionary<string, object?> { ["azp"] = AppId },
            },
            "Entra token without tid" => EntraSpec(TenantId) with { TenantId = null },
            _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, "unknown forgery"),
        };
    }

    private string GenuineToken(string variant)
    {
        var genuine = new TokenSpec { Audience = AppId, ServiceUrl = ServiceUrl };
        return variant switch
        {
            "genuine" => Issuer.CreateBotConnectorToken(AppId, ServiceUrl),
            "expired 2 minutes ago" => Issuer.CreateToken(genuine with { IssuedAtIn = TimeSpan.FromHours(-1), ExpiresIn = TimeSpan.FromMinutes(-2) }),
            "not valid for another 2 minutes" => Issuer.CreateToken(genuine with { NotBeforeIn = TimeSpan.FromMinutes(2) }),
            "audience api://appId" => Issuer.CreateToken(genuine with { Audience = "api://" + AppId }),
            "serviceurl differing in case and trailing slash" => Issuer.CreateToken(genuine with { ServiceUrl = "HTTPS://SMBA.trafficmanager.net/emea" }),
            "Entra v2 issuer" => Issuer.CreateEntraToken(AppId, TenantId),
            "Entra v1 issuer" => Issuer.CreateEntraToken(AppId, TenantId, v1: true),
            "Bot Connector" => Issuer.CreateBotConnectorToken(AppId, ServiceUrl),
            "Entra v2" => Issuer.CreateEntraToken(AppId, TenantId),
            "Entra v1" => Issuer.CreateEntraToken(AppId, TenantId, v1: true),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "unknown variant"),
        };
    }

    private static TokenSpec EntraSpec(string tenantId) => LocalTokenIssuer.EntraSpec(AppId, tenantId);

    /// <summary>Changes the payload of a signed token and keeps its signature.</summary>
    private static string Tamper(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        change(payload);
        parts[1] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return string.Join('.', parts);
    }
}
