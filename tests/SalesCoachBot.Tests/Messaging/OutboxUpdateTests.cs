using System.Net;
using SalesCoachBot.Data;
using SalesCoachBot.Messaging;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Messaging;

/// <summary>
/// Updates in place through the outbox (<see cref="Outbox.EnqueueUpdateAsync"/>): a row that names the original by its
/// idempotency key, PUT by the dispatcher to the activity the original became, only once that was sent.
/// </summary>
public sealed class OutboxUpdateTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Update_EnqueuedWithTheOriginal_OriginalSentThenTheSameActivityPut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, server.ServiceUrl);

        var results = await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, _) =>
        {
            var original = await outbox.EnqueueForMemberAsync(members[0], "card:1", AutomaticMessageKinds.Agendas, OutboxSeed.Message("v1"), automatic: false);
            var update = await outbox.EnqueueUpdateAsync("card:1", "card:1:v2", OutboxSeed.Message("v2"));
            var again = await outbox.EnqueueUpdateAsync("card:1", "card:1:v2", OutboxSeed.Message("v2 again"));
            return (original, update, again);
        });
        await host.DrainAsync();

        Assert.Equal((EnqueueResult.Enqueued, EnqueueResult.Enqueued, EnqueueResult.AlreadyEnqueued), results);
        var sent = Assert.Single(server.Requests, r => r.Operation == FakeConnectorOperation.Send);
        var put = Assert.Single(server.Requests, r => r.Operation == FakeConnectorOperation.Update);
        Assert.Equal("v1", sent.Activity!.Text);
        Assert.Equal(("v2", sent.AssignedId, OutboxSeed.PersonalConversationId(0)), (put.Activity!.Text, put.ActivityId, put.ConversationId));
        var rows = await OutboxSeed.RowsAsync(database);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.Equal([null, "card:1"], rows.Select(r => r.UpdatesKey));
        Assert.Equal([sent.AssignedId, sent.AssignedId], rows.Select(r => r.SentActivityId));
        Assert.Equal(AutomaticMessageKinds.Agendas, rows[1].Kind);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Update_OriginalStillRetrying_WaitsWithoutUsingAnAttemptThenPuts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, server.ServiceUrl);
        await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, _) =>
        {
            await outbox.EnqueueForMemberAsync(members[0], "card:1", AutomaticMessageKinds.Agendas, OutboxSeed.Message("v1"), automatic: false);
            return await outbox.EnqueueUpdateAsync("card:1", "card:1:v2", OutboxSeed.Message("v2"));
        });
        server.FailNext(1, HttpStatusCode.ServiceUnavailable);

        await host.DrainAsync();

        Assert.DoesNotContain(server.Requests, r => r.Operation == FakeConnectorOperation.Update);
        var waiting = (await OutboxSeed.RowsAsync(database))[1];
        Assert.Equal((OutboxStatus.Pending, 0), (waiting.Status, waiting.Attempts));

        database.Time.Advance(TimeSpan.FromMinutes(5));
        await host.DrainAsync();

        var sent = Assert.Single(server.Sent);
        var put = Assert.Single(server.Requests, r => r.Operation == FakeConnectorOperation.Update);
        Assert.Equal(("v2", sent.AssignedId), (put.Activity!.Text, put.ActivityId));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Update_TwoBeforeTheyAreSent_OnlyTheNewestIsPut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, server.ServiceUrl);
        await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) =>
            outbox.EnqueueForMemberAsync(members[0], "card:1", AutomaticMessageKinds.Agendas, OutboxSeed.Message("v1"), automatic: false));
        await host.DrainAsync();
        await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, _) =>
        {
            await outbox.EnqueueUpdateAsync("card:1", "card:1:v2", OutboxSeed.Message("v2"));
            return await outbox.EnqueueUpdateAsync("card:1", "card:1:v3", OutboxSeed.Message("v3"));
        });

        await host.DrainAsync();

        var put = Assert.Single(server.Requests, r => r.Operation == FakeConnectorOperation.Update);
        Assert.Equal("v3", put.Activity!.Text);
        var rows = await OutboxSeed.RowsAsync(database);
        Assert.Equal([null, "overtaken", null], rows.Select(r => r.LastError));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Update_OfNothingOrOfAFailedOriginal_NothingPut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = await OutboxSeed.ConnectorAsync();
        await using var host = new MessagingTestHost(database);
        var members = await OutboxSeed.MembersAsync(database, 1, server.ServiceUrl);
        var none = await host.WithOutboxAsync(OutboxSeed.Tenant, (outbox, _) => outbox.EnqueueUpdateAsync("card:none", "card:none:v2", OutboxSeed.Message("v2")));
        await host.WithOutboxAsync(OutboxSeed.Tenant, async (outbox, _) =>
        {
            await outbox.EnqueueForMemberAsync(members[0], "card:1", AutomaticMessageKinds.Agendas, OutboxSeed.Message("v1"), automatic: false);
            return await outbox.EnqueueUpdateAsync("card:1", "card:1:v2", OutboxSeed.Message("v2"));
        });
        server.FailNext(1, HttpStatusCode.BadRequest);

        await host.DrainAsync();

        Assert.Equal(EnqueueResult.NoOriginal, none);
        Assert.DoesNotContain(server.Requests, r => r.Operation == FakeConnectorOperation.Update);
        var rows = await OutboxSeed.RowsAsync(database);
        Assert.Equal([OutboxStatus.Failed, OutboxStatus.Failed], rows.Select(r => r.Status));
        Assert.Equal("original-not-sent", rows[1].LastError);
    }
}
