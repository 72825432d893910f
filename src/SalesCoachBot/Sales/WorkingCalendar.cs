
namespace SalesCoachBot.Sales;

/// <summary>
/// Which days a team works: Monday to Friday, minus holidays, plus extra working days (adjusted
/// weekend working days, 调休). Counting is arithmetic on weekdays corrected by binary search over
/// the sorted exceptions, so a year's range costs well under a microsecond: it runs for every card.
/// <para>
/// A calendar read from yearly files knows which years it covers (<see cref="CoveredYears"/>); outside them it counts
/// plain Monday to Friday, and <see cref="UncoveredYears"/> says so, so a card can warn that pace ignores holidays.
/// A calendar built from a rule (<see cref="WeekendsOnly"/>) covers every year.
/// </para>
/// </summary>
internal sealed class WorkingCalendar
{
    // Only the exceptions that change something: holidays on weekdays and working days on weekends.
    private readonly int[] weekdayHolidays;
    private readonly int[] weekendWorkdays;

    /// <param name="coveredYears">The years whose holidays this calendar knows; null = every year (a rule, not a list).</param>
    public WorkingCalendar(IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? extraWorkingDays = null, IEnumerable<int>? coveredYears = null)
    {
        var off = (holidays ?? []).ToHashSet();
        var on = (extraWorkingDays ?? []).ToHashSet();
        var both = off.Intersect(on).Order().ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException(
                $"A day cannot be both a holiday and a working day: {string.Join(", ", both.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}.",
                nameof(extraWorkingDays));
        }

        weekdayHolidays = off.Where(d => !IsWeekend(d)).Select(d => d.DayNumber).Order().ToArray();
        weekendWorkdays = on.Where(IsWeekend).Select(d => d.DayNumber).Order().ToArray();
        Holidays = off.Order().ToList();
        ExtraWorkingDays = on.Order().ToList();
        CoveredYears = coveredYears?.Order().Distinct().ToList();
    }

    /// <summary>Weekends off, nothing else.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new();

    public IReadOnlyList<DateOnly> Holidays { get; }

    public IReadOnlyList<DateOnly> ExtraWorkingDays { get; }

    /// <summary>The years whose holidays this calendar knows, in order; null when it is a rule that holds for every year.</summary>
    public IReadOnlyList<int>? CoveredYears { get; }

    /// <summary>Whether the calendar knows the holidays of <paramref name="year"/> (always, for a rule).</summary>
    public bool Covers(int year) => CoveredYears is null || CoveredYears.Contains(year);

    /// <summary>The years of <paramref name="from"/>..<paramref name="to"/> whose holidays this calendar does not know, in order.</summary>
    public IReadOnlyList<int> UncoveredYears(DateOnly from, DateOnly to) =>
        [.. Enumerable.Range(from.Year, Math.Max(0, to.Year - from.Year + 1)).Where(y => !Covers(y))];

    /// <inheritdoc cref="UncoveredYears(DateOnly, DateOnly)"/>
    public IReadOnlyList<int> UncoveredYears(SalesPeriod period) => UncoveredYears(period.Start, period.End);

    /// <summary>
    /// This calendar plus another's holidays and working days (e.g. several years' files); the other wins on conflicts.
    /// A year the other covers is taken from the other alone, so a tenant's file replaces the bundled year whole (a
    /// holiday it leaves out is a working day again). Covered years add up; a rule on either side covers everything.
    /// </summary>
    public WorkingCalendar With(WorkingCalendar other)
    {
        ArgumentNullException.ThrowIfNull(other);
        bool Kept(DateOnly day) => other.CoveredYears is null || !other.CoveredYears.Contains(day.Year);
        var on = ExtraWorkingDays.Where(Kept).Except(other.Holidays).Concat(other.ExtraWorkingDays);
        var off = Holidays.Where(Kept).Except(other.ExtraWorkingDays).Concat(other.Holidays);
        var years = CoveredYears is null || other.CoveredYears is null ? null : CoveredYears.Union(other.CoveredYears);
        return new WorkingCalendar(off, on, years);
    }

    public bool IsWorkingDay(DateOnly date) =>
        IsWeekend(date)
            ? Array.BinarySearch(weekendWorkdays, date.DayNumber) >= 0
            : Array.BinarySearch(weekdayHolidays, date.DayNumber) < 0;

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/>, both inclusive; 0 when to is before from.</summary>
    public int WorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return 0;
        }

        int start = from.DayNumber, endExclusive = to.DayNumber + 1;
        return WeekdaysBefore(endExclusive) - WeekdaysBefore(start)
            - CountIn(weekdayHolidays, start, endExclusive)
            + CountIn(weekendWorkdays, start, endExclusive);
    }

    public int WorkingDays(SalesPeriod period) => WorkingDays(period.Start, period.End);

    /// <summary>
    /// Working days of the period already behind us: those strictly before <paramref name="today"/>,
    /// plus today when the caller says the working day is over (e.g. after the team's end of day).
    /// </summary>
    public int WorkingDaysElapsed(SalesPeriod period, DateOnly today, bool todayIsOver = false)
    {
        var lastElapsed = todayIsOver ? today : today.AddDays(-1);
        return WorkingDays(period.Start, lastElapsed < period.End ? lastElapsed : period.End);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // DayNumber 0 (0001-01-01) is a Monday, so each block of 7 day numbers starts with 5 weekdays.
    private static int WeekdaysBefore(int dayNumber) => (dayNumber / 7 * 5) + Math.Min(dayNumber % 7, 5);

    private static int CountIn(int[] sorted, int start, int endExclusive) =>
        sorted.Length == 0 ? 0 : LowerBound(sorted, endExclusive) - LowerBound(sorted, start);

    private static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }
}
