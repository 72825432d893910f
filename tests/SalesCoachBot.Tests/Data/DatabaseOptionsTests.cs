using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Data;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Tests.Data;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public async Task MigrateDatabaseAsync_NoSettings_CreatesSqliteFileInContentRootDataFolder()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSalesCoachStore(contentRoot);
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.MigrateDatabaseAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.True(File.Exists(Path.Combine(contentRoot, "data", "salescoach.db")));
        Directory.Delete(contentRoot, recursive: true);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, null, "ConnectionStrings:SalesCoach is empty")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=x.db;Nonsense=1", "not a valid Sqlite connection string")]
    [InlineData((DatabaseProvider)7, null, "must be Sqlite or Postgres")]
    public void Validate_BadSettings_FailsWithAClearReason(DatabaseProvider provider, string? connectionString, string reason)
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains(reason, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new DatabaseOptionsValidator().Validate(null, new DatabaseOptions()).Succeeded);
    }
}
