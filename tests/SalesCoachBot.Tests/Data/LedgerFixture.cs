using SalesCoachBot.Data;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Data;

/// <summary>Seeds a tenant with members, a team and two KPIs (revenue summed, calls counted) on a fresh database.</summary>
internal sealed record LedgerSeed(long Alice, long Bob, long Team, long Revenue, long Calls);

internal static class LedgerFixture
{
    public static async Task<LedgerSeed> SeedAsync(TestDatabase database, string tenantId)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        var now = database.Time.GetUtcNow();
        store.Tenants.Add(new Tenant { TenantId = tenantId, FirstSeenAt = now });
        var alice = new Member { TenantId = tenantId, TeamsUserId = "29:alice-" + tenantId, Name = "Alice", CreatedAt = now, UpdatedAt = now };
        var bob = new Member { TenantId = tenantId, TeamsUserId = "29:bob-" + tenantId, Name = "Bob", CreatedAt = now, UpdatedAt = now };
        var team = new SalesTeam { TenantId = tenantId, Name = "East", TeamsTeamId = "19:east-" + tenantId, TimeZone = "Asia/Shanghai", CreatedAt = now };
        var revenue = new KpiDefinition { TenantId = tenantId, Key = "revenue", Unit = KpiUnit.Currency, Aggregation = KpiAggregation.Sum, Currency = "CNY" };
        var calls = new KpiDefinition { TenantId = tenantId, Key = "calls", Unit = KpiUnit.Count, Aggregation = KpiAggregation.Count };
        store.AddRange(alice, bob, team, revenue, calls);
        await store.SaveChangesAsync();
        store.TeamMemberships.AddRange(
            new TeamMembership { TenantId = tenantId, SalesTeamId = team.Id, MemberId = alice.Id, Role = TeamRole.Rep, JoinedAt = now },
            new TeamMembership { TenantId = tenantId, SalesTeamId = team.Id, MemberId = bob.Id, Role = TeamRole.Rep, JoinedAt = now });
        await store.SaveChangesAsync();
        return new LedgerSeed(alice.Id, bob.Id, team.Id, revenue.Id, calls.Id);
    }
}
