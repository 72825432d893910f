using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.Kpis;

/// <summary>Tenants that existed before collections (回款) was a default get it from the KpiCatalog migration when they count CNY.</summary>
public sealed class CollectionsMigrationTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task KpiCatalogMigration_ExistingTenants_CnyGetsCollectionsOnceOthersNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (scope, store) = database.NewStore();
        await using (scope)
        {
            var migrator = store.GetService<IMigrator>();
            var migrations = store.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_KpiCatalog", StringComparison.Ordinal)) - 1];
            await migrator.MigrateAsync(before);
        }

        // As the old code seeded them: the four defaults, no collections.
        foreach (var (tenant, currency) in new[] { ("tenant-cny", "CNY"), ("tenant-usd", "USD"), ("tenant-has-it", "CNY") })
        {
            var (tenantScope, tenantStore) = database.NewStore(tenant);
            await using (tenantScope)
            {
                tenantStore.Tenants.Add(new Tenant { TenantId = tenant, FirstSeenAt = database.Time.GetUtcNow() });
                tenantStore.Kpis.AddRange(KpiDefaults.For(tenant, currency).Where(k => k.Key != KpiDefaults.Collections));
                if (tenant == "tenant-has-it")
                {
                    tenantStore.Kpis.Add(new KpiDefinition { TenantId = tenant, Key = KpiDefaults.Collections, NameEn = "Cash in", Unit = KpiUnit.Currency, Currency = "CNY", SortOrder = 99 });
                }

                await tenantStore.SaveChangesAsync();
            }
        }

        var (upScope, upStore) = database.NewStore();
        await using (upScope)
        {
            await upStore.GetService<IMigrator>().MigrateAsync();
        }

        async Task<List<KpiDefinition>> CollectionsOf(string tenant)
        {
            var (s, db) = database.NewStore(tenant);
            await using var _ = s;
            return await db.Kpis.AsNoTracking().Where(k => k.Key == KpiDefaults.Collections).ToListAsync();
        }

        var cny = Assert.Single(await CollectionsOf("tenant-cny"));
        Assert.Equal(("Collections", "回款", KpiUnit.Currency, KpiAggregation.Sum, "CNY", KpiDefaults.CollectionsSortOrder, true),
            (cny.NameEn, cny.NameZh, cny.Unit, cny.Aggregation, cny.Currency, cny.SortOrder, cny.IsActive));
        Assert.Empty(await CollectionsOf("tenant-usd"));
        Assert.Equal("Cash in", Assert.Single(await CollectionsOf("tenant-has-it")).NameEn);
    }
}
