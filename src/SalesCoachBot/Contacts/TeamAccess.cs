using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;

namespace SalesCoachBot.Contacts;

/// <summary>
/// The "manager of this team" guard for manager-only features: who may manage which sales team of a tenant. A manager manages the
/// teams where they hold an active Manager membership; a tenant admin (<see cref="Member.IsAdmin"/>) manages every
/// team of their tenant that is not archived. Every check binds the store to the tenant, so it never sees another
/// tenant's teams.
/// </summary>
internal sealed class TeamAccess(SalesCoachDbContext db)
{
    /// <summary>True when the member may do manager things in the team (its manager, or a tenant admin).</summary>
    public async Task<bool> CanManageAsync(string tenantId, long memberId, long salesTeamId, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        return await IsAdminAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false)
            ? await db.SalesTeams.AnyAsync(t => t.Id == salesTeamId && t.ArchivedAt == null, cancellationToken).ConfigureAwait(false)
            : await IsManagerAsync(tenantId, memberId, salesTeamId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the member holds an active Manager membership of the team (admins excluded).</summary>
    public Task<bool> IsManagerAsync(string tenantId, long memberId, long salesTeamId, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        return db.TeamMemberships.AnyAsync(
            m => m.MemberId == memberId && m.SalesTeamId == salesTeamId && m.LeftAt == null && m.Role == TeamRole.Manager && m.SalesTeam!.ArchivedAt == null,
            cancellationToken);
    }

    /// <summary>True when the member is a tenant admin.</summary>
    public Task<bool> IsAdminAsync(string tenantId, long memberId, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        return db.Members.AnyAsync(m => m.Id == memberId && m.IsAdmin, cancellationToken);
    }

    /// <summary>True when the member is a Teams guest (<see cref="Member.IsGuest"/>): they never see other members' numbers.</summary>
    public Task<bool> IsGuestAsync(string tenantId, long memberId, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        return db.Members.AnyAsync(m => m.Id == memberId && m.IsGuest, cancellationToken);
    }

    /// <summary>Ids of the teams (not archived) the member may manage, in creation order.</summary>
    public async Task<IReadOnlyList<long>> ManagedTeamIdsAsync(string tenantId, long memberId, CancellationToken cancellationToken = default) =>
        await (await ManagedAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false))
            .Select(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>How many active managers the team has (a team keeps at least one).</summary>
    public Task<int> ManagerCountAsync(string tenantId, long salesTeamId, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        return db.TeamMemberships.CountAsync(m => m.SalesTeamId == salesTeamId && m.LeftAt == null && m.Role == TeamRole.Manager, cancellationToken);
    }

    /// <summary>The live teams the member may manage (id, name, zone), in creation order.</summary>
    public async Task<IReadOnlyList<SalesTeam>> ManagedTeamsAsync(string tenantId, long memberId, CancellationToken cancellationToken = default) =>
        await (await ManagedAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false))
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);

    // The teams (not archived) a member may manage, in creation order: all of them for a tenant admin.
    private async Task<IQueryable<SalesTeam>> ManagedAsync(string tenantId, long memberId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var teams = db.SalesTeams.Where(t => t.ArchivedAt == null);
        if (!await IsAdminAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false))
        {
            teams = teams.Where(t => db.TeamMemberships.Any(m => m.SalesTeamId == t.Id && m.MemberId == memberId && m.LeftAt == null && m.Role == TeamRole.Manager));
        }

        return teams.OrderBy(t => t.Id);
    }

    /// <summary>A team by name among <paramref name="teams"/>: exact (ignoring case) first, else the only one containing it.</summary>
    public static SalesTeam? Named(IReadOnlyList<SalesTeam> teams, string name)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var exact = teams.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var partial = teams.Where(t => t.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
        return partial.Count == 1 ? partial[0] : null;
    }
}
