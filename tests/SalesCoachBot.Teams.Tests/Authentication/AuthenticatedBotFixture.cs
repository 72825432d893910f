using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Authentication;

/// <summary>One local issuer and one bot (app id + tenant configured) shared by the token tests of a class.</summary>
public sealed class AuthenticatedBotFixture : IAsyncLifetime
{
    public const string AppId = "5c4a7a3e-0f7b-4bd1-9a41-8d5e2f6c1b20";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string OtherTenantId = "0d9c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f";

    /// <summary>Another app registered in the bot's tenant (any user can register one and get a token for the bot).</summary>
    public const string OtherAppId = "9d1f6b0e-1111-4222-8333-944455556666";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    /// <summary>The clock of the issuer and the bot: tokens are minted and checked at the same fixed instant.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public LocalTokenIssuer Issuer { get; private set; } = null!;

    public BotTestHost Bot { get; private set; } = null!;

    /// <summary>Published before the bot starts (a key added later would wait for the rate-limited refresh).</summary>
    public SigningKey KeyEndorsedForSkype { get; private set; } = null!;

    /// <summary>Published without an endorsements member.</summary>
    public SigningKey KeyWithoutEndorsements { get; private set; } = null!;

    /// <summary>A "ping" as Teams sends it from the bot's tenant.</summary>
    public static string Activity(string serviceUrl = ServiceUrl, string tenantId = TenantId, string channelId = "msteams") =>
        ActivityBuilder.Message("ping").WithServiceUrl(serviceUrl).InTenant(tenantId).Set("channelId", channelId).ToJson();

    public async Task InitializeAsync()
    {
        Issuer = await LocalTokenIssuer.StartAsync(Time);
        KeyEndorsedForSkype = Issuer.AddBotConnectorKey(["skype"]);
        KeyWithoutEndorsements = Issuer.AddBotConnectorKey(null);
        Bot = await BotTestHost.StartAsync(Issuer.BotConfiguration(AppId, TenantId), Time);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
