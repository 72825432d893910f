using Hangfire.Logging;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// Hangfire keeps one process-wide log provider, set by the last host that configured it. When that host is disposed
/// (a test host, or the app during shutdown) while another Hangfire server in the process still logs, the logger factory
/// underneath throws ObjectDisposedException inside Hangfire's workers. This provider drops those late lines instead.
/// </summary>
internal sealed class HostBoundLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name) => new DisposalTolerantLog(_inner, name);

    private sealed class DisposalTolerantLog(Hangfire.AspNetCore.AspNetCoreLogProvider provider, string name) : ILog
    {
        private ILog? _log;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _log ??= provider.GetLogger(name);
                return _log.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
