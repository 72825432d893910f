using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;
using static SalesCoachBot.Tests.Features.Imports.UploadTestKit;

namespace SalesCoachBot.Tests.Features.Imports;

/// <summary><see cref="ResultLedger.RecordManyAsync"/>: the batch write behind a confirmed upload.</summary>
public sealed class RecordManyTests
{
    private static ResultEntry Entry(UploadPeople people, string externalId, decimal amount = 100m, long? memberId = null) =>
        new(memberId ?? people.Alice, people.Revenue, amount, new DateOnly(2026, 11, 3), ResultSources.File, externalId);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecordMany_StoredAndRepeatedIds_LeavesThemOutAsDuplicates(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var people = await SeedAsync(app);
        var (scope, store) = app.NewStore(TenantA);
        await using var _ = scope;
        var ledger = scope.ServiceProvider.GetRequiredService<ResultLedger>();
        await ledger.RecordAsync(Entry(people, "CRM-1"));

        var outcome = await ledger.RecordManyAsync([Entry(people, "CRM-1"), Entry(people, "CRM-2", 5m), Entry(people, "CRM-2", 7m), Entry(people, "CRM-3", 9m)]);

        Assert.Equal([BatchEntryStatus.AlreadyThere, BatchEntryStatus.Added, BatchEntryStatus.AlreadyThere, BatchEntryStatus.Added], outcome.Statuses);
        Assert.Equal((2, 2), (outcome.Added, outcome.Duplicates));
        Assert.Equal(114m, await store.SalesResults.SumAsync(r => r.Amount));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecordMany_IdsHeldByAnotherMember_TakenNotAlreadyThere(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var people = await SeedAsync(app);
        var (scope, store) = app.NewStore(TenantA);
        await using var _ = scope;
        var ledger = scope.ServiceProvider.GetRequiredService<ResultLedger>();
        await ledger.RecordAsync(Entry(people, "CRM-1", memberId: people.Bob));

        // Alice's CRM-1 is Bob's stored result; Bob's CRM-2 follows Alice's CRM-2 in the same batch.
        var outcome = await ledger.RecordManyAsync([Entry(people, "CRM-1", 5m), Entry(people, "CRM-2", 7m), Entry(people, "CRM-2", 9m, memberId: people.Bob)]);

        Assert.Equal([BatchEntryStatus.TakenByAnotherMember, BatchEntryStatus.Added, BatchEntryStatus.TakenByAnotherMember], outcome.Statuses);
        Assert.Equal((1, 0, 2), (outcome.Added, outcome.Duplicates, outcome.Taken));
        Assert.Equal(100m, await store.SalesResults.Where(r => r.MemberId == people.Bob).SumAsync(r => r.Amount));
        Assert.Equal(7m, await store.SalesResults.Where(r => r.MemberId == people.Alice).SumAsync(r => r.Amount));
        Assert.Equal(
            new Dictionary<string, long> { ["CRM-1"] = people.Bob, ["CRM-2"] = people.Alice },
            await ((IResultLedger)ledger).OwnersAsync(ResultSources.File, ["CRM-1", "CRM-2", "CRM-3"]));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecordMany_MemberOfAnotherTenant_RecordsNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var people = await SeedAsync(app);
        await app.PostActivityAsync(ActivityBuilder.Message("help").InPersonalChat("a:personal-other").From("29:mallory", "Mallory").InTenant(TenantB));
        long mallory;
        var (scopeB, storeB) = app.NewStore(TenantB);
        await using (scopeB)
        {
            mallory = (await storeB.Members.SingleAsync()).Id;
        }

        var (scope, store) = app.NewStore(TenantA);
        await using var _ = scope;
        var ledger = scope.ServiceProvider.GetRequiredService<ResultLedger>();

        await Assert.ThrowsAsync<ArgumentException>(() => ledger.RecordManyAsync([Entry(people, "CRM-1"), Entry(people, "CRM-2", memberId: mallory)]));
        Assert.Equal(0, await store.SalesResults.CountAsync());
    }
}
