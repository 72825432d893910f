using System.Globalization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// The monthly review's times: it takes place on the last working day of each month in the team's working calendar
/// (holidays off, make-up working days on), at the review time in the series' zone. That is no cron expression, so its
/// jobs run daily at the local time of day the agenda (or reminder) is due — the review time less the lead, in wall-clock
/// time like the weekly meeting's — and each run posts only when now is inside [due, start) of the next review.
/// </summary>
internal static class ReviewClock
{
    /// <summary>The last day of the month that is a working day in <paramref name="calendar"/> (the 1st when none is).</summary>
    public static DateOnly LastWorkingDay(int year, int month, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.Day > 1 && !calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>The first review that starts after <paramref name="after"/>: this month's, or the next month's once it has begun.</summary>
    public static MeetingOccurrence Next(TimeOnly reviewTime, TimeZoneInfo zone, WorkingCalendar calendar, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var month = new DateOnly(local.Year, local.Month, 1);
        while (true)
        {
            var date = LastWorkingDay(month.Year, month.Month, calendar);
            var starts = MeetingClock.ToInstant(date, reviewTime, zone);
            if (starts > after)
            {
                return new MeetingOccurrence(date, starts);
            }

            month = month.AddMonths(1);
        }
    }

    /// <summary>The instant <paramref name="leadMinutes"/> before the review in wall-clock time (as the daily job fires that day).</summary>
    public static DateTimeOffset Due(MeetingOccurrence review, TimeOnly reviewTime, TimeZoneInfo zone, int leadMinutes)
    {
        var local = review.Date.ToDateTime(reviewTime).AddMinutes(-leadMinutes);
        return MeetingClock.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
    }

    /// <summary>Whether a post due <paramref name="leadMinutes"/> before the review goes out at <paramref name="now"/>.</summary>
    public static bool IsDue(MeetingOccurrence review, TimeOnly reviewTime, TimeZoneInfo zone, int leadMinutes, DateTimeOffset now) =>
        now >= Due(review, reviewTime, zone, leadMinutes) && now < review.StartsAt;

    /// <summary>"30 15 * * *": every day at the local time of day <paramref name="leadMinutes"/> before the review time.</summary>
    public static string DailyCron(TimeOnly reviewTime, int leadMinutes)
    {
        var at = reviewTime.AddMinutes(-leadMinutes);
        return string.Create(CultureInfo.InvariantCulture, $"{at.Minute} {at.Hour} * * *");
    }

    /// <summary>The month of a review, as its keys name it.</summary>
    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
