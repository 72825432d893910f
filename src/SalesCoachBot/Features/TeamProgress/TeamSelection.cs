using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.TeamProgress;

/// <summary>The team a turn may look at, or why it may not (a text to send); <see cref="Hint"/> tells about other teams.</summary>
internal sealed record TeamChoice(string TenantId, long? TeamId, string? Refusal, string? Hint = null)
{
    public static TeamChoice Refused(string tenantId, string refusal) => new(tenantId, null, refusal);
}

/// <summary>
/// Who may see which team's progress. In a team channel: the sales team bound to that Teams team, for everyone in it
/// (it is the team's own room). In the 1:1 chat: only a team's managers (or a tenant admin), for the teams they
/// manage. Card actions re-check all of it, because their team id comes back from the client and may be forged.
/// </summary>
internal sealed class TeamSelection(SalesTeamDirectory directory, TeamAccess access, BotText text)
{
    /// <summary>The team for a command; <paramref name="teamName"/> picks among a manager's teams in 1:1.</summary>
    public async Task<TeamChoice> ForCommandAsync(TurnContext turn, HelpTopic topic, string teamName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            return TeamChoice.Refused(string.Empty, TurnGuard.NoMember(text, locale));
        }

        switch (turn.Scope)
        {
            case ConversationTypes.Channel:
                var team = await ChannelTeamAsync(turn, tenantId, cancellationToken).ConfigureAwait(false);
                return team is null
                    ? TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.TeamUnknown))
                    : new TeamChoice(tenantId, team.Id, null);
            case ConversationTypes.Personal:
                break;
            default:
                return TeamChoice.Refused(tenantId, TurnGuard.WhereItWorks(text, locale, topic));
        }

        var managed = await access.ManagedTeamsAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false);
        if (managed.Count == 0)
        {
            return TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.OnlyManagers));
        }

        var names = string.Join(", ", managed.Select(t => t.Name));
        if (teamName.Length > 0)
        {
            var named = TeamAccess.Named(managed, teamName);
            return named is null
                ? TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.NoTeamNamed, teamName, names))
                : new TeamChoice(tenantId, named.Id, null);
        }

        var first = managed[0];
        var hint = managed.Count > 1 ? text.Get(locale, TeamProgressTextKeys.SeveralTeams, managed.Count, names, first.Name) : null;
        return new TeamChoice(tenantId, first.Id, null, hint);
    }

    /// <summary>The team of a card action, after checking the id from the card against the turn's tenant, place and role.</summary>
    public async Task<TeamChoice> ForActionAsync(TurnContext turn, string? teamIdText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            return TeamChoice.Refused(string.Empty, TurnGuard.NoMember(text, locale));
        }

        if (!long.TryParse(teamIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var teamId))
        {
            return TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.StaleCard));
        }

        bool allowed;
        if (turn.Scope == ConversationTypes.Channel)
        {
            // In a channel only that channel's own team: a card cannot be pointed at another team's data.
            var team = await ChannelTeamAsync(turn, tenantId, cancellationToken).ConfigureAwait(false);
            allowed = team is not null && team.Id == teamId;
        }
        else
        {
            allowed = turn.IsPersonal && await access.CanManageAsync(tenantId, caller.Id, teamId, cancellationToken).ConfigureAwait(false);
        }

        return allowed ? new TeamChoice(tenantId, teamId, null) : TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.NotAllowed));
    }

    private async Task<SalesTeam?> ChannelTeamAsync(TurnContext turn, string tenantId, CancellationToken cancellationToken)
    {
        if (turn.Activity.ChannelData?.Team?.Id is not { Length: > 0 } teamsTeamId)
        {
            return null;
        }

        var team = await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        return team is { ArchivedAt: null } ? team : null;
    }
}
