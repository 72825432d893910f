using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Hosting;

public class BotMessageEndpointTests
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":5}")]
    [InlineData("{\"type\":\"message\",\"text\":{\"a\":1}}")]
    [InlineData("{\"type\":\"message\",\"entities\":\"mention\"}")]
    [InlineData("{\"type\":\"message\",\"from\":[1,2]}")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday\"}")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"a:1\"}}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"not a url\",\"conversation\":{\"id\":\"a:1\"}}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"file:///etc/passwd\",\"conversation\":{\"id\":\"a:1\"}}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1/\",\"conversation\":{}}")]
    public async Task Post_MalformedActivity_Answers400ProblemAndRunsNoHandler(string body)
    {
        await using var host = await EndpointTestHost.StartAsync();
        var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.Empty(host.Calls.Log);
    }

    [Fact]
    public async Task Post_EmptyBody_Answers400()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var response = await host.PostAsync("");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimitWithContentLength_Answers400()
    {
        await using var host = await EndpointTestHost.StartAsync(maxBodyBytes: 4096);
        var response = await host.PostAsync(ActivityBuilder.Message(new string('x', 5000)).ToJson());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("larger", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Calls.Log);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Answers400()
    {
        await using var host = await EndpointTestHost.StartAsync(maxBodyBytes: 4096);
        var bytes = Encoding.UTF8.GetBytes(ActivityBuilder.Message(new string('x', 9000)).ToJson());
        using var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await host.Client.PostAsync("/api/messages", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Calls.Log);
    }

    [Fact]
    public async Task Post_ValidMessage_Answers200AndRoutes()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var response = await host.PostAsync(ActivityBuilder.Message("log deal 5").ToJson());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["log:deal 5"], host.Calls.Log);
    }

    [Fact]
    public async Task Post_UnknownFieldsAndTypes_AreAcceptedNotRejected()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var json = JsonNode.Parse(ActivityBuilder.Of("someFutureType").ToJson())!;
        json["brandNewField"] = new JsonObject { ["x"] = 1 };
        var response = await host.PostAsync(json.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Calls.Log);
    }

    [Fact]
    public async Task Post_ActionExecuteInvoke_ReturnsInvokeResponseInBody()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var json = ActivityBuilder.Of("invoke").WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb = "refresh", data = new { period = "year" } } }).ToJson();
        var response = await host.PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("AdaptiveCard", body.RootElement.GetProperty("value").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Post_HandlerThrows_Answers500WithoutExceptionText()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var response = await host.PostAsync(ActivityBuilder.Message("boom").ToJson());
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret internal detail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_ProbeFromPlayground_Answers200()
    {
        await using var host = await EndpointTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/messages");
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// Seeded mutations of real activities (truncation, byte flips, wrong JSON types, deep nesting): every answer
    /// is 200 or 400, never a 5xx. The large-volume run lives in bench/; this keeps the property in every test run.
    /// </summary>
    [Fact]
    public async Task Post_MutatedActivities_NeverAnswer5xx()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var random = new Random(20261127);
        var seeds = new[]
        {
            ActivityBuilder.Message("log deal 120000 Acme").ToJson(),
            ActivityBuilder.Message("help").InChannel().MentioningBot().ToJson(),
            ActivityBuilder.Of("invoke").WithName("adaptiveCard/action").WithValue(new { action = new { type = "Action.Execute", verb = "refresh", data = new { period = "week" } } }).ToJson(),
            ActivityBuilder.Of("installationUpdate").WithAction("add").ToJson(),
            ActivityBuilder.Message(null).WithValue(new { verb = "refresh", period = "month" }).WithReplyToId("x").ToJson(),
        };

        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 1500; i++)
        {
            var body = Mutations.Mutate(seeds[i % seeds.Length], random);
            var response = await host.PostAsync(body);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            Assert.True((int)response.StatusCode < 500, $"Mutation {i} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }

        // Both kinds of answer must have happened, or the mutations are too weak or too strong to test anything.
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 100, "too few mutated activities were still valid");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 100, "too few mutated activities were rejected");
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
