using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Teams.Connector;

namespace SalesCoachBot.Teams.Tests.Connector;

public sealed class ConnectorRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    private static RateLimits TeamsLimits(int appPerSecond = 50, TimeSpan? margin = null, int maxTenants = RateLimits.DefaultMaxTenantPartitions) => new(
        RateLimits.TeamsSendWindows,
        RateLimits.TeamsRosterWindows,
        RateLimits.PacedAppWindows(appPerSecond),
        margin ?? TimeSpan.Zero,
        maxTenants);

    [Fact]
    public void Reserve_TwoTenantsAtOnce_EachGetsItsOwnFiftyASecond()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 50));

        // Interleaved, as two busy tenants would be, each to its own reps' chats.
        var contoso = new List<TimeSpan>();
        var fabrikam = new List<TimeSpan>();
        for (var i = 0; i < 100; i++)
        {
            contoso.Add(limiter.Reserve(RateBudget.Send, $"a:contoso-rep-{i}", "tenant-contoso"));
            fabrikam.Add(limiter.Reserve(RateBudget.Send, $"a:fabrikam-rep-{i}", "tenant-fabrikam"));
        }

        foreach (var tenant in new[] { contoso, fabrikam })
        {
            AssertWithinWindows(tenant, [new RateWindow(50, TimeSpan.FromSeconds(1))]);
            Assert.Equal(50, tenant.Count(t => t < TimeSpan.FromSeconds(1)));
            Assert.Equal(TimeSpan.FromMilliseconds(900), tenant[49]);
            Assert.Equal(TimeSpan.FromSeconds(1), tenant[50]);
        }

        // 100 in the first second in all: neither tenant waited for the other.
        Assert.Equal(100, contoso.Concat(fabrikam).Count(t => t < TimeSpan.FromSeconds(1)));
        Assert.Equal(2, limiter.TrackedTenantCount);
    }

    [Fact]
    public void Reserve_OneTenant_IsStillHeldToFiftyASecond()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 50));

        var instants = Enumerable.Range(0, 200).Select(i => limiter.Reserve(RateBudget.Send, $"a:rep-{i}", "tenant-contoso")).ToList();

        AssertWithinWindows(instants, [new RateWindow(50, TimeSpan.FromSeconds(1))]);
        Assert.Equal(50, instants.Count(t => t < TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromMilliseconds(3900), instants[^1]);
    }

    [Fact]
    public void Reserve_TenantNamedInAnotherCase_IsTheSameTenant()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 50));

        var instants = Enumerable.Range(0, 51)
            .Select(i => limiter.Reserve(RateBudget.Send, $"a:rep-{i}", i % 2 == 0 ? "TENANT-CONTOSO" : "tenant-contoso"))
            .ToList();

        Assert.Equal(TimeSpan.FromSeconds(1), instants[50]);
        Assert.Equal(1, limiter.TrackedTenantCount);
    }

    [Fact]
    public void Reserve_ManyTenantsInOneConversation_StillHoldTheConversationLimit()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 50));

        // A conversation belongs to one tenant; even if callers named different ones, its own windows still count every send.
        var instants = Enumerable.Range(0, 9).Select(i => limiter.Reserve(RateBudget.Send, "a:alice", $"tenant-{i}")).ToList();

        AssertWithinWindows(instants, RateLimits.TeamsSendWindows);
        Assert.All(instants.Take(7), t => Assert.Equal(TimeSpan.Zero, t));
        Assert.Equal(TimeSpan.FromSeconds(1), instants[7]);
        Assert.Equal(TimeSpan.FromSeconds(2), instants[8]);
    }

    [Fact]
    public void Reserve_TenantsPastTheBound_ShareOneBudgetUntilIdleTenantsAreForgotten()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 50, maxTenants: 2));
        limiter.Reserve(RateBudget.Send, "a:a", "tenant-a");
        limiter.Reserve(RateBudget.Send, "a:b", "tenant-b");

        // A third and a fourth busy tenant find no room: they share the budget of calls that name no tenant.
        var shared = Enumerable.Range(0, 51)
            .Select(i => limiter.Reserve(RateBudget.Send, $"a:rep-{i}", i % 2 == 0 ? "tenant-c" : null))
            .ToList();
        Assert.Equal(TimeSpan.FromSeconds(1), shared[50]);
        Assert.Equal(2, limiter.TrackedTenantCount);

        // Once a and b are idle longer than the app window, a new tenant takes a budget of its own.
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(RateBudget.Send, "a:d", "tenant-d"));
        Assert.Equal(1, limiter.TrackedTenantCount);
    }

    [Fact]
    public void Reserve_IdleTenants_AreForgotten()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 50));
        for (var i = 0; i < 500; i++)
        {
            limiter.Reserve(RateBudget.Send, $"a:rep-{i}", $"tenant-{i}");
        }

        _clock.Advance(TimeSpan.FromMinutes(2));
        limiter.Reserve(RateBudget.Send, "a:later", "tenant-later");

        Assert.Equal(1, limiter.TrackedTenantCount);
    }

    [Fact]
    public void Reserve_BurstOf100SendsToOneConversation_NeverExceedsAnyTeamsWindowAndWastesNoSlot()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 10_000));

        var instants = Enumerable.Range(0, 100).Select(_ => limiter.Reserve(RateBudget.Send, "a:alice")).ToList();

        AssertWithinWindows(instants, RateLimits.TeamsSendWindows);
        Assert.All(instants.Take(7), t => Assert.Equal(TimeSpan.Zero, t));
        Assert.Equal(TimeSpan.FromSeconds(1), instants[7]);
        Assert.Equal(TimeSpan.FromSeconds(2), instants[8]);
        // 60 per 30 s: the 61st send cannot go before 30 s, and goes right then.
        Assert.True(instants[59] < TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), instants[60]);
    }

    [Fact]
    public void Reserve_RosterBudget_AllowsFourteenPerSecondAndSixteenPerTwo()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 10_000));

        var instants = Enumerable.Range(0, 40).Select(_ => limiter.Reserve(RateBudget.Roster, "19:team")).ToList();

        AssertWithinWindows(instants, RateLimits.TeamsRosterWindows);
        Assert.Equal(14, instants.Count(t => t == TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(1), instants[14]);
    }

    [Fact]
    public void Reserve_SendAndRosterBudgetsOfOneConversation_AreCountedApart()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 10_000));
        for (var i = 0; i < 7; i++)
        {
            limiter.Reserve(RateBudget.Send, "a:alice");
        }

        Assert.Equal(TimeSpan.Zero, limiter.Reserve(RateBudget.Roster, "a:alice"));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(RateBudget.Send, "a:bob"));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve(RateBudget.Send, "a:alice"));
    }

    [Fact]
    public void Reserve_FanOutTo10000Conversations_HoldsTheAppLimitAndTakesTheMinimumTime()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 50));

        var instants = Enumerable.Range(0, 10_000).Select(i => limiter.Reserve(RateBudget.Send, $"a:rep-{i}")).ToList();

        AssertWithinWindows(instants, [new RateWindow(50, TimeSpan.FromSeconds(1))]);
        // 50 per second, paced 5 per 100 ms: the last five of 10,000 go at 199.9 s, no later.
        AssertWithinWindows(instants, [new RateWindow(5, TimeSpan.FromMilliseconds(100))]);
        Assert.Equal(TimeSpan.FromMilliseconds(199_900), instants[^1]);
        Assert.Equal(TimeSpan.FromMilliseconds(100), instants[5]);
        Assert.Equal(10_000, limiter.TrackedKeyCount);
    }

    [Fact]
    public void Reserve_ConversationsIdleLongerThanTheLongestWindow_AreForgotten()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 10_000));
        for (var i = 0; i < 1000; i++)
        {
            limiter.Reserve(RateBudget.Send, $"a:rep-{i}");
            limiter.Reserve(RateBudget.Roster, $"a:rep-{i}");
        }

        _clock.Advance(TimeSpan.FromMinutes(30));
        limiter.Reserve(RateBudget.Send, "a:fresh");
        Assert.Equal(2001, limiter.TrackedKeyCount);

        _clock.Advance(TimeSpan.FromMinutes(31));
        limiter.Reserve(RateBudget.Send, "a:later");

        // Only the two conversations used within the last hour are left.
        Assert.Equal(2, limiter.TrackedKeyCount);
    }

    [Fact]
    public void Reserve_ForgottenConversation_StartsAgainWithAFullBudget()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 10_000));
        for (var i = 0; i < 60; i++)
        {
            limiter.Reserve(RateBudget.Send, "a:alice");
        }

        _clock.Advance(TimeSpan.FromHours(2));

        Assert.All(Enumerable.Range(0, 7), _ => Assert.Equal(TimeSpan.Zero, limiter.Reserve(RateBudget.Send, "a:alice")));
    }

    [Fact]
    public void Reserve_AppLimitWithSafetyMargin_PacesWithoutMarginAndWidensTheSecondWindow()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 50, margin: TimeSpan.FromMilliseconds(50)));

        var instants = Enumerable.Range(0, 55).Select(i => limiter.Reserve(RateBudget.Send, $"a:rep-{i}")).ToList();

        Assert.Equal(TimeSpan.FromMilliseconds(100), instants[5]);
        Assert.Equal(TimeSpan.FromMilliseconds(900), instants[49]);
        Assert.Equal(TimeSpan.FromMilliseconds(1050), instants[50]);
    }

    [Fact]
    public void Reserve_SafetyMargin_WidensEveryWindow()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(margin: TimeSpan.FromMilliseconds(50)));

        var instants = Enumerable.Range(0, 9).Select(_ => limiter.Reserve(RateBudget.Send, "a:alice")).ToList();

        Assert.Equal(TimeSpan.FromMilliseconds(1050), instants[7]);
        Assert.Equal(TimeSpan.FromMilliseconds(2050), instants[8]);
    }

    [Fact]
    public void Reserve_Disabled_NeverWaits()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(), enabled: false);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(TimeSpan.Zero, limiter.Reserve(RateBudget.Send, "a:alice")));
    }

    [Fact]
    public async Task AcquireAsync_EighthSendWithinASecond_CompletesOnlyWhenTheSecondHasPassed()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 10_000));
        var acquisitions = Enumerable.Range(0, 8).Select(_ => limiter.AcquireAsync(RateBudget.Send, "a:alice", null, CancellationToken.None)).ToList();

        Assert.All(acquisitions.Take(7), a => Assert.True(a.IsCompletedSuccessfully));
        Assert.False(acquisitions[7].IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(acquisitions[7].IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await acquisitions[7].WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 10_000));
        for (var i = 0; i < 7; i++)
        {
            await limiter.AcquireAsync(RateBudget.Send, "a:alice", null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        }

        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(RateBudget.Send, "a:alice", null, cancel.Token);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Reserve_FromManyThreadsAtOnce_StillHoldsEveryWindow()
    {
        var limiter = new ConnectorRateLimiter(_clock, TeamsLimits(appPerSecond: 50));
        var byConversation = new System.Collections.Concurrent.ConcurrentDictionary<int, System.Collections.Concurrent.ConcurrentBag<TimeSpan>>();
        var all = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();

        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var wait = limiter.Reserve(RateBudget.Send, $"a:rep-{i % 10}");
            all.Add(wait);
            byConversation.GetOrAdd(i % 10, _ => []).Add(wait);
        });

        AssertWithinWindows([.. all], [new RateWindow(50, TimeSpan.FromSeconds(1))]);
        Assert.All(byConversation.Values, sends => AssertWithinWindows([.. sends], RateLimits.TeamsSendWindows));
        // 200 sends per conversation at 60 per 30 s: the last ones cannot go before 90 s.
        Assert.True(all.Max() >= TimeSpan.FromSeconds(90), $"last send at {all.Max()}");
    }

    /// <summary>For every send i, the sends in (t_i - span, t_i] may not exceed the limit, for every window.</summary>
    private static void AssertWithinWindows(IReadOnlyList<TimeSpan> instants, IReadOnlyList<RateWindow> windows)
    {
        var sorted = instants.OrderBy(t => t).ToArray();
        foreach (var window in windows)
        {
            var first = 0;
            for (var last = 0; last < sorted.Length; last++)
            {
                while (sorted[first] <= sorted[last] - window.Span)
                {
                    first++;
                }

                var inWindow = last - first + 1;
                Assert.True(inWindow <= window.Limit,
                    $"{inWindow} sends in the {window.Span} window ending at {sorted[last]} (limit {window.Limit}).");
            }
        }
    }
}
