using SalesCoachBot.Data;
using SalesCoachBot.Features.Meetings;

namespace SalesCoachBot.Tests.Features.Meetings;

/// <summary>
/// The series' instants and the jobs' weekly times, in Asia/Shanghai (no DST) and America/New_York across the end of
/// daylight saving time on Sunday 1 November 2026 (02:00 EDT → 01:00 EST).
/// </summary>
public sealed class MeetingClockTests
{
    private static MeetingSeries Series(DayOfWeek day, int hour, int minute, string zone, int agendaLead = MeetingSeries.DefaultAgendaLeadMinutes) =>
        new() { TenantId = "t", SalesTeamId = 1, Weekday = day, LocalTime = new TimeOnly(hour, minute), TimeZone = zone, AgendaLeadMinutes = agendaLead };

    [Theory]
    [InlineData(DayOfWeek.Monday, 9, 30, 24 * 60, DayOfWeek.Sunday, 9, 30, "30 9 * * 0")]
    [InlineData(DayOfWeek.Monday, 9, 30, 15, DayOfWeek.Monday, 9, 15, "15 9 * * 1")]
    [InlineData(DayOfWeek.Monday, 0, 10, 15, DayOfWeek.Sunday, 23, 55, "55 23 * * 0")]
    [InlineData(DayOfWeek.Sunday, 8, 0, 24 * 60, DayOfWeek.Saturday, 8, 0, "0 8 * * 6")]
    [InlineData(DayOfWeek.Wednesday, 14, 0, 3 * 24 * 60 + 60, DayOfWeek.Sunday, 13, 0, "0 13 * * 0")]
    public void Before_LeadCrossingDays_WrapsOverTheWeek(
        DayOfWeek day, int hour, int minute, int lead, DayOfWeek expectedDay, int expectedHour, int expectedMinute, string cron)
    {
        var before = MeetingClock.Before(day, new TimeOnly(hour, minute), lead);

        Assert.Equal(new WeeklyTime(expectedDay, new TimeOnly(expectedHour, expectedMinute)), before);
        Assert.Equal(cron, before.Cron);
    }

    [Fact]
    public void Instants_Shanghai_AgendaADayAndReminderFifteenMinutesBefore()
    {
        var series = Series(DayOfWeek.Monday, 9, 30, "Asia/Shanghai");
        var zone = MeetingClock.Zone(series);
        // Wednesday 18 November 2026, 10:00 in Shanghai.
        var now = new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

        var next = MeetingClock.Next(series, now);

        Assert.Equal(new DateOnly(2026, 11, 23), next.Date);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero), next.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 1, 30, 0, TimeSpan.Zero), MeetingClock.NextFiring(MeetingClock.AgendaTime(series), zone, now));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 15, 0, TimeSpan.Zero), MeetingClock.NextFiring(MeetingClock.ReminderTime(series), zone, now));
    }

    [Fact]
    public void Instants_NewYorkAcrossTheEndOfDaylightSaving_StayAtLocalTime()
    {
        var series = Series(DayOfWeek.Monday, 9, 30, "America/New_York");
        var zone = MeetingClock.Zone(series);
        // Wednesday 21 October 2026, noon in New York (EDT, UTC−4).
        var before = new DateTimeOffset(2026, 10, 21, 16, 0, 0, TimeSpan.Zero);

        var first = MeetingClock.Next(series, before);
        var second = MeetingClock.Next(series, first.StartsAt);
        var agendaBefore = MeetingClock.NextFiring(MeetingClock.AgendaTime(series), zone, before);
        var agendaAfter = MeetingClock.NextFiring(MeetingClock.AgendaTime(series), zone, agendaBefore);
        var reminderAfter = MeetingClock.NextFiring(MeetingClock.ReminderTime(series), zone, first.StartsAt);

        // Monday 26 October, 09:30 EDT; Monday 2 November, 09:30 EST: an hour later in UTC, the same on the wall.
        Assert.Equal((new DateOnly(2026, 10, 26), new DateTimeOffset(2026, 10, 26, 13, 30, 0, TimeSpan.Zero)), (first.Date, first.StartsAt));
        Assert.Equal((new DateOnly(2026, 11, 2), new DateTimeOffset(2026, 11, 2, 14, 30, 0, TimeSpan.Zero)), (second.Date, second.StartsAt));
        // The agenda on Sunday 25 October 09:30 EDT, then on Sunday 1 November 09:30 EST (the day the clocks go back).
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 13, 30, 0, TimeSpan.Zero), agendaBefore);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 14, 30, 0, TimeSpan.Zero), agendaAfter);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 14, 15, 0, TimeSpan.Zero), reminderAfter);
    }

    [Fact]
    public void Instants_NewYorkSpringForward_ATimeTheClocksSkipMovesOn()
    {
        // Sunday 8 March 2026: 02:00 EST → 03:00 EDT; a Sunday 02:30 meeting starts at 03:30 EDT that day.
        var series = Series(DayOfWeek.Sunday, 2, 30, "America/New_York");

        var next = MeetingClock.Next(series, new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 8), next.Date);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), next.StartsAt);
    }

    [Fact]
    public void Next_AtTheStartInstant_IsTheFollowingWeek()
    {
        var series = Series(DayOfWeek.Monday, 9, 30, "Asia/Shanghai");

        var next = MeetingClock.Next(series, new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 30), next.Date);
    }
}
