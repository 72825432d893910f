namespace SalesCoachBot.Integrations.Graph;

/// <summary>
/// A team's weekly meeting as a calendar event: every <see cref="Weekday"/> at <see cref="LocalStart"/> in the IANA
/// <see cref="TimeZone"/>, from <see cref="FirstDate"/> (a date of that weekday) with no end.
/// </summary>
internal sealed record WeeklyMeetingEvent(
    string Subject, string Body, DayOfWeek Weekday, TimeOnly LocalStart, TimeSpan Duration, string TimeZone, DateOnly FirstDate, int ReminderMinutes);

/// <summary>What became of a calendar change.</summary>
internal enum TeamCalendarOutcome
{
    /// <summary>Graph made the change (for a create: <see cref="TeamCalendarResult.EventId"/> is the new event's id).</summary>
    Done,
    /// <summary>The event (or the organiser's mailbox, or the group) does not exist (any more).</summary>
    NotFound,
    /// <summary>Graph refused or failed (403, 429, 5xx, network): the status is in the log, never in an answer.</summary>
    Failed,
}

internal sealed record TeamCalendarResult(TeamCalendarOutcome Outcome, string? EventId = null)
{
    public static TeamCalendarResult Done(string? eventId = null) => new(TeamCalendarOutcome.Done, eventId);

    public static TeamCalendarResult NotFound { get; } = new(TeamCalendarOutcome.NotFound);

    public static TeamCalendarResult Failed { get; } = new(TeamCalendarOutcome.Failed);
}

/// <summary>
/// A team's weekly meeting in the team's Microsoft 365 group calendar. Group calendars accept only delegated
/// permissions, and the bot signs in as itself (client credentials), so the series is created in the mailbox of the
/// manager who set the meeting (the organiser, application permission Calendars.ReadWrite) with the team's group
/// invited by its address: Exchange accepts for the group and the series shows in its calendar. Ids are Entra object
/// ids; every method answers, none throws for a Graph failure.
/// </summary>
internal interface ITeamCalendar
{
    /// <summary>False when Graph is not configured: nothing is ever sent.</summary>
    bool IsEnabled { get; }

    /// <summary>Creates the series in the organiser's calendar with the group as attendee.</summary>
    Task<TeamCalendarResult> CreateAsync(string organizerAadId, string groupAadId, WeeklyMeetingEvent meeting, CancellationToken cancellationToken = default);

    /// <summary>Moves the series (weekday, time, zone); the group gets the update as an attendee.</summary>
    Task<TeamCalendarResult> UpdateAsync(string organizerAadId, string eventId, WeeklyMeetingEvent meeting, CancellationToken cancellationToken = default);

    /// <summary>Deletes the series: the organiser's delete sends the cancellation to the group.</summary>
    Task<TeamCalendarResult> DeleteAsync(string organizerAadId, string eventId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the one occurrence that starts within [<paramref name="from"/>, <paramref name="to"/>); NotFound when none does.</summary>
    Task<TeamCalendarResult> CancelOccurrenceAsync(
        string organizerAadId, string eventId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

/// <summary>The calendar when Graph is not configured: the feature is off, not broken.</summary>
internal sealed class NoTeamCalendar : ITeamCalendar
{
    public bool IsEnabled => false;

    public Task<TeamCalendarResult> CreateAsync(string organizerAadId, string groupAadId, WeeklyMeetingEvent meeting, CancellationToken cancellationToken = default) =>
        Task.FromResult(TeamCalendarResult.Failed);

    public Task<TeamCalendarResult> UpdateAsync(string organizerAadId, string eventId, WeeklyMeetingEvent meeting, CancellationToken cancellationToken = default) =>
        Task.FromResult(TeamCalendarResult.Failed);

    public Task<TeamCalendarResult> DeleteAsync(string organizerAadId, string eventId, CancellationToken cancellationToken = default) =>
        Task.FromResult(TeamCalendarResult.Failed);

    public Task<TeamCalendarResult> CancelOccurrenceAsync(
        string organizerAadId, string eventId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Task.FromResult(TeamCalendarResult.Failed);
}
