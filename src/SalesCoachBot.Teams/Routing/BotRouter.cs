using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Teams.Routing;

/// <summary>
/// Sends a turn to its handler, first match wins: invoke by name → card action by verb → conversation events
/// by activity type → text command by its command word (<see cref="BotRoutes.MatchCommand"/>: normalised text, longest
/// word first, no space needed after a CJK word) → fallback.
/// </summary>
public sealed class BotRouter
{
    private readonly BotRoutes _routes;

    /// <summary>Creates the router over the start-time route table.</summary>
    public BotRouter(BotRoutes routes) => _routes = routes;

    /// <summary>Runs the middleware, then the matching handler.</summary>
    public Task RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return RunAsync(turn, 0, cancellationToken);
    }

    private Task RunAsync(TurnContext turn, int index, CancellationToken cancellationToken)
    {
        if (index < _routes.Middleware.Count)
        {
            var middleware = (ITurnMiddleware)turn.Services.GetRequiredService(_routes.Middleware[index]);
            return middleware.OnTurnAsync(turn, () => RunAsync(turn, index + 1, cancellationToken), cancellationToken);
        }

        return DispatchAsync(turn, cancellationToken);
    }

    private async Task DispatchAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Invoke:
                turn.InvokeResponse = await InvokeAsync(turn, cancellationToken).ConfigureAwait(false);
                return;

            case ActivityTypes.Message:
                if (TryReadSubmit(activity, out var submit))
                {
                    await SubmitAsync(turn, submit, cancellationToken).ConfigureAwait(false);
                    return;
                }

                var (word, arguments) = _routes.MatchCommand(turn.CommandText);
                if (word is not null && _routes.Commands.TryGetValue(word, out var command))
                {
                    turn.CommandWord = word;
                    var handler = (ICommandHandler)turn.Services.GetRequiredService(command);
                    await handler.HandleAsync(turn, arguments, cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (_routes.Fallback is { } fallback)
                {
                    await ((ITurnHandler)turn.Services.GetRequiredService(fallback)).HandleAsync(turn, cancellationToken).ConfigureAwait(false);
                }

                return;

            default:
                if (activity.Type is not null && _routes.ActivityHandlers.TryGetValue(activity.Type, out var eventHandler))
                {
                    await ((ITurnHandler)turn.Services.GetRequiredService(eventHandler)).HandleAsync(turn, cancellationToken).ConfigureAwait(false);
                }

                return;
        }
    }

    /// <summary>
    /// Splits "Log deal 100" into ("Log", "deal 100") at the first white space; null word for empty text. For reading
    /// sub-commands in arguments; the router itself matches registered words with <see cref="BotRoutes.MatchCommand"/>.
    /// </summary>
    public static (string? Word, string Arguments) SplitCommand(string text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return (null, string.Empty);
        }

        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        return (trimmed[..end], trimmed[end..].Trim());
    }

    private async Task<InvokeResponse> InvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var name = turn.Activity.Name;
        if (string.Equals(name, BotRoutes.AdaptiveCardActionInvoke, StringComparison.OrdinalIgnoreCase))
        {
            if (!TryReadExecute(turn.Activity, out var action))
            {
                return InvokeResponse.BadRequest("The action has no verb.");
            }

            if (!_routes.CardActions.TryGetValue(action.Verb, out var handlerType))
            {
                return InvokeResponse.BadRequest("Unknown action.");
            }

            var handler = (ICardActionHandler)turn.Services.GetRequiredService(handlerType);
            var result = await handler.HandleAsync(turn, action, cancellationToken).ConfigureAwait(false);
            return result switch
            {
                { Card: { } card } => InvokeResponse.Card(card),
                { Message: { } message } => InvokeResponse.Message(message),
                _ => InvokeResponse.Ok,
            };
        }

        if (name is not null && _routes.Invokes.TryGetValue(name, out var invokeType))
        {
            return await ((IInvokeHandler)turn.Services.GetRequiredService(invokeType)).HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        return InvokeResponse.Unsupported;
    }

    private async Task SubmitAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var handler = (ICardActionHandler)turn.Services.GetRequiredService(_routes.CardActions[action.Verb]);
        var result = await handler.HandleAsync(turn, action, cancellationToken).ConfigureAwait(false);
        if (result.Card is { } card)
        {
            var replacement = Activity.CreateCard(card);
            if (turn.Activity.ReplyToId is { Length: > 0 } cardActivityId)
            {
                await turn.UpdateAsync(cardActivityId, replacement, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await turn.SendAsync(replacement, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (result.Message is { } message)
        {
            await turn.SendTextAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    // Action.Submit: a message whose value carries the verb (our cards always put it in data).
    private bool TryReadSubmit(Activity activity, out CardAction action)
    {
        action = null!;
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String
            || verb.GetString() is not { Length: > 0 } name || !_routes.CardActions.ContainsKey(name))
        {
            return false;
        }

        action = new CardAction(name, value, IsInvoke: false);
        return true;
    }

    // Action.Execute: invoke value {action:{type, verb, data}}; inputs are merged into data by the client.
    private static bool TryReadExecute(Activity activity, out CardAction action)
    {
        action = null!;
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var act) || act.ValueKind != JsonValueKind.Object
            || !act.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String
            || verb.GetString() is not { Length: > 0 } name)
        {
            return false;
        }

        var data = act.TryGetProperty("data", out var d) ? d : default;
        action = new CardAction(name, data, IsInvoke: true);
        return true;
    }
}
