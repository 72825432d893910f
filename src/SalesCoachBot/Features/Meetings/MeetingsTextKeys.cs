namespace SalesCoachBot.Features.Meetings;

/// <summary>Text keys of the weekly meeting, its agenda and reminder (a test checks each exists in every locale).</summary>
internal static class MeetingsTextKeys
{
    public const string MeetingHelp = "meetings.meeting.help";
    public const string MeetingArgs = "meetings.meeting.args";
    public const string AgendaHelp = "meetings.agenda.help";
    public const string AgendaArgs = "meetings.agenda.args";
    public const string Guest = "meetings.guest";
    public const string TeamUnknown = "meetings.teamUnknown";
    public const string NotInTeam = "meetings.notInTeam";
    public const string NoTeam = "meetings.noTeam";
    public const string ChooseTeam = "meetings.chooseTeam";
    public const string OnlyManagers = "meetings.onlyManagers";
    public const string NoMeeting = "meetings.noMeeting";
    public const string Set = "meetings.set";
    public const string Moved = "meetings.moved";
    public const string Skipped = "meetings.skipped";
    public const string Off = "meetings.off";
    public const string Shown = "meetings.shown";
    public const string Next = "meetings.next";
    public const string NextSkipped = "meetings.nextSkipped";
    public const string Every = "meetings.every";
    public const string Timing = "meetings.timing";
    public const string NoWeekday = "meetings.error.noWeekday";
    public const string NoTime = "meetings.error.noTime";
    public const string BadTime = "meetings.error.badTime";
    public const string UnknownZone = "meetings.error.unknownZone";
    public const string NotUnderstood = "meetings.error.notUnderstood";
    public const string AddWhat = "meetings.add.what";
    public const string AddTooLong = "meetings.add.tooLong";
    public const string Added = "meetings.add.added";
    public const string AddedUpdated = "meetings.add.updated";
    public const string When = "meetings.agenda.when";
    public const string AgendaTitle = "meetings.agenda.title";
    public const string ResultsHeading = "meetings.agenda.results";
    public const string ResultLine = "meetings.agenda.resultLine";
    public const string ResultLineNoTarget = "meetings.agenda.resultLineNoTarget";
    public const string WinsHeading = "meetings.agenda.wins";
    public const string Win = "meetings.agenda.win";
    public const string WinCustomer = "meetings.agenda.winCustomer";
    public const string PraiseHeading = "meetings.agenda.praise";
    public const string PraiseLine = "meetings.agenda.praiseLine";
    public const string BehindHeading = "meetings.agenda.behind";
    public const string ItemsHeading = "meetings.agenda.items";
    public const string Item = "meetings.agenda.item";
    public const string ItemBy = "meetings.agenda.itemBy";
    public const string AgendaFooter = "meetings.agenda.footer";
    public const string ReminderTitle = "meetings.reminder.title";
    public const string ReminderText = "meetings.reminder.text";
    public const string ReminderNoAgenda = "meetings.reminder.noAgenda";
    public const string ReminderOpenAgenda = "meetings.reminder.openAgenda";

    // The meeting in the team calendar (Microsoft Graph).
    public const string CalendarSubject = "meetings.calendar.subject";
    public const string CalendarBody = "meetings.calendar.body";
    public const string CalendarAdded = "meetings.calendar.added";
    public const string CalendarUpdated = "meetings.calendar.updated";
    public const string CalendarSkipped = "meetings.calendar.skipped";
    public const string CalendarRemoved = "meetings.calendar.removed";
    public const string CalendarRemoveFailed = "meetings.calendar.removeFailed";
    public const string CalendarFailed = "meetings.calendar.failed";
    public const string CalendarNoMailbox = "meetings.calendar.noMailbox";
    public const string CalendarNotConfigured = "meetings.calendar.notConfigured";
    public const string CalendarNoGroup = "meetings.calendar.noGroup";
    public const string CalendarNoOrganizer = "meetings.calendar.noOrganizer";
}
