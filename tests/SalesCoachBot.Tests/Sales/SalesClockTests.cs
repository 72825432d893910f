using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Sales;

public sealed class SalesClockTests
{
    [Theory]
    [InlineData(null, null, null)]
    [InlineData("Not/AZone", null, null)]
    [InlineData("Not/AZone", "Also/Wrong", "Nor/This")]
    public void ResolveZone_NoneOrUnknown_Utc(string? member, string? team, string? fallback) =>
        Assert.Equal(TimeZoneInfo.Utc, SalesClock.ResolveZone(member, team, fallback));

    [Theory]
    [InlineData("Europe/London", "Asia/Shanghai", "America/New_York", "Europe/London")]
    [InlineData("Not/AZone", "Asia/Shanghai", "America/New_York", "Asia/Shanghai")]
    [InlineData(null, "Not/AZone", "America/New_York", "America/New_York")]
    public void ResolveZone_FirstKnownOfMemberTeamDefault_Wins(string? member, string? team, string? fallback, string expected) =>
        Assert.Equal(expected, SalesClock.ResolveZone(member, team, fallback).Id);

    [Fact]
    public void TodayIn_LateEveningUtc_IsTomorrowInShanghai()
    {
        var clock = new SalesClock(null!, new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)), Options());

        Assert.Equal(new DateOnly(2027, 1, 1), clock.TodayIn(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        Assert.Equal(new DateOnly(2026, 12, 31), clock.TodayIn(TimeZoneInfo.Utc));
    }

    [Fact]
    public void TeamZone_UnknownTeamZone_FallsBackToTheConfiguredDefault()
    {
        var clock = new SalesClock(null!, new FakeTimeProvider(), Options("America/New_York"));

        Assert.Equal("America/New_York", clock.TeamZone("Not/AZone").Id);
        Assert.Equal("Europe/Paris", clock.TeamZone("Europe/Paris").Id);
    }

    private static StaticOptions Options(string defaultZone = "Asia/Shanghai") =>
        new StaticOptions(new SalesTeamOptions { DefaultTimeZone = defaultZone });

    private sealed class StaticOptions(SalesTeamOptions value) : IOptionsMonitor<SalesTeamOptions>
    {
        public SalesTeamOptions CurrentValue => value;

        public SalesTeamOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SalesTeamOptions, string?> listener) => null;
    }
}
