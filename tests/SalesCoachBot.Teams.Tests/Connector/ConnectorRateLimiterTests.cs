using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Teams.Connector;

namespace SalesCoachBot.Teams.Tests.Connector;

public sealed class ConnectorRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    private static RateLimits TeamsLimits(int appPerSecond = 50, TimeSpan? margin = null) => new(
        RateLimits.TeamsSendWindows,
        RateLimits.TeamsRosterWindows,
        RateLimits.PacedAppWindows(appPerSecond),
        margin ?? TimeSpan.Zero);

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
        var acquisitions = Enumerable.Range(0, 8).Select(_ => limiter.AcquireAsync(RateBudget.Send, "a:alice", CancellationToken.None)).ToList();

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
            await limiter.AcquireAsync(RateBudget.Send, "a:alice", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        }

        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(RateBudget.Send, "a:alice", cancel.Token);
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
