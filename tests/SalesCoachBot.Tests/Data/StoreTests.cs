using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Data;

public sealed class StoreTests
{
    private const string TenantA = "tenant-a";
    private const string TenantB = "tenant-b";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_AfterMigrations_HasNoPendingChanges(DatabaseProvider provider)
    {
        // Compares the model with the provider's migration snapshot; needs no server.
        using SalesCoachDbContext context = provider == DatabaseProvider.Sqlite
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), $"The {provider} migrations miss model changes: add a migration (see src/SalesCoachBot/Data/README.md).");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MigrateDatabaseAsync_EmptyDatabase_AppliesAllMigrationsAndCreatesTables(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (scope, store) = database.NewStore();
        await using var _ = scope;

        Assert.Equal(store.Database.GetMigrations(), await store.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await store.Database.GetPendingMigrationsAsync());
        foreach (var table in new[] { "tenants", "members", "conversation_references" })
        {
#pragma warning disable EF1002 // fixed table names from this test, no input
            var rows = await store.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM {table}").SingleAsync();
#pragma warning restore EF1002
            Assert.Equal(0, rows);
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RestartAsync_NewHostOnSameDatabase_KeepsEveryRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seenAt = database.Time.GetUtcNow().AddTicks(1234560); // sub-second, whole microseconds
        database.Time.SetUtcNow(seenAt);
        await RecordAsync(database, ActivityBuilder.Message("hi").InTenant(TenantA).WithLocale("zh-CN"));
        await using (var scope = database.NewScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ContactDirectory>().TryMarkWelcomedAsync(TenantA, "a:personal-alice"));
        }

        await database.RestartAsync();

        var (afterScope, store) = database.NewStore(TenantA);
        await using var _ = afterScope;
        var tenant = await store.Tenants.SingleAsync();
        var member = await store.Members.SingleAsync();
        var conversation = await store.Conversations.SingleAsync();
        Assert.Equal(seenAt, tenant.FirstSeenAt);
        Assert.Equal(("29:alice", "Alice Wang", "aad-alice", "zh-CN", seenAt, seenAt),
            (member.TeamsUserId, member.Name, member.AadObjectId, member.Locale, member.CreatedAt, member.UpdatedAt));
        Assert.Equal(("a:personal-alice", "personal", ActivityBuilder.LoopbackServiceUrl, member.Id, ActivityBuilder.BotId, seenAt),
            (conversation.ConversationId, conversation.ConversationType, conversation.ServiceUrl, conversation.MemberId, conversation.BotId, conversation.WelcomedAt));
        Assert.Equal(TimeSpan.Zero, conversation.LastSeenAt.Offset);

        await using var again = database.NewScope();
        Assert.False(await again.ServiceProvider.GetRequiredService<ContactDirectory>().TryMarkWelcomedAsync(TenantA, "a:personal-alice"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_SameTeamsUserTwiceInTenant_ViolatesUniqueKey(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedTenantAsync(database, TenantA);
        await SeedTenantAsync(database, TenantB);
        await AddMemberAsync(database, TenantA, "29:alice");

        await Assert.ThrowsAsync<DbUpdateException>(() => AddMemberAsync(database, TenantA, "29:alice"));
        await AddMemberAsync(database, TenantB, "29:alice"); // the same id in another tenant is another person

        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        Assert.Equal(1, await store.Members.CountAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_SameConversationTwiceInTenant_ViolatesUniqueKey(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedTenantAsync(database, TenantA);
        await AddConversationAsync(database, TenantA, "a:chat");

        await Assert.ThrowsAsync<DbUpdateException>(() => AddConversationAsync(database, TenantA, "a:chat"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TenantFilter_StoreBoundToTenantA_CannotReachTenantBRows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RecordAsync(database, ActivityBuilder.Message("hi").InTenant(TenantA).From("29:alice", "Alice").InPersonalChat("a:alice"));
        await RecordAsync(database, ActivityBuilder.Message("hi").InTenant(TenantB).From("29:bob", "Bob").InPersonalChat("a:bob"));

        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        Assert.Equal(["29:alice"], await store.Members.Select(m => m.TeamsUserId).ToListAsync());
        Assert.Equal([TenantA], await store.Tenants.Select(t => t.TenantId).ToListAsync());
        Assert.Null(await store.Members.FirstOrDefaultAsync(m => m.TeamsUserId == "29:bob"));
        Assert.Null(await store.Conversations.FirstOrDefaultAsync(c => c.ConversationId == "a:bob"));
        Assert.Equal(0, await store.Conversations.Where(c => c.ConversationId == "a:bob")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceUrl, "https://evil.example/")));
        Assert.Equal(0, await store.Members.Where(m => m.TeamsUserId == "29:bob").ExecuteDeleteAsync());

        var directory = scope.ServiceProvider.GetRequiredService<ContactDirectory>();
        Assert.Throws<InvalidOperationException>(() => store.ForTenant(TenantB));
        await Assert.ThrowsAsync<InvalidOperationException>(() => directory.TryMarkWelcomedAsync(TenantB, "a:bob"));
        store.Members.Add(new Member { TenantId = TenantB, TeamsUserId = "29:mallory" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveChangesAsync());

        // Tenant B's rows are intact, seen through B's own access path.
        var (scopeB, storeB) = database.NewStore(TenantB);
        await using var __ = scopeB;
        var bob = await storeB.Conversations.SingleAsync();
        Assert.Equal(ActivityBuilder.LoopbackServiceUrl, bob.ServiceUrl);
        Assert.Equal(["29:bob"], await storeB.Members.Select(m => m.TeamsUserId).ToListAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TenantFilter_StoreNotBound_ReturnsNoTenantRows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RecordAsync(database, ActivityBuilder.Message("hi").InTenant(TenantA));

        var (scope, store) = database.NewStore();
        await using var _ = scope;
        Assert.Equal(0, await store.Members.CountAsync());
        Assert.Equal(1, await store.Members.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter]).CountAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TryMarkWelcomedAsync_TwentyConcurrentCalls_TrueExactlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RecordAsync(database, ActivityBuilder.Of("conversationUpdate").InTenant(TenantA).InPersonalChat("a:welcome"));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var scope = database.NewScope();
            return await scope.ServiceProvider.GetRequiredService<ContactDirectory>().TryMarkWelcomedAsync(TenantA, "a:welcome");
        })));

        Assert.Single(results, welcomed => welcomed);
        await using var later = database.NewScope();
        Assert.False(await later.ServiceProvider.GetRequiredService<ContactDirectory>().TryMarkWelcomedAsync(TenantA, "a:welcome"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TryMarkWelcomedAsync_UnknownConversation_ReturnsFalse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.NewScope();

        Assert.False(await scope.ServiceProvider.GetRequiredService<ContactDirectory>().TryMarkWelcomedAsync(TenantA, "a:nobody"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Query_TimeComparisonAndOrder_TranslateToSql(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var start = database.Time.GetUtcNow();
        await RecordAsync(database, ActivityBuilder.Message("hi").InTenant(TenantA).InPersonalChat("a:first"));
        database.Time.Advance(TimeSpan.FromHours(2));
        await RecordAsync(database, ActivityBuilder.Message("hi").InTenant(TenantA).InPersonalChat("a:second"));

        var (scope, store) = database.NewStore(TenantA);
        await using var _ = scope;
        var cutoff = start.AddHours(1);
        Assert.Equal(["a:second", "a:first"], await store.Conversations.OrderByDescending(c => c.LastSeenAt).Select(c => c.ConversationId).ToListAsync());
        Assert.Equal(["a:first"], await store.Conversations.Where(c => c.CreatedAt < cutoff).Select(c => c.ConversationId).ToListAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FindConversationAsync_RecordedPersonalChat_ReturnsReferenceOnlyToItsTenant(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RecordAsync(database, ActivityBuilder.Message("hi").InTenant(TenantA));

        await using var scope = database.NewScope();
        var reference = await scope.ServiceProvider.GetRequiredService<ContactDirectory>().FindConversationAsync(TenantA, "a:personal-alice");
        await using var other = database.NewScope();
        var fromB = await other.ServiceProvider.GetRequiredService<ContactDirectory>().FindConversationAsync(TenantB, "a:personal-alice");

        Assert.Equal(new ConversationReference(ActivityBuilder.LoopbackServiceUrl, "a:personal-alice", TenantA, "personal", "29:alice", ActivityBuilder.BotId), reference);
        Assert.Null(fromB);
    }

    internal static async Task<KnownMember?> RecordAsync(TestDatabase database, ActivityBuilder activity)
    {
        var built = activity.Build();
        await using var scope = database.NewScope();
        return await scope.ServiceProvider.GetRequiredService<ContactDirectory>().RecordAsync(built, built.TenantId!);
    }

    private static async Task SeedTenantAsync(TestDatabase database, string tenantId)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        store.Tenants.Add(new Tenant { TenantId = tenantId, FirstSeenAt = database.Time.GetUtcNow() });
        await store.SaveChangesAsync();
    }

    private static async Task AddMemberAsync(TestDatabase database, string tenantId, string teamsUserId)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        store.Members.Add(new Member { TenantId = tenantId, TeamsUserId = teamsUserId, CreatedAt = database.Time.GetUtcNow(), UpdatedAt = database.Time.GetUtcNow() });
        await store.SaveChangesAsync();
    }

    private static async Task AddConversationAsync(TestDatabase database, string tenantId, string conversationId)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        store.Conversations.Add(new Conversation
        {
            TenantId = tenantId,
            ConversationId = conversationId,
            ConversationType = "personal",
            ServiceUrl = ActivityBuilder.LoopbackServiceUrl,
            CreatedAt = database.Time.GetUtcNow(),
            LastSeenAt = database.Time.GetUtcNow(),
        });
        await store.SaveChangesAsync();
    }
}
