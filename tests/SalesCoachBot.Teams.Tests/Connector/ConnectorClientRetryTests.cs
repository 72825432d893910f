using System.Net;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Connector;

/// <summary>
/// Retries and failure classification, over real HTTP, with the client and the fake connector sharing one fake clock:
/// every wait is a timer on that clock, so the tests see exactly when each attempt goes out.
/// </summary>
public sealed class ConnectorClientRetryTests : IAsyncLifetime
{
    private const string Conversation = "a:personal-bob";

    private readonly TimerSignalingTimeProvider _clock = new();
    private FakeConnectorServer _server = null!;
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { TimeProvider = _clock });
        // The app-wide pace is not under test here; per-conversation bursts and retries are.
        _host = new ConnectorTestHost(_clock, o =>
        {
            o.MaxAttempts = 4;
            o.AppRequestsPerSecond = 10_000;
        });
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task SendToConversationAsync_TooManyRequestsWithRetryAfter_RetriesNoEarlierThanRetryAfter()
    {
        _server.FailNext(1, HttpStatusCode.TooManyRequests, Conversation, retryAfter: TimeSpan.FromSeconds(3));

        var send = _host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("hi"));
        var wait = await _clock.WaitForTimerAsync();

        Assert.Equal(TimeSpan.FromSeconds(3), wait);
        _clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        Assert.False(send.IsCompleted);
        Assert.Single(_server.Requests);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var response = await Bounded(send);

        var requests = _server.Requests;
        Assert.Equal([429, 201], requests.Select(r => r.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(3), requests[1].ArrivedAt - requests[0].ArrivedAt);
        Assert.Equal(requests[1].AssignedId, response.Id);
        Assert.Single(_server.Sent);
    }

    [Fact]
    public async Task SendToConversationAsync_ServiceUnavailableThenSuccess_RetriesAfterBackoffAndSucceeds()
    {
        _server.FailNext(1, HttpStatusCode.ServiceUnavailable, Conversation);

        var send = _host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("hi"));
        var backoff = await _clock.WaitForTimerAsync();
        _clock.Advance(backoff);
        var response = await Bounded(send);

        // First backoff is the 1 s base, jittered into [0.5 s, 1 s].
        Assert.InRange(backoff, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        Assert.Equal([503, 201], _server.Requests.Select(r => r.StatusCode));
        Assert.NotNull(response.Id);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task SendToConversationAsync_OtherTransientStatus_IsRetried(HttpStatusCode status)
    {
        _server.FailNext(2, status, Conversation);

        var response = await _clock.DriveAsync(_host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("hi")));

        Assert.Equal([(int)status, (int)status, 201], _server.Requests.Select(r => r.StatusCode));
        Assert.NotNull(response.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_AlwaysUnavailable_GivesUpAsTransientAfterMaxAttemptsWithGrowingBackoff()
    {
        _server.FailNext(100, HttpStatusCode.ServiceUnavailable, Conversation);
        var start = _clock.GetUtcNow();

        var send = _host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("hi"));
        var error = await Assert.ThrowsAsync<ConnectorException>(() => _clock.DriveAsync(send));

        Assert.Equal(ConnectorFailure.Transient, error.Failure);
        Assert.False(error.IsPermanent);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        var arrivals = _server.Requests.Select(r => r.ArrivedAt - start).ToList();
        Assert.Equal(4, arrivals.Count);
        // Backoffs of about 1, 2 and 4 s (each jittered to at least half).
        Assert.InRange(arrivals[1] - arrivals[0], TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        Assert.InRange(arrivals[2] - arrivals[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(arrivals[3] - arrivals[2], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, ConnectorFailure.Blocked)]
    [InlineData(HttpStatusCode.NotFound, ConnectorFailure.NotFound)]
    [InlineData(HttpStatusCode.Unauthorized, ConnectorFailure.Unauthorized)]
    [InlineData(HttpStatusCode.BadRequest, ConnectorFailure.BadRequest)]
    [InlineData(HttpStatusCode.Conflict, ConnectorFailure.BadRequest)]
    public async Task SendToConversationAsync_PermanentStatus_ThrowsAfterExactlyOneRequest(HttpStatusCode status, ConnectorFailure expected)
    {
        _server.FailNext(1, status, Conversation);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Bounded(_host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("hi"))));

        Assert.Equal(expected, error.Failure);
        Assert.True(error.IsPermanent);
        Assert.Equal(status, error.StatusCode);
        Assert.Single(_server.Requests);
        Assert.Empty(_server.Sent);
        Assert.False(_clock.HasUnobservedTimer, "a permanent failure must not wait for a retry");
    }

    [Fact]
    public async Task SendToConversationAsync_Blocked_MessageNamesTheErrorCodeButNotTheToken()
    {
        _server.FailNext(1, HttpStatusCode.Forbidden, Conversation, errorCode: "MessageWritesBlocked");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Bounded(_host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("hi"))));

        Assert.Contains("MessageWritesBlocked", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ConnectorTestHost.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversationAsync_ErrorCodeThatIsNotAnIdentifier_IsLeftOutOfTheMessage()
    {
        _server.FailNext(1, HttpStatusCode.Forbidden, Conversation, errorCode: "<script>alert(1)</script> Bearer abc");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Bounded(_host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("hi"))));

        Assert.DoesNotContain("script", error.Message, StringComparison.Ordinal);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMemberAsync_UnknownMember_ThrowsNotFoundWithoutRetry()
    {
        _server.SetMembers(Conversation, []);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Bounded(_host.Client.GetMemberAsync(_server.ServiceUrl, Conversation, "29:nobody")));

        Assert.Equal(ConnectorFailure.NotFound, error.Failure);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_RetryAfterLongerThanAllowed_FailsTransientWithoutWaiting()
    {
        _server.FailNext(1, HttpStatusCode.TooManyRequests, Conversation, retryAfter: TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Bounded(_host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("hi"))));

        Assert.Equal((ConnectorFailure.Transient, HttpStatusCode.TooManyRequests), (error.Failure, error.StatusCode));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_ServerStallsBeyondAttemptTimeout_RetriesAndSucceeds()
    {
        using var host = new ConnectorTestHost(_clock, o => o.AttemptTimeout = TimeSpan.FromSeconds(10));
        _server.StallNext(1, Conversation);

        var send = host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("hi"));
        // The stalled attempt's timeout timer.
        Assert.Equal(TimeSpan.FromSeconds(10), await _clock.WaitForTimerAsync());
        // Time only moves once the request is held by the server, so the stall is spent on this attempt.
        await _server.WaitForRequestsAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(10));
        // Then the backoff; the retry's own attempt timer is left alone so it cannot time out too.
        var backoff = await _clock.WaitForTimerAsync();
        Assert.InRange(backoff, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        _clock.Advance(backoff);
        var response = await Bounded(send);

        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[0].Faulted);
        Assert.Equal(201, requests[1].StatusCode);
        Assert.Equal(requests[1].AssignedId, response.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_CancelledWhileWaitingForARateSlot_ThrowsAndSendsNothingMore()
    {
        for (var i = 0; i < 7; i++)
        {
            await Bounded(_host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage($"burst {i}")));
        }

        using var cancel = new CancellationTokenSource();
        var eighth = _host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("eighth"), cancellationToken: cancel.Token);
        var slotWait = await _clock.WaitForTimerAsync();
        Assert.False(eighth.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bounded(eighth));
        Assert.InRange(slotWait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(7, _server.Requests.Count);
        Assert.Equal(0, _server.ThrottledCount);
    }

    [Fact]
    public async Task SendToConversationAsync_AfterWaitingForASlot_SendsAFreshlyAskedToken()
    {
        var issued = 0;
        using var host = new ConnectorTestHost(_clock, o => o.AppRequestsPerSecond = 10_000, tokenSource: () => $"token-{Interlocked.Increment(ref issued)}");
        for (var i = 0; i < 7; i++)
        {
            await Bounded(host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage($"burst {i}")));
        }

        var eighth = host.Client.SendToConversationAsync(_server.ServiceUrl, Conversation, Activity.CreateMessage("eighth"));
        _clock.Advance(await _clock.WaitForTimerAsync());
        await Bounded(eighth);

        var requests = _server.Requests;
        Assert.Equal("Bearer token-7", requests[6].Authorization);
        // Asked once before queueing (token-8) and again after the wait.
        Assert.Equal("Bearer token-9", requests[7].Authorization);
    }

    // The fake clock only moves when a test moves it: a regression that starts waiting must fail, not hang.
    private static Task<T> Bounded<T>(Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(20));
}
