using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Teams.Tests.Routing;

/// <summary>Routes activities through a real router with handlers that record what reached them.</summary>
internal sealed class RouterTestHost
{
    private readonly ServiceProvider _provider;

    public RouterTestHost(Action<BotRoutes> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<Calls>();
        var routes = services.AddTeamsBot();
        register(routes);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("sent-1"));
        Connector.Setup(c => c.UpdateActivityAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("updated"));
    }

    public Mock<IConnectorClient> Connector { get; } = new();

    public Calls Calls => _provider.GetRequiredService<Calls>();

    public async Task<TurnContext> RouteAsync(string activityJson)
    {
        var activity = System.Text.Json.JsonSerializer.Deserialize<Activity>(activityJson, BotJson.Options)!;
        await using var scope = _provider.CreateAsyncScope();
        var turn = new TurnContext(activity, Connector.Object, scope.ServiceProvider);
        await _provider.GetRequiredService<BotRouter>().RouteAsync(turn, CancellationToken.None);
        return turn;
    }
}

internal sealed class Calls
{
    public List<string> Log { get; } = [];
}

internal sealed class LogCommand(Calls calls) : ICommandHandler
{
    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        calls.Log.Add($"log:{arguments}");
        return Task.CompletedTask;
    }
}

internal sealed class HelpCommand(Calls calls) : ICommandHandler
{
    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        calls.Log.Add($"help:{arguments}");
        return Task.CompletedTask;
    }
}

/// <summary>Records the command word the router matched and the arguments.</summary>
internal sealed class WordCommand(Calls calls) : ICommandHandler
{
    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        calls.Log.Add($"{turn.CommandWord}:{arguments}");
        return Task.CompletedTask;
    }
}

/// <summary>The same as <see cref="WordCommand"/>, for a second command in the same table.</summary>
internal sealed class OtherWordCommand(Calls calls) : ICommandHandler
{
    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        calls.Log.Add($"other {turn.CommandWord}:{arguments}");
        return Task.CompletedTask;
    }
}

internal sealed class Fallback(Calls calls) : ITurnHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        calls.Log.Add($"fallback:{turn.CommandText}");
        return Task.CompletedTask;
    }
}

internal sealed class InstallHandler(Calls calls) : ITurnHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        calls.Log.Add($"install:{turn.Activity.Action}");
        return Task.CompletedTask;
    }
}

internal sealed class PingInvoke(Calls calls) : IInvokeHandler
{
    public Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        calls.Log.Add("invoke:ping");
        return Task.FromResult(InvokeResponse.Message("pong"));
    }
}

/// <summary>Answers "refresh" with a new card and "say" with a text, recording the data it got.</summary>
internal sealed class CounterAction(Calls calls) : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        calls.Log.Add($"action:{action.Verb}:{action.GetString("period")}:{(action.IsInvoke ? "execute" : "submit")}");
        return Task.FromResult(action.Verb == "say"
            ? CardActionResult.Text("said")
            : CardActionResult.UpdateCard(new { type = "AdaptiveCard", version = "1.5", body = Array.Empty<object>() }));
    }
}

/// <summary>Records that it ran, then lets the turn go on unless the text says "stop".</summary>
internal sealed class Gate(Calls calls) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken)
    {
        calls.Log.Add("gate");
        if (turn.CommandText != "stop")
        {
            await next();
        }
    }
}
