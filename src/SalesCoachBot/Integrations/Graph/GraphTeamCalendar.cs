using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace SalesCoachBot.Integrations.Graph;

/// <summary>
/// <see cref="ITeamCalendar"/> over Microsoft Graph, app-only: <c>GET /groups/{id}?$select=mail</c> for the group's
/// address, then <c>POST | PATCH | DELETE /users/{organiser}/events[/{id}]</c>, and <c>GET …/events/{id}/instances</c>
/// to find one occurrence. Any Graph failure is logged with its status only and answered, never thrown.
/// </summary>
internal sealed partial class GraphTeamCalendar(GraphServiceClient client, ILogger<GraphTeamCalendar> logger) : ITeamCalendar
{
    public bool IsEnabled => true;

    public Task<TeamCalendarResult> CreateAsync(string organizerAadId, string groupAadId, WeeklyMeetingEvent meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (!Guid.TryParse(organizerAadId, out var organizer) || !Guid.TryParse(groupAadId, out var group))
        {
            return Task.FromResult(TeamCalendarResult.NotFound);
        }

        return CallAsync("create", async () =>
        {
            var mail = (await client.Groups[group.ToString()].GetAsync(r => r.QueryParameters.Select = ["mail"], cancellationToken).ConfigureAwait(false))?.Mail;
            if (string.IsNullOrWhiteSpace(mail))
            {
                // A security group or one without a mailbox has no calendar to put the series in.
                LogNoGroupMailbox(logger);
                return TeamCalendarResult.NotFound;
            }

            var series = ToEvent(meeting);
            series.Attendees = [new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = mail } }];
            var created = await client.Users[organizer.ToString()].Events.PostAsync(series, cancellationToken: cancellationToken).ConfigureAwait(false);
            return created?.Id is { Length: > 0 } id ? TeamCalendarResult.Done(id) : TeamCalendarResult.Failed;
        }, cancellationToken);
    }

    public Task<TeamCalendarResult> UpdateAsync(string organizerAadId, string eventId, WeeklyMeetingEvent meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (!Guid.TryParse(organizerAadId, out var organizer) || string.IsNullOrEmpty(eventId))
        {
            return Task.FromResult(TeamCalendarResult.NotFound);
        }

        return CallAsync("update", async () =>
        {
            await client.Users[organizer.ToString()].Events[eventId].PatchAsync(ToEvent(meeting), cancellationToken: cancellationToken).ConfigureAwait(false);
            return TeamCalendarResult.Done(eventId);
        }, cancellationToken);
    }

    public Task<TeamCalendarResult> DeleteAsync(string organizerAadId, string eventId, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(organizerAadId, out var organizer) || string.IsNullOrEmpty(eventId))
        {
            return Task.FromResult(TeamCalendarResult.NotFound);
        }

        return CallAsync("delete", async () =>
        {
            await client.Users[organizer.ToString()].Events[eventId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return TeamCalendarResult.Done(eventId);
        }, cancellationToken);
    }

    public Task<TeamCalendarResult> CancelOccurrenceAsync(
        string organizerAadId, string eventId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(organizerAadId, out var organizer) || string.IsNullOrEmpty(eventId))
        {
            return Task.FromResult(TeamCalendarResult.NotFound);
        }

        return CallAsync("cancel occurrence", async () =>
        {
            var events = client.Users[organizer.ToString()].Events;
            var instances = await events[eventId].Instances.GetAsync(
                r =>
                {
                    r.QueryParameters.StartDateTime = from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                    r.QueryParameters.EndDateTime = to.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                    r.QueryParameters.Select = ["id"];
                },
                cancellationToken).ConfigureAwait(false);
            if (instances?.Value?.FirstOrDefault()?.Id is not { Length: > 0 } instanceId)
            {
                return TeamCalendarResult.NotFound;
            }

            // The organiser deleting an occurrence sends its cancellation to the attendees, the group among them.
            await events[instanceId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return TeamCalendarResult.Done(instanceId);
        }, cancellationToken);
    }

    /// <summary>The event's schedule and text (no attendees: a PATCH leaves them as they are).</summary>
    internal static Event ToEvent(WeeklyMeetingEvent meeting)
    {
        var zone = GraphZone(meeting.TimeZone);
        var start = meeting.FirstDate.ToDateTime(meeting.LocalStart);
        return new Event
        {
            Subject = meeting.Subject,
            Body = new ItemBody { ContentType = BodyType.Text, Content = meeting.Body },
            Start = new DateTimeTimeZone { DateTime = start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), TimeZone = zone },
            End = new DateTimeTimeZone { DateTime = start.Add(meeting.Duration).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), TimeZone = zone },
            Recurrence = new PatternedRecurrence
            {
                Pattern = new RecurrencePattern
                {
                    Type = RecurrencePatternType.Weekly,
                    Interval = 1,
                    DaysOfWeek = [Day(meeting.Weekday)],
                    FirstDayOfWeek = DayOfWeekObject.Monday,
                },
                Range = new RecurrenceRange
                {
                    Type = RecurrenceRangeType.NoEnd,
                    StartDate = new Date(meeting.FirstDate.Year, meeting.FirstDate.Month, meeting.FirstDate.Day),
                    RecurrenceTimeZone = zone,
                },
            },
            ShowAs = FreeBusyStatus.Busy,
            IsReminderOn = true,
            ReminderMinutesBeforeStart = meeting.ReminderMinutes,
            // The time is the team's decision, taken with the bot: attendees do not propose another one.
            AllowNewTimeProposals = false,
        };
    }

    /// <summary>
    /// Outlook's zone names are Windows ones (it also knows many IANA ids, but not every one): the IANA id converted
    /// when the platform knows it, else the IANA id as it is.
    /// </summary>
    internal static string GraphZone(string ianaId) =>
        TimeZoneInfo.TryConvertIanaIdToWindowsId(ianaId, out var windows) ? windows : ianaId;

    private static DayOfWeekObject Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => DayOfWeekObject.Monday,
        DayOfWeek.Tuesday => DayOfWeekObject.Tuesday,
        DayOfWeek.Wednesday => DayOfWeekObject.Wednesday,
        DayOfWeek.Thursday => DayOfWeekObject.Thursday,
        DayOfWeek.Friday => DayOfWeekObject.Friday,
        DayOfWeek.Saturday => DayOfWeekObject.Saturday,
        _ => DayOfWeekObject.Sunday,
    };

    private async Task<TeamCalendarResult> CallAsync(string what, Func<Task<TeamCalendarResult>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            LogCallFailed(logger, what, 404);
            return TeamCalendarResult.NotFound;
        }
        catch (ApiException error)
        {
            // Status only: Graph error bodies can echo names and addresses.
            LogCallFailed(logger, what, error.ResponseStatusCode);
            return TeamCalendarResult.Failed;
        }
        catch (HttpRequestException)
        {
            LogCallFailed(logger, what, 0);
            return TeamCalendarResult.Failed;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The Graph client's own timeout, not the turn's cancellation.
            LogCallFailed(logger, what, 0);
            return TeamCalendarResult.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph team calendar {What} failed with status {Status}; the meeting itself is set")]
    private static partial void LogCallFailed(ILogger logger, string what, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The team's Microsoft 365 group has no mail address; its weekly meeting is not put in a calendar")]
    private static partial void LogNoGroupMailbox(ILogger logger);
}
