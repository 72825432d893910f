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

    // Every KPI on the agenda, the monthly review and the lead times.
    public const string AddedReview = "meetings.add.addedReview";
    public const string BehindOn = "meetings.agenda.behindOn";
    public const string ReviewTitle = "meetings.review.title";
    public const string ReviewWinsHeading = "meetings.review.wins";
    public const string ReviewPraiseHeading = "meetings.review.praise";
    public const string ReviewFooter = "meetings.review.footer";
    public const string ReviewReminderTitle = "meetings.review.reminderTitle";
    public const string ReviewSet = "meetings.review.set";
    public const string ReviewOff = "meetings.review.off";
    public const string ReviewNone = "meetings.review.none";
    public const string ReviewShown = "meetings.review.shown";
    public const string ReviewAlsoOff = "meetings.review.alsoOff";
    public const string ReviewNeedsMeeting = "meetings.review.needsMeeting";
    public const string NoReviewTime = "meetings.error.noReviewTime";
    public const string BadLead = "meetings.error.badLead";
    public const string NoLead = "meetings.error.noLead";
    public const string AgendaLeadRange = "meetings.error.agendaLeadRange";
    public const string ReminderLeadRange = "meetings.error.reminderLeadRange";
    public const string ReminderAfterAgenda = "meetings.error.reminderAfterAgenda";
    public const string LeadsSet = "meetings.leads.set";
    public const string LeadDays = "meetings.leads.days";
    public const string LeadHours = "meetings.leads.hours";
    public const string LeadMinutes = "meetings.leads.minutes";
}
