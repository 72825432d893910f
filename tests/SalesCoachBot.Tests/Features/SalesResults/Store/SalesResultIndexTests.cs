using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.SalesResults.Store;

public sealed class SalesResultIndexTests
{
    [Fact]
    public async Task CardQuery_OnSqlite_IsAnsweredFromTheCoveringIndex()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (scope, store) = database.NewStore("tenant-a");
        await using var _ = scope;
        var connection = store.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand explain = connection.CreateCommand();
        explain.CommandText = """
            EXPLAIN QUERY PLAN
            SELECT kpi_id, SUM(amount) FROM sales_results
            WHERE tenant_id = 'tenant-a' AND member_id = 1 AND kpi_id = 2
              AND occurred_on >= '2026-11-01' AND occurred_on <= '2026-11-30' AND undone_at IS NULL
            GROUP BY kpi_id
            """;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX ix_sales_results_card", StringComparison.Ordinal));
    }
}
