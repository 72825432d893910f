using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Connector;

/// <summary>The retry arithmetic (Retry-After forms, backoff bounds) and the retry of connection failures.</summary>
public sealed class ConnectorRetryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RetryAfter_Seconds_ReturnsThatDelay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorClient.RetryAfter(response, Now));
    }

    [Fact]
    public void RetryAfter_HttpDate_ReturnsTimeUntilThatDate()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "Fri, 27 Nov 2026 09:00:12 GMT");

        Assert.Equal(TimeSpan.FromSeconds(12), ConnectorClient.RetryAfter(response, Now));
    }

    [Theory]
    [InlineData("Fri, 27 Nov 2026 08:59:00 GMT")]
    [InlineData(null)]
    [InlineData("soon")]
    public void RetryAfter_PastAbsentOrUnreadable_NeverWaitsBackwards(string? header)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (header is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", header);
        }

        var wait = ConnectorClient.RetryAfter(response, Now);

        Assert.True(wait is null || wait == TimeSpan.Zero, $"got {wait}");
        Assert.Equal(header is not null && header.Contains("GMT", StringComparison.Ordinal), wait == TimeSpan.Zero);
    }

    [Theory]
    [InlineData(1, 500, 1000)]
    [InlineData(2, 1000, 2000)]
    [InlineData(3, 2000, 4000)]
    [InlineData(6, 5000, 10000)]
    [InlineData(30, 5000, 10000)]
    public void Backoff_GrowsExponentiallyWithinJitterAndCap(int failedAttempts, int lowestMs, int highestMs)
    {
        var baseDelay = TimeSpan.FromSeconds(1);
        var cap = TimeSpan.FromSeconds(10);

        Assert.Equal(TimeSpan.FromMilliseconds(lowestMs), ConnectorClient.Backoff(failedAttempts, baseDelay, cap, jitter: 0));
        Assert.Equal(TimeSpan.FromMilliseconds(highestMs), ConnectorClient.Backoff(failedAttempts, baseDelay, cap, jitter: 1));
        Assert.InRange(ConnectorClient.Backoff(failedAttempts, baseDelay, cap, Random.Shared.NextDouble()),
            TimeSpan.FromMilliseconds(lowestMs), TimeSpan.FromMilliseconds(highestMs));
    }

    [Fact]
    public async Task SendToConversationAsync_TooManyRequestsWithoutRetryAfter_FallsBackToBackoff()
    {
        var clock = new TimerSignalingTimeProvider();
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { TimeProvider = clock });
        using var host = new ConnectorTestHost(clock);
        server.FailNext(1, HttpStatusCode.TooManyRequests);

        var send = host.Client.SendToConversationAsync(server.ServiceUrl, "a:x", Activity.CreateMessage("hi"));
        var wait = await clock.WaitForTimerAsync();
        clock.Advance(wait);
        await send.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.InRange(wait, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        Assert.Equal([429, 201], server.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task SendToConversationAsync_NobodyListening_RetriesConnectionErrorsThenFailsTransient()
    {
        var clock = new TimerSignalingTimeProvider();
        using var host = new ConnectorTestHost(clock, o => o.MaxAttempts = 3);
        var closedPort = ClosedLoopbackPort();
        var backoffs = 0;

        var send = host.Client.SendToConversationAsync($"http://127.0.0.1:{closedPort}/", "a:x", Activity.CreateMessage("hi"));
        var error = await Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            while (!send.IsCompleted)
            {
                var timer = clock.WaitForTimerAsync(TimeSpan.FromSeconds(20));
                if (await Task.WhenAny(send, timer) == timer)
                {
                    backoffs++;
                    clock.Advance(await timer);
                }
            }

            await send;
        });

        Assert.Equal(ConnectorFailure.Transient, error.Failure);
        Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
        Assert.Equal(2, backoffs);
    }

    [Fact]
    public void AddBotConnector_InvalidSettings_FailsWithAClearMessage()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:Connector:MaxAttempts"] = "0" })
            .Build());
        services.AddBotConnector();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value);

        Assert.Contains("MaxAttempts", error.Message, StringComparison.Ordinal);
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
