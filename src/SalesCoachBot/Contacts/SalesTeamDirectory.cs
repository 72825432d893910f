using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Contacts;

/// <summary>
/// A person on a Teams roster page or in a membersAdded event. <see cref="IsGuest"/>: from the roster's
/// <c>userRole</c>; null when the source does not say (a membersAdded event carries only the id), which keeps what is known.
/// </summary>
internal sealed record RosterEntry(string TeamsUserId, string? AadObjectId, string? Name, string? Email, bool? IsGuest = null)
{
    /// <summary>
    /// Reads the roster's <c>userRole</c>: <c>guest</c> (and <c>anonymous</c>, a meeting's anonymous user) is a guest,
    /// another value is not, none says nothing.
    /// </summary>
    public static bool? GuestFromUserRole(string? userRole) =>
        string.IsNullOrWhiteSpace(userRole)
            ? null
            : string.Equals(userRole, "guest", StringComparison.OrdinalIgnoreCase) || string.Equals(userRole, "anonymous", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Sales teams and their rosters, tenant-scoped (every call binds the store to its tenant, so a call for tenant B on a
/// store bound to tenant A throws instead of mixing rows). Writes are idempotent: the Agents Playground and Teams
/// repeat install and member events.
/// </summary>
internal sealed class SalesTeamDirectory(SalesCoachDbContext db, TimeProvider time, IOptions<SalesTeamOptions> options)
{
    private const int MaxSaveAttempts = 3;

    /// <summary>The tenant's sales team bound to a Teams team, archived or not; null when there is none.</summary>
    public Task<SalesTeam?> FindByTeamsIdAsync(string tenantId, string teamsTeamId, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        return db.SalesTeams.FirstOrDefaultAsync(t => t.TeamsTeamId == teamsTeamId, cancellationToken);
    }

    /// <summary>
    /// Creates the sales team of a Teams team, or refreshes its name and group and takes it out of the archive
    /// (the bot was added again). The General channel's id is the team id.
    /// </summary>
    public async Task<SalesTeam> EnsureTeamAsync(string tenantId, string teamsTeamId, string? name, string? aadGroupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamsTeamId);
        db.ForTenant(tenantId);
        name = Cut(name, ColumnLengths.Name);
        aadGroupId = aadGroupId is { Length: > 0 and <= ColumnLengths.AadObjectId } ? aadGroupId : null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var team = await db.SalesTeams.FirstOrDefaultAsync(t => t.TeamsTeamId == teamsTeamId, cancellationToken).ConfigureAwait(false);
                if (team is null)
                {
                    team = new SalesTeam
                    {
                        TenantId = tenantId,
                        TeamsTeamId = teamsTeamId,
                        ChannelId = teamsTeamId,
                        Name = name ?? teamsTeamId,
                        AadGroupId = aadGroupId,
                        TimeZone = options.Value.DefaultTimeZone,
                        CreatedAt = time.GetUtcNow(),
                    };
                    db.SalesTeams.Add(team);
                }
                else
                {
                    team.Name = name ?? team.Name;
                    team.AadGroupId = aadGroupId ?? team.AadGroupId;
                    team.ArchivedAt = null;
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return team;
            }
            catch (DbUpdateException) when (attempt < MaxSaveAttempts)
            {
                // A concurrent install event created it first; the next pass refreshes that row.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Upserts people as members (by Teams id; a pending imported row with the same Entra id or e-mail is linked
    /// instead of duplicated) and makes them active members of the team: new ones as Rep, returning ones keep their
    /// role. Returns the member ids, in the order given. One read and one write per call: pass a roster page.
    /// </summary>
    public async Task<IReadOnlyList<long>> AddMembersAsync(string tenantId, long salesTeamId, IReadOnlyList<RosterEntry> people, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        db.ForTenant(tenantId);
        var valid = people
            .Where(p => p.TeamsUserId is { Length: > 0 and <= ColumnLengths.ChannelAccountId } && !p.TeamsUserId.StartsWith(Member.PendingTeamsUserIdPrefix, StringComparison.Ordinal))
            .DistinctBy(p => p.TeamsUserId, StringComparer.Ordinal)
            .ToList();
        if (valid.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AddMembersOnceAsync(tenantId, salesTeamId, valid, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < MaxSaveAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Sets LeftAt on the active memberships of these Teams users in the team; the data stays. Returns how many left.</summary>
    public async Task<int> MarkLeftAsync(string tenantId, long salesTeamId, IReadOnlyCollection<string> teamsUserIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teamsUserIds);
        db.ForTenant(tenantId);
        if (teamsUserIds.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        return await db.TeamMemberships
            .Where(m => m.SalesTeamId == salesTeamId && m.LeftAt == null && teamsUserIds.Contains(m.Member!.TeamsUserId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeftAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Marks the team archived (the bot was removed from it); members and history stay. False when unknown.</summary>
    public async Task<bool> ArchiveAsync(string tenantId, string teamsTeamId, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        var now = time.GetUtcNow();
        var updated = await db.SalesTeams
            .Where(t => t.TeamsTeamId == teamsTeamId && t.ArchivedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ArchivedAt, now), cancellationToken)
            .ConfigureAwait(false);
        return updated > 0;
    }

    /// <summary>Sets who sees the team's progress in its channel. False when the team is unknown or archived.</summary>
    public async Task<bool> SetProgressVisibilityAsync(string tenantId, long salesTeamId, ProgressVisibility visibility, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        var updated = await db.SalesTeams
            .Where(t => t.Id == salesTeamId && t.ArchivedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ProgressVisibility, visibility), cancellationToken)
            .ConfigureAwait(false);
        return updated > 0;
    }

    /// <summary>Sets the role of an active member of the team. False when the member is not an active member.</summary>
    public async Task<bool> SetRoleAsync(string tenantId, long salesTeamId, long memberId, TeamRole role, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        var updated = await db.TeamMemberships
            .Where(m => m.SalesTeamId == salesTeamId && m.MemberId == memberId && m.LeftAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, role), cancellationToken)
            .ConfigureAwait(false);
        return updated > 0;
    }

    /// <summary>The active members of a team with their role, managers first, then by name.</summary>
    public async Task<IReadOnlyList<TeamMemberView>> ActiveMembersAsync(string tenantId, long salesTeamId, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        var rows = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == salesTeamId && m.LeftAt == null)
            .Select(m => new TeamMemberView(m.MemberId, m.Member!.TeamsUserId, m.Member.AadObjectId, m.Member.Name, m.Role))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. rows.OrderByDescending(r => r.Role).ThenBy(r => r.Name, StringComparer.CurrentCulture)];
    }

    private async Task<IReadOnlyList<long>> AddMembersOnceAsync(string tenantId, long salesTeamId, List<RosterEntry> people, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = people.Select(p => p.TeamsUserId).ToList();
        var known = await db.Members.Where(m => ids.Contains(m.TeamsUserId)).ToDictionaryAsync(m => m.TeamsUserId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        var missing = people.Where(p => !known.ContainsKey(p.TeamsUserId)).ToList();
        var pending = missing.Count == 0
            ? []
            : await db.Members.Where(m => m.TeamsUserId.StartsWith(Member.PendingTeamsUserIdPrefix)).ToListAsync(cancellationToken).ConfigureAwait(false);

        var members = new List<Member>(people.Count);
        foreach (var person in people)
        {
            if (!known.TryGetValue(person.TeamsUserId, out var member))
            {
                member = TakePending(pending, person);
                if (member is null)
                {
                    member = new Member { TenantId = tenantId, TeamsUserId = person.TeamsUserId, CreatedAt = now, UpdatedAt = now };
                    db.Members.Add(member);
                }
                else
                {
                    member.TeamsUserId = person.TeamsUserId;
                }
            }

            if (Refresh(member, person))
            {
                member.UpdatedAt = now;
            }

            members.Add(member);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var memberIds = members.Select(m => m.Id).ToList();
        var memberships = await db.TeamMemberships
            .Where(m => m.SalesTeamId == salesTeamId && memberIds.Contains(m.MemberId))
            .ToDictionaryAsync(m => m.MemberId, cancellationToken)
            .ConfigureAwait(false);
        foreach (var memberId in memberIds)
        {
            if (!memberships.TryGetValue(memberId, out var membership))
            {
                db.TeamMemberships.Add(new TeamMembership { TenantId = tenantId, SalesTeamId = salesTeamId, MemberId = memberId, Role = TeamRole.Rep, JoinedAt = now });
            }
            else if (membership.LeftAt is not null)
            {
                membership.LeftAt = null;
                membership.JoinedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return memberIds;
    }

    private static Member? TakePending(List<Member> pending, RosterEntry person)
    {
        var match = pending.FirstOrDefault(m => person.AadObjectId is not null && string.Equals(m.AadObjectId, person.AadObjectId, StringComparison.OrdinalIgnoreCase))
            ?? pending.FirstOrDefault(m => person.Email is not null && string.Equals(m.Email, person.Email, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            pending.Remove(match);
        }

        return match;
    }

    // Absent values never erase known ones (membersAdded events carry only the id).
    private static bool Refresh(Member member, RosterEntry person)
    {
        var changed = false;
        var name = Cut(person.Name, ColumnLengths.Name);
        if (name is not null && name != member.Name)
        {
            member.Name = name;
            changed = true;
        }

        if (person.AadObjectId is { Length: > 0 and <= ColumnLengths.AadObjectId } aad && aad != member.AadObjectId)
        {
            member.AadObjectId = aad;
            changed = true;
        }

        if (person.Email is { Length: > 0 and <= ColumnLengths.Email } email && email != member.Email)
        {
            member.Email = email;
            changed = true;
        }

        if (person.IsGuest is { } guest && guest != member.IsGuest)
        {
            member.IsGuest = guest;
            changed = true;
        }

        return changed;
    }

    private static string? Cut(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= maxLength ? trimmed : trimmed[..maxLength];
    }
}

/// <summary>An active member of a team as shown to people: who and which role.</summary>
internal sealed record TeamMemberView(long MemberId, string TeamsUserId, string? AadObjectId, string? Name, TeamRole Role);
