using System.Globalization;
using SalesCoachBot.Contacts;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// POST /api/admin/tenants/{tenantId}/teams/{teamsTeamId}/review/post: posts the agenda of the team's next monthly review
/// now (this month's, or next month's once this month's has begun), whatever its lead time, for trying it out and for
/// tests. Idempotent like the job: a second call for the same month posts nothing and says so.
/// </summary>
internal static partial class MeetingAdminEndpoints
{
    public static async Task<IResult> PostReviewAsync(
        string tenantId, string teamsTeamId, SalesTeamDirectory directory, ReviewDesk desk, ILogger<ReviewDesk> logger, CancellationToken cancellationToken)
    {
        var team = await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        if (team is not { ArchivedAt: null })
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such Teams team bound to a sales team in this tenant.");
        }

        var post = await desk.PostAgendaAsync(tenantId, team.Id, onlyWhenDue: false, cancellationToken).ConfigureAwait(false);
        LogReviewTriggered(logger, tenantId, team.Id, post.Outcome);
        var occurrence = post.Date == default ? null : post.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return post.Outcome switch
        {
            MeetingPostOutcome.Posted or MeetingPostOutcome.AlreadyPosted =>
                Results.Ok(new { teamId = team.Id, occurrence, posted = post.Outcome == MeetingPostOutcome.Posted }),
            MeetingPostOutcome.NoTeam => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such Teams team bound to a sales team in this tenant."),
            MeetingPostOutcome.NoMeeting => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The team has no weekly meeting (a manager sets one: meeting monday 09:30)."),
            MeetingPostOutcome.NoReview => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The team has no monthly review (a manager turns it on: meeting review 16:00)."),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The bot knows no channel of this team yet (mention it there once)."),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} triggered the monthly review agenda of sales team {TeamId}: {Outcome}")]
    private static partial void LogReviewTriggered(ILogger logger, string tenantId, long teamId, MeetingPostOutcome outcome);
}
