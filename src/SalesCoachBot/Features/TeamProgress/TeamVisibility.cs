using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.TeamProgress;

/// <summary>
/// <c>team visibility [managers|everyone]</c> · <c>团队 可见 [经理|所有人]</c> in a team channel: who sees the team card and
/// the leaderboard there (<see cref="SalesTeam.ProgressVisibility"/>). Without a value it says the current setting.
/// Only a manager of that team (or a tenant admin) may change it; guests are refused like for the cards themselves.
/// </summary>
internal sealed class TeamVisibility(TeamSelection selection, SalesTeamDirectory directory, TeamAccess access, BotText text)
{
    private static readonly string[] Words = ["visibility", "可见", "可见性"];

    private static readonly string[] ManagersWords = ["managers", "manager", "经理", "仅经理"];

    private static readonly string[] EveryoneWords = ["everyone", "all", "所有人", "全员"];

    /// <summary>True when the arguments of <c>team</c> start with the visibility word; <paramref name="value"/> is the rest.</summary>
    public static bool TryRead(string? arguments, out string value)
    {
        var words = TypedText.Normalize(arguments).Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0 && Words.Contains(words[0], StringComparer.OrdinalIgnoreCase))
        {
            value = words.Length > 1 ? words[1] : string.Empty;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>The setting a word names; null when it names none.</summary>
    public static ProgressVisibility? Parse(string? value)
    {
        var word = TypedText.Normalize(value).Trim();
        return ManagersWords.Contains(word, StringComparer.OrdinalIgnoreCase) ? ProgressVisibility.ManagersOnly
            : EveryoneWords.Contains(word, StringComparer.OrdinalIgnoreCase) ? ProgressVisibility.Channel
            : null;
    }

    /// <summary>Answers <c>team visibility …</c>: the refusal, the current setting, or the change made.</summary>
    public async Task<string> HandleAsync(TurnContext turn, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            return TurnGuard.NoMember(text, locale);
        }

        if (await access.IsGuestAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false))
        {
            return text.Get(locale, TeamProgressTextKeys.Guest);
        }

        if (turn.Scope != ConversationTypes.Channel)
        {
            return text.Get(locale, TeamProgressTextKeys.VisibilityChannelOnly);
        }

        var team = await selection.ChannelTeamAsync(turn, tenantId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return text.Get(locale, TeamProgressTextKeys.TeamUnknown);
        }

        if (!await access.CanManageAsync(tenantId, caller.Id, team.Id, cancellationToken).ConfigureAwait(false))
        {
            return text.Get(locale, TeamProgressTextKeys.VisibilityOnlyManagers, team.Name);
        }

        if (value.Length == 0)
        {
            return text.Get(locale, team.ProgressVisibility == ProgressVisibility.ManagersOnly ? TeamProgressTextKeys.VisibilityIsManagers : TeamProgressTextKeys.VisibilityIsChannel, team.Name);
        }

        if (Parse(value) is not { } visibility)
        {
            return text.Get(locale, TeamProgressTextKeys.VisibilityUnknown, BotText.Quote(value));
        }

        await directory.SetProgressVisibilityAsync(tenantId, team.Id, visibility, cancellationToken).ConfigureAwait(false);
        return text.Get(locale, visibility == ProgressVisibility.ManagersOnly ? TeamProgressTextKeys.VisibilitySetManagers : TeamProgressTextKeys.VisibilitySetChannel, team.Name);
    }
}
