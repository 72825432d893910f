using Microsoft.Extensions.Options;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Contacts;

public sealed class TeamAccessTests
{
    private sealed record World(long East, long West, long Manager, long Rep, long Admin);

    private static async Task<World> SeedAsync(TestDatabase database, string tenant)
    {
        var (scope, store) = database.NewStore();
        await using var _ = scope;
        store.ForTenant(tenant);
        store.Tenants.Add(new Tenant { TenantId = tenant });
        await store.SaveChangesAsync();
        var teams = new SalesTeamDirectory(store, database.Time, Options.Create(new SalesTeamOptions()));
        var east = await teams.EnsureTeamAsync(tenant, "19:east@thread.tacv2", "East", null);
        var west = await teams.EnsureTeamAsync(tenant, "19:west@thread.tacv2", "West", null);
        var ids = await teams.AddMembersAsync(tenant, east.Id, [new("29:manager", null, "Mia", null), new("29:rep", null, "Ray", null), new("29:admin", null, "Ada", null)]);
        await teams.AddMembersAsync(tenant, west.Id, [new("29:rep", null, "Ray", null)]);
        await teams.SetRoleAsync(tenant, east.Id, ids[0], TeamRole.Manager);
        var admin = await store.FindAsync<Member>(ids[2]);
        admin!.IsAdmin = true;
        await store.SaveChangesAsync();
        return new World(east.Id, west.Id, ids[0], ids[1], ids[2]);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CanManage_ManagerRepAndAdmin_OnlyManagersAndAdminsOfTheTenant(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await SeedAsync(database, "tenant-a");
        var (scope, store) = database.NewStore();
        await using var _ = scope;
        var access = new TeamAccess(store);

        Assert.True(await access.CanManageAsync("tenant-a", a.Manager, a.East));
        Assert.False(await access.CanManageAsync("tenant-a", a.Manager, a.West));
        Assert.False(await access.CanManageAsync("tenant-a", a.Rep, a.East));
        Assert.True(await access.CanManageAsync("tenant-a", a.Admin, a.West));
        Assert.Equal([a.East], await access.ManagedTeamIdsAsync("tenant-a", a.Manager));
        Assert.Equal([a.East, a.West], await access.ManagedTeamIdsAsync("tenant-a", a.Admin));
        Assert.Empty(await access.ManagedTeamIdsAsync("tenant-a", a.Rep));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CanManage_AskedUnderAnotherTenant_SeesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await SeedAsync(database, "tenant-a");
        await SeedAsync(database, "tenant-b");
        var (scope, store) = database.NewStore();
        await using var _ = scope;
        var access = new TeamAccess(store);

        // Tenant A's ids asked under tenant B: the tenant filter hides them, so no access and no teams.
        Assert.False(await access.CanManageAsync("tenant-b", a.Manager, a.East));
        Assert.False(await access.CanManageAsync("tenant-b", a.Admin, a.East));
        Assert.Empty(await access.ManagedTeamIdsAsync("tenant-b", a.Admin));
        await Assert.ThrowsAsync<InvalidOperationException>(() => access.CanManageAsync("tenant-a", a.Manager, a.East));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ArchivedTeam_NobodyManagesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await SeedAsync(database, "tenant-a");
        var (scope, store) = database.NewStore();
        await using var _ = scope;
        var teams = new SalesTeamDirectory(store, database.Time, Options.Create(new SalesTeamOptions()));
        var access = new TeamAccess(store);

        Assert.True(await teams.ArchiveAsync("tenant-a", "19:east@thread.tacv2"));

        Assert.False(await access.CanManageAsync("tenant-a", a.Manager, a.East));
        Assert.False(await access.CanManageAsync("tenant-a", a.Admin, a.East));
        Assert.Equal([a.West], await access.ManagedTeamIdsAsync("tenant-a", a.Admin));
    }
}
