using Microsoft.EntityFrameworkCore;

namespace SalesCoachBot.Data;

/// <summary>Store reads several features share, so each rule lives in one place.</summary>
public static class MemberQueries
{
    /// <summary>
    /// The time zone of the member's home team: the active team they joined first. Schedules and quiet hours fall
    /// back to it when the member chose no zone of their own.
    /// </summary>
    public static Task<string?> HomeTeamTimeZoneAsync(this SalesCoachDbContext store, long memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.TeamMemberships.AsNoTracking()
            .Where(t => t.MemberId == memberId && t.LeftAt == null && t.SalesTeam!.ArchivedAt == null)
            .OrderBy(t => t.JoinedAt)
            .Select(t => (string?)t.SalesTeam!.TimeZone)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The working calendar chosen for the member's home team (the same team as <see cref="HomeTeamTimeZoneAsync"/>); null when none was chosen.</summary>
    public static Task<WorkingCalendarKind?> HomeTeamCalendarAsync(this SalesCoachDbContext store, long memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.TeamMemberships.AsNoTracking()
            .Where(t => t.MemberId == memberId && t.LeftAt == null && t.SalesTeam!.ArchivedAt == null)
            .OrderBy(t => t.JoinedAt)
            .Select(t => t.SalesTeam!.WorkingCalendar)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
