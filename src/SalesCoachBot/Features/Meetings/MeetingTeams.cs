using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Meetings;

/// <summary>The team a meeting command is for, or why there is none (a text to send); <see cref="Rest"/>: the words left after a team name.</summary>
internal sealed record MeetingTeamChoice(SalesTeam? Team, string? Refusal, string Rest = "");

/// <summary>
/// Which sales team a meeting turn is about, as the other team commands pick it: in a team channel the team bound to
/// it, for its members (and managers, and tenant admins); in the 1:1 chat the member's teams (every live team for a
/// tenant admin), named by the first words when there are several. Guests are refused everywhere: the agenda shows the
/// team's numbers. Read from the store on every turn.
/// </summary>
internal sealed class MeetingTeams(SalesCoachDbContext db, SalesTeamDirectory directory, TeamAccess access, BotText text)
{
    public async Task<MeetingTeamChoice> ChooseAsync(TurnContext turn, string tenantId, long memberId, string words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (await access.IsGuestAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false))
        {
            return new(null, text.Get(locale, MeetingsTextKeys.Guest));
        }

        if (turn.Scope == ConversationTypes.Channel)
        {
            var team = await ChannelTeamAsync(turn, tenantId, cancellationToken).ConfigureAwait(false);
            if (team is null)
            {
                return new(null, text.Get(locale, MeetingsTextKeys.TeamUnknown));
            }

            return await InTeamAsync(tenantId, memberId, team.Id, cancellationToken).ConfigureAwait(false)
                ? new(team, null, words)
                : new(null, text.Get(locale, MeetingsTextKeys.NotInTeam, team.Name));
        }

        db.ForTenant(tenantId);
        var teams = (await db.SalesTeams.AsNoTracking()
                .Where(t => t.ArchivedAt == null && db.TeamMemberships.Any(m => m.SalesTeamId == t.Id && m.MemberId == memberId && m.LeftAt == null))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .UnionBy(await access.ManagedTeamsAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false), t => t.Id)
            .OrderBy(t => t.Id)
            .ToList();
        if (teams.Count == 0)
        {
            return new(null, text.Get(locale, MeetingsTextKeys.NoTeam));
        }

        // The team named by the first words, else the only one; the rest is what the command is about.
        var pick = TeamChooser.Choose(teams, words);
        return pick.Team is not null
            ? new(pick.Team, null, pick.Rest)
            : new(null, text.Get(locale, MeetingsTextKeys.ChooseTeam, BotText.List(locale, teams.Select(t => t.Name)), teams[0].Name));
    }

    /// <summary>The live sales team bound to the Teams team of a channel turn; null when there is none.</summary>
    public async Task<SalesTeam?> ChannelTeamAsync(TurnContext turn, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.ChannelData?.Team?.Id is not { Length: > 0 } teamsTeamId)
        {
            return null;
        }

        var team = await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        return team is { ArchivedAt: null } ? team : null;
    }

    private async Task<bool> InTeamAsync(string tenantId, long memberId, long teamId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        return await db.TeamMemberships.AnyAsync(m => m.SalesTeamId == teamId && m.MemberId == memberId && m.LeftAt == null, cancellationToken).ConfigureAwait(false)
            || await access.CanManageAsync(tenantId, memberId, teamId, cancellationToken).ConfigureAwait(false);
    }
}
