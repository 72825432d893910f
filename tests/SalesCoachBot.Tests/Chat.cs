using System.Collections;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests;

/// <summary>
/// Talks to a <see cref="SalesCoachBotApplication"/> the way Teams does and hands back what each turn produced, so a
/// feature test reads like the conversation it checks:
/// <code>
/// var chat = app.Chat();
/// var replies = await chat.SendAsync(ActivityBuilder.Message("targets").WithLocale("zh-CN"));
/// Assert.Equal("本月 · 2026年11月", replies.Single().CardTitle());
/// var action = await chat.SendAsync(ActivityBuilder.Of("invoke").WithName("adaptiveCard/action").WithValue(...));
/// Assert.Contains("Q4 2026", action.InvokeCardText());
/// </code>
/// Activities go through POST /api/messages (authentication, parsing, routing) and the replies come from the fake
/// connector (<see cref="SalesCoachBotApplication.Connector"/>) that the real connector client posted them to.
/// </summary>
public sealed class Chat(SalesCoachBotApplication app)
{
    /// <summary>
    /// False (the default) fails the test when a turn crashed and the bot apologised, so a feature test can never pass
    /// on a crash; tests of the apology itself set it.
    /// </summary>
    public bool AllowFailedTurns { get; init; }

    /// <summary>Sends a message from Alice in her 1:1 chat (the <see cref="ActivityBuilder"/> defaults).</summary>
    public Task<Replies> SendAsync(string text) => SendAsync(ActivityBuilder.Message(text));

    /// <summary>
    /// Sends one activity and returns what the bot sent, updated and answered during the turn. Fails the test when
    /// the bot refused the request (401/403) or the turn crashed and not even its apology got out (5xx); a crash the bot
    /// apologised for is a 200 with the apology among the replies. Other statuses are in <see cref="Replies.Status"/>.
    /// </summary>
    public async Task<Replies> SendAsync(ActivityBuilder activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var before = app.Connector.Requests.Count;
        using var response = await app.PostActivityAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)response.StatusCode >= 500)
        {
            Assert.Fail($"The bot answered {(int)response.StatusCode} {response.StatusCode} to the {activity.Build().Type}: {body}");
        }

        // The turn's sends and updates finished before the HTTP response; anything later is a background job's. The outbox
        // dispatcher may already send a message the turn enqueued (a 1:1 note) before the response: that is not a reply,
        // so messages posted into another conversation do not count (a turn only answers in its own conversation or a
        // thread of it; updates in place elsewhere, such as a manager's copy, do).
        var conversation = Root(activity.Build().Conversation?.Id);
        var requests = app.Connector.Requests.Skip(before)
            .Where(r => r.Operation is not (FakeConnectorOperation.Send or FakeConnectorOperation.Reply)
                || r.ConversationId is null || conversation is null || Root(r.ConversationId) == conversation)
            .ToList();
        var invoke = body.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(body) : null;
        var replies = new Replies(requests, response.StatusCode, invoke);
        if (!AllowFailedTurns && CrashApology(replies) is { } apology)
        {
            Assert.Fail($"The turn crashed; the bot apologised: {apology}");
        }

        return replies;
    }

    // A channel thread is the channel's id with ";messageid=…"; replies in the thread belong to the channel's turn.
    private static string? Root(string? conversationId) => conversationId?.Split(';')[0];

    /// <summary>The apology of a crashed turn among the replies (text or invoke error), or null.</summary>
    private string? CrashApology(Replies replies)
    {
        var text = app.Services.GetRequiredService<BotText>();
        // The apology up to its reference id, in every language: "Sorry, something went wrong on my side…".
        var openings = BotText.Locales.Select(l => text.Get(l, ErrorsTextKeys.TurnFailed, "\u0000").Split('\u0000')[0]).ToList();
        bool IsApology(string? value) => value is not null && openings.Any(o => value.StartsWith(o, StringComparison.Ordinal));
        return replies.Select(r => r.Text).FirstOrDefault(IsApology)
            ?? (replies.InvokeResponse?["type"]?.GetValue<string>() == "application/vnd.microsoft.error" ? replies.InvokeResponse.ToJsonString() : null);
    }
}

/// <summary>What the bot did during one turn: the activities it sent (this list, in order), the cards it updated and its invoke answer.</summary>
public sealed class Replies(IReadOnlyList<RecordedRequest> requests, HttpStatusCode status, JsonNode? invokeResponse) : IReadOnlyList<Activity>
{
    private readonly List<Activity> _sent = requests
        .Where(r => r.Operation is FakeConnectorOperation.Send or FakeConnectorOperation.Reply or FakeConnectorOperation.CreateConversation
            && r.StatusCode is >= 200 and < 300 && r.Activity is not null)
        .Select(r => r.Activity!)
        .ToList();

    /// <summary>The HTTP status of /api/messages (200 for a message; the invoke's own status for an invoke).</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>Every connector request of the turn (sends, updates, roster reads …).</summary>
    public IReadOnlyList<RecordedRequest> Requests { get; } = requests;

    /// <summary>Activities the bot replaced in place (ActivityId says which).</summary>
    public IReadOnlyList<RecordedRequest> Updated { get; } =
        [.. requests.Where(r => r.Operation == FakeConnectorOperation.Update && r.StatusCode is >= 200 and < 300)];

    /// <summary>The invoke response body (adaptiveCard/action and other invokes), or null for a message.</summary>
    public JsonNode? InvokeResponse { get; } = invokeResponse;

    public int Count => _sent.Count;

    public Activity this[int index] => _sent[index];

    /// <summary>The card an Action.Execute answered with (the invoke response of type card.adaptive).</summary>
    public JsonNode InvokeCard()
    {
        Assert.True(InvokeResponse is not null, "The turn had no invoke response.");
        Assert.Equal("application/vnd.microsoft.card.adaptive", InvokeResponse!["type"]?.GetValue<string>());
        return InvokeResponse["value"]!;
    }

    /// <summary>Every string on the invoke response's card, one per line (like <see cref="CardText"/>).</summary>
    public string InvokeCardText() => ChatAssertions.Strings(InvokeCard());

    /// <summary>The message an Action.Execute answered with (the invoke response of type activity.message).</summary>
    public string InvokeMessage()
    {
        Assert.True(InvokeResponse is not null, "The turn had no invoke response.");
        Assert.Equal("application/vnd.microsoft.activity.message", InvokeResponse!["type"]?.GetValue<string>());
        return InvokeResponse["value"]!.GetValue<string>();
    }

    public IEnumerator<Activity> GetEnumerator() => _sent.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Reading what the bot sent.</summary>
public static class ChatAssertions
{
    /// <summary>The activity's single attachment, which must be an Adaptive Card, as JSON.</summary>
    public static JsonNode Card(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var attachment = Assert.Single(activity.Attachments ?? []);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        return JsonSerializer.SerializeToNode(attachment.Content, BotJson.Options)!;
    }

    /// <summary>The text of the card's first body element (every card of the bot starts with its title).</summary>
    public static string CardTitle(this Activity activity) => activity.Card()["body"]![0]!["text"]!.GetValue<string>();

    /// <summary>Every string on the activity's card, one per line: what a person can read on it.</summary>
    public static string CardText(this Activity activity) => SalesCoachBot.Testing.CardText.Of(activity);

    internal static string Strings(JsonNode node)
    {
        var texts = new List<string>();
        Collect(node, texts);
        return string.Join('\n', texts);
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                texts.Add(value.GetValue<string>());
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, texts);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, texts);
                }

                break;
        }
    }
}
