using Hangfire;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// Applies every declared recurring job at start. AddOrUpdate by id is idempotent, so every instance may do it;
/// a duplicate id is a programming error and stops the start.
/// </summary>
internal sealed partial class RecurringJobRegistrar(
    IEnumerable<IRecurringJobDefinition> definitions,
    IRecurringJobManager manager,
    ILogger<RecurringJobRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Apply();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal void Apply()
    {
        var all = definitions.ToList();
        var duplicate = all.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Recurring job id '{duplicate.Key}' is declared twice.");
        }

        foreach (var definition in all)
        {
            definition.Apply(manager);
            LogRegistered(logger, definition.Id, definition.Cron, definition.TimeZone.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {JobId} scheduled at '{Cron}' ({TimeZone})")]
    private static partial void LogRegistered(ILogger logger, string jobId, string cron, string timeZone);
}
