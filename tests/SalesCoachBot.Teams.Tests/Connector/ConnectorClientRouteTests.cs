using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Connector;

/// <summary>Request shape and parsed answer of every Connector route, over real HTTP against the fake connector.</summary>
public sealed class ConnectorClientRouteTests : IAsyncLifetime
{
    private const string PersonalId = "a:1Xq;messageid=9@x";
    private const string ChannelId = "19:general@thread.tacv2";
    private const string Tenant = "tenant-contoso";

    // Shared by client and server; no test here sends enough to wait for a rate slot, so it never needs to move.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private FakeConnectorServer _server = null!;
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { PathBase = "/amer", TimeProvider = _clock });
        _host = new ConnectorTestHost(_clock);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task SendToConversationAsync_IdWithReservedCharacters_PostsActivityToEscapedPathWithToken()
    {
        var response = await _host.Client.SendToConversationAsync(_server.ServiceUrl, PersonalId, Activity.CreateMessage("Hi \"Alice\""));

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(FakeConnectorOperation.Send, request.Operation);
        Assert.Equal("/amer/v3/conversations/a%3A1Xq%3Bmessageid%3D9%40x/activities", request.RawTarget);
        Assert.Equal(PersonalId, request.ConversationId);
        Assert.Equal("Bearer " + ConnectorTestHost.Token, request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("message", request.Body!.Value.GetProperty("type").GetString());
        Assert.Equal("Hi \"Alice\"", request.Activity!.Text);
        Assert.False(request.Body.Value.TryGetProperty("replyToId", out _), "nulls are left out on the wire");
        Assert.Equal(request.AssignedId, response.Id);
        Assert.NotNull(response.Id);
    }

    [Fact]
    public async Task ReplyToActivityAsync_PostsToTheActivityPath_ReturnsNewId()
    {
        var response = await _host.Client.ReplyToActivityAsync(_server.ServiceUrl, PersonalId, "1:abc", Activity.CreateMessage("reply"));

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", FakeConnectorOperation.Reply), (request.Method, request.Operation));
        Assert.Equal("/amer/v3/conversations/a%3A1Xq%3Bmessageid%3D9%40x/activities/1%3Aabc", request.RawTarget);
        Assert.Equal("1:abc", request.ActivityId);
        Assert.Equal("reply", request.Activity!.Text);
        Assert.Equal(request.AssignedId, response.Id);
    }

    [Fact]
    public async Task UpdateActivityAsync_PutsTheCardToTheActivity_ReturnsItsId()
    {
        var card = new { type = "AdaptiveCard", version = "1.5", body = new[] { new { type = "TextBlock", text = "updated" } } };

        var response = await _host.Client.UpdateActivityAsync(_server.ServiceUrl, PersonalId, "act-7", Activity.CreateCard(card));

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("PUT", FakeConnectorOperation.Update, "act-7"), (request.Method, request.Operation, request.ActivityId));
        var attachment = request.Body!.Value.GetProperty("attachments")[0];
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.GetProperty("contentType").GetString());
        Assert.Equal("updated", attachment.GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("act-7", response.Id);
        Assert.Empty(_server.Sent);
    }

    [Fact]
    public async Task DeleteActivityAsync_SendsDeleteWithoutBody()
    {
        await _host.Client.DeleteActivityAsync(_server.ServiceUrl, PersonalId, "act-8");

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("DELETE", FakeConnectorOperation.Delete, "act-8", 200), (request.Method, request.Operation, request.ActivityId, request.StatusCode));
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task CreateConversationAsync_PersonalChat_SendsBotMemberAndTenant_ReturnsNewConversationId()
    {
        var parameters = ConversationParameters.ForPersonalChat(ActivityBuilder.BotId, "29:alice", Tenant);

        var response = await _host.Client.CreateConversationAsync(_server.ServiceUrl, parameters);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/amer/v3/conversations"), (request.Method, request.RawTarget));
        var body = request.Body!.Value;
        Assert.Equal(ActivityBuilder.BotId, body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:alice", Assert.Single(body.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(Tenant, body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.False(body.TryGetProperty("activity", out _));
        Assert.StartsWith("a:", response.Id, StringComparison.Ordinal);
        Assert.Equal(request.AssignedId, response.Id);
    }

    [Fact]
    public async Task CreateConversationAsync_ChannelThread_SendsIsGroupActivityAndChannel_ReturnsThreadAndActivityIds()
    {
        var parameters = ConversationParameters.ForChannelThread(ChannelId, Tenant, Activity.CreateMessage("Weekly targets"));

        var response = await _host.Client.CreateConversationAsync(_server.ServiceUrl, parameters);

        var request = Assert.Single(_server.Requests);
        var body = request.Body!.Value;
        Assert.True(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("Weekly targets", body.GetProperty("activity").GetProperty("text").GetString());
        Assert.Equal(ChannelId, body.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal(Tenant, body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.False(body.TryGetProperty("members", out _));
        Assert.Equal($"{ChannelId};messageid={response.ActivityId}", response.Id);
        Assert.Single(_server.Sent);
    }

    [Fact]
    public async Task GetPagedMembersAsync_FivePagesOfTwo_WalksContinuationTokenAndReturnsEveryMemberOnce()
    {
        var roster = Enumerable.Range(1, 9).Select(i => new TeamsChannelAccount { Id = $"29:rep-{i}", Name = $"Rep {i}", AadObjectId = $"aad-{i}" }).ToList();
        _server.SetMembers(ChannelId, roster);

        var seen = new List<TeamsChannelAccount>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _host.Client.GetPagedMembersAsync(_server.ServiceUrl, ChannelId, pageSize: 2, continuationToken: token);
            seen.AddRange(page.Members);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 20);

        Assert.Equal(5, pages);
        Assert.Equal(roster.Select(m => m.Id), seen.Select(m => m.Id));
        Assert.Equal("aad-3", seen[2].AadObjectId);
        var requests = _server.Requests;
        Assert.All(requests, r => Assert.Equal(("GET", FakeConnectorOperation.PagedMembers, "2"), (r.Method, r.Operation, r.Query["pageSize"])));
        Assert.False(requests[0].Query.ContainsKey("continuationToken"));
        Assert.Equal("page:2", requests[1].Query["continuationToken"]);
        Assert.Contains("continuationToken=page%3A2", requests[1].RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMemberAsync_KnownMember_ReturnsItsProfile()
    {
        _server.SetMembers(PersonalId, [new TeamsChannelAccount { Id = "29:alice", Name = "Alice Wang", Email = "alice@contoso.com", UserRole = "user" }]);

        var member = await _host.Client.GetMemberAsync(_server.ServiceUrl, PersonalId, "29:alice");

        Assert.Equal(("Alice Wang", "alice@contoso.com", "user"), (member.Name, member.Email, member.UserRole));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/amer/v3/conversations/a%3A1Xq%3Bmessageid%3D9%40x/members/29%3Aalice", request.RawTarget);
    }

    [Fact]
    public async Task GetTeamDetailsAsync_And_GetTeamChannelsAsync_ReturnTheTeamAndItsChannels()
    {
        _server.SetTeam(
            new TeamDetails { Id = ChannelId, Name = "East Sales", AadGroupId = "group-east", MemberCount = 12 },
            [new ChannelInfo { Id = ChannelId, Name = "General" }, new ChannelInfo { Id = "19:wins@thread.tacv2", Name = "Wins" }]);

        var team = await _host.Client.GetTeamDetailsAsync(_server.ServiceUrl, ChannelId);
        var channels = await _host.Client.GetTeamChannelsAsync(_server.ServiceUrl, ChannelId);

        Assert.Equal(("East Sales", "group-east", 12), (team.Name, team.AadGroupId, team.MemberCount));
        Assert.Equal(["General", "Wins"], channels.Select(c => c.Name));
        Assert.Equal("19:wins@thread.tacv2", channels[1].Id);
        Assert.Equal(
            ["/amer/v3/teams/19%3Ageneral%40thread.tacv2", "/amer/v3/teams/19%3Ageneral%40thread.tacv2/conversations"],
            _server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task SendToConversationAsync_ServiceUrlWithoutTrailingSlash_ReachesTheSameRoute()
    {
        await _host.Client.SendToConversationAsync(_server.ServiceUrl.TrimEnd('/'), "a:x", Activity.CreateMessage("one"));

        Assert.Equal("/amer/v3/conversations/a%3Ax/activities", Assert.Single(_server.Requests).RawTarget);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("/relative/")]
    public async Task SendToConversationAsync_InvalidServiceUrl_ThrowsArgumentExceptionAndSendsNothing(string serviceUrl)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.SendToConversationAsync(serviceUrl, "a:x", Activity.CreateMessage("x")));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_EmptyConversationId_ThrowsArgumentExceptionAndSendsNothing()
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.SendToConversationAsync(_server.ServiceUrl, " ", Activity.CreateMessage("x")));

        Assert.Equal("conversationId", error.ParamName);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_NoTokenInLocalDevelopment_SendsNoAuthorizationHeader()
    {
        using var host = new ConnectorTestHost(_clock, token: null);

        await host.Client.SendToConversationAsync(_server.ServiceUrl, "a:x", Activity.CreateMessage("hello"));

        Assert.Null(Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task SendToConversationAsync_ActivityExtensionData_SurvivesOnTheWire()
    {
        var activity = ActivityBuilder.Message("hi").Set("importance", "high").Build();

        await _host.Client.SendToConversationAsync(_server.ServiceUrl, "a:x", activity);

        Assert.Equal("high", Assert.Single(_server.Requests).Body!.Value.GetProperty("importance").GetString());
    }
}
