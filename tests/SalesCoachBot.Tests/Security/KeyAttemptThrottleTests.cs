using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Security;

namespace SalesCoachBot.Tests.Security;

public sealed class KeyAttemptThrottleTests
{
    // Friday 27 November 2026, 09:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static KeyAttemptThrottle Throttle(FakeTimeProvider time, int maxTracked = 10_000) =>
        new(new StaticOptions(new KeyAttemptOptions { MaxFailures = 2, Window = TimeSpan.FromMinutes(1), MaxTrackedAddresses = maxTracked }),
            time, NullLogger<KeyAttemptThrottle>.Instance);

    private static DefaultHttpContext From(string address) => new() { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

    [Fact]
    public void RecordFailure_ManyAddresses_TableStaysWithinItsBoundAndTheNewestAreKept()
    {
        var time = new FakeTimeProvider(Now);
        var throttle = Throttle(time, maxTracked: 100);

        for (var i = 0; i < 1000; i++)
        {
            var address = From($"10.0.{i / 256}.{i % 256}");
            throttle.RecordFailure(address, "test");
            throttle.RecordFailure(address, "test");
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(100, throttle.TrackedAddresses);
        Assert.NotNull(throttle.RetryAfter(From("10.0.3.231")));
        Assert.Null(throttle.RetryAfter(From("10.0.0.1")));
    }

    [Fact]
    public void RecordFailure_ExpiredWindowsAreDroppedFirstWhenTheTableIsFull()
    {
        var time = new FakeTimeProvider(Now);
        var throttle = Throttle(time, maxTracked: 2);
        throttle.RecordFailure(From("10.0.0.1"), "test");
        time.Advance(TimeSpan.FromMinutes(2));
        throttle.RecordFailure(From("10.0.0.2"), "test");
        throttle.RecordFailure(From("10.0.0.2"), "test");

        throttle.RecordFailure(From("10.0.0.3"), "test");

        Assert.Equal(2, throttle.TrackedAddresses);
        Assert.NotNull(throttle.RetryAfter(From("10.0.0.2")));
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:bbbb::9", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    public void RetryAfter_Ipv6CountsPerSlash64AndMappedIpv4AsIpv4(string failing, string asking, bool throttled)
    {
        var throttle = Throttle(new FakeTimeProvider(Now));
        throttle.RecordFailure(From(failing), "test");
        throttle.RecordFailure(From(failing), "test");

        Assert.Equal(throttled, throttle.RetryAfter(From(asking)) is not null);
    }

    private sealed class StaticOptions(KeyAttemptOptions value) : IOptionsMonitor<KeyAttemptOptions>
    {
        public KeyAttemptOptions CurrentValue => value;

        public KeyAttemptOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<KeyAttemptOptions, string?> listener) => null;
    }
}
