using System.Globalization;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Meetings;

/// <summary>One meeting of a series: its local date and the instant it starts.</summary>
internal readonly record struct MeetingOccurrence(DateOnly Date, DateTimeOffset StartsAt);

/// <summary>A weekly local time (weekday and time of day) as a Hangfire cron expression, evaluated in the series' zone.</summary>
internal readonly record struct WeeklyTime(DayOfWeek Weekday, TimeOnly Time)
{
    /// <summary>"30 9 * * 0": minute, hour, any day of month and month, the weekday (0 = Sunday).</summary>
    public string Cron => string.Create(CultureInfo.InvariantCulture, $"{Time.Minute} {Time.Hour} * * {(int)Weekday}");
}

/// <summary>
/// The series' times: the next occurrence after an instant (in the series' zone, DST-correct), and the weekly local times
/// of the agenda and reminder jobs: the meeting's local weekday and time less the lead, in wall-clock time (a 24 h
/// lead before Monday 09:30 is Sunday 09:30 in that zone, whatever the clocks did in between), wrapping over the week.
/// </summary>
internal static class MeetingClock
{
    private const int MinutesPerWeek = 7 * 24 * 60;

    public static TimeZoneInfo Zone(MeetingSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return TimeZoneInfo.FindSystemTimeZoneById(series.TimeZone);
    }

    /// <summary>The weekly local time <paramref name="leadMinutes"/> before the meeting's.</summary>
    public static WeeklyTime Before(DayOfWeek weekday, TimeOnly time, int leadMinutes)
    {
        var minuteOfWeek = ((int)weekday * 24 * 60) + (time.Hour * 60) + time.Minute - leadMinutes;
        minuteOfWeek = ((minuteOfWeek % MinutesPerWeek) + MinutesPerWeek) % MinutesPerWeek;
        return new WeeklyTime((DayOfWeek)(minuteOfWeek / (24 * 60)), new TimeOnly(minuteOfWeek % (24 * 60) / 60, minuteOfWeek % 60));
    }

    public static WeeklyTime AgendaTime(MeetingSeries series) => Before(series.Weekday, series.LocalTime, series.AgendaLeadMinutes);

    public static WeeklyTime ReminderTime(MeetingSeries series) => Before(series.Weekday, series.LocalTime, series.ReminderLeadMinutes);

    /// <summary>The first meeting of the series that starts after <paramref name="after"/>.</summary>
    public static MeetingOccurrence Next(MeetingSeries series, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(series);
        var zone = Zone(series);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var date = localToday.AddDays(((int)series.Weekday - (int)localToday.DayOfWeek + 7) % 7);
        while (true)
        {
            var starts = ToInstant(date, series.LocalTime, zone);
            if (starts > after)
            {
                return new MeetingOccurrence(date, starts);
            }

            date = date.AddDays(7);
        }
    }

    /// <summary>The first instant a weekly local time happens after <paramref name="after"/> in <paramref name="zone"/> (as the cron fires).</summary>
    public static DateTimeOffset NextFiring(WeeklyTime weekly, TimeZoneInfo zone, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var date = localToday.AddDays(((int)weekly.Weekday - (int)localToday.DayOfWeek + 7) % 7);
        while (true)
        {
            var at = ToInstant(date, weekly.Time, zone);
            if (at > after)
            {
                return at;
            }

            date = date.AddDays(7);
        }
    }

    /// <summary>
    /// A local date and time as an instant: a time the clocks skip (spring forward) moves on by the gap, as Hangfire's
    /// cron does; a time that happens twice (fall back) is the first of the two.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The skipped dates of a series.</summary>
    public static IReadOnlySet<DateOnly> Skipped(MeetingSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var dates = new HashSet<DateOnly>();
        foreach (var part in series.SkippedDates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates.Add(date);
            }
        }

        return dates;
    }

    /// <summary>The skipped dates as stored, keeping only those from <paramref name="from"/> on.</summary>
    public static string SkippedText(IEnumerable<DateOnly> dates, DateOnly from) =>
        string.Join(',', dates.Where(d => d >= from).Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
