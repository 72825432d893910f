using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.TeamProgress;

/// <summary>
/// A sales team seeded through the app's own services: manager Mia, reps Alice, Bob and Carol (and optionally Dan),
/// in the Teams team <see cref="TeamsTeamId"/>. Wednesday 18 November 2026, 10:00 in Shanghai: 12 of November's 21
/// working days (China 2026 calendar) have elapsed.
/// </summary>
internal sealed class TeamWorld
{
    public const string TenantA = ActivityBuilder.DefaultTenant;
    public const string TenantB = "tenant-fabrikam";
    public const string TeamsTeamId = "19:team-general@thread.tacv2";
    public const string Manager = "29:mia";
    public const string ManagerName = "Mia Manager";

    public static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private TeamWorld(SalesCoachBotApplication app) => App = app;

    public SalesCoachBotApplication App { get; }

    public long TeamId { get; private set; }

    public Dictionary<string, long> Members { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Kpis { get; } = new(StringComparer.Ordinal);

    public static SalesCoachBotApplication NewApp(DatabaseProvider provider) => new(provider) { Time = new FakeTimeProvider(Now) };

    /// <summary>The team with its people; no targets or results yet.</summary>
    public static async Task<TeamWorld> CreateAsync(SalesCoachBotApplication app, string tenant = TenantA, bool withDan = false)
    {
        var world = new TeamWorld(app);
        // The first message makes the tenant and its default KPIs known.
        await app.PostActivityAsync(ActivityBuilder.Message("help").InTenant(tenant).From(Manager, ManagerName));
        var (scope, store) = app.NewStore(tenant);
        await using (scope)
        {
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var team = await directory.EnsureTeamAsync(tenant, TeamsTeamId, "East Sales", null);
            world.TeamId = team.Id;
            List<RosterEntry> people =
            [
                new(Manager, "aad-mia", ManagerName, "mia@contoso.com"),
                new("29:alice", "aad-alice", "Alice Wang", "alice@contoso.com"),
                new("29:bob", "aad-bob", "Bob Li", "bob@contoso.com"),
                new("29:carol", "aad-carol", "Carol Chen", "carol@contoso.com"),
            ];
            if (withDan)
            {
                people.Add(new("29:dan", "aad-dan", "Dan Zhao", "dan@contoso.com"));
            }

            var ids = await directory.AddMembersAsync(tenant, team.Id, people);
            for (var i = 0; i < people.Count; i++)
            {
                world.Members[people[i].TeamsUserId] = ids[i];
            }

            await directory.SetRoleAsync(tenant, team.Id, world.Members[Manager], TeamRole.Manager);
            foreach (var kpi in await store.Kpis.ToListAsync())
            {
                world.Kpis[kpi.Key] = kpi.Id;
            }
        }

        app.Connector.Reset();
        return world;
    }

    /// <summary>
    /// November: Alice 80,000 of 100,000 (ahead), Bob 20,000 of 100,000 (behind), Carol 5,000 without a target; with
    /// Dan: 40,000 of 200,000 (20 %, like Bob, with more actual). October results for "most improved".
    /// </summary>
    public async Task SeedNovemberAsync(string tenant = TenantA)
    {
        await SetYearlyAsync("29:alice", KpiDefaults.Revenue, 1_200_000m, tenant);
        await SetYearlyAsync("29:bob", KpiDefaults.Revenue, 1_200_000m, tenant);
        await RecordAsync("29:alice", KpiDefaults.Revenue, 80_000m, new DateOnly(2026, 11, 10), tenant);
        await RecordAsync("29:bob", KpiDefaults.Revenue, 20_000m, new DateOnly(2026, 11, 4), tenant);
        await RecordAsync("29:carol", KpiDefaults.Revenue, 5_000m, new DateOnly(2026, 11, 17), tenant);
        // October: at November's point (10 of October's 18 working days, through 21 October) Alice had 90,000 and
        // Bob 5,000; Bob's 30 October deal comes after that point and must not count.
        await RecordAsync("29:alice", KpiDefaults.Revenue, 90_000m, new DateOnly(2026, 10, 12), tenant);
        await RecordAsync("29:bob", KpiDefaults.Revenue, 5_000m, new DateOnly(2026, 10, 12), tenant);
        await RecordAsync("29:bob", KpiDefaults.Revenue, 200_000m, new DateOnly(2026, 10, 30), tenant);
        if (Members.ContainsKey("29:dan"))
        {
            await SetYearlyAsync("29:dan", KpiDefaults.Revenue, 2_400_000m, tenant);
            await RecordAsync("29:dan", KpiDefaults.Revenue, 40_000m, new DateOnly(2026, 11, 16), tenant);
        }
    }

    /// <summary>Adds <paramref name="who"/> to the team as the roster sync does for a Teams guest; as Manager when asked.</summary>
    public async Task AddGuestAsync(string who, string name, bool asManager = false, string tenant = TenantA)
    {
        var (scope, _) = App.NewStore(tenant);
        await using var _scope = scope;
        var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
        var id = (await directory.AddMembersAsync(tenant, TeamId, [new RosterEntry(who, "aad-" + who, name, null, IsGuest: true)])).Single();
        Members[who] = id;
        if (asManager)
        {
            await directory.SetRoleAsync(tenant, TeamId, id, TeamRole.Manager);
        }
    }

    /// <summary>The team's progress visibility as stored.</summary>
    public async Task<ProgressVisibility> VisibilityAsync(string tenant = TenantA)
    {
        var (scope, store) = App.NewStore(tenant);
        await using var _scope = scope;
        return (await store.SalesTeams.AsNoTracking().SingleAsync(t => t.Id == TeamId)).ProgressVisibility;
    }

    public async Task SetYearlyAsync(string who, string kpi, decimal amount, string tenant = TenantA)
    {
        var (scope, _) = App.NewStore(tenant);
        await using var _scope = scope;
        await scope.ServiceProvider.GetRequiredService<TargetPlan>().SetYearlyAsync(TargetOwner.Member(Members[who]), Kpis[kpi], 2026, amount);
    }

    public async Task OverrideAsync(string who, string kpi, SalesPeriod period, decimal amount, string tenant = TenantA)
    {
        var (scope, _) = App.NewStore(tenant);
        await using var _scope = scope;
        await scope.ServiceProvider.GetRequiredService<TargetPlan>().OverrideAsync(TargetOwner.Member(Members[who]), Kpis[kpi], period, amount);
    }

    /// <summary>Seeds a result as history: straight into the ledger, without telling its observers (no celebration).</summary>
    public async Task RecordAsync(string who, string kpi, decimal amount, DateOnly on, string tenant = TenantA)
    {
        var (scope, store) = App.NewStore(tenant);
        await using var _scope = scope;
        await new ResultLedger(store, scope.ServiceProvider.GetRequiredService<TimeProvider>())
            .RecordAsync(new ResultEntry(Members[who], Kpis[kpi], amount, on, ResultSources.Chat));
    }

    /// <summary>The effective target as <see cref="TargetPlan"/> reads it (China calendar, as the team's zone is Shanghai).</summary>
    public async Task<decimal?> TargetAsync(TargetOwner owner, string kpi, SalesPeriod period, string tenant = TenantA)
    {
        var (scope, _) = App.NewStore(tenant);
        await using var _scope = scope;
        return await scope.ServiceProvider.GetRequiredService<TargetPlan>().TargetForAsync(owner, Kpis[kpi], period, WorkingCalendarFile.China);
    }

    /// <summary>Every target row of the tenant (to show that a refused command changed nothing).</summary>
    public async Task<List<(long? MemberId, long? TeamId, long KpiId, TargetPeriodKind Kind, decimal Amount)>> TargetRowsAsync(string tenant = TenantA)
    {
        var (scope, store) = App.NewStore(tenant);
        await using var _scope = scope;
        var rows = await store.SalesTargets.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        return [.. rows.Select(t => (t.MemberId, t.SalesTeamId, t.KpiId, t.PeriodKind, t.Amount))];
    }

    public static ActivityBuilder Personal(string text, string from = Manager, string name = ManagerName, string tenant = TenantA) =>
        ActivityBuilder.Message(text).InTenant(tenant).InPersonalChat("a:personal-" + from).From(from, name);

    public static ActivityBuilder Channel(string text, string from, string name, string tenant = TenantA) =>
        ActivityBuilder.Message(text).InTenant(tenant).InChannel(TeamsTeamId, TeamsTeamId).From(from, name).MentioningBot();

    public static ActivityBuilder Invoke(string verb, object data, string from = Manager, string name = ManagerName, string tenant = TenantA) =>
        ActivityBuilder.Of("invoke").InTenant(tenant).InPersonalChat("a:personal-" + from).From(from, name).WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb, data } });

    /// <summary>Asserts the parts appear in the card text in this order.</summary>
    public static void AssertInOrder(string card, params string[] parts)
    {
        var at = -1;
        foreach (var part in parts)
        {
            var next = card.IndexOf(part, at + 1, StringComparison.Ordinal);
            Assert.True(next > at, $"'{part}' is missing or out of order in:\n{card}");
            at = next;
        }
    }
}
