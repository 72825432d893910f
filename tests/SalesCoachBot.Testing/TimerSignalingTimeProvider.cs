using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SalesCoachBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells the test when code under test starts waiting on it, so a test can
/// advance time exactly when a delay is pending instead of polling or sleeping.
/// </summary>
public sealed class TimerSignalingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public TimerSignalingTimeProvider(DateTimeOffset? start = null)
    {
        Fake = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    }

    public FakeTimeProvider Fake { get; }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    public void Advance(TimeSpan by) => Fake.Advance(by);

    /// <summary>Waits until code under test creates a timer with a positive due time, and returns that due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            return await _timers.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("No timer was started on the fake clock in time.");
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> to completion, advancing fake time by each timer's due time as soon as it is started.
    /// For code that waits on this clock one delay at a time (retries, rate slots).
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> work, TimeSpan? timeout = null)
    {
        using var stop = new CancellationTokenSource();
        try
        {
            while (true)
            {
                var timer = WaitForTimerAsync(timeout, stop.Token);
                if (await Task.WhenAny(work, timer) == work)
                {
                    return await work;
                }

                Advance(await timer);
            }
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <inheritdoc cref="DriveAsync{T}(Task{T}, TimeSpan?)"/>
    public Task DriveAsync(Task work, TimeSpan? timeout = null) =>
        DriveAsync(work.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), timeout);

    /// <summary>True when a timer was created that no <see cref="WaitForTimerAsync"/> call has consumed yet.</summary>
    public bool HasUnobservedTimer => _timers.Reader.Count > 0;
}
