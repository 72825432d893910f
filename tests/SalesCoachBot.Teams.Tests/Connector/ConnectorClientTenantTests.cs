using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Connector;

/// <summary>
/// The app budget is per tenant, as Teams counts it: over real HTTP, with the client and the fake connector (which
/// enforces the same per-tenant limit) sharing one fake clock. A small budget of 5 a second keeps the bursts short.
/// </summary>
public sealed class ConnectorClientTenantTests : IAsyncLifetime
{
    private const int PerSecond = 5;

    // A second plus the default safety margin.
    private static readonly TimeSpan NextSecond = TimeSpan.FromMilliseconds(1050);

    private readonly TimerSignalingTimeProvider _clock = new();
    private FakeConnectorServer _server = null!;
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { TimeProvider = _clock, AppRequestsPerSecond = PerSecond });
        _host = new ConnectorTestHost(_clock, o => o.AppRequestsPerSecond = PerSecond);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task SendToConversationAsync_TwoTenants_EachSendsItsOwnBudgetAtOnceAndOneTenantIsStillHeld()
    {
        var start = _clock.GetUtcNow();

        // Contoso names its tenant on the call; Fabrikam's sends carry it on the activity's conversation only.
        for (var i = 0; i < PerSecond; i++)
        {
            await Bounded(_host.Client.SendToConversationAsync(_server.ServiceUrl, $"a:contoso-{i}", Activity.CreateMessage("hi"), "tenant-contoso"));
            await Bounded(_host.Client.SendToConversationAsync(_server.ServiceUrl, $"a:fabrikam-{i}", FabrikamMessage($"a:fabrikam-{i}")));
        }

        // Ten sends at one instant, none throttled by the fake: each tenant had its own five.
        Assert.Equal(2 * PerSecond, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal(start, r.ArrivedAt));
        Assert.Equal(0, _server.ThrottledCount);

        // Contoso's sixth waits for the next second, whatever Fabrikam does.
        var sixth = _host.Client.SendToConversationAsync(_server.ServiceUrl, "a:contoso-late", Activity.CreateMessage("hi"), "tenant-contoso");
        Assert.Equal(NextSecond, await _clock.WaitForTimerAsync());
        Assert.False(sixth.IsCompleted);
        _clock.Advance(NextSecond);
        await Bounded(sixth);
        Assert.Equal(0, _server.ThrottledCount);
    }

    [Fact]
    public async Task SendToConversationAsync_NoTenant_SharesOneBudget()
    {
        for (var i = 0; i < PerSecond; i++)
        {
            await Bounded(_host.Client.SendToConversationAsync(_server.ServiceUrl, $"a:someone-{i}", Activity.CreateMessage("hi")));
        }

        var next = _host.Client.SendToConversationAsync(_server.ServiceUrl, "a:someone-else", Activity.CreateMessage("hi"));

        Assert.Equal(NextSecond, await _clock.WaitForTimerAsync());
        Assert.False(next.IsCompleted);
        _clock.Advance(NextSecond);
        await Bounded(next);
    }

    private static Activity FabrikamMessage(string conversationId)
    {
        var message = Activity.CreateMessage("hi");
        message.Conversation = new ConversationAccount { Id = conversationId, TenantId = "tenant-fabrikam" };
        return message;
    }

    private static Task<T> Bounded<T>(Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(20));
}
