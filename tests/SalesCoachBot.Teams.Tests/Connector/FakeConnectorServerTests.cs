using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Connector;

/// <summary>The fake connector's own behaviour, driven with a plain HttpClient, and the client against its enforcement.</summary>
public sealed class FakeConnectorServerTests
{
    private static StringContent Message => new("""{"type":"message","text":"hi"}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task Post_EighthSendToOneConversationWithinASecond_Answers429WithRetryAfter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { TimeProvider = clock });
        using var http = new HttpClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await http.PostAsync(server.ServiceUrl + "v3/conversations/a%3Aalice/activities", Message);
            statuses.Add(response.StatusCode);
            if (i == 7)
            {
                Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
            }
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        using var later = await http.PostAsync(server.ServiceUrl + "v3/conversations/a%3Aalice/activities", Message);
        using var other = await http.PostAsync(server.ServiceUrl + "v3/conversations/a%3Abob/activities", Message);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 7), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(1, server.ThrottledCount);
        Assert.Equal(9, server.Sent.Count);
        Assert.Equal(9, server.Sent.Select(s => s.AssignedId).Distinct().Count());
    }

    [Fact]
    public async Task Post_MoreThanTheAppLimitAcrossConversations_Answers429()
    {
        var clock = new FakeTimeProvider();
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { TimeProvider = clock, AppRequestsPerSecond = 5 });
        using var http = new HttpClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.PostAsync(server.ServiceUrl + $"v3/conversations/a%3Arep-{i}/activities", Message);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task RandomFaults_SameSeed_FaultTheSameSends()
    {
        var options = new FakeConnectorOptions
        {
            EnforceRateLimits = false,
            RandomFaults = [new RandomFault(0.3, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1)), new RandomFault(0.2, HttpStatusCode.ServiceUnavailable)],
            Seed = 7,
        };

        async Task<List<HttpStatusCode>> RunAsync()
        {
            await using var server = await FakeConnectorServer.StartAsync(options);
            using var http = new HttpClient();
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 40; i++)
            {
                using var response = await http.PostAsync(server.ServiceUrl + $"v3/conversations/a%3Arep-{i}/activities", Message);
                statuses.Add(response.StatusCode);
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, first);
        Assert.Contains(HttpStatusCode.Created, first);
    }

    [Fact]
    public async Task WaitForSentAsync_SendsArriveLater_CompletesOnTheSignal()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        using var http = new HttpClient();

        var waiting = server.WaitForSentAsync(2);
        Assert.False(waiting.IsCompleted);
        (await http.PostAsJsonAsync(server.ServiceUrl + "v3/conversations/a%3Ax/activities", new { type = "message", text = "1" })).Dispose();
        Assert.False(waiting.IsCompleted);
        (await http.PostAsJsonAsync(server.ServiceUrl + "v3/conversations/a%3Ax/activities/act-1", new { type = "message", text = "2" })).Dispose();

        var sent = await waiting;
        Assert.Equal(["1", "2"], sent.Select(s => s.Activity!.Text));
    }

    [Fact]
    public async Task Reset_ForgetsRequestsFaultsAndWindowsButKeepsRosters()
    {
        var clock = new FakeTimeProvider();
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { TimeProvider = clock });
        server.SetMembers("a:x", [new TeamsChannelAccount { Id = "29:a" }]);
        using var http = new HttpClient();
        for (var i = 0; i < 7; i++)
        {
            (await http.PostAsync(server.ServiceUrl + "v3/conversations/a%3Ax/activities", Message)).Dispose();
        }

        server.FailNext(1, HttpStatusCode.Forbidden);
        server.Reset();

        using var send = await http.PostAsync(server.ServiceUrl + "v3/conversations/a%3Ax/activities", Message);
        using var member = await http.GetAsync(server.ServiceUrl + "v3/conversations/a%3Ax/members/29%3Aa");
        Assert.Equal(HttpStatusCode.Created, send.StatusCode);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Post_BodyThatIsNotAnActivity_Answers400AndDeliversNothing()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(server.ServiceUrl + "v3/conversations/a%3Ax/activities", new StringContent("[1,2", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(server.Sent);
    }

    [Fact]
    public async Task ConnectorClient_NineSendsToOneConversation_ServerNeverThrottles()
    {
        // One fake clock for both: the client's waits are timers on it that the test fires, the server's windows read it.
        var clock = new TimerSignalingTimeProvider();
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { TimeProvider = clock });
        // The app-wide pace is not under test here; the per-conversation windows are.
        using var host = new ConnectorTestHost(clock, o => o.AppRequestsPerSecond = 10_000);
        var margin = new ConnectorOptions().RateLimitSafetyMargin;
        var start = clock.GetUtcNow();

        async Task SendNineAsync()
        {
            for (var i = 0; i < 9; i++)
            {
                await host.Client.SendToConversationAsync(server.ServiceUrl, "a:alice", Activity.CreateMessage($"message {i}"));
            }
        }

        await clock.DriveAsync(SendNineAsync());

        Assert.Equal(0, server.ThrottledCount);
        var arrivals = server.Sent.Select(s => s.ArrivedAt - start).ToList();
        Assert.Equal(9, arrivals.Count);
        Assert.All(arrivals.Take(7), a => Assert.Equal(TimeSpan.Zero, a));
        // The 8th waited for the 1 s window and the 9th for the 2 s window, each with the client's safety margin.
        Assert.Equal(TimeSpan.FromSeconds(1) + margin, arrivals[7]);
        Assert.Equal(TimeSpan.FromSeconds(2) + margin, arrivals[8]);
    }
}
