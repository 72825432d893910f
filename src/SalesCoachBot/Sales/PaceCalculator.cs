
namespace SalesCoachBot.Sales;

public enum PaceStatus
{
    /// <summary>The target is zero: nothing to be ahead of or behind.</summary>
    NoTarget = 0,
    Behind = 1,
    OnPace = 2,
    Ahead = 3,
}

/// <param name="Target">The period's target for this rep (or team) as set or split.</param>
/// <param name="MemberStart">The day a rep joined, when inside the period; their pace counts from it.</param>
/// <param name="TodayIsOver">Counts today as elapsed (e.g. the evening card); otherwise only days before today are.</param>
/// <param name="Tolerance">How far from expected-by-now still counts as on pace, as a fraction (0.10 = ±10 %).</param>
internal sealed record PaceInput(
    decimal Target,
    decimal Actual,
    SalesPeriod Period,
    DateOnly Today,
    WorkingCalendar Calendar,
    DateOnly? MemberStart = null,
    bool TodayIsOver = false,
    decimal Tolerance = 0.10m);

/// <summary>Where a rep stands in a period. Amounts are rounded to 2 decimals; percentages to 1.</summary>
/// <param name="PercentDone">Actual as % of target; null without a target.</param>
/// <param name="NeededPerRemainingWorkingDay">What it takes per remaining working day; when no working day is left and the
/// target is missed, the whole gap, with <see cref="NoWorkingDaysLeft"/> set so cards say "missed by" instead of "per day".</param>
internal sealed record Pace(
    decimal Actual,
    decimal Target,
    decimal? PercentDone,
    decimal ExpectedByNow,
    PaceStatus Status,
    decimal Forecast,
    decimal NeededPerRemainingWorkingDay,
    int WorkingDays,
    int WorkingDaysElapsed,
    bool NoWorkingDaysLeft)
{
    public int WorkingDaysRemaining => WorkingDays - WorkingDaysElapsed;

    public bool TargetReached => Target > 0 && Actual >= Target;
}

/// <summary>
/// Pace for one KPI and period, pro-rated by working days.
/// <list type="bullet">
/// <item>Elapsed: working days strictly before today, plus today when the caller says the day is over.</item>
/// <item>A rep who joined mid-period: the target is taken as given (a manager sets a newcomer's target
/// knowing when they joined, possibly by override), but it is spread over the rep's own working days,
/// from their start day, so they are not behind for days before they joined.</item>
/// <item>Status: within ±tolerance of expected-by-now is on pace; before any working day has elapsed
/// (expected is 0) any result is ahead and none is on pace; a zero target has no status.</item>
/// <item>Forecast: actual ÷ elapsed × working days; with nothing elapsed yet, just the actual.</item>
/// </list>
/// </summary>
internal static class PaceCalculator
{
    public static Pace Calculate(PaceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(input.Target);
        if (input.Tolerance is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Tolerance, "Tolerance is a fraction from 0 to below 1.");
        }

        var period = input.Period;
        var start = input.MemberStart is { } joined && joined > period.Start ? joined : period.Start;
        var window = period with { Start = start };
        var total = input.Calendar.WorkingDays(window.Start, window.End);
        var elapsed = input.Calendar.WorkingDaysElapsed(window, input.Today, input.TodayIsOver);
        var target = input.Target;
        var actual = input.Actual;

        // A rep whose window has no working day at all (joined on the last Sunday) is judged on the whole target now.
        var expected = total == 0 ? target : target * elapsed / total;
        var forecast = elapsed == 0 ? actual : actual / elapsed * total;
        var gap = Math.Max(0, target - actual);
        var remaining = total - elapsed;
        var noDaysLeft = remaining == 0 && gap > 0;
        var needed = gap == 0 ? 0 : remaining == 0 ? gap : gap / remaining;

        return new Pace(
            actual,
            target,
            target == 0 ? null : Math.Round(actual / target * 100, 1, MidpointRounding.AwayFromZero),
            Round(expected),
            StatusOf(target, actual, expected, input.Tolerance),
            Round(forecast),
            Round(needed),
            total,
            elapsed,
            noDaysLeft);
    }

    private static PaceStatus StatusOf(decimal target, decimal actual, decimal expected, decimal tolerance)
    {
        if (target == 0)
        {
            return PaceStatus.NoTarget;
        }

        if (expected == 0)
        {
            return actual > 0 ? PaceStatus.Ahead : PaceStatus.OnPace;
        }

        var ratio = actual / expected;
        return ratio > 1 + tolerance ? PaceStatus.Ahead
            : ratio < 1 - tolerance ? PaceStatus.Behind
            : PaceStatus.OnPace;
    }

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
