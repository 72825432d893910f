using Microsoft.EntityFrameworkCore;

namespace SalesCoachBot.Features.Meetings;

/// <summary>The series' place in the team calendar (Microsoft Graph), kept on <c>meeting_series</c>.</summary>
internal sealed partial class MeetingStore
{
    /// <summary>Records the calendar event of the team's series and its organiser (both null: in no calendar).</summary>
    public async Task RecordCalendarEventAsync(long salesTeamId, string? eventId, string? organizerAadId, CancellationToken cancellationToken = default) =>
        await db.MeetingSeries.Where(s => s.SalesTeamId == salesTeamId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.CalendarEventId, eventId).SetProperty(x => x.CalendarOrganizerAadId, organizerAadId),
                cancellationToken)
            .ConfigureAwait(false);

    /// <summary>
    /// Marks that the team was told its meeting is in no calendar; false when it had been told already (or there is no
    /// series), so of two managers changing the meeting at once only one answer says it.
    /// </summary>
    public async Task<bool> RecordCalendarNoticeAsync(long salesTeamId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return await db.MeetingSeries.Where(s => s.SalesTeamId == salesTeamId && s.CalendarNoticeAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CalendarNoticeAt, (DateTimeOffset?)now), cancellationToken)
            .ConfigureAwait(false) > 0;
    }
}
