using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Teams.Routing;
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
    public async Task Post_HandlerThrowsWithNoApologyRegistered_SendsTheDefaultApologyWithTheLoggedReferenceId()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var sent = new List<Activity>();
        host.Connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), Moq.Capture.In(sent), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("sent"));

        var response = await host.PostAsync(ActivityBuilder.Message("boom").ToJson());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(sent);
        var referenceId = ReferenceIn(apology.Text);
        Assert.StartsWith("Sorry, something went wrong", apology.Text, StringComparison.Ordinal);
        Assert.Equal("plain", apology.TextFormat);
        Assert.DoesNotContain("secret internal detail", apology.Text, StringComparison.Ordinal);
        var logged = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(referenceId, logged.Message, StringComparison.Ordinal);
        Assert.Equal("secret internal detail 42", Assert.IsType<InvalidOperationException>(logged.Exception).Message);
    }

    [Fact]
    public async Task Post_CardActionThrows_AnswersAnErrorInvokeResponseWithTheApology()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var json = ActivityBuilder.Of("invoke").WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb = "boom", data = new { } } }).ToJson();

        var response = await host.PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret internal detail", text, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(text);
        Assert.Equal(500, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        var message = body.RootElement.GetProperty("value").GetProperty("message").GetString()!;
        Assert.StartsWith("Sorry, something went wrong", message, StringComparison.Ordinal);
        Assert.Contains(ReferenceIn(message), Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error).Message, StringComparison.Ordinal);
        // The invoke is answered in its body; nothing is sent into the conversation.
        host.Connector.Verify(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Post_HandlerThrowsWithAnApologyRegistered_SendsTheAppsWordsInTheTurnsLocale()
    {
        await using var host = await EndpointTestHost.StartAsync(routes: r => r.OnTurnError<LocaleApology>());
        var sent = new List<Activity>();
        host.Connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), Moq.Capture.In(sent), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("sent"));

        var response = await host.PostAsync(ActivityBuilder.Message("boom").WithLocale("zh-CN").ToJson());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^zh-CN: [0-9A-F]{10}$", Assert.Single(sent).Text);
    }

    [Fact]
    public async Task Post_HandlerThrowsAndTheApologyCannotBeSent_LogsBothAndAnswers500WithoutExceptionText()
    {
        await using var host = await EndpointTestHost.StartAsync();
        host.Connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(ConnectorFailure.Blocked, HttpStatusCode.Forbidden, "blocked"));

        var response = await host.PostAsync(ActivityBuilder.Message("boom").ToJson());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret internal detail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // One try at the apology, no loop.
        host.Connector.Verify(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
        var errors = host.Logs.Entries.Where(e => e.Level == LogLevel.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.IsType<InvalidOperationException>(errors[0].Exception);
        Assert.IsType<ConnectorException>(errors[1].Exception);
    }

    [Fact]
    public void RegisterTurnError_Twice_Throws()
    {
        var routes = new ServiceCollection().AddTeamsBot().OnTurnError<LocaleApology>();
        Assert.Throws<InvalidOperationException>(() => routes.OnTurnError<LocaleApology>());
    }

    private static string ReferenceIn(string? text)
    {
        var match = Regex.Match(text ?? "", "reference ([0-9A-F]{10})");
        Assert.True(match.Success, $"No reference id in: {text}");
        return match.Groups[1].Value;
    }

    private sealed class LocaleApology : ITurnErrorReply
    {
        public string Apology(TurnContext turn, string referenceId) => $"{turn.Locale}: {referenceId}";
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
