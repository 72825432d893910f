using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Messaging;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Messaging;

public sealed class OutboxTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EnqueueForMemberAsync_OptedOutOfKind_NothingWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var connector = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, connector.ServiceUrl);
        await host.WithOutboxAsync(OutboxSeed.Tenant, async (_, store) =>
        {
            store.OptOuts.Add(new MemberOptOut { TenantId = OutboxSeed.Tenant, MemberId = members[0], Kind = AutomaticMessageKinds.Nudges });
            return await store.SaveChangesAsync();
        });

        var nudge = await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "nudge:1", AutomaticMessageKinds.Nudges, OutboxSeed.Message("nudge")));
        var agenda = await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "agenda:1", AutomaticMessageKinds.Agendas, OutboxSeed.Message("agenda")));
        var answer = await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "answer:1", AutomaticMessageKinds.Nudges, OutboxSeed.Message("asked for it"), automatic: false));

        Assert.Equal((EnqueueResult.OptedOut, EnqueueResult.Enqueued, EnqueueResult.Enqueued), (nudge, agenda, answer));
        Assert.Equal(["agenda:1", "answer:1"], (await OutboxSeed.RowsAsync(database)).Select(r => r.IdempotencyKey));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EnqueueForMemberAsync_UnreachableMember_NothingWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var connector = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, connector.ServiceUrl);
        var (scope, store) = database.NewStore(OutboxSeed.Tenant);
        await using (scope)
        {
            var now = database.Time.GetUtcNow();
            await store.Members.ExecuteUpdateAsync(s => s.SetProperty(m => m.UnreachableAt, now).SetProperty(m => m.UnreachableReason, "403 Blocked"));
        }

        var result = await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "nudge:1", AutomaticMessageKinds.Nudges, OutboxSeed.Message("nudge")));

        Assert.Equal(EnqueueResult.Unreachable, result);
        Assert.Empty(await OutboxSeed.RowsAsync(database));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EnqueueForMemberAsync_ImportedMemberNotYetLinked_NothingWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var connector = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, connector.ServiceUrl);
        var (scope, store) = database.NewStore(OutboxSeed.Tenant);
        await using (scope)
        {
            await store.Members.ExecuteUpdateAsync(s => s.SetProperty(m => m.TeamsUserId, Member.PendingTeamsUserIdPrefix + "import-1"));
        }

        var result = await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "nudge:1", AutomaticMessageKinds.Nudges, OutboxSeed.Message("nudge")));

        Assert.Equal(EnqueueResult.Unreachable, result);
        Assert.Empty(await OutboxSeed.RowsAsync(database));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EnqueueForMemberAsync_DuringQuietHoursInTeamZone_DueWhenTheyEnd(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var connector = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, connector.ServiceUrl);
        database.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero)); // 22:00 in Shanghai
        await host.WithOutboxAsync(OutboxSeed.Tenant, async (_, store) =>
        {
            var team = new SalesTeam { TenantId = OutboxSeed.Tenant, Name = "East", TimeZone = "Asia/Shanghai", CreatedAt = database.Time.GetUtcNow() };
            store.TeamMemberships.Add(new TeamMembership { TenantId = OutboxSeed.Tenant, SalesTeam = team, MemberId = members[0], JoinedAt = database.Time.GetUtcNow() });
            return await store.SaveChangesAsync();
        });

        await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, _) =>
        {
            await outbox.EnqueueForMemberAsync(members[0], "nudge", AutomaticMessageKinds.Nudges, OutboxSeed.Message("nudge"));
            return await outbox.EnqueueForMemberAsync(members[0], "answer", AutomaticMessageKinds.Nudges, OutboxSeed.Message("answer"), automatic: false);
        });

        var rows = await OutboxSeed.RowsAsync(database);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), rows.Single(r => r.IdempotencyKey == "nudge").DueAt);
        Assert.Equal(database.Time.GetUtcNow(), rows.Single(r => r.IdempotencyKey == "answer").DueAt);

        // Only the direct answer goes out at night; the nudge waits for the morning.
        await host.DrainAsync();
        Assert.Equal(["answer"], connector.SentTexts);
        database.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        await host.DrainAsync();
        Assert.Equal(["answer", "nudge"], connector.SentTexts);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EnqueueForMemberAsync_CallerRollsBack_NothingEnqueued(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var connector = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, connector.ServiceUrl);

        await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, store) =>
        {
            await using var transaction = await store.Database.BeginTransactionAsync();
            var member = await store.Members.SingleAsync();
            member.JobTitle = "Account Executive";
            await store.SaveChangesAsync();
            var result = await outbox.EnqueueForMemberAsync(members[0], "k", AutomaticMessageKinds.Reminders, OutboxSeed.Message("x"), automatic: false);
            await transaction.RollbackAsync();
            return result;
        });

        Assert.Empty(await OutboxSeed.RowsAsync(database));
        Assert.Null((await OutboxSeed.MemberAsync(database, members[0])).JobTitle);
        Assert.Equal(0, await host.DrainAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EnqueueForMemberAsync_DuplicateKeyInsideCallerTransaction_NoOpAndTheDataChangeCommits(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var connector = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, connector.ServiceUrl);
        await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "k", AutomaticMessageKinds.Reminders, OutboxSeed.Message("first"), automatic: false));

        var second = await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, store) =>
        {
            await using var transaction = await store.Database.BeginTransactionAsync();
            var result = await outbox.EnqueueForMemberAsync(members[0], "k", AutomaticMessageKinds.Reminders, OutboxSeed.Message("second"), automatic: false);
            var member = await store.Members.SingleAsync();
            member.JobTitle = "Account Executive";
            await store.SaveChangesAsync();
            await transaction.CommitAsync();
            return result;
        });

        Assert.Equal(EnqueueResult.AlreadyEnqueued, second);
        Assert.Equal("Account Executive", (await OutboxSeed.MemberAsync(database, members[0])).JobTitle);
        var row = Assert.Single(await OutboxSeed.RowsAsync(database));
        Assert.Contains("first", row.ActivityJson, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EnqueueForMemberAsync_ConcurrentWritersOfTheSameKeys_OneRowPerKeyAndNoFailure(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var connector = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 10, connector.ServiceUrl);

        // The same job running four times at once (a retry, a second instance): the same 100 decisions in the same
        // order, each run in its own unit of work (a transaction on PostgreSQL; SQLite's writers take turns, so there
        // each statement commits on its own). Later runs wait on the first one's uncommitted keys, then skip them.
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, store) =>
        {
            await using var transaction = provider == DatabaseProvider.Postgres ? await store.Database.BeginTransactionAsync() : null;
            var enqueued = 0;
            for (var i = 0; i < 100; i++)
            {
                var key = $"scorecard:{i}";
                if (await outbox.EnqueueForMemberAsync(members[i % 10], key, AutomaticMessageKinds.Scorecards, OutboxSeed.Message(key), automatic: false) == EnqueueResult.Enqueued)
                {
                    enqueued++;
                }
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync();
            }

            return enqueued;
        }))).ToList();
        var counts = await Task.WhenAll(writers);

        Assert.Equal(100, counts.Sum());
        var rows = await OutboxSeed.RowsAsync(database);
        Assert.Equal(100, rows.Count);
        Assert.Equal(100, rows.Select(r => r.IdempotencyKey).Distinct().Count());
    }

    [SkippableFact]
    public async Task EnqueueForMemberAsync_BadArguments_ClearErrorAndNothingWritten()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var connector = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, connector.ServiceUrl);
        var others = await OutboxSeed.MembersAsync(database, 1, connector.ServiceUrl, withConversation: false, tenantId: "tenant-other");

        await Assert.ThrowsAsync<ArgumentException>(() => host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], new string('k', 201), AutomaticMessageKinds.Nudges, OutboxSeed.Message("x"))));
        await Assert.ThrowsAsync<ArgumentException>(() => host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "k", new string('n', 33), OutboxSeed.Message("x"))));
        // Another tenant's member is not found through this tenant's store.
        await Assert.ThrowsAsync<ArgumentException>(() => host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(others[0], "k", AutomaticMessageKinds.Nudges, OutboxSeed.Message("x"))));
        await Assert.ThrowsAsync<ArgumentException>(() => host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(others[0], "k", AutomaticMessageKinds.Nudges, OutboxSeed.Message("x"), automatic: false)));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var unbound = scope.ServiceProvider.GetRequiredService<Outbox>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => unbound.EnqueueForMemberAsync(members[0], "k", AutomaticMessageKinds.Nudges, OutboxSeed.Message("x")));
        }

        Assert.Empty(await OutboxSeed.RowsAsync(database));
        Assert.Empty(await OutboxSeed.RowsAsync(database, "tenant-other"));
    }
}
