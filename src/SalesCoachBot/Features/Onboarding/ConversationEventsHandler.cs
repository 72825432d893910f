using SalesCoachBot.Contacts;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Onboarding;

/// <summary>
/// installationUpdate and conversationUpdate: the bot arriving (set up the team, then the one-time welcome), members
/// joining or leaving a team, and the bot being removed (the team is archived). Every branch is idempotent, because
/// Teams sends two events per install and the Agents Playground repeats them on each page load.
/// </summary>
internal sealed class ConversationEventsHandler(TeamOnboarding onboarding, WelcomeHandler welcome) : ITurnHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (turn.Identity()?.TenantId is not { } tenantId)
        {
            return;
        }

        var teamsTeamId = activity.ChannelData?.Team?.Id;
        var inTeam = !string.IsNullOrWhiteSpace(teamsTeamId);
        if (activity.Type == ActivityTypes.InstallationUpdate)
        {
            if (IsAction(activity, "add"))
            {
                await ArriveAsync(turn, tenantId, inTeam, cancellationToken).ConfigureAwait(false);
            }
            else if (IsAction(activity, "remove") && inTeam)
            {
                await onboarding.ArchiveAsync(teamsTeamId!, tenantId, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (activity.MembersAdded?.Any(m => activity.IsRecipient(m)) == true)
        {
            await ArriveAsync(turn, tenantId, inTeam, cancellationToken).ConfigureAwait(false);
        }

        if (!inTeam)
        {
            return;
        }

        if (activity.MembersAdded is { Count: > 0 })
        {
            await onboarding.MembersAddedAsync(turn.Connector, activity, tenantId, cancellationToken).ConfigureAwait(false);
        }

        if (activity.MembersRemoved is { Count: > 0 })
        {
            await onboarding.MembersRemovedAsync(activity, tenantId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ArriveAsync(TurnContext turn, string tenantId, bool inTeam, CancellationToken cancellationToken)
    {
        var setup = inTeam
            ? await onboarding.InstallAsync(turn.Connector, turn.Activity, tenantId, cancellationToken).ConfigureAwait(false)
            : null;
        await welcome.WelcomeOnceAsync(turn, setup, cancellationToken).ConfigureAwait(false);
    }

    // "add-upgrade" / "remove-upgrade" arrive when the app is updated; they change nothing here.
    private static bool IsAction(Activity activity, string action) =>
        string.Equals(activity.Action, action, StringComparison.OrdinalIgnoreCase);
}
