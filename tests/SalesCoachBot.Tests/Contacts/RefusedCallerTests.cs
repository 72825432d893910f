using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Contacts;

/// <summary>
/// The app with an app id, against a local token issuer: a request the bot refuses reaches no handler, so nothing about
/// it is recorded (no tenant, member or conversation reference) and nothing is sent, neither to the fake Teams service
/// nor to the host the activity named.
/// </summary>
public sealed class RefusedCallerTests
{
    private const string AppId = "5c4a7a3e-0f7b-4bd1-9a41-8d5e2f6c1b20";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string OtherAppId = "9d1f6b0e-1111-4222-8333-944455556666";

    // Friday 27 November 2026, 09:00 UTC: the issuer mints and the bot checks on this clock.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Post_RefusedCallers_NothingStoredNothingSent(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(Now);
        await using var issuer = await LocalTokenIssuer.StartAsync(time);
        // Another listener on loopback, standing for a host the attacker controls.
        await using var attacker = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { EnforceRateLimits = false, TimeProvider = time });
        await using var app = new SalesCoachBotApplication(provider) { Time = time };
        foreach (var (key, value) in issuer.BotConfiguration(AppId, TenantId))
        {
            app.Settings[key] = value;
        }

        // The fake Teams service is on loopback http: allowed here by its exact port, so the attacker's port is not.
        app.Settings["Bot:AllowedServiceUrlHosts:0"] = "http://127.0.0.1:" + new Uri(app.Connector.ServiceUrl).Port;

        var attackerUrl = attacker.ServiceUrl;
        var refusals = new (string Case, ActivityBuilder Activity, string Token)[]
        {
            ("serviceUrl outside the allow-list", Activity(attackerUrl), issuer.CreateBotConnectorToken(AppId, attackerUrl)),
            ("Entra token, serviceUrl outside the allow-list", Activity(attackerUrl), issuer.CreateEntraToken(AppId, TenantId)),
            ("another app of the tenant", Activity(app.Connector.ServiceUrl), issuer.CreateEntraToken(AppId, TenantId, callerAppId: OtherAppId)),
            ("activity of another tenant", Activity(app.Connector.ServiceUrl).InTenant("0d9c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"), issuer.CreateEntraToken(AppId, TenantId)),
            ("not Teams", Activity(app.Connector.ServiceUrl).Set("channelId", "webchat"), issuer.CreateBotConnectorToken(AppId, app.Connector.ServiceUrl)),
        };

        using var client = app.CreateClient();
        foreach (var (name, activity, token) in refusals)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{name}: {response.StatusCode}");
        }

        Assert.Empty(attacker.Requests);
        Assert.Empty(app.Connector.Requests);
        var (scope, store) = app.NewStore();
        await using var _ = scope;
        Assert.Equal((0, 0, 0), (
            await store.Tenants.IgnoreQueryFilters().CountAsync(),
            await store.Members.IgnoreQueryFilters().CountAsync(),
            await store.Conversations.IgnoreQueryFilters().CountAsync()));
    }

    private static ActivityBuilder Activity(string serviceUrl) =>
        ActivityBuilder.Message("help").WithServiceUrl(serviceUrl).InTenant(TenantId).From("29:mallory", "Mallory");
}
