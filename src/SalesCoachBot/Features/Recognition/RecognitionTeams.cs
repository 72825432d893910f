using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Recognition;

/// <summary>The team a praise or a values command is for, or why there is none (a text to send). <see cref="NameUsed"/>: the words named it.</summary>
internal sealed record RecognitionTeamChoice(SalesTeam? Team, string? Refusal, bool NameUsed = false);

/// <summary>
/// Which sales team a turn is about, as team and leaderboard pick it: in a team channel the team bound to it, for its
/// members; in the 1:1 chat the member's teams (all live teams for a tenant admin), named by the first words when there
/// are several. Guests are refused everywhere. Checked from the store on every turn.
/// </summary>
internal sealed class RecognitionTeams(SalesTeamDirectory directory, TeamAccess access, RecognitionStore store, BotText text)
{
    /// <param name="turn">The turn; its member must be known (checked by the caller).</param>
    /// <param name="tenantId">The turn's tenant.</param>
    /// <param name="memberId">The turn's member.</param>
    /// <param name="teamWords">Words that may name the team in the 1:1 chat.</param>
    /// <param name="mustName">True when words that name no team are an error (values); false when they may be something else (a praise's reason).</param>
    /// <param name="exampleKey">The example command for "name one first", with the team name as {0}.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<RecognitionTeamChoice> ChooseAsync(
        TurnContext turn, string tenantId, long memberId, string teamWords, bool mustName, string exampleKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (await access.IsGuestAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false))
        {
            return new(null, text.Get(locale, RecognitionTextKeys.Guest));
        }

        if (turn.Scope == ConversationTypes.Channel)
        {
            var teamsTeamId = turn.Activity.ChannelData?.Team?.Id;
            var team = teamsTeamId is { Length: > 0 } ? await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false) : null;
            if (team is not { ArchivedAt: null })
            {
                return new(null, text.Get(locale, RecognitionTextKeys.TeamUnknown));
            }

            var inTeam = await store.IsInTeamAsync(team.Id, memberId, cancellationToken).ConfigureAwait(false)
                || await access.CanManageAsync(tenantId, memberId, team.Id, cancellationToken).ConfigureAwait(false);
            return inTeam ? new(team, null) : new(null, text.Get(locale, RecognitionTextKeys.NotInTeam, team.Name));
        }

        var teams = (await store.TeamsOfAsync(memberId, cancellationToken).ConfigureAwait(false))
            .UnionBy(await access.ManagedTeamsAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false), t => t.Id)
            .OrderBy(t => t.Id)
            .ToList();
        if (teams.Count == 0)
        {
            return new(null, text.Get(locale, RecognitionTextKeys.NoTeam));
        }

        var names = BotText.List(locale, teams.Select(t => t.Name));
        var words = teamWords.Trim();
        if (words.Length > 0)
        {
            if (TeamAccess.Named(teams, words) is { } named)
            {
                return new(named, null, NameUsed: true);
            }

            if (mustName || teams.Count > 1)
            {
                return new(null, text.Get(locale, RecognitionTextKeys.NoTeamNamed, BotText.Quote(words), names));
            }
        }

        return teams.Count == 1
            ? new(teams[0], null)
            : new(null, text.Get(locale, RecognitionTextKeys.ChooseTeam, names, text.Get(locale, exampleKey, teams[0].Name)));
    }

    /// <summary>
    /// The team of a praise form's button or Send (its id comes back from the client, so it may be forged): a live team of
    /// the turn's tenant that the presser belongs to (or manages), in a channel only the channel's own team; never for a guest.
    /// </summary>
    public async Task<RecognitionTeamChoice> ForFormAsync(TurnContext turn, string tenantId, long memberId, string? teamIdText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (await access.IsGuestAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false))
        {
            return new(null, text.Get(locale, RecognitionTextKeys.Guest));
        }

        // The store is bound to the turn's tenant: another tenant's team id finds nothing.
        var team = PraiseForm.ReadId(teamIdText) is { } teamId ? await store.TeamAsync(teamId, cancellationToken).ConfigureAwait(false) : null;
        if (team is null)
        {
            return new(null, text.Get(locale, RecognitionTextKeys.FormNotYourTeam));
        }

        if (turn.Scope == ConversationTypes.Channel)
        {
            var teamsTeamId = turn.Activity.ChannelData?.Team?.Id;
            var channelTeam = teamsTeamId is { Length: > 0 } ? await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false) : null;
            if (channelTeam?.Id != team.Id)
            {
                return new(null, text.Get(locale, RecognitionTextKeys.FormNotYourTeam));
            }
        }

        var inTeam = await store.IsInTeamAsync(team.Id, memberId, cancellationToken).ConfigureAwait(false)
            || await access.CanManageAsync(tenantId, memberId, team.Id, cancellationToken).ConfigureAwait(false);
        return inTeam ? new(team, null) : new(null, text.Get(locale, RecognitionTextKeys.FormNotYourTeam));
    }
}
