using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Localization;

/// <summary>
/// A turn that throws answers the person, over HTTP through the real app: a test-only command and card verb throw
/// an exception whose text must never reach the person, and the log must carry the same reference id and the exception.
/// </summary>
public sealed partial class TurnErrorApologyTests
{
    private const string Secret = "secret internal detail 7";

    [Theory]
    [InlineData("en-US", "Sorry, something went wrong on my side")]
    [InlineData("zh-CN", "抱歉，我这边出了问题")]
    public async Task Message_HandlerThrows_ApologisesInThePersonsLanguageWithTheLoggedReferenceId(string locale, string opening)
    {
        await using var app = new CrashingApplication();

        var replies = await app.Chat(allowFailedTurns: true).SendAsync(ActivityBuilder.Message(CrashingCommand.Word).WithLocale(locale));

        Assert.Equal(HttpStatusCode.OK, replies.Status);
        var apology = Assert.Single(replies);
        Assert.StartsWith(opening, apology.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, apology.Text, StringComparison.Ordinal);
        var referenceId = ReferenceId().Match(apology.Text!).Value;
        Assert.Matches("^[0-9A-F]{10}$", referenceId);
        var logged = Assert.Single(app.Logs, l => l.Message.Contains(referenceId, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Equal(Secret, Assert.IsType<InvalidOperationException>(logged.Exception).Message);
    }

    [Theory]
    [InlineData("en-US", "Sorry, something went wrong on my side")]
    [InlineData("zh-CN", "抱歉，我这边出了问题")]
    public async Task CardAction_HandlerThrows_AnswersAnErrorTheCardShowsWithTheLoggedReferenceId(string locale, string opening)
    {
        await using var app = new CrashingApplication();

        var replies = await app.Chat(allowFailedTurns: true).SendAsync(ActivityBuilder.Of("invoke").WithName(BotRoutes.AdaptiveCardActionInvoke).WithLocale(locale)
            .WithValue(new { action = new { type = "Action.Execute", verb = CrashingAction.Verb, data = new { } } }));

        Assert.Empty(replies);
        var invoke = replies.InvokeResponse!;
        Assert.Equal(500, invoke["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", invoke["type"]!.GetValue<string>());
        var message = invoke["value"]!["message"]!.GetValue<string>();
        Assert.StartsWith(opening, message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, message, StringComparison.Ordinal);
        var referenceId = ReferenceId().Match(message).Value;
        var logged = Assert.Single(app.Logs, l => l.Message.Contains(referenceId, StringComparison.Ordinal));
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [GeneratedRegex("[0-9A-F]{10}$")]
    private static partial Regex ReferenceId();

    /// <summary>The app with a command and a card verb that throw, and every log entry collected.</summary>
    private sealed class CrashingApplication : SalesCoachBotApplication
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Logs { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<ILoggerProvider>(new CollectingProvider(Logs));
            var routes = (BotRoutes)services.Single(d => d.ServiceType == typeof(BotRoutes)).ImplementationInstance!;
            routes.OnCommand<CrashingCommand>(CrashingCommand.Word).OnCardAction<CrashingAction>(CrashingAction.Verb);
        }
    }

    private sealed class CrashingCommand : ICommandHandler
    {
        public const string Word = "test-crash";

        public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }

    private sealed class CrashingAction : ICardActionHandler
    {
        public const string Verb = "test.crash";

        public Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }

    private sealed class CollectingProvider(ConcurrentQueue<(LogLevel, string, Exception?)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CollectingLogger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class CollectingLogger(ConcurrentQueue<(LogLevel, string, Exception?)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
