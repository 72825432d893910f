using SalesCoachBot.Tests.Features.Onboarding;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.SalesTeams;

public sealed class ManagerCommandTests
{
    private const string Tenant = ActivityBuilder.DefaultTenant;

    private static ActivityBuilder InChannel(string text, string fromId, string fromName, string tenant = Tenant) =>
        ActivityBuilder.Message(text).InTenant(tenant).InChannel().From(fromId, fromName).MentioningBot();

    private static async Task<Dictionary<string, TeamRole>> RolesAsync(SalesCoachBotApplication app, string tenant = Tenant)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _ = scope;
        var rows = await store.TeamMemberships.Where(m => m.LeftAt == null).Select(m => new { m.Member!.TeamsUserId, m.Role }).ToListAsync();
        return rows.ToDictionary(r => r.TeamsUserId, r => r.Role);
    }

    private static async Task<SalesCoachBotApplication> InstalledAsync(DatabaseProvider provider)
    {
        var app = new SalesCoachBotApplication(provider);
        TeamOnboardingTests.FillRoster(app.Connector, 4);
        await app.PostActivityAsync(TeamOnboardingTests.InstallInTeam());
        app.Connector.Reset();
        return app;
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ManagerAdd_ByManager_PromotesMentionedMember(DatabaseProvider provider)
    {
        await using var app = await InstalledAsync(provider);

        await app.PostActivityAsync(InChannel("manager add", "29:alice", "Alice Wang").Mentioning("29:rep0001", "Rep 0001", prepend: false));

        var roles = await RolesAsync(app);
        Assert.Equal(TeamRole.Manager, roles["29:rep0001"]);
        Assert.Equal(TeamRole.Rep, roles["29:rep0002"]);
        Assert.Equal("Rep 0001 is now a manager of this team.", Assert.Single(app.Connector.SentTexts));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ManagerAdd_ByRep_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await InstalledAsync(provider);
        var before = await RolesAsync(app);

        await app.PostActivityAsync(InChannel("manager add", "29:rep0001", "Rep 0001").Mentioning("29:rep0001", "Rep 0001", prepend: false));
        await app.PostActivityAsync(InChannel("经理 移除", "29:rep0002", "Rep 0002").WithLocale("zh-CN").Mentioning("29:alice", "Alice Wang", prepend: false));

        Assert.Equal(before, await RolesAsync(app));
        Assert.Equal(["Only a manager of this team can change its managers.", "只有本团队的经理才能更改团队经理。"], app.Connector.SentTexts);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ManagerRemove_LastManager_IsRefused_ThenWorksOnceAnotherExists(DatabaseProvider provider)
    {
        await using var app = await InstalledAsync(provider);

        await app.PostActivityAsync(InChannel("manager remove", "29:alice", "Alice Wang").Mentioning("29:alice", "Alice Wang", prepend: false));
        Assert.Equal(TeamRole.Manager, (await RolesAsync(app))["29:alice"]);

        await app.PostActivityAsync(InChannel("经理 添加", "29:alice", "Alice Wang").Mentioning("29:rep0003", "Rep 0003", prepend: false));
        await app.PostActivityAsync(InChannel("manager remove", "29:rep0003", "Rep 0003").Mentioning("29:alice", "Alice Wang", prepend: false));

        var roles = await RolesAsync(app);
        Assert.Equal((TeamRole.Rep, TeamRole.Manager), (roles["29:alice"], roles["29:rep0003"]));
        Assert.Equal(
            ["Alice Wang is the team's last manager. Add another manager first.", "Rep 0003 is now a manager of this team.", "Alice Wang is no longer a manager of this team."],
            app.Connector.SentTexts);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ManagerAdd_InPersonalChat_SaysItWorksInTheChannel(DatabaseProvider provider)
    {
        await using var app = await InstalledAsync(provider);

        await app.PostActivityAsync(ActivityBuilder.Message("manager add").Mentioning("29:rep0001", "Rep 0001", prepend: false));

        Assert.Equal(TeamRole.Rep, (await RolesAsync(app))["29:rep0001"]);
        Assert.StartsWith("Team managers are managed in the team's channel", Assert.Single(app.Connector.SentTexts), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ManagerAdd_FromOtherTenantWithSameTeamId_CannotTouchFirstTenantsTeam(DatabaseProvider provider)
    {
        await using var app = await InstalledAsync(provider);
        var before = await RolesAsync(app);

        // Same Teams team id and same user ids, other tenant: tenant B has no such team (not installed there).
        await app.PostActivityAsync(InChannel("manager add", "29:alice", "Alice Wang", "tenant-b").Mentioning("29:rep0001", "Rep 0001", prepend: false));
        await app.PostActivityAsync(InChannel("manager remove", "29:alice", "Alice Wang", "tenant-b").Mentioning("29:alice", "Alice Wang", prepend: false));

        Assert.Equal(before, await RolesAsync(app));
        Assert.Empty(await RolesAsync(app, "tenant-b"));
        Assert.All(app.Connector.SentTexts, t => Assert.StartsWith("I don't know this team yet", t, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ManagerAdd_ByTenantAdmin_Works_AndNoMentionGetsUsage(DatabaseProvider provider)
    {
        await using var app = await InstalledAsync(provider);
        var (scope, store) = app.NewStore(Tenant);
        await using (scope)
        {
            var rep = await store.Members.SingleAsync(m => m.TeamsUserId == "29:rep0002");
            rep.IsAdmin = true;
            await store.SaveChangesAsync();
        }

        await app.PostActivityAsync(InChannel("manager add", "29:rep0002", "Rep 0002"));
        await app.PostActivityAsync(InChannel("manager add", "29:rep0002", "Rep 0002").Mentioning("29:rep0003", "Rep 0003", prepend: false));

        Assert.Equal(TeamRole.Manager, (await RolesAsync(app))["29:rep0003"]);
        Assert.StartsWith("Use manager add @name", app.Connector.SentTexts[0], StringComparison.Ordinal);
    }
}
