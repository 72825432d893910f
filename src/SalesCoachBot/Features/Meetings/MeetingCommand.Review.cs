using System.Globalization;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// The monthly review and the lead times, on the weekly meeting's row: <c>meeting review 16:00</c> turns the review on
/// (the last working day of each month, in the meeting's zone), <c>meeting review off</c> turns it off (the weekly meeting
/// goes on; <c>meeting off</c> stops both); <c>meeting agenda 2h</c> and <c>meeting reminder 10m</c> set how long before
/// the start the agenda and the reminder go out, for the weekly meeting and the review alike. Each change re-schedules
/// the team's jobs.
/// </summary>
internal sealed partial class MeetingCommand
{
    /// <summary>The agenda goes out at least half an hour and at most a week before the start.</summary>
    public const int MinAgendaLead = 30;
    public const int MaxAgendaLead = 7 * 24 * 60;

    /// <summary>The reminder goes out one minute to three hours before the start (and after the agenda).</summary>
    public const int MinReminderLead = 1;
    public const int MaxReminderLead = 180;

    private async Task<string> ReviewAsync(string? locale, string tenantId, SalesTeam team, TimeOnly? reviewTime, CancellationToken cancellationToken)
    {
        var before = await store.SeriesAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (reviewTime is null && before?.ReviewLocalTime is null)
        {
            return text.Get(locale, MeetingsTextKeys.ReviewNone, team.Name);
        }

        var series = await store.SetReviewAsync(team.Id, reviewTime, cancellationToken).ConfigureAwait(false);
        if (series is null)
        {
            return text.Get(locale, MeetingsTextKeys.NoMeeting, team.Name);
        }

        jobs.Schedule(tenantId, series);
        if (reviewTime is not { } time)
        {
            return text.Get(locale, MeetingsTextKeys.ReviewOff, team.Name);
        }

        var next = await reviews.OccurrenceAsync(tenantId, team, series, time, cancellationToken).ConfigureAwait(false);
        return text.Get(locale, MeetingsTextKeys.ReviewSet, team.Name, time.ToString("HH:mm", CultureInfo.InvariantCulture), series.TimeZone,
            SalesFormat.Date(locale, next.Date), Lead(locale, series.AgendaLeadMinutes), Lead(locale, series.ReminderLeadMinutes));
    }

    private async Task<string> LeadAsync(string? locale, string tenantId, SalesTeam team, MeetingSeries series, MeetingRequest request, CancellationToken cancellationToken)
    {
        var minutes = request.LeadMinutes!.Value;
        var agenda = request.Action == MeetingAction.AgendaLead ? minutes : series.AgendaLeadMinutes;
        var reminder = request.Action == MeetingAction.ReminderLead ? minutes : series.ReminderLeadMinutes;
        if (request.Action == MeetingAction.AgendaLead && minutes is < MinAgendaLead or > MaxAgendaLead)
        {
            return text.Get(locale, MeetingsTextKeys.AgendaLeadRange, Lead(locale, minutes));
        }

        if (request.Action == MeetingAction.ReminderLead && minutes is < MinReminderLead or > MaxReminderLead)
        {
            return text.Get(locale, MeetingsTextKeys.ReminderLeadRange, Lead(locale, minutes));
        }

        if (reminder >= agenda)
        {
            return text.Get(locale, MeetingsTextKeys.ReminderAfterAgenda, Lead(locale, reminder), Lead(locale, agenda));
        }

        var saved = await store.SetLeadsAsync(team.Id, agenda, reminder, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return text.Get(locale, MeetingsTextKeys.NoMeeting, team.Name);
        }

        jobs.Schedule(tenantId, saved);
        return text.Get(locale, MeetingsTextKeys.LeadsSet, team.Name, Lead(locale, agenda), Lead(locale, reminder)) + " " + Timing(locale, saved);
    }

    /// <summary>" Monthly review: …" when the team has one, else nothing.</summary>
    private async Task<string> DescribeReviewAsync(string? locale, string tenantId, SalesTeam team, MeetingSeries? series, CancellationToken cancellationToken)
    {
        if (series?.ReviewLocalTime is not { } time)
        {
            return string.Empty;
        }

        var next = await reviews.OccurrenceAsync(tenantId, team, series, time, cancellationToken).ConfigureAwait(false);
        return " " + text.Get(locale, MeetingsTextKeys.ReviewShown, time.ToString("HH:mm", CultureInfo.InvariantCulture), SalesFormat.Date(locale, next.Date));
    }

    /// <summary>A lead time as people say it: "1 d", "2 h", "1 h 30 min", "10 min" (天, 小时, 分钟).</summary>
    internal string Lead(string? locale, int minutes)
    {
        var parts = new List<string>();
        if (minutes >= 24 * 60 && minutes % (24 * 60) == 0)
        {
            return text.Get(locale, MeetingsTextKeys.LeadDays, minutes / (24 * 60));
        }

        if (minutes >= 60)
        {
            parts.Add(text.Get(locale, MeetingsTextKeys.LeadHours, minutes / 60));
        }

        if (minutes % 60 != 0 || minutes < 60)
        {
            parts.Add(text.Get(locale, MeetingsTextKeys.LeadMinutes, minutes % 60));
        }

        return string.Join(BotText.IsChinese(locale) ? string.Empty : " ", parts);
    }
}
