namespace SalesCoachBot.Data;

/// <summary>
/// A sales team's weekly meeting: one series per team (unique), in the zone it was set in, with the lead times of its
/// agenda and reminder and the occurrences skipped. The recurring jobs that post them are derived from it.
/// </summary>
public sealed class MeetingSeries : ITenantOwned
{
    /// <summary>Longest list of skipped dates kept (ISO dates, comma-separated; past ones are dropped on each change).</summary>
    public const int MaxSkippedLength = 400;

    /// <summary>The agenda's default lead: a day before the meeting.</summary>
    public const int DefaultAgendaLeadMinutes = 24 * 60;

    /// <summary>The reminder's default lead: shortly before the start.</summary>
    public const int DefaultReminderLeadMinutes = 15;

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    public DayOfWeek Weekday { get; set; }

    /// <summary>The local start time in <see cref="TimeZone"/>.</summary>
    public TimeOnly LocalTime { get; set; }

    /// <summary>IANA zone the weekday and time are in (DST-correct scheduling).</summary>
    public required string TimeZone { get; set; }

    public int AgendaLeadMinutes { get; set; } = DefaultAgendaLeadMinutes;

    public int ReminderLeadMinutes { get; set; } = DefaultReminderLeadMinutes;

    /// <summary>
    /// The monthly review's local start time in <see cref="TimeZone"/> on the last working day of each month (the team's
    /// calendar); null when the team has no monthly review. It lives on the weekly meeting's row: the review shares its
    /// zone and lead times, and stopping the weekly meeting stops it too.
    /// </summary>
    public TimeOnly? ReviewLocalTime { get; set; }

    /// <summary>Occurrence dates (local, yyyy-MM-dd) that do not take place, comma-separated.</summary>
    public string SkippedDates { get; set; } = string.Empty;

    public long? SetByMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    // The series in the team's calendar (Microsoft Graph): the event lives in the organiser's mailbox.

    /// <summary>Longest Graph event id kept (Exchange ids are about 150 characters).</summary>
    public const int MaxCalendarEventIdLength = 512;

    /// <summary>Graph id of the recurring event, null when the meeting is in no calendar.</summary>
    public string? CalendarEventId { get; set; }

    /// <summary>Entra object id of the manager in whose mailbox the event was created (the organiser).</summary>
    public string? CalendarOrganizerAadId { get; set; }

    /// <summary>When the team was told its meeting could not go into the team calendar (said once, not at every change).</summary>
    public DateTimeOffset? CalendarNoticeAt { get; set; }
}

/// <summary>An item a team member added to the agenda of one occurrence of the team's weekly meeting.</summary>
public sealed class MeetingAgendaItem : ITenantOwned
{
    public const int MaxTextLength = 500;

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    /// <summary>The meeting's local date the item is for.</summary>
    public DateOnly OccurrenceDate { get; set; }

    public required string Text { get; set; }

    public long? AddedByMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// An action item agreed in (or for) a sales team's weekly meeting: who does what by when. <see cref="Number"/> is the
/// team's own sequence (unique per team, never reused), so "done 3" means the same item to everyone in the team.
/// <see cref="FormEntryId"/> is the entry id of the form it came from (unique), so a form sent twice stores one item.
/// </summary>
public sealed class MeetingActionItem : ITenantOwned
{
    public const int MaxTextLength = 500;

    /// <summary>A form's entry id is 32 hex digits (a GUID without dashes).</summary>
    public const int FormEntryIdLength = 32;

    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long SalesTeamId { get; set; }

    /// <summary>The team-local number people type (1, 2, 3 … per team).</summary>
    public int Number { get; set; }

    public long OwnerMemberId { get; set; }

    public required string Text { get; set; }

    /// <summary>The local due date (the owner's), or null when none was given.</summary>
    public DateOnly? DueDate { get; set; }

    public long? CreatedByMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public long? DoneByMemberId { get; set; }

    /// <summary>When the due reminder was enqueued (or found not wanted): it goes out once.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    public string? FormEntryId { get; set; }
}
