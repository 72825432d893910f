using System.Globalization;
using SalesCoachBot.Contacts;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// POST /api/admin/tenants/{tenantId}/teams/{teamsTeamId}/agenda/post: posts the agenda of the team's next meeting now
/// (the Teams team id 19:…@thread…, URL-encoded), for trying it out and for tests. Idempotent like the job: a second
/// call for the same occurrence posts nothing and says so.
/// </summary>
internal static partial class MeetingAdminEndpoints
{
    public static async Task<IResult> PostAgendaAsync(
        string tenantId, string teamsTeamId, SalesTeamDirectory directory, MeetingDesk desk, ILogger<MeetingDesk> logger, CancellationToken cancellationToken)
    {
        var team = await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        if (team is not { ArchivedAt: null })
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such Teams team bound to a sales team in this tenant.");
        }

        var post = await desk.PostAgendaAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false);
        LogTriggered(logger, tenantId, team.Id, post.Outcome);
        var occurrence = post.Date == default ? null : post.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return post.Outcome switch
        {
            MeetingPostOutcome.Posted or MeetingPostOutcome.AlreadyPosted =>
                Results.Ok(new { teamId = team.Id, occurrence, posted = post.Outcome == MeetingPostOutcome.Posted }),
            MeetingPostOutcome.NoTeam => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such Teams team bound to a sales team in this tenant."),
            MeetingPostOutcome.NoMeeting => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The team has no weekly meeting (a manager sets one: meeting monday 09:30)."),
            MeetingPostOutcome.Skipped => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The next meeting ({occurrence}) is skipped: no agenda."),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The bot knows no channel of this team yet (mention it there once)."),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} triggered the agenda of sales team {TeamId}: {Outcome}")]
    private static partial void LogTriggered(ILogger logger, string tenantId, long teamId, MeetingPostOutcome outcome);
}
