namespace SalesCoachBot.Testing;

/// <summary>
/// The fake connector's side of Teams' limits: counts admitted arrivals per key and per app and tenant in sliding
/// windows, the way the service would, independently of the client's own limiter.
/// </summary>
internal sealed class ArrivalWindows
{
    public static readonly (int Limit, TimeSpan Span)[] TeamsSend =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];

    public static readonly (int Limit, TimeSpan Span)[] TeamsRoster =
        [(14, TimeSpan.FromSeconds(1)), (16, TimeSpan.FromSeconds(2)), (120, TimeSpan.FromSeconds(30)), (3600, TimeSpan.FromHours(1))];

    private readonly Dictionary<string, List<long>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _byTenant = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Admits the arrival when neither the key's windows nor its tenant's app windows are full; otherwise says how long
    /// until they are not. An empty <paramref name="tenant"/> is one more tenant, for calls the fake cannot place.
    /// </summary>
    public bool TryAdmit(string key, string tenant, (int Limit, TimeSpan Span)[] keyWindows, (int Limit, TimeSpan Span)[] appWindows, long now, out TimeSpan retryAfter)
    {
        if (!_byTenant.TryGetValue(tenant, out var app))
        {
            app = [];
            _byTenant.Add(tenant, app);
        }

        if (!_byKey.TryGetValue(key, out var arrivals))
        {
            arrivals = [];
            _byKey.Add(key, arrivals);
        }

        Prune(arrivals, now, keyWindows);
        Prune(app, now, appWindows);
        var wait = Math.Max(Wait(arrivals, now, keyWindows), Wait(app, now, appWindows));
        if (wait > 0)
        {
            retryAfter = TimeSpan.FromTicks(wait);
            return false;
        }

        Insert(arrivals, now);
        Insert(app, now);
        retryAfter = TimeSpan.Zero;
        return true;
    }

    public void Clear()
    {
        _byKey.Clear();
        _byTenant.Clear();
    }

    // A window (now - span, now] is full when the limit-th newest arrival is still inside it.
    private static long Wait(List<long> arrivals, long now, (int Limit, TimeSpan Span)[] windows)
    {
        long wait = 0;
        foreach (var (limit, span) in windows)
        {
            if (arrivals.Count >= limit)
            {
                var leaves = arrivals[arrivals.Count - limit] + span.Ticks;
                wait = Math.Max(wait, leaves - now);
            }
        }

        return wait;
    }

    private static void Prune(List<long> arrivals, long now, (int Limit, TimeSpan Span)[] windows)
    {
        var longest = windows.Max(w => w.Span.Ticks);
        var stale = 0;
        while (stale < arrivals.Count && arrivals[stale] <= now - longest)
        {
            stale++;
        }

        if (stale > 0)
        {
            arrivals.RemoveRange(0, stale);
        }
    }

    // Arrivals are stamped under the server's lock, but keep the list sorted even if a clock steps back.
    private static void Insert(List<long> arrivals, long now)
    {
        var index = arrivals.Count;
        while (index > 0 && arrivals[index - 1] > now)
        {
            index--;
        }

        arrivals.Insert(index, now);
    }
}
