using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SalesCoachBot.Data;

// `dotnet ef migrations add` builds the model through these, without starting the app or opening a database.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSalesCoachDbContext>
{
    public SqliteSalesCoachDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSalesCoachDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSalesCoachDbContext>
{
    public PostgresSalesCoachDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSalesCoachDbContext>().UseNpgsql("Host=localhost;Database=salescoach_design_time").Options);
}
