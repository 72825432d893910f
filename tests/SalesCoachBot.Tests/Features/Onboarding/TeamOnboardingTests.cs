using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using SalesCoachBot.Data;
using SalesCoachBot.Integrations.Graph;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.Onboarding;

public sealed class TeamOnboardingTests
{
    private const string TeamId = "19:team-general@thread.tacv2";
    private const string Tenant = ActivityBuilder.DefaultTenant;

    /// <summary>The team's roster on the fake connector: Alice and <paramref name="count"/> - 1 reps.</summary>
    internal static void FillRoster(FakeConnectorServer connector, int count)
    {
        List<TeamsChannelAccount> roster = [new TeamsChannelAccount { Id = "29:alice", Name = "Alice Wang", AadObjectId = "aad-alice", Email = "alice@contoso.com" }];
        for (var i = 1; i < count; i++)
        {
            var id = $"29:rep{i:D4}";
            roster.Add(new TeamsChannelAccount { Id = id, Name = $"Rep {i:D4}", AadObjectId = $"aad-rep{i:D4}", UserPrincipalName = $"rep{i:D4}@contoso.com" });
        }

        connector.SetMembers(TeamId, roster);
    }

    internal static ActivityBuilder InstallInTeam(string tenant = Tenant) =>
        ActivityBuilder.Of("conversationUpdate").InTenant(tenant).InChannel(teamName: "East Sales").WithEventType("teamMemberAdded").WithMembersAdded(ActivityBuilder.BotId);

    internal static string CardText(Activity activity) => SalesCoachBot.Testing.CardText.Of(activity);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Install_InTeamChannel_CreatesTeamRosterAndInstallerAsManager(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        FillRoster(app.Connector, 5);

        var response = await app.PostActivityAsync(InstallInTeam());

        Assert.True(response.IsSuccessStatusCode);
        var (scope, store) = app.NewStore(Tenant);
        await using var _ = scope;
        var team = await store.SalesTeams.SingleAsync();
        Assert.Equal(("East Sales", TeamId, TeamId, "group-East-Sales", "Asia/Shanghai"), (team.Name, team.TeamsTeamId, team.ChannelId, team.AadGroupId, team.TimeZone));
        var roster = await store.TeamMemberships.Where(m => m.SalesTeamId == team.Id).Select(m => new { m.Member!.TeamsUserId, m.Member.Email, m.Role, m.LeftAt }).ToListAsync();
        Assert.Equal(5, roster.Count);
        Assert.All(roster, r => Assert.Null(r.LeftAt));
        var manager = Assert.Single(roster, r => r.Role == TeamRole.Manager);
        Assert.Equal("29:alice", manager.TeamsUserId);
        Assert.Equal("rep0001@contoso.com", roster.Single(r => r.TeamsUserId == "29:rep0001").Email);

        var welcome = Assert.Single(app.Connector.SentActivities);
        Assert.Contains("I've set up East Sales with 5 members; Alice Wang manages it.", CardText(welcome), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Install_RepeatedAsPlaygroundDoes_ChangesNothing(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        FillRoster(app.Connector, 4);
        await app.PostActivityAsync(InstallInTeam());
        var before = await SnapshotAsync(app);

        await app.PostActivityAsync(ActivityBuilder.Of("installationUpdate").WithAction("add").InChannel(teamName: "East Sales"));
        await app.PostActivityAsync(InstallInTeam().From("29:rep0001", "Rep 0001"));

        Assert.Equal(before, await SnapshotAsync(app));
        Assert.Single(app.Connector.SentActivities);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Install_RosterOf1200_WalksEveryContinuationToken(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        FillRoster(app.Connector, 1200);

        await app.PostActivityAsync(InstallInTeam().WithLocale("zh-CN"));

        var (scope, store) = app.NewStore(Tenant);
        await using var _ = scope;
        Assert.Equal(1200, await store.TeamMemberships.CountAsync(m => m.LeftAt == null));
        Assert.Equal(1200, await store.Members.CountAsync());
        Assert.True(await store.Members.AnyAsync(m => m.TeamsUserId == "29:rep1199"));
        Assert.Contains("我已为East Sales建好团队，共1200名成员，由Alice Wang担任经理。", CardText(app.Connector.SentActivities.Single()), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MemberEvents_AddedRemovedAndBotRemoved_KeepRosterCurrentAndArchive(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        FillRoster(app.Connector, 3);
        await app.PostActivityAsync(InstallInTeam());

        await app.PostActivityAsync(ActivityBuilder.Of("conversationUpdate").InChannel().WithEventType("teamMemberAdded").WithMembersAdded("29:dave"));
        await app.PostActivityAsync(ActivityBuilder.Of("conversationUpdate").InChannel().WithEventType("teamMemberRemoved").WithMembersRemoved("29:rep0001"));

        var (scope, store) = app.NewStore(Tenant);
        await using (scope)
        {
            var roster = await store.TeamMemberships.Select(m => new { m.Member!.TeamsUserId, m.Role, m.LeftAt }).ToListAsync();
            Assert.Equal(TeamRole.Rep, roster.Single(r => r.TeamsUserId == "29:dave").Role);
            Assert.Null(roster.Single(r => r.TeamsUserId == "29:dave").LeftAt);
            Assert.NotNull(roster.Single(r => r.TeamsUserId == "29:rep0001").LeftAt);
            Assert.Equal(3, roster.Count(r => r.LeftAt == null));
            Assert.Null((await store.SalesTeams.SingleAsync()).ArchivedAt);
        }

        await app.PostActivityAsync(ActivityBuilder.Of("conversationUpdate").InChannel().WithEventType("teamMemberRemoved").WithMembersRemoved(ActivityBuilder.BotId));

        var (scope2, store2) = app.NewStore(Tenant);
        await using (scope2)
        {
            Assert.NotNull((await store2.SalesTeams.SingleAsync()).ArchivedAt);
            Assert.Equal(4, await store2.TeamMemberships.CountAsync());
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RosterAndMemberEvents_RecordWhoIsAGuest_AndKeepItCurrent(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        static TeamsChannelAccount Person(string id, string role) => new() { Id = id, Name = id[3..], AadObjectId = "aad-" + id[3..], UserRole = role };
        app.Connector.SetMembers(TeamId, [Person("29:alice", "user"), Person("29:gus", "guest"), Person("29:bob", "user")]);
        await app.PostActivityAsync(InstallInTeam());
        var installed = await GuestsAsync(app);

        // Later the roster says Gus is now a full user and Gina joined as a guest; Dave cannot be read (not on the roster).
        app.Connector.SetMembers(TeamId, [Person("29:alice", "user"), Person("29:gus", "user"), Person("29:bob", "user"), Person("29:gina", "guest")]);
        await app.PostActivityAsync(ActivityBuilder.Of("conversationUpdate").InChannel().WithEventType("teamMemberAdded").WithMembersAdded("29:gina", "29:gus", "29:dave"));
        var afterEvent = await GuestsAsync(app);

        // An event too big to look up one by one re-reads the roster, which still finds the guests.
        List<TeamsChannelAccount> big = [Person("29:alice", "user"), Person("29:gina", "guest")];
        big.AddRange(Enumerable.Range(1, 11).Select(i => Person($"29:rep{i:D2}", i == 7 ? "guest" : "user")));
        app.Connector.SetMembers(TeamId, big);
        await app.PostActivityAsync(ActivityBuilder.Of("conversationUpdate").InChannel().WithEventType("teamMemberAdded")
            .WithMembersAdded([.. Enumerable.Range(1, 11).Select(i => $"29:rep{i:D2}")]));
        var afterBigEvent = await GuestsAsync(app);

        Assert.Equal(["29:gus"], installed);
        Assert.Equal(["29:gina"], afterEvent);
        Assert.Equal(["29:gina", "29:rep07"], afterBigEvent);
        var (scope, store) = app.NewStore(Tenant);
        await using var _ = scope;
        Assert.Equal(16, await store.TeamMemberships.CountAsync(m => m.LeftAt == null));
    }

    private static async Task<List<string>> GuestsAsync(SalesCoachBotApplication app)
    {
        var (scope, store) = app.NewStore(Tenant);
        await using var _ = scope;
        return await store.Members.Where(m => m.IsGuest).OrderBy(m => m.TeamsUserId).Select(m => m.TeamsUserId).ToListAsync();
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task InstallationRemove_InTeam_ArchivesAndReinstallRestores(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        FillRoster(app.Connector, 2);
        await app.PostActivityAsync(InstallInTeam());

        await app.PostActivityAsync(ActivityBuilder.Of("installationUpdate").WithAction("remove").InChannel());
        await app.PostActivityAsync(ActivityBuilder.Of("conversationUpdate").InChannel().WithEventType("teamMemberAdded").WithMembersAdded("29:late"));
        var archived = await TeamAsync(app);
        int lateMemberships;
        var (scope, store) = app.NewStore(Tenant);
        await using (scope)
        {
            // A member event for an archived team neither revives it nor changes its roster.
            lateMemberships = await store.TeamMemberships.CountAsync(m => m.Member!.TeamsUserId == "29:late");
        }

        await app.PostActivityAsync(InstallInTeam());
        var restored = await TeamAsync(app);

        Assert.NotNull(archived.ArchivedAt);
        Assert.Null(restored.ArchivedAt);
        Assert.Equal(archived.Id, restored.Id);
        Assert.Equal(0, lateMemberships);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Install_SameTeamIdInTwoTenants_StaysTwoTeams(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        FillRoster(app.Connector, 3);

        await app.PostActivityAsync(InstallInTeam("tenant-a"));
        await app.PostActivityAsync(InstallInTeam("tenant-b").From("29:mallory", "Mallory"));

        foreach (var (tenant, manager) in new[] { ("tenant-a", "29:alice"), ("tenant-b", "29:mallory") })
        {
            var (scope, store) = app.NewStore(tenant);
            await using var _ = scope;
            var team = await store.SalesTeams.SingleAsync();
            Assert.Equal(tenant, team.TenantId);
            var managers = await store.TeamMemberships.Where(m => m.Role == TeamRole.Manager).Select(m => m.Member!.TeamsUserId).ToListAsync();
            Assert.Equal([manager], managers);
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FirstContact_NewTenant_CreatesDefaultKpisOnce(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);

        await app.PostActivityAsync(ActivityBuilder.Message("hello"));
        await app.PostActivityAsync(ActivityBuilder.Message("hello").From("29:bob", "Bob"));

        var (scope, store) = app.NewStore(Tenant);
        await using var _ = scope;
        var kpis = await store.Kpis.OrderBy(k => k.SortOrder).ToListAsync();
        // A CNY tenant also starts with 回款 (collections), right after revenue.
        Assert.Equal([KpiDefaults.Revenue, KpiDefaults.Collections, KpiDefaults.Contracts, KpiDefaults.NewCustomers, KpiDefaults.Visits], kpis.Select(k => k.Key));
        Assert.All(kpis.Take(2), k => Assert.Equal((KpiUnit.Currency, "CNY"), (k.Unit, k.Currency)));
        Assert.Equal(("Collections", "回款"), (kpis[1].NameEn, kpis[1].NameZh));
        Assert.All(kpis.Skip(2), k => Assert.Equal((KpiUnit.Count, (string?)null), (k.Unit, k.Currency)));
        Assert.All(kpis, k => Assert.Equal(KpiAggregation.Sum, k.Aggregation));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FirstContact_ImportedMemberWithSameEntraId_IsLinkedNotDuplicated(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        await app.PostActivityAsync(ActivityBuilder.Message("hello").From("29:admin", "Admin"));
        long importedId;
        var (scope, store) = app.NewStore(Tenant);
        await using (scope)
        {
            var imported = new Member { TenantId = Tenant, TeamsUserId = Member.PendingTeamsUserIdPrefix + "carol@contoso.com", Email = "carol@contoso.com", AadObjectId = "aad-carol", Name = "Carol (import)" };
            store.Members.Add(imported);
            await store.SaveChangesAsync();
            importedId = imported.Id;
        }

        await app.PostActivityAsync(ActivityBuilder.Message("hello").InPersonalChat("a:personal-carol").From("29:carol", "Carol Li", "aad-carol"));

        var (scope2, store2) = app.NewStore(Tenant);
        await using var _ = scope2;
        var carol = await store2.Members.SingleAsync(m => m.AadObjectId == "aad-carol");
        Assert.Equal((importedId, "29:carol", "Carol Li", "carol@contoso.com"), (carol.Id, carol.TeamsUserId, carol.Name, carol.Email));
        Assert.Equal(importedId, (await store2.Conversations.SingleAsync(c => c.ConversationId == "a:personal-carol")).MemberId);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FirstContact_ImportedMemberWithOnlyAnEmail_IsLinkedThroughTheMemberLookup(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        app.Connector.SetMembers("a:personal-dan", [new TeamsChannelAccount { Id = "29:dan", Name = "Dan Wu", UserPrincipalName = "Dan.Wu@contoso.com" }]);
        await app.PostActivityAsync(ActivityBuilder.Message("hello").From("29:admin", "Admin"));
        long importedId;
        var (scope, store) = app.NewStore(Tenant);
        await using (scope)
        {
            var imported = new Member { TenantId = Tenant, TeamsUserId = Member.PendingTeamsUserIdPrefix + "dan", Email = "dan.wu@contoso.com" };
            store.Members.Add(imported);
            await store.SaveChangesAsync();
            importedId = imported.Id;
        }

        await app.PostActivityAsync(ActivityBuilder.Message("hello").InPersonalChat("a:personal-dan").From("29:dan", "Dan Wu", "aad-dan"));
        await app.PostActivityAsync(ActivityBuilder.Message("hello").InPersonalChat("a:personal-eve").From("29:eve", "Eve", "aad-eve"));

        var (scope2, store2) = app.NewStore(Tenant);
        await using var _ = scope2;
        var dan = await store2.Members.SingleAsync(m => m.TeamsUserId == "29:dan");
        Assert.Equal((importedId, "Dan Wu", "aad-dan"), (dan.Id, dan.Name, dan.AadObjectId));
        Assert.Equal(3, await store2.Members.CountAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RosterSync_ImportedMemberWithSameEmail_IsLinked(DatabaseProvider provider)
    {
        await using var app = new SalesCoachBotApplication(provider);
        FillRoster(app.Connector, 3);
        await app.PostActivityAsync(ActivityBuilder.Message("hello").From("29:admin", "Admin"));
        var (scope, store) = app.NewStore(Tenant);
        await using (scope)
        {
            store.Members.Add(new Member { TenantId = Tenant, TeamsUserId = Member.PendingTeamsUserIdPrefix + "rep0002", Email = "REP0002@contoso.com", Name = "Imported" });
            await store.SaveChangesAsync();
        }

        await app.PostActivityAsync(InstallInTeam());

        var (scope2, store2) = app.NewStore(Tenant);
        await using var _ = scope2;
        Assert.False(await store2.Members.AnyAsync(m => m.TeamsUserId.StartsWith(Member.PendingTeamsUserIdPrefix)));
        Assert.Equal(1, await store2.Members.CountAsync(m => m.TeamsUserId == "29:rep0002"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Install_WithDirectory_FillsJobTitlesAndSuggestsLineManagers(DatabaseProvider provider)
    {
        var directory = new Mock<IDirectoryLookup>();
        directory.SetupGet(d => d.IsEnabled).Returns(true);
        directory.Setup(d => d.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string aad, CancellationToken _) => aad == "aad-rep0001"
                ? new DirectoryProfile("Sales Director", null)
                : new DirectoryProfile("Account Executive", "aad-rep0001"));
        await using var app = new DirectoryApplication(provider, directory.Object);
        FillRoster(app.Connector, 4);

        await app.PostActivityAsync(InstallInTeam());

        var (scope, store) = app.NewStore(Tenant);
        await using var _ = scope;
        var members = await store.Members.ToDictionaryAsync(m => m.TeamsUserId);
        Assert.Equal("Sales Director", members["29:rep0001"].JobTitle);
        Assert.Equal(members["29:rep0001"].Id, members["29:rep0002"].LineManagerId);
        Assert.Equal(TeamRole.Rep, (await store.TeamMemberships.SingleAsync(m => m.MemberId == members["29:rep0001"].Id)).Role);
        Assert.Contains("Entra ID lists Rep 0001 as line manager", CardText(app.Connector.SentActivities.Single()), StringComparison.Ordinal);
    }

    private static async Task<SalesTeam> TeamAsync(SalesCoachBotApplication app)
    {
        var (scope, store) = app.NewStore(Tenant);
        await using var _ = scope;
        return await store.SalesTeams.AsNoTracking().SingleAsync();
    }

    private static async Task<string> SnapshotAsync(SalesCoachBotApplication app)
    {
        var (scope, store) = app.NewStore(Tenant);
        await using var _ = scope;
        var teams = await store.SalesTeams.OrderBy(t => t.Id).Select(t => $"{t.Id}|{t.Name}|{t.ArchivedAt}").ToListAsync();
        var memberships = await store.TeamMemberships.OrderBy(m => m.Id).Select(m => $"{m.Id}|{m.MemberId}|{m.Role}|{m.JoinedAt}|{m.LeftAt}").ToListAsync();
        var members = await store.Members.OrderBy(m => m.Id).Select(m => $"{m.Id}|{m.TeamsUserId}|{m.Name}").ToListAsync();
        return string.Join('\n', teams.Concat(memberships).Concat(members));
    }

    private sealed class DirectoryApplication(DatabaseProvider provider, IDirectoryLookup directory) : SalesCoachBotApplication(provider)
    {
        protected override void ConfigureServices(IServiceCollection services)
        {
            services.RemoveAll<IDirectoryLookup>();
            services.AddSingleton(directory);
        }
    }
}
