using System.Net;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Authentication;

/// <summary>Key rotation and refresh limits, counted at the local issuer, on a fake clock shared by issuer and bot.</summary>
public sealed class SigningKeyRefreshTests : IAsyncLifetime
{
    private const string AppId = AuthenticatedBotFixture.AppId;
    private const string ServiceUrl = AuthenticatedBotFixture.ServiceUrl;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private LocalTokenIssuer _issuer = null!;
    private BotTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalTokenIssuer.StartAsync(_time);
        _bot = await BotTestHost.StartAsync(_issuer.BotConfiguration(AppId), _time);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Post_TokenSignedWithRotatedKey_IsAcceptedAfterOneRefetch()
    {
        Assert.Equal(HttpStatusCode.OK, await PostGenuineAsync());
        Assert.Equal(1, _issuer.BotConnectorMetadataRequests);

        _issuer.RotateBotConnectorKey();

        Assert.Equal(HttpStatusCode.OK, await PostGenuineAsync());
        Assert.Equal(2, _issuer.BotConnectorMetadataRequests);
        Assert.Equal(2, _bot.HandlerCalls);
    }

    [Fact]
    public async Task Post_UnknownKeyIdFlood_RefetchesAtMostOncePerInterval()
    {
        Assert.Equal(HttpStatusCode.OK, await PostGenuineAsync());
        Assert.Equal(1, _issuer.BotConnectorMetadataRequests);

        var firstFlood = await FloodWithUnknownKeyIdsAsync(40);
        Assert.All(firstFlood, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(2, _issuer.BotConnectorMetadataRequests);

        // Later in the same interval: still no refetch, and a newly rotated key must wait for the next interval.
        _time.Advance(TimeSpan.FromMinutes(4));
        var rotated = _issuer.RotateBotConnectorKey();
        await FloodWithUnknownKeyIdsAsync(40);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostGenuineAsync());
        Assert.Equal(2, _issuer.BotConnectorMetadataRequests);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await PostGenuineAsync());
        Assert.Equal(3, _issuer.BotConnectorMetadataRequests);
        Assert.Equal(rotated.Id, _issuer.BotConnectorKey.Id);
        Assert.Equal(2, _bot.HandlerCalls);
    }

    [Fact]
    public async Task Post_AfterRefreshInterval_KeysAreRefetchedWithoutAnUnknownKey()
    {
        Assert.Equal(HttpStatusCode.OK, await PostGenuineAsync());
        _time.Advance(TimeSpan.FromHours(11));
        Assert.Equal(HttpStatusCode.OK, await PostGenuineAsync());
        Assert.Equal(1, _issuer.BotConnectorMetadataRequests);

        // The default SigningKeyRefreshInterval is 12 hours.
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, await PostGenuineAsync());
        Assert.Equal(2, _issuer.BotConnectorMetadataRequests);
    }

    [Fact]
    public async Task Post_TokenOfLongAgo_IsRefusedOnTheBotsClock()
    {
        var token = _issuer.CreateBotConnectorToken(AppId, ServiceUrl);
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));

        var status = await _bot.PostWithTokenAsync(AuthenticatedBotFixture.Activity(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, _bot.HandlerCalls);
    }

    private Task<HttpStatusCode> PostGenuineAsync() =>
        _bot.PostWithTokenAsync(AuthenticatedBotFixture.Activity(), _issuer.CreateBotConnectorToken(AppId, ServiceUrl));

    private Task<HttpStatusCode[]> FloodWithUnknownKeyIdsAsync(int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
        {
            var forged = _issuer.CreateToken(new TokenSpec
            {
                Audience = AppId,
                ServiceUrl = ServiceUrl,
                Key = _issuer.BotConnectorKey,
                KeyId = "forged-" + Guid.NewGuid().ToString("N"),
            });
            return _bot.PostWithTokenAsync(AuthenticatedBotFixture.Activity(), forged);
        }));
}
