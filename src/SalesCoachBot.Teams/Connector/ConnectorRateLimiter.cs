namespace SalesCoachBot.Teams.Connector;

/// <summary>
/// At most <paramref name="Limit"/> requests in any window of length <paramref name="Span"/>.
/// <paramref name="Pacing"/> marks a window of our own that only spreads requests out: it gets no safety margin.
/// </summary>
internal readonly record struct RateWindow(int Limit, TimeSpan Span, bool Pacing = false);

/// <summary>Which Teams budget a call draws on besides the per-app one.</summary>
internal enum RateBudget
{
    /// <summary>Send, reply, update, delete, create conversation: per conversation.</summary>
    Send,
    /// <summary>Member and team look-ups: per conversation or team.</summary>
    Roster,
}

/// <summary>
/// The windows the limiter enforces. <paramref name="AppWindows"/> apply per tenant (Teams counts a bot's calls per
/// app and tenant); at most <paramref name="MaxTenantPartitions"/> tenants have a budget of their own at a time.
/// </summary>
internal sealed record RateLimits(
    IReadOnlyList<RateWindow> SendWindows,
    IReadOnlyList<RateWindow> RosterWindows,
    IReadOnlyList<RateWindow> AppWindows,
    TimeSpan SafetyMargin,
    int MaxTenantPartitions = RateLimits.DefaultMaxTenantPartitions)
{
    /// <summary>Tenants with a budget of their own at one time; far more than one instance serves in a second.</summary>
    public const int DefaultMaxTenantPartitions = 10_000;

    /// <summary>Teams' published per-bot-per-conversation limits for sends and create conversation.</summary>
    public static readonly IReadOnlyList<RateWindow> TeamsSendWindows =
        [new(7, TimeSpan.FromSeconds(1)), new(8, TimeSpan.FromSeconds(2)), new(60, TimeSpan.FromSeconds(30)), new(1800, TimeSpan.FromHours(1))];

    /// <summary>Teams' published per-bot-per-conversation limits for member look-ups.</summary>
    public static readonly IReadOnlyList<RateWindow> TeamsRosterWindows =
        [new(14, TimeSpan.FromSeconds(1)), new(16, TimeSpan.FromSeconds(2)), new(120, TimeSpan.FromSeconds(30)), new(3600, TimeSpan.FromHours(1))];

    public static RateLimits FromOptions(ConnectorOptions options) => new(
        TeamsSendWindows,
        TeamsRosterWindows,
        PacedAppWindows(options.AppRequestsPerSecond),
        options.RateLimitSafetyMargin);

    /// <summary>
    /// The per-app limit, paced in tenths of a second: a whole second's budget sent at once arrives spread out by
    /// queueing, and the next second's burst would then meet its tail inside the service's window.
    /// </summary>
    public static IReadOnlyList<RateWindow> PacedAppWindows(int perSecond) =>
        perSecond >= 10
            ? [new(perSecond, TimeSpan.FromSeconds(1)), new(perSecond / 10, TimeSpan.FromMilliseconds(100), Pacing: true)]
            : [new(perSecond, TimeSpan.FromSeconds(1))];
}

/// <summary>
/// Client-side throttle that keeps the bot under Teams' limits so 429s stay rare.
/// Each call reserves the earliest instant at which every window it falls under (its conversation's and its tenant's
/// share of the app budget) still has room, records that instant, and waits until then on the <see cref="TimeProvider"/>.
/// Reservations are FIFO per key, so a log only needs its newest entries (as many as the largest limit) and stays sorted.
/// Teams limits a bot per app and tenant, so each tenant draws on an app budget of its own; a call that names no tenant,
/// or arrives while <see cref="RateLimits.MaxTenantPartitions"/> tenants are busy, shares one budget, which is only
/// conservative. Idle tenants are forgotten like idle conversations.
/// </summary>
internal sealed class ConnectorRateLimiter
{
    // Idle keys are dropped once nothing in them can matter any more; sweeping this often keeps the scan cheap.
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly RateLimits _limits;
    private readonly bool _enabled;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ReservationLog> _sendLogs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReservationLog> _rosterLogs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReservationLog> _tenantLogs = new(StringComparer.OrdinalIgnoreCase);
    private readonly ReservationLog _sharedAppLog;
    private readonly long _marginTicks;
    private long _nextSweep;

    public ConnectorRateLimiter(TimeProvider time, RateLimits limits, bool enabled = true)
    {
        _time = time;
        _limits = limits;
        _enabled = enabled;
        _marginTicks = limits.SafetyMargin.Ticks;
        _sharedAppLog = new ReservationLog(MaxLimit(limits.AppWindows));
        _nextSweep = NowTicks() + SweepInterval.Ticks;
    }

    /// <summary>Conversations and teams currently remembered (for tests of the memory bound).</summary>
    public int TrackedKeyCount
    {
        get
        {
            lock (_gate)
            {
                return _sendLogs.Count + _rosterLogs.Count;
            }
        }
    }

    /// <summary>Tenants currently holding an app budget of their own (for tests of the memory bound).</summary>
    public int TrackedTenantCount
    {
        get
        {
            lock (_gate)
            {
                return _tenantLogs.Count;
            }
        }
    }

    /// <summary>Waits until the call may go out. Cancelling gives up the wait (the reserved slot stays used, which is only conservative).</summary>
    public Task AcquireAsync(RateBudget budget, string? key, string? tenantId, CancellationToken cancellationToken)
    {
        var wait = Reserve(budget, key, tenantId);
        return wait > TimeSpan.Zero ? Task.Delay(wait, _time, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Reserves the next slot and returns how long to wait for it; no tenant means the shared app budget.</summary>
    public TimeSpan Reserve(RateBudget budget, string? key, string? tenantId = null)
    {
        if (!_enabled)
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            var now = NowTicks();
            if (now >= _nextSweep)
            {
                Sweep(now);
            }

            var appLog = AppLogOf(tenantId, now);
            var slot = Math.Max(now, EarliestSlot(appLog, _limits.AppWindows));
            ReservationLog? keyLog = null;
            var windows = budget == RateBudget.Send ? _limits.SendWindows : _limits.RosterWindows;
            if (!string.IsNullOrEmpty(key))
            {
                var logs = budget == RateBudget.Send ? _sendLogs : _rosterLogs;
                if (!logs.TryGetValue(key, out keyLog))
                {
                    keyLog = new ReservationLog(MaxLimit(windows));
                    logs.Add(key, keyLog);
                }

                slot = Math.Max(slot, EarliestSlot(keyLog, windows));
            }

            appLog.Add(slot);
            keyLog?.Add(slot);
            return TimeSpan.FromTicks(slot - now);
        }
    }

    private ReservationLog AppLogOf(string? tenantId, long now)
    {
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            return _sharedAppLog;
        }

        if (_tenantLogs.TryGetValue(tenantId, out var log))
        {
            return log;
        }

        if (_tenantLogs.Count >= _limits.MaxTenantPartitions)
        {
            SweepLogs(_tenantLogs, now - Longest(_limits.AppWindows) - _marginTicks);
            if (_tenantLogs.Count >= _limits.MaxTenantPartitions)
            {
                // Still full of busy tenants: sharing one budget can only be slower, never over a limit.
                return _sharedAppLog;
            }
        }

        log = new ReservationLog(MaxLimit(_limits.AppWindows));
        _tenantLogs.Add(tenantId, log);
        return log;
    }

    // Appending t keeps every window valid iff t >= (L-th newest entry) + span for each window, and t >= newest (FIFO).
    private long EarliestSlot(ReservationLog log, IReadOnlyList<RateWindow> windows)
    {
        var earliest = log.Count > 0 ? log.FromEnd(1) : long.MinValue;
        foreach (var window in windows)
        {
            if (log.Count >= window.Limit)
            {
                earliest = Math.Max(earliest, log.FromEnd(window.Limit) + window.Span.Ticks + (window.Pacing ? 0 : _marginTicks));
            }
        }

        return earliest;
    }

    private void Sweep(long now)
    {
        _nextSweep = now + SweepInterval.Ticks;
        SweepLogs(_sendLogs, now - Longest(_limits.SendWindows) - _marginTicks);
        SweepLogs(_rosterLogs, now - Longest(_limits.RosterWindows) - _marginTicks);
        SweepLogs(_tenantLogs, now - Longest(_limits.AppWindows) - _marginTicks);
    }

    private static void SweepLogs(Dictionary<string, ReservationLog> logs, long cutoff)
    {
        List<string>? idle = null;
        foreach (var (key, log) in logs)
        {
            // Entries at or before the cutoff can no longer hold back any window.
            if (log.FromEnd(1) <= cutoff)
            {
                (idle ??= []).Add(key);
            }
        }

        if (idle is not null)
        {
            foreach (var key in idle)
            {
                logs.Remove(key);
            }
        }
    }

    private long NowTicks() => _time.GetUtcNow().UtcTicks;

    private static int MaxLimit(IReadOnlyList<RateWindow> windows) => windows.Count == 0 ? 1 : windows.Max(w => w.Limit);

    private static long Longest(IReadOnlyList<RateWindow> windows) => windows.Count == 0 ? 0 : windows.Max(w => w.Span.Ticks);

    /// <summary>The newest reservation instants of one key, oldest first; a ring buffer that grows up to its capacity.</summary>
    private sealed class ReservationLog(int capacity)
    {
        private long[] _items = new long[Math.Min(capacity, 4)];
        private int _head;

        public int Count { get; private set; }

        /// <summary>The n-th newest entry (1 = newest).</summary>
        public long FromEnd(int n) => _items[(_head + Count - n) % _items.Length];

        public void Add(long instant)
        {
            if (Count == capacity)
            {
                // Only the newest `capacity` entries can ever constrain a slot.
                _items[_head] = instant;
                _head = (_head + 1) % _items.Length;
                return;
            }

            if (Count == _items.Length)
            {
                var grown = new long[Math.Min(capacity, _items.Length * 2)];
                for (var i = 0; i < Count; i++)
                {
                    grown[i] = _items[(_head + i) % _items.Length];
                }

                _items = grown;
                _head = 0;
            }

            _items[(_head + Count) % _items.Length] = instant;
            Count++;
        }
    }
}
