using Hangfire;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// Runs the Hangfire server unless Scheduling:Enabled is false. Decided at start rather than at registration, so
/// configuration added by a test host or the environment still counts.
/// </summary>
internal sealed partial class JobServerHost(
    IOptions<SchedulingOptions> options,
    IServiceProvider services,
    ILogger<JobServerHost> logger) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return Task.CompletedTask;
        }

        var storage = services.GetRequiredService<JobStorage>();
        var sqlite = storage.GetType().Name.Contains("SQLite", StringComparison.OrdinalIgnoreCase);
        var serverOptions = new BackgroundJobServerOptions
        {
            WorkerCount = settings.EffectiveWorkerCount(sqlite),
            Activator = services.GetRequiredService<JobActivator>(),
            FilterProvider = services.GetService<Hangfire.Common.IJobFilterProvider>(),
            TimeZoneResolver = services.GetService<ITimeZoneResolver>(),
            SchedulePollingInterval = settings.QueuePollInterval,
        };
        _server = new BackgroundJobServer(serverOptions, storage);
        LogStarted(logger, serverOptions.WorkerCount);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop and Dispose can both come during a host's shutdown, in either order: whichever takes the server first
        // owns it, so a stop after the dispose is a no-op rather than an ObjectDisposedException.
        var server = Interlocked.Exchange(ref _server, null);
        if (server is null)
        {
            return;
        }

        try
        {
            server.SendStop();
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            server.Dispose();
        }
    }

    public void Dispose() => Interlocked.Exchange(ref _server, null)?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduling is disabled on this instance (Scheduling:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hangfire server started with {Workers} worker(s)")]
    private static partial void LogStarted(ILogger logger, int workers);
}
