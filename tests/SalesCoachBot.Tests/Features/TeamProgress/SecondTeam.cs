using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Features.TeamProgress;

/// <summary>
/// A second team for <see cref="TeamWorld"/>'s manager Mia: West Sales, with one rep, Wes West (revenue 1,200,000 a year,
/// 30,000 logged on 9 November 2026). Mia then manages two teams and names the one she means.
/// </summary>
internal static class SecondTeam
{
    public const string Name = "West Sales";
    public const string Rep = "29:wes";
    public const string RepName = "Wes West";

    public static async Task<long> AddAsync(TeamWorld world, string tenant = TeamWorld.TenantA)
    {
        long teamId;
        var (scope, _) = world.App.NewStore(tenant);
        await using (scope)
        {
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var team = await directory.EnsureTeamAsync(tenant, "19:west@thread.tacv2", Name, null);
            teamId = team.Id;
            var ids = await directory.AddMembersAsync(tenant, team.Id,
                [new RosterEntry(TeamWorld.Manager, "aad-mia", TeamWorld.ManagerName, "mia@contoso.com"), new RosterEntry(Rep, "aad-wes", RepName, "wes@contoso.com")]);
            await directory.SetRoleAsync(tenant, team.Id, ids[0], TeamRole.Manager);
            world.Members[Rep] = ids[1];
        }

        await world.SetYearlyAsync(Rep, KpiDefaults.Revenue, 1_200_000m, tenant);
        await world.RecordAsync(Rep, KpiDefaults.Revenue, 30_000m, new DateOnly(2026, 11, 9), tenant);
        world.App.Connector.Reset();
        return teamId;
    }
}
