using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.SalesTeams;

/// <summary>
/// <c>manager add|remove @name</c> · <c>经理 添加|移除 @姓名</c> in a team channel: a manager of the team (or a tenant
/// admin) makes mentioned members managers or Reps again. People are read from the mention entities, never from the
/// text. The last manager cannot be removed. Anyone else gets a refusal and nothing changes.
/// </summary>
internal sealed partial class ManagerCommand(SalesTeamDirectory teams, TeamAccess access, BotText text, ILogger<ManagerCommand> logger) : ICommandHandler
{
    public const string Word = "manager";
    public const string ChineseWord = "经理";

    private static readonly string[] AddWords = ["add", "添加", "增加"];
    private static readonly string[] RemoveWords = ["remove", "移除", "删除"];

    /// <summary>The help line of the command (channel only).</summary>
    public static HelpTopic Topic { get; } = new(Word, ChineseWord, HelpScopes.Channel, ManagerTextKeys.Help, ManagerTextKeys.HelpArguments);

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        var activity = turn.Activity;
        if (turn.Scope != ConversationTypes.Channel || activity.ChannelData?.Team?.Id is not { Length: > 0 } teamsTeamId)
        {
            await turn.SendTextAsync(text.Get(locale, ManagerTextKeys.NotInChannel), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await turn.SendTextAsync(text.Get(locale, ManagerTextKeys.NotAllowed), cancellationToken).ConfigureAwait(false);
            return;
        }

        var team = await teams.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        if (team is null || team.ArchivedAt is not null)
        {
            await turn.SendTextAsync(text.Get(locale, ManagerTextKeys.TeamUnknown), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await access.CanManageAsync(tenantId, caller.Id, team.Id, cancellationToken).ConfigureAwait(false))
        {
            LogRefused(logger, team.Id);
            await turn.SendTextAsync(text.Get(locale, ManagerTextKeys.NotAllowed), cancellationToken).ConfigureAwait(false);
            return;
        }

        var verb = (arguments ?? string.Empty).Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var add = verb is not null && AddWords.Contains(verb, StringComparer.OrdinalIgnoreCase);
        var remove = verb is not null && RemoveWords.Contains(verb, StringComparer.OrdinalIgnoreCase);
        var mentioned = activity.GetMentions()
            .Select(m => m.Mentioned)
            .Where(m => m.Id is { Length: > 0 } && !activity.IsRecipient(m))
            .DistinctBy(m => m.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (!(add || remove) || mentioned.Count == 0)
        {
            await turn.SendTextAsync(text.Get(locale, ManagerTextKeys.Usage), cancellationToken).ConfigureAwait(false);
            return;
        }

        var members = (await teams.ActiveMembersAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false))
            .ToDictionary(m => m.TeamsUserId, StringComparer.OrdinalIgnoreCase);
        var lines = new List<string>();
        foreach (var person in mentioned)
        {
            var shown = members.TryGetValue(person.Id!, out var member) ? member.Name ?? person.Name ?? person.Id! : person.Name ?? person.Id!;
            lines.Add(member is null
                ? text.Get(locale, ManagerTextKeys.NotMember, shown)
                : add
                    ? await AddAsync(tenantId, team.Id, member, shown, locale, cancellationToken).ConfigureAwait(false)
                    : await RemoveAsync(tenantId, team.Id, member, shown, locale, cancellationToken).ConfigureAwait(false));
        }

        await turn.SendTextAsync(string.Join("\n\n", lines), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> AddAsync(string tenantId, long teamId, TeamMemberView member, string shown, string? locale, CancellationToken cancellationToken)
    {
        if (member.Role == TeamRole.Manager)
        {
            return text.Get(locale, ManagerTextKeys.Already, shown);
        }

        await teams.SetRoleAsync(tenantId, teamId, member.MemberId, TeamRole.Manager, cancellationToken).ConfigureAwait(false);
        LogRoleChanged(logger, teamId, member.MemberId, TeamRole.Manager);
        return text.Get(locale, ManagerTextKeys.Added, shown);
    }

    private async Task<string> RemoveAsync(string tenantId, long teamId, TeamMemberView member, string shown, string? locale, CancellationToken cancellationToken)
    {
        if (member.Role != TeamRole.Manager)
        {
            return text.Get(locale, ManagerTextKeys.NotManager, shown);
        }

        if (await access.ManagerCountAsync(tenantId, teamId, cancellationToken).ConfigureAwait(false) <= 1)
        {
            return text.Get(locale, ManagerTextKeys.LastManager, shown);
        }

        await teams.SetRoleAsync(tenantId, teamId, member.MemberId, TeamRole.Rep, cancellationToken).ConfigureAwait(false);
        LogRoleChanged(logger, teamId, member.MemberId, TeamRole.Rep);
        return text.Get(locale, ManagerTextKeys.Removed, shown);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sales team {TeamId}: member {MemberId} is now {Role}")]
    private static partial void LogRoleChanged(ILogger logger, long teamId, long memberId, TeamRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sales team {TeamId}: manager change refused, the sender does not manage the team")]
    private static partial void LogRefused(ILogger logger, long teamId);
}
