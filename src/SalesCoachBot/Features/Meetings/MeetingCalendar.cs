using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Integrations.Graph;
using SalesCoachBot.Localization;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// Keeps the team's weekly meeting in its Microsoft 365 group calendar when Microsoft Graph is configured: a recurring
/// event in the mailbox of the manager who set it, with the team's group invited (see <see cref="ITeamCalendar"/> for
/// why not the group calendar directly). Called by <c>meeting</c> after a change; each method gives the sentence the
/// answer ends with ("" for none). Nothing here fails the command: the meeting is set whatever Graph says. Without Graph
/// (or without the team's group or the manager's Entra id) the team is told once per series, not at every change.
/// </summary>
internal sealed class MeetingCalendar(
    ITeamCalendar calendar, MeetingStore store, MeetingDesk desk, SalesCoachDbContext db, BotText text, TimeProvider time)
{
    /// <summary>An hour: results per rep, wins, reps behind pace, the team's items and last week's action items.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromHours(1);

    /// <summary>After the series was set or moved: moves its event, or creates it (organised by <paramref name="managerId"/>).</summary>
    public async Task<string> SetAsync(string? locale, SalesTeam team, MeetingSeries series, long managerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(series);
        if (!calendar.IsEnabled)
        {
            return await NoticeOnceAsync(locale, team.Id, MeetingsTextKeys.CalendarNotConfigured, cancellationToken).ConfigureAwait(false);
        }

        var meeting = await EventAsync(team, series, cancellationToken).ConfigureAwait(false);
        if (series is { CalendarEventId: { } eventId, CalendarOrganizerAadId: { } organizer })
        {
            var updated = await calendar.UpdateAsync(organizer, eventId, meeting, cancellationToken).ConfigureAwait(false);
            if (updated.Outcome != TeamCalendarOutcome.NotFound)
            {
                return Sentence(locale, updated.Outcome == TeamCalendarOutcome.Done ? MeetingsTextKeys.CalendarUpdated : MeetingsTextKeys.CalendarFailed);
            }

            // Deleted in Outlook, or the organiser's mailbox is gone: created again below, by this manager.
            await store.RecordCalendarEventAsync(team.Id, null, null, cancellationToken).ConfigureAwait(false);
        }

        if (!Guid.TryParse(team.AadGroupId, out _))
        {
            return await NoticeOnceAsync(locale, team.Id, MeetingsTextKeys.CalendarNoGroup, cancellationToken, team.Name).ConfigureAwait(false);
        }

        var managerAadId = await db.Members.AsNoTracking().Where(m => m.Id == managerId).Select(m => m.AadObjectId).FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (!Guid.TryParse(managerAadId, out _))
        {
            return await NoticeOnceAsync(locale, team.Id, MeetingsTextKeys.CalendarNoOrganizer, cancellationToken).ConfigureAwait(false);
        }

        var created = await calendar.CreateAsync(managerAadId!, team.AadGroupId!, meeting, cancellationToken).ConfigureAwait(false);
        switch (created.Outcome)
        {
            case TeamCalendarOutcome.Done:
                await store.RecordCalendarEventAsync(team.Id, created.EventId, managerAadId, cancellationToken).ConfigureAwait(false);
                return Sentence(locale, MeetingsTextKeys.CalendarAdded);
            case TeamCalendarOutcome.NotFound:
                return Sentence(locale, MeetingsTextKeys.CalendarNoMailbox);
            default:
                return Sentence(locale, MeetingsTextKeys.CalendarFailed);
        }
    }

    /// <summary>After the occurrence on <paramref name="date"/> was skipped: cancels that occurrence of the event.</summary>
    public async Task<string> SkipAsync(string? locale, MeetingSeries series, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!calendar.IsEnabled || series is not { CalendarEventId: { } eventId, CalendarOrganizerAadId: { } organizer })
        {
            return string.Empty;
        }

        var zone = MeetingClock.Zone(series);
        var cancelled = await calendar.CancelOccurrenceAsync(
            organizer, eventId, SalesCoachBot.Sales.SalesClock.StartOfDay(date, zone), SalesCoachBot.Sales.SalesClock.StartOfDay(date.AddDays(1), zone), cancellationToken)
            .ConfigureAwait(false);
        return cancelled.Outcome switch
        {
            TeamCalendarOutcome.Done => Sentence(locale, MeetingsTextKeys.CalendarSkipped),
            // Cancelled in Outlook already: the calendar says what the bot says.
            TeamCalendarOutcome.NotFound => string.Empty,
            _ => Sentence(locale, MeetingsTextKeys.CalendarFailed),
        };
    }

    /// <summary>Before the series is removed: deletes its event (the group gets the cancellation).</summary>
    public async Task<string> RemoveAsync(string? locale, long teamId, CancellationToken cancellationToken)
    {
        var series = await store.SeriesAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (!calendar.IsEnabled || series is not { CalendarEventId: { } eventId, CalendarOrganizerAadId: { } organizer })
        {
            return string.Empty;
        }

        var deleted = await calendar.DeleteAsync(organizer, eventId, cancellationToken).ConfigureAwait(false);
        return Sentence(locale, deleted.Outcome == TeamCalendarOutcome.Failed ? MeetingsTextKeys.CalendarRemoveFailed : MeetingsTextKeys.CalendarRemoved);
    }

    private async Task<WeeklyMeetingEvent> EventAsync(SalesTeam team, MeetingSeries series, CancellationToken cancellationToken)
    {
        // The event is the team's: in the language most of it uses, like the agenda.
        var teamLocale = await desk.TeamLocaleAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var first = MeetingClock.Next(series, time.GetUtcNow()).Date;
        return new WeeklyMeetingEvent(
            text.Get(teamLocale, MeetingsTextKeys.CalendarSubject, team.Name),
            text.Get(teamLocale, MeetingsTextKeys.CalendarBody),
            series.Weekday, series.LocalTime, Duration, series.TimeZone, first, series.ReminderLeadMinutes);
    }

    private async Task<string> NoticeOnceAsync(string? locale, long teamId, string key, CancellationToken cancellationToken, params object?[] args) =>
        await store.RecordCalendarNoticeAsync(teamId, cancellationToken).ConfigureAwait(false) ? Sentence(locale, key, args) : string.Empty;

    private string Sentence(string? locale, string key, params object?[] args) => " " + text.Get(locale, key, args);
}
