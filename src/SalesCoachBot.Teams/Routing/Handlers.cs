using System.Text.Json;

namespace SalesCoachBot.Teams.Routing;

/// <summary>Answers a text command (the first word of a message).</summary>
public interface ICommandHandler
{
    /// <summary>Handles the command; <paramref name="arguments"/> is the text after the command word.</summary>
    Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken);
}

/// <summary>
/// Answers a card button by its verb. Action.Execute (invoke) and its Action.Submit fallback (message with value)
/// arrive here alike; the router turns the result into the invoke response or a card update.
/// </summary>
public interface ICardActionHandler
{
    /// <summary>Handles the action.</summary>
    Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken);
}

/// <summary>Answers an invoke by name; sets nothing on the turn, returns the response.</summary>
public interface IInvokeHandler
{
    /// <summary>Handles the invoke.</summary>
    Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Handles a non-message activity type (conversationUpdate, installationUpdate, …) or the fallback.</summary>
public interface ITurnHandler
{
    /// <summary>Handles the turn.</summary>
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Runs around every routed turn, in registration order (e.g. to look up the member).</summary>
public interface ITurnMiddleware
{
    /// <summary>Does its work and calls <paramref name="next"/> to go on, or does not to stop the turn.</summary>
    Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken);
}

/// <summary>A card button press: its verb and the data and inputs it carried.</summary>
public sealed record CardAction(string Verb, JsonElement Data, bool IsInvoke)
{
    /// <summary>A string field of the data, or null.</summary>
    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}

/// <summary>What a card action answers: a replacement card, a text message, or nothing.</summary>
public sealed record CardActionResult(object? Card, string? Message)
{
    /// <summary>Replace the card in place.</summary>
    public static CardActionResult UpdateCard(object card) => new(card, null);
    /// <summary>Answer with a text.</summary>
    public static CardActionResult Text(string message) => new(null, message);
    /// <summary>Nothing to show.</summary>
    public static CardActionResult None { get; } = new(null, null);
}

/// <summary>The HTTP body answer to an invoke activity.</summary>
public sealed record InvokeResponse(int Status, object? Body)
{
    /// <summary>The invoke response carrying an updated Adaptive Card (Universal Actions).</summary>
    public static InvokeResponse Card(object card) =>
        new(200, new AdaptiveCardInvokeResponse(200, "application/vnd.microsoft.card.adaptive", card));

    /// <summary>The invoke response carrying a message the client shows.</summary>
    public static InvokeResponse Message(string text) =>
        new(200, new AdaptiveCardInvokeResponse(200, "application/vnd.microsoft.activity.message", text));

    /// <summary>200 with no body.</summary>
    public static InvokeResponse Ok { get; } = new(200, null);

    /// <summary>
    /// No handler for this invoke name: a clear 400 rather than a 5xx, so unknown or mistyped invokes
    /// read as bad input, not as a server fault.
    /// </summary>
    public static InvokeResponse Unsupported { get; } =
        new(400, new AdaptiveCardInvokeResponse(400, "application/vnd.microsoft.error", new InvokeError("BadRequest", "This invoke is not supported.")));

    /// <summary>
    /// A failed turn's invoke answer: an error (status 500 in the body) with a message the card shows. The HTTP answer
    /// itself is 200, so the client reads the body and shows the message rather than reporting the call as lost.
    /// </summary>
    public static InvokeResponse Error(string message) =>
        new(200, new AdaptiveCardInvokeResponse(500, "application/vnd.microsoft.error", new InvokeError("InternalServerError", message)));

    /// <summary>A 400 answer with a reason the client can show.</summary>
    public static InvokeResponse BadRequest(string message) =>
        new(400, new AdaptiveCardInvokeResponse(400, "application/vnd.microsoft.error", new InvokeError("BadRequest", message)));
}

/// <summary>The error value of an invoke response.</summary>
public sealed record InvokeError(string Code, string Message);

/// <summary>Body of an adaptiveCard/action invoke response.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, object? Value);
