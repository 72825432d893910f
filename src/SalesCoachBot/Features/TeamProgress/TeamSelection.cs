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
/// Who may see which team's progress. Never a Teams guest (<see cref="Member.IsGuest"/>), anywhere: the cards show
/// other members' numbers. In a team channel: the sales team bound to that Teams team, for everyone in it (it is the
/// team's own room) unless its managers chose <see cref="ProgressVisibility.ManagersOnly"/>; then nobody sees it there
/// (a card in a channel is seen by the whole channel) and managers are pointed to the 1:1 chat. In the 1:1 chat: only a
/// team's managers (or a tenant admin), for the teams they manage. Card actions re-check all of it, because their team
/// id comes back from the client and may be forged, and the setting or the member's guest flag may have changed since.
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

        if (await access.IsGuestAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false))
        {
            return TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.Guest));
        }

        switch (turn.Scope)
        {
            case ConversationTypes.Channel:
                var team = await ChannelTeamAsync(turn, tenantId, cancellationToken).ConfigureAwait(false);
                return team is null
                    ? TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.TeamUnknown))
                    : await InChannelAsync(turn, tenantId, caller.Id, team, cancellationToken).ConfigureAwait(false);
            case ConversationTypes.Personal:
                break;
            default:
                return TeamChoice.Refused(tenantId, TurnGuard.WhereItWorks(text, locale, topic, turn.CommandWord));
        }

        var managed = await access.ManagedTeamsAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false);
        if (managed.Count == 0)
        {
            return TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.OnlyManagers));
        }

        var names = BotText.List(locale, managed.Select(t => t.Name));
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

        if (await access.IsGuestAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false))
        {
            return TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.Guest));
        }

        if (turn.Scope == ConversationTypes.Channel)
        {
            // In a channel only that channel's own team: a card cannot be pointed at another team's data.
            var team = await ChannelTeamAsync(turn, tenantId, cancellationToken).ConfigureAwait(false);
            return team is not null && team.Id == teamId
                ? await InChannelAsync(turn, tenantId, caller.Id, team, cancellationToken).ConfigureAwait(false)
                : TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.NotAllowed));
        }

        var allowed = turn.IsPersonal && await access.CanManageAsync(tenantId, caller.Id, teamId, cancellationToken).ConfigureAwait(false);
        return allowed ? new TeamChoice(tenantId, teamId, null) : TeamChoice.Refused(tenantId, text.Get(locale, TeamProgressTextKeys.NotAllowed));
    }

    /// <summary>
    /// True when the turn's member manages the chosen team: the cards then carry a Praise button per rep. In the 1:1 chat
    /// that is everyone who gets the card; in a channel only a manager who asked (a rep's card there has none).
    /// </summary>
    public async Task<bool> AskedByManagerAsync(TurnContext turn, TeamChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(choice);
        return choice.TeamId is { } teamId && turn.TryGetMember(out var tenantId, out var caller)
            && await access.CanManageAsync(tenantId, caller.Id, teamId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The sales team (not archived) bound to the Teams team of a channel turn; null when there is none.</summary>
    public async Task<SalesTeam?> ChannelTeamAsync(TurnContext turn, string tenantId, CancellationToken cancellationToken)
    {
        if (turn.Activity.ChannelData?.Team?.Id is not { Length: > 0 } teamsTeamId)
        {
            return null;
        }

        var team = await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        return team is { ArchivedAt: null } ? team : null;
    }

    // The channel's own team, as its setting allows: a card posted or updated in a channel is seen by everyone in it,
    // so with ManagersOnly nobody gets it there; a manager is told where to look instead.
    private async Task<TeamChoice> InChannelAsync(TurnContext turn, string tenantId, long callerId, SalesTeam team, CancellationToken cancellationToken)
    {
        if (team.ProgressVisibility == ProgressVisibility.Channel)
        {
            return new TeamChoice(tenantId, team.Id, null);
        }

        var manager = await access.CanManageAsync(tenantId, callerId, team.Id, cancellationToken).ConfigureAwait(false);
        return TeamChoice.Refused(tenantId, text.Get(turn.Locale, manager ? TeamProgressTextKeys.ManagersOnlyHere : TeamProgressTextKeys.ManagersOnly, team.Name));
    }
}
