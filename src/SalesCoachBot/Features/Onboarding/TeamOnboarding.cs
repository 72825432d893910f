using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Integrations.Graph;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;

namespace SalesCoachBot.Features.Onboarding;

/// <summary>What an install set up, for the team welcome card.</summary>
internal sealed record TeamSetup(string TeamName, int MemberCount, IReadOnlyList<string> ManagerNames, IReadOnlyList<string> SuggestedManagerNames);

/// <summary>
/// Sets up a sales team when the bot is installed in a Teams team and keeps its roster current.
/// <para>
/// The roster is synced inline, page by page (500 members a page, one read and one write per page), because the
/// team welcome card reports the result and an install is rare: a 1,200-member team costs three pages. Every step
/// is idempotent, so the repeated install events of Teams and the Agents Playground only refresh.
/// </para>
/// </summary>
internal sealed partial class TeamOnboarding(SalesTeamDirectory teams, TeamAccess access, IDirectoryLookup directory, SalesCoachDbContext db, IOptions<SalesTeamOptions> options, ILogger<TeamOnboarding> logger)
{
    // A connector that keeps answering with continuation tokens must not hold the turn forever (500 × 200 = 100,000 members).
    private const int MaxRosterPages = 200;

    // Members of a membersAdded event looked up one by one (for their userRole); a bigger event re-reads the roster.
    private const int MaxMemberLookups = 10;

    // Directory look-ups in flight at once: quick for a team of dozens, gentle on Graph's per-app throttling.
    private const int MaxParallelLookups = 4;

    /// <summary>
    /// Creates or refreshes the team of the activity's channelData.team, syncs its roster and makes the installer
    /// (the activity's sender) its manager when it has none. Null when the activity names no team.
    /// </summary>
    public async Task<TeamSetup?> InstallAsync(IConnectorClient connector, Activity activity, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData?.Team is not { Id: { Length: > 0 and <= ColumnLengths.ChannelAccountId } teamsTeamId } info)
        {
            return null;
        }

        var team = await teams.EnsureTeamAsync(tenantId, teamsTeamId, info.Name, info.AadGroupId, cancellationToken).ConfigureAwait(false);
        await SyncRosterAsync(connector, activity.ServiceUrl, tenantId, team, cancellationToken).ConfigureAwait(false);

        if (Person(activity.From) is { } installer)
        {
            var installerId = (await teams.AddMembersAsync(tenantId, team.Id, [installer], cancellationToken).ConfigureAwait(false)).Single();
            if (await access.ManagerCountAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false) == 0)
            {
                await teams.SetRoleAsync(tenantId, team.Id, installerId, TeamRole.Manager, cancellationToken).ConfigureAwait(false);
            }
        }

        var suggested = directory.IsEnabled
            ? await ReadDirectoryAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false)
            : [];
        var members = await teams.ActiveMembersAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false);
        LogInstalled(logger, team.Id, members.Count);
        return new TeamSetup(
            team.Name,
            members.Count,
            [.. members.Where(m => m.Role == TeamRole.Manager).Select(m => m.Name ?? m.TeamsUserId)],
            suggested);
    }

    /// <summary>
    /// Members joined the Teams team: they become Reps (or active again, keeping their role). The event carries only
    /// their ids, so each is looked up on the team's roster for their <c>userRole</c> (a guest must be known before
    /// they ask for the team's numbers); a larger event re-reads the whole roster instead.
    /// </summary>
    public async Task<int> MembersAddedAsync(IConnectorClient connector, Activity activity, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(activity);
        var people = (activity.MembersAdded ?? []).Where(m => !activity.IsRecipient(m)).Select(Person).OfType<RosterEntry>().ToList();
        if (people.Count == 0 || activity.ChannelData?.Team is not { Id: { Length: > 0 } teamsTeamId } info)
        {
            return 0;
        }

        // An archived team stays archived until the bot itself is added again; an unknown one (its install event
        // was missed) is created so the roster starts here.
        var team = await teams.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false)
            ?? await teams.EnsureTeamAsync(tenantId, teamsTeamId, info.Name, info.AadGroupId, cancellationToken).ConfigureAwait(false);
        if (team.ArchivedAt is not null)
        {
            return 0;
        }

        if (people.Count <= MaxMemberLookups)
        {
            people = await LookUpAsync(connector, activity.ServiceUrl, tenantId, teamsTeamId, people, cancellationToken).ConfigureAwait(false);
        }

        var added = await teams.AddMembersAsync(tenantId, team.Id, people, cancellationToken).ConfigureAwait(false);
        if (people.Count > MaxMemberLookups)
        {
            await SyncRosterAsync(connector, activity.ServiceUrl, tenantId, team, cancellationToken).ConfigureAwait(false);
        }

        return added.Count;
    }

    /// <summary>Members left the Teams team (their data stays), or the bot itself was removed (the team is archived).</summary>
    public async Task MembersRemovedAsync(Activity activity, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData?.Team?.Id is not { Length: > 0 } teamsTeamId)
        {
            return;
        }

        var removed = activity.MembersRemoved ?? [];
        if (removed.Any(activity.IsRecipient))
        {
            await ArchiveAsync(teamsTeamId, tenantId, cancellationToken).ConfigureAwait(false);
            return;
        }

        var team = await teams.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        var ids = removed.Select(m => m.Id).OfType<string>().ToList();
        if (team is not null && ids.Count > 0)
        {
            await teams.MarkLeftAsync(tenantId, team.Id, ids, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The bot was removed from the team: archive it (data kept for reports).</summary>
    public async Task ArchiveAsync(string teamsTeamId, string tenantId, CancellationToken cancellationToken)
    {
        if (await teams.ArchiveAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false))
        {
            LogArchived(logger);
        }
    }

    private static RosterEntry? Person(ChannelAccount? account) =>
        account?.Id is { Length: > 0 } id && !string.Equals(account.Role, "bot", StringComparison.OrdinalIgnoreCase) && !id.StartsWith("28:", StringComparison.Ordinal)
            ? new RosterEntry(id, account.AadObjectId, account.Name, null)
            : null;

    // Each person as the roster knows them (userRole, name, e-mail); one that cannot be read stays as the event named it.
    private async Task<List<RosterEntry>> LookUpAsync(
        IConnectorClient connector, string? serviceUrl, string tenantId, string teamsTeamId, List<RosterEntry> people, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            return people;
        }

        var found = new List<RosterEntry>(people.Count);
        foreach (var person in people)
        {
            try
            {
                var member = await connector.GetMemberAsync(serviceUrl, teamsTeamId, person.TeamsUserId, tenantId, cancellationToken).ConfigureAwait(false);
                found.Add(Entry(member) is { } entry && entry.TeamsUserId == person.TeamsUserId
                    ? entry with { AadObjectId = entry.AadObjectId ?? person.AadObjectId, Name = entry.Name ?? person.Name }
                    : person);
            }
            catch (ConnectorException exception)
            {
                LogMemberLookupFailed(logger, exception.Failure, exception.StatusCode);
                found.Add(person);
            }
        }

        return found;
    }

    private static RosterEntry? Entry(TeamsChannelAccount member) =>
        member.Id is { Length: > 0 } id && !id.StartsWith("28:", StringComparison.Ordinal)
            ? new RosterEntry(id, member.AadObjectId, member.Name, member.Email ?? member.UserPrincipalName, RosterEntry.GuestFromUserRole(member.UserRole))
            : null;

    private async Task SyncRosterAsync(IConnectorClient connector, string? serviceUrl, string tenantId, SalesTeam team, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || team.TeamsTeamId is null)
        {
            return;
        }

        string? token = null;
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        try
        {
            for (var page = 0; page < MaxRosterPages; page++)
            {
                var result = await connector.GetPagedMembersAsync(serviceUrl, team.TeamsTeamId, options.Value.RosterPageSize, token, tenantId, cancellationToken).ConfigureAwait(false);
                var people = result.Members.Select(Entry).OfType<RosterEntry>().ToList();
                total += (await teams.AddMembersAsync(tenantId, team.Id, people, cancellationToken).ConfigureAwait(false)).Count;
                token = result.ContinuationToken;
                if (string.IsNullOrEmpty(token) || !seenTokens.Add(token))
                {
                    break;
                }
            }
        }
        catch (ConnectorException exception)
        {
            // The team exists and the installer is added below; later member events and re-installs fill the rest.
            LogRosterFailed(logger, exception.Failure, exception.StatusCode, total);
        }

        LogRosterSynced(logger, team.Id, total);
    }

    // Fills job titles and line managers from Entra ID and returns the people worth suggesting as managers:
    // active Reps of the team who are the line manager of another active member. Suggested only, never granted.
    private async Task<IReadOnlyList<string>> ReadDirectoryAsync(string tenantId, long teamId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var memberIds = db.TeamMemberships.Where(m => m.SalesTeamId == teamId && m.LeftAt == null).Select(m => m.MemberId);
        var members = await db.Members.Where(m => memberIds.Contains(m.Id) && m.AadObjectId != null).ToListAsync(cancellationToken).ConfigureAwait(false);
        var profiles = new System.Collections.Concurrent.ConcurrentDictionary<long, DirectoryProfile>();
        await Parallel.ForEachAsync(
            members.Select(m => (m.Id, Aad: m.AadObjectId!)).ToList(),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelLookups, CancellationToken = cancellationToken },
            async (person, token) =>
            {
                if (await directory.FindAsync(person.Aad, token).ConfigureAwait(false) is { } profile)
                {
                    profiles[person.Id] = profile;
                }
            }).ConfigureAwait(false);

        var managerAad = new Dictionary<long, string>();
        foreach (var member in members)
        {
            if (!profiles.TryGetValue(member.Id, out var profile))
            {
                continue;
            }

            if (profile.JobTitle is { Length: > 0 } title)
            {
                member.JobTitle = title.Length <= ColumnLengths.Name ? title : title[..ColumnLengths.Name];
            }

            if (profile.ManagerAadObjectId is { Length: > 0 } manager)
            {
                managerAad[member.Id] = manager;
            }
        }

        var wanted = managerAad.Values.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var managers = await db.Members.Where(m => m.AadObjectId != null && wanted.Contains(m.AadObjectId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var member in members)
        {
            member.LineManagerId = managerAad.TryGetValue(member.Id, out var aad)
                ? managers.FirstOrDefault(m => string.Equals(m.AadObjectId, aad, StringComparison.OrdinalIgnoreCase))?.Id ?? member.LineManagerId
                : member.LineManagerId;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var lineManagerIds = members.Where(m => m.LineManagerId is not null).Select(m => m.LineManagerId!.Value).ToHashSet();
        var reps = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == teamId && m.LeftAt == null && m.Role == TeamRole.Rep && lineManagerIds.Contains(m.MemberId))
            .Select(m => m.Member!.Name ?? m.Member.TeamsUserId)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. reps.Order(StringComparer.CurrentCulture)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sales team {TeamId} set up with {MemberCount} active members")]
    private static partial void LogInstalled(ILogger logger, long teamId, int memberCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster of sales team {TeamId}: {Count} members synced")]
    private static partial void LogRosterSynced(ILogger logger, long teamId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster sync stopped ({Failure}, status {Status}) after {Count} members")]
    private static partial void LogRosterFailed(ILogger logger, ConnectorFailure failure, System.Net.HttpStatusCode? status, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Look-up of a new team member failed ({Failure}, status {Status}); their guest flag stays as it was")]
    private static partial void LogMemberLookupFailed(ILogger logger, ConnectorFailure failure, System.Net.HttpStatusCode? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "The bot was removed from a team: sales team archived")]
    private static partial void LogArchived(ILogger logger);
}
