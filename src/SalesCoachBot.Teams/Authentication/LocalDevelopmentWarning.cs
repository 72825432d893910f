using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Authentication;

/// <summary>Says loudly at start that the bot accepts unauthenticated (loopback) requests, so a deployment without an app id is noticed.</summary>
internal sealed partial class LocalDevelopmentWarning(IOptions<TeamsBotOptions> options, ILogger<LocalDevelopmentWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsLocalDevelopment)
        {
            LogRunningWithoutAuthentication(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Bot:AppId configured: the bot runs WITHOUT authentication (local development) and accepts only loopback callers with a loopback serviceUrl")]
    private static partial void LogRunningWithoutAuthentication(ILogger logger);
}
