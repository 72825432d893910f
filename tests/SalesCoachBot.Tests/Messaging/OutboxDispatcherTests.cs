using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Data;
using SalesCoachBot.Messaging;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Messaging;

public sealed class OutboxDispatcherTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_ThousandMessagesEnqueuedTwice_SendsEachOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var connector = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 100, connector.ServiceUrl);

        for (var pass = 0; pass < 2; pass++)
        {
            var results = await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, store) =>
            {
                await using var transaction = await store.Database.BeginTransactionAsync();
                var list = new List<EnqueueResult>();
                for (var i = 0; i < 1000; i++)
                {
                    list.Add(await outbox.EnqueueForMemberAsync(members[i % 100], $"nudge:{i}", AutomaticMessageKinds.Nudges, OutboxSeed.Message($"m{i}"), automatic: false));
                }

                await transaction.CommitAsync();
                return list;
            });
            Assert.All(results, r => Assert.Equal(pass == 0 ? EnqueueResult.Enqueued : EnqueueResult.AlreadyEnqueued, r));
        }

        Assert.Equal(1000, await host.DrainAsync());
        Assert.Equal(0, await host.DrainAsync());

        var texts = connector.SentTexts;
        Assert.Equal(1000, texts.Count);
        Assert.Equal(1000, texts.Distinct().Count());
        var rows = await OutboxSeed.RowsAsync(database);
        Assert.Equal(1000, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(OutboxStatus.Sent, r.Status);
            Assert.NotNull(r.SentActivityId);
            Assert.Equal(database.Time.GetUtcNow(), r.SentAt);
            Assert.Equal(1, r.Attempts);
            Assert.Null(r.ClaimedBy);
        });
        Assert.Equal(1000, rows.Select(r => r.SentActivityId).Distinct().Count());
        // Each went to its member's own 1:1 chat.
        var calls = connector.Sent;
        Assert.All(calls, c => Assert.Equal((FakeConnectorOperation.Send, OutboxSeed.PersonalConversationId(int.Parse(c.Activity!.Text![1..]) % 100)), (c.Operation, c.ConversationId)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_StoppedHalfWayThenRestarted_SendsTheRestAndRepeatsOnlySendsCutOffOnTheWire(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var recording = await OutboxSeed.ConnectorAsync();
        var members = await OutboxSeed.MembersAsync(database, 50, recording.ServiceUrl);
        var settings = new Dictionary<string, string?> { ["Messaging:BatchSize"] = "20", ["Messaging:MaxConcurrentSends"] = "4" };
        using var stop = new CancellationTokenSource();
        await using (var host = new MessagingTestHost(database, settings,
            client => new ObservedConnector(client) { AfterSend = (n, _) => { if (n == 70) { stop.Cancel(); } } }))
        {
            await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, _) =>
            {
                for (var i = 0; i < 200; i++)
                {
                    await outbox.EnqueueForMemberAsync(members[i % 50], $"reminder:{i}", AutomaticMessageKinds.Reminders, OutboxSeed.Message($"m{i}"), automatic: false);
                }

                return 0;
            });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.DrainAsync(stop.Token));
        }

        // Over HTTP a stop can cut off sends that are on the wire (up to MaxConcurrentSends - 1 besides the 70th):
        // whether they arrived is unknown, so they keep their lease; everything not started was handed back.
        var arrivedBeforeStop = recording.SentCount;
        var rows = await OutboxSeed.RowsAsync(database);
        var sent = rows.Count(r => r.Status == OutboxStatus.Sent);
        var cutOff = rows.Count(r => r.Status == OutboxStatus.Pending && r.ClaimedBy is not null);
        Assert.InRange(sent, 70, 199);
        Assert.InRange(cutOff, 0, 3);
        Assert.InRange(arrivedBeforeStop, sent, sent + cutOff);

        await using (var restarted = new MessagingTestHost(database, settings))
        {
            await restarted.DrainAsync();
            Assert.Equal(200 - cutOff, (await OutboxSeed.RowsAsync(database)).Count(r => r.Status == OutboxStatus.Sent));

            // The cut-off sends go again once their lease expires: at least once, and repeated only if they had arrived.
            database.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
            await restarted.DrainAsync();
        }

        var texts = recording.SentTexts;
        Assert.Equal(200, texts.Distinct().Count());
        Assert.InRange(texts.Count, 200, 200 + (arrivedBeforeStop - sent));
        Assert.All(await OutboxSeed.RowsAsync(database), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_LeaseOfCrashedInstance_ClaimedAgainOnlyAfterExpiry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var recording = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 2, recording.ServiceUrl);
        await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, _) =>
        {
            await outbox.EnqueueForMemberAsync(members[0], "a", AutomaticMessageKinds.Reminders, OutboxSeed.Message("claimed by the dead"), automatic: false);
            return await outbox.EnqueueForMemberAsync(members[1], "b", AutomaticMessageKinds.Reminders, OutboxSeed.Message("free"), automatic: false);
        });

        // An instance claimed "a" and died before sending it.
        var leaseEnd = database.Time.GetUtcNow() + TimeSpan.FromMinutes(5);
        var (scope, store) = database.NewStore(OutboxSeed.Tenant);
        await using (scope)
        {
            await store.Outbox.Where(m => m.IdempotencyKey == "a")
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "crashed-instance").SetProperty(m => m.ClaimedUntil, leaseEnd));
        }

        await host.DrainAsync();
        Assert.Equal(["free"], recording.SentTexts);

        database.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await host.DrainAsync();

        Assert.Equal(["free", "claimed by the dead"], recording.SentTexts);
        Assert.All(await OutboxSeed.RowsAsync(database), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Dispatcher_AfterAFailedClaim_ANewMessageWakesItWithoutWaitingForThePollInterval(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var recording = await OutboxSeed.ConnectorAsync();
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = new MessagingTestHost(database, configure: services =>
            services.AddSingleton<ILoggerProvider>(new DispatchFailureWatch(failed)));
        var members = await OutboxSeed.MembersAsync(database, 1, recording.ServiceUrl);

        // The database cannot serve the claim (here: the table is away), so the running dispatcher's first claim fails.
        await RenameOutboxAsync(database, "outbox_messages", "outbox_messages_away");
        await host.Dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await failed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await RenameOutboxAsync(database, "outbox_messages_away", "outbox_messages");

            // The clock stands still: only the new message's wake-up can end the dispatcher's wait.
            await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
                outbox.EnqueueForMemberAsync(members[0], "after-outage", AutomaticMessageKinds.Reminders, OutboxSeed.Message("back"), automatic: false));
            await recording.WaitForSentAsync(1, TimeSpan.FromSeconds(30));

            Assert.Equal(["back"], recording.SentTexts);
        }
        finally
        {
            await host.Dispatcher.StopAsync(CancellationToken.None);
        }
    }

    private static async Task RenameOutboxAsync(TestDatabase database, string from, string to)
    {
        var (scope, store) = database.NewStore(OutboxSeed.Tenant);
        await using (scope)
        {
#pragma warning disable EF1002 // Fixed table names of this test, no input.
            await store.Database.ExecuteSqlRawAsync($"ALTER TABLE {from} RENAME TO {to}");
#pragma warning restore EF1002
        }
    }

    /// <summary>Completes when the dispatcher logs that a dispatch round failed.</summary>
    private sealed class DispatchFailureWatch(TaskCompletionSource failed) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(OutboxDispatcher).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error && formatter(state, exception).StartsWith("Outbox: dispatching failed", StringComparison.Ordinal))
            {
                failed.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }

    [SkippableFact]
    public async Task DispatchDueAsync_TwoInstancesOnOnePostgres_ShareTheWorkWithoutDuplicates()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var recording = await OutboxSeed.ConnectorAsync();
        var members = await OutboxSeed.MembersAsync(database, 60, recording.ServiceUrl);
        var settings = new Dictionary<string, string?> { ["Messaging:BatchSize"] = "10", ["Messaging:MaxConcurrentSends"] = "4" };

        // Each instance holds its first send until the other is sending too: both then hold disjoint claims at once.
        var firstBusy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondBusy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ObservedConnector? one = null;
        ObservedConnector? two = null;
        await using var hostOne = new MessagingTestHost(database, settings, client => one = new ObservedConnector(client)
        {
            BeforeSend = () => { firstBusy.TrySetResult(); return secondBusy.Task.WaitAsync(TimeSpan.FromSeconds(30)); },
        });
        await using var hostTwo = new MessagingTestHost(database, settings, client => two = new ObservedConnector(client)
        {
            BeforeSend = () => { secondBusy.TrySetResult(); return firstBusy.Task.WaitAsync(TimeSpan.FromSeconds(30)); },
        });
        await hostOne.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, _) =>
        {
            for (var i = 0; i < 300; i++)
            {
                await outbox.EnqueueForMemberAsync(members[i % 60], $"agenda:{i}", AutomaticMessageKinds.Agendas, OutboxSeed.Message($"m{i}"), automatic: false);
            }

            return 0;
        });

        await Task.WhenAll(Task.Run(() => hostOne.DrainAsync()), Task.Run(() => hostTwo.DrainAsync()));

        var texts = recording.SentTexts;
        Assert.Equal(300, texts.Count);
        Assert.Equal(300, texts.Distinct().Count());
        Assert.True(one!.Sends > 0 && two!.Sends > 0, $"Both instances should send: {one.Sends} and {two?.Sends}.");
        Assert.Equal(300, one.Sends + two!.Sends);
        Assert.All(await OutboxSeed.RowsAsync(database), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_Recipient403_UnreachableAfterOneRequestAndTheirOtherMessagesNotSent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { EnforceRateLimits = false });
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 2, server.ServiceUrl);
        await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, _) =>
        {
            for (var i = 0; i < 3; i++)
            {
                await outbox.EnqueueForMemberAsync(members[0], $"blocked:{i}", AutomaticMessageKinds.Nudges, OutboxSeed.Message($"to blocked {i}"), automatic: false);
            }

            return await outbox.EnqueueForMemberAsync(members[1], "fine", AutomaticMessageKinds.Nudges, OutboxSeed.Message("to fine"), automatic: false);
        });
        server.FailNext(1, HttpStatusCode.Forbidden, conversationId: OutboxSeed.PersonalConversationId(0));

        await host.DrainAsync();
        database.Time.Advance(TimeSpan.FromDays(1));
        await host.DrainAsync();

        Assert.Single(server.Requests, r => r.ConversationId == OutboxSeed.PersonalConversationId(0));
        Assert.Equal(["to fine"], server.Sent.Select(r => r.Activity!.Text));
        var rows = await OutboxSeed.RowsAsync(database);
        Assert.All(rows.Where(r => r.MemberId == members[0]), r => Assert.Equal(OutboxStatus.Unreachable, r.Status));
        Assert.Equal("403 Blocked", rows.Single(r => r.IdempotencyKey == "blocked:0").LastError);
        var blocked = await OutboxSeed.MemberAsync(database, members[0]);
        Assert.NotNull(blocked.UnreachableAt);
        Assert.Equal("403 Blocked", blocked.UnreachableReason);

        // Later decisions for that member are refused at the door.
        var later = await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "blocked:later", AutomaticMessageKinds.Nudges, OutboxSeed.Message("later")));
        Assert.Equal(EnqueueResult.Unreachable, later);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_ServiceUnavailableThenOk_SentOnRetryAfterBackoff(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { EnforceRateLimits = false });
        await using var host = new MessagingTestHost(database, new Dictionary<string, string?> { ["Messaging:BackoffBase"] = "00:00:30" });
        var members = await OutboxSeed.MembersAsync(database, 1, server.ServiceUrl);
        await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "k", AutomaticMessageKinds.Reminders, OutboxSeed.Message("hello"), automatic: false));
        server.FailNext(1, HttpStatusCode.ServiceUnavailable);
        var start = database.Time.GetUtcNow();

        await host.DrainAsync();
        var waiting = Assert.Single(await OutboxSeed.RowsAsync(database));
        Assert.Equal((OutboxStatus.Pending, 1, start + TimeSpan.FromSeconds(30), "503 Transient", (string?)null),
            (waiting.Status, waiting.Attempts, waiting.DueAt, waiting.LastError, waiting.ClaimedBy));

        database.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await host.DrainAsync());
        database.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.DrainAsync());

        Assert.Equal(2, server.Requests.Count);
        var sent = Assert.Single(server.Sent);
        var row = Assert.Single(await OutboxSeed.RowsAsync(database));
        Assert.Equal((OutboxStatus.Sent, 2, sent.AssignedId), (row.Status, row.Attempts, row.SentActivityId));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_TransientEveryTime_FailedAfterMaxAttempts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { EnforceRateLimits = false });
        await using var host = new MessagingTestHost(database, new Dictionary<string, string?> { ["Messaging:MaxAttempts"] = "3" });
        var members = await OutboxSeed.MembersAsync(database, 1, server.ServiceUrl);
        await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "k", AutomaticMessageKinds.Reminders, OutboxSeed.Message("hello"), automatic: false));
        server.FailNext(10, HttpStatusCode.InternalServerError);

        for (var i = 0; i < 5; i++)
        {
            await host.DrainAsync();
            database.Time.Advance(TimeSpan.FromHours(2));
        }

        Assert.Equal(3, server.Requests.Count);
        var row = Assert.Single(await OutboxSeed.RowsAsync(database));
        Assert.Equal((OutboxStatus.Failed, 3), (row.Status, row.Attempts));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_MemberWithoutChat_CreatesOnePersonalConversationAndReusesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { EnforceRateLimits = false });
        await using var host = new MessagingTestHost(database);
        // Rep 0 talked to the bot (their chat gives the tenant's service URL and bot id); rep 1 never did.
        await OutboxSeed.MembersAsync(database, 1, server.ServiceUrl);
        long newcomer;
        var (scope, store) = database.NewStore(OutboxSeed.Tenant);
        await using (scope)
        {
            var member = new Member { TenantId = OutboxSeed.Tenant, TeamsUserId = "29:newcomer", CreatedAt = database.Time.GetUtcNow() };
            store.Members.Add(member);
            await store.SaveChangesAsync();
            newcomer = member.Id;
        }

        for (var round = 0; round < 2; round++)
        {
            await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, _) =>
            {
                await outbox.EnqueueForMemberAsync(newcomer, $"welcome:{round}:a", AutomaticMessageKinds.Digests, OutboxSeed.Message($"{round}a"), automatic: false);
                return await outbox.EnqueueForMemberAsync(newcomer, $"welcome:{round}:b", AutomaticMessageKinds.Digests, OutboxSeed.Message($"{round}b"), automatic: false);
            });
            await host.DrainAsync();
        }

        var create = Assert.Single(server.Requests, r => r.Operation == FakeConnectorOperation.CreateConversation);
        Assert.Equal("29:newcomer", create.Body!.Value.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("28:bot-app-id", create.Body!.Value.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal(OutboxSeed.Tenant, create.Body!.Value.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal(["0a", "0b", "1a", "1b"], server.Sent.Select(r => r.Activity!.Text));
        Assert.All(server.Sent, r => Assert.Equal(create.AssignedId, r.ConversationId));

        var (afterScope, after) = database.NewStore(OutboxSeed.Tenant);
        await using var _ = afterScope;
        var stored = await after.Conversations.SingleAsync(c => c.MemberId == newcomer);
        Assert.Equal((create.AssignedId, "personal", server.ServiceUrl, "28:bot-app-id"), (stored.ConversationId, stored.ConversationType, stored.ServiceUrl, stored.BotId));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_ChannelConversation_SendsIntoTheStoredChannel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // A regional service URL, as Teams gives them: the send must keep its path.
        await using var recording = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { EnforceRateLimits = false, PathBase = "/amer" });
        await using var host = new MessagingTestHost(database);
        await OutboxSeed.MembersAsync(database, 1, recording.ServiceUrl);
        long channel;
        var (scope, store) = database.NewStore(OutboxSeed.Tenant);
        await using (scope)
        {
            var conversation = new Conversation
            {
                TenantId = OutboxSeed.Tenant, ConversationId = "19:general@thread.tacv2", ServiceUrl = recording.ServiceUrl, ConversationType = "channel",
                BotId = "28:bot-app-id", CreatedAt = database.Time.GetUtcNow(), LastSeenAt = database.Time.GetUtcNow(),
            };
            store.Conversations.Add(conversation);
            await store.SaveChangesAsync();
            channel = conversation.Id;
        }

        await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForConversationAsync(channel, "agenda:1:2026-11-30", AutomaticMessageKinds.Agendas, OutboxSeed.Message("agenda")));
        await host.DrainAsync();

        var call = Assert.Single(recording.Requests);
        Assert.Equal((FakeConnectorOperation.Send, "19:general@thread.tacv2", "agenda"), (call.Operation, call.ConversationId, call.Activity!.Text));
        Assert.StartsWith("/amer/v3/conversations/", call.Path, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_MemberReachableOnlyThroughDisallowedHost_FailedWithReasonAndNothingSent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await OutboxSeed.ConnectorAsync();
        // A reference stored before the allow-list: the fake's loopback host is not in it (nor is it the default with an app id).
        await using var host = new MessagingTestHost(database, new Dictionary<string, string?>
        {
            ["Bot:AllowedServiceUrlHosts:0"] = "https://smba.trafficmanager.net",
        });
        var members = await OutboxSeed.MembersAsync(database, 1, server.ServiceUrl);
        await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "nudge:0", AutomaticMessageKinds.Nudges, OutboxSeed.Message("hello"), automatic: false));

        await host.DrainAsync();

        Assert.Empty(server.Requests);
        var row = Assert.Single(await OutboxSeed.RowsAsync(database));
        Assert.Equal((OutboxStatus.Failed, "service-url-not-allowed"), (row.Status, row.LastError));
        Assert.Null((await OutboxSeed.MemberAsync(database, members[0])).UnreachableAt);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_NewestChatOnDisallowedHost_SentThroughTheAllowedOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, server.ServiceUrl);
        var (scope, store) = database.NewStore(OutboxSeed.Tenant);
        await using (scope)
        {
            store.Conversations.Add(new Conversation
            {
                TenantId = OutboxSeed.Tenant, ConversationId = "a:planted", ServiceUrl = "https://attacker.example/emea/", ConversationType = "personal",
                MemberId = members[0], BotId = "28:bot-app-id", CreatedAt = database.Time.GetUtcNow(), LastSeenAt = database.Time.GetUtcNow().AddMinutes(5),
            });
            await store.SaveChangesAsync();
        }

        await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "nudge:0", AutomaticMessageKinds.Nudges, OutboxSeed.Message("hello"), automatic: false));
        await host.DrainAsync();

        var call = Assert.Single(server.Requests);
        Assert.Equal(OutboxSeed.PersonalConversationId(0), call.ConversationId);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await OutboxSeed.RowsAsync(database)).Status);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_ChannelConversationOnDisallowedHost_FailedAndNothingSent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        await OutboxSeed.MembersAsync(database, 1, server.ServiceUrl);
        long channel;
        var (scope, store) = database.NewStore(OutboxSeed.Tenant);
        await using (scope)
        {
            var conversation = new Conversation
            {
                TenantId = OutboxSeed.Tenant, ConversationId = "19:general@thread.tacv2", ServiceUrl = "https://attacker.example/amer/", ConversationType = "channel",
                BotId = "28:bot-app-id", CreatedAt = database.Time.GetUtcNow(), LastSeenAt = database.Time.GetUtcNow(),
            };
            store.Conversations.Add(conversation);
            await store.SaveChangesAsync();
            channel = conversation.Id;
        }

        await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForConversationAsync(channel, "agenda:1:2026-11-30", AutomaticMessageKinds.Agendas, OutboxSeed.Message("agenda")));
        await host.DrainAsync();

        Assert.Empty(server.Requests);
        var row = Assert.Single(await OutboxSeed.RowsAsync(database));
        Assert.Equal((OutboxStatus.Failed, "service-url-not-allowed"), (row.Status, row.LastError));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DispatchDueAsync_MessageDueLater_WaitsUntilDue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var recording = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, recording.ServiceUrl);
        var due = database.Time.GetUtcNow() + TimeSpan.FromHours(1);
        await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "k", AutomaticMessageKinds.Reminders, OutboxSeed.Message("later"), due, automatic: false));

        Assert.Equal(0, await host.DrainAsync());
        database.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await host.DrainAsync());
        Assert.Equal(["later"], recording.SentTexts);
    }
}
