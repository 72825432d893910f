using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Messaging;

namespace SalesCoachBot.Tests.Messaging;

public sealed class DeliveryPolicyTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeOnly Nine = new(21, 0);
    private static readonly TimeOnly Eight = new(8, 0);

    private static RecipientSettings Recipient(string? memberZone = null, string? teamZone = null, TimeOnly? start = null, TimeOnly? end = null,
        bool unreachable = false, params string[] optOuts) =>
        new(memberZone, teamZone, start, end, unreachable, optOuts);

    [Fact]
    public void Decide_OptedOutOfKind_OptedOut()
    {
        var now = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero)).GetUtcNow(); // midday UTC

        var decision = DeliveryPolicy.Decide(Recipient(optOuts: AutomaticMessageKinds.Nudges), AutomaticMessageKinds.Nudges, now);
        var other = DeliveryPolicy.Decide(Recipient(optOuts: AutomaticMessageKinds.Nudges), AutomaticMessageKinds.Agendas, now);

        Assert.Equal(DeliveryVerdict.OptedOut, decision.Verdict);
        Assert.Equal(new DeliveryDecision(DeliveryVerdict.Deliver, now), other);
    }

    [Fact]
    public void Decide_UnreachableMember_Unreachable()
    {
        var now = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero)).GetUtcNow();

        Assert.Equal(DeliveryVerdict.Unreachable, DeliveryPolicy.Decide(Recipient(unreachable: true), AutomaticMessageKinds.Reminders, now).Verdict);
    }

    [Fact]
    public void Decide_EveningInMemberZoneDefaultQuietHours_DueAtEightNextMorning()
    {
        var now = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero)).GetUtcNow(); // 22:00 in Shanghai

        var decision = DeliveryPolicy.Decide(Recipient(memberZone: "Asia/Shanghai", teamZone: "Europe/London"), AutomaticMessageKinds.Nudges, now);

        Assert.Equal(new DeliveryDecision(DeliveryVerdict.Deliver, new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)), decision);
    }

    [Fact]
    public void Decide_NoMemberZone_UsesTeamZone()
    {
        var now = new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero); // 22:00 in Shanghai, 14:00 in London

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero),
            DeliveryPolicy.Decide(Recipient(teamZone: "Asia/Shanghai"), AutomaticMessageKinds.Nudges, now).DueAt);
        Assert.Equal(now, DeliveryPolicy.Decide(Recipient(teamZone: "Europe/London"), AutomaticMessageKinds.Nudges, now).DueAt);
    }

    [Fact]
    public void Decide_NoMemberOrTeamZone_KeepsQuietHoursInTheDefaultZone()
    {
        var now = new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero); // 22:00 in Shanghai, 14:00 in UTC
        var recipient = Recipient() with { DefaultTimeZone = "Asia/Shanghai" };

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), DeliveryPolicy.Decide(recipient, AutomaticMessageKinds.Nudges, now).DueAt);
        Assert.Equal(now, DeliveryPolicy.Decide(Recipient(), AutomaticMessageKinds.Nudges, now).DueAt);
    }

    [Theory]
    [InlineData("2026-11-27T14:00:00Z", "2026-11-28T00:00:00Z")] // 22:00 local: until tomorrow 08:00
    [InlineData("2026-11-27T19:30:00Z", "2026-11-28T00:00:00Z")] // 03:30 local: until this morning 08:00
    [InlineData("2026-11-27T13:00:00Z", "2026-11-28T00:00:00Z")] // 21:00 local: quiet starts, inclusive
    [InlineData("2026-11-28T00:00:00Z", "2026-11-28T00:00:00Z")] // 08:00 local: quiet ends, exclusive
    [InlineData("2026-11-27T02:00:00Z", "2026-11-27T02:00:00Z")] // 10:00 local: not quiet
    [InlineData("2026-11-27T12:59:00Z", "2026-11-27T12:59:00Z")] // 20:59 local: not quiet yet
    public void AfterQuietHours_OverMidnight_MovesToEndOfQuietHours(string at, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), DeliveryPolicy.AfterQuietHours(DateTimeOffset.Parse(at), Shanghai, Nine, Eight));
    }

    [Fact]
    public void AfterQuietHours_WithinOneDay_MovesToEnd()
    {
        var at = new DateTimeOffset(2026, 11, 27, 5, 30, 0, TimeSpan.Zero); // 13:30 in Shanghai

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero), DeliveryPolicy.AfterQuietHours(at, Shanghai, new TimeOnly(13, 0), new TimeOnly(14, 0)));
        Assert.Equal(at, DeliveryPolicy.AfterQuietHours(at, Shanghai, new TimeOnly(14, 0), new TimeOnly(15, 0)));
    }

    [Fact]
    public void AfterQuietHours_StartEqualsEnd_NoQuietHours()
    {
        var at = new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(at, DeliveryPolicy.AfterQuietHours(at, Shanghai, Nine, Nine));
    }

    [Fact]
    public void AfterQuietHours_EndFallsInSpringForwardGap_ShiftedByTheGap()
    {
        // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 02:30 never happens; it becomes 03:30 EDT (07:30 UTC).
        var at = new DateTimeOffset(2026, 3, 8, 4, 0, 0, TimeSpan.Zero); // 23:00 EST on the 7th

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), DeliveryPolicy.AfterQuietHours(at, NewYork, new TimeOnly(22, 0), new TimeOnly(2, 30)));
    }

    [Fact]
    public void AfterQuietHours_AcrossSpringForward_EndsAtLocalEightInSummerTime()
    {
        var at = new DateTimeOffset(2026, 3, 8, 4, 0, 0, TimeSpan.Zero); // 23:00 EST on the 7th

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero), DeliveryPolicy.AfterQuietHours(at, NewYork, Nine, Eight)); // 08:00 EDT
    }

    [Fact]
    public void AfterQuietHours_EndRepeatedInFallBack_FirstOccurrence()
    {
        // New York, 2026-11-01: 02:00 EDT falls back to 01:00 EST, so 01:30 happens twice; the first is 05:30 UTC.
        var at = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero); // 23:00 EDT on Oct 31

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), DeliveryPolicy.AfterQuietHours(at, NewYork, new TimeOnly(22, 0), new TimeOnly(1, 30)));
    }

    [Fact]
    public void AfterQuietHours_AcrossFallBack_EndsAtLocalEightInWinterTime()
    {
        var at = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero); // 23:00 EDT on Oct 31

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero), DeliveryPolicy.AfterQuietHours(at, NewYork, Nine, Eight)); // 08:00 EST
    }
}
