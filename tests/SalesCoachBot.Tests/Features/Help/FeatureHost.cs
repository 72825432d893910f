using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Tests.Features.Help;

/// <summary>
/// The app's feature registrations (AddFeatures) without the web server, for tests that need the app's services
/// (texts, the help catalog, routes) but send nothing; conversations go through <see cref="Chat"/>.
/// Every turn passes the contact recorder, which needs a migrated store: a throwaway SQLite file, deleted on dispose.
/// </summary>
internal sealed class FeatureHost : IDisposable, IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _database;

    private FeatureHost(WebApplication app, string database)
    {
        _app = app;
        _database = database;
    }

    public IServiceProvider Services => _app.Services;

    public static FeatureHost Build()
    {
        var database = Path.Combine(Path.GetTempPath(), $"salescoach-features-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:SalesCoach"] = $"Data Source={database};Pooling=False";
        builder.AddPersistence();
        builder.AddFeatures();
        var host = new FeatureHost(builder.Build(), database);
        try
        {
            host.Services.MigrateDatabaseAsync().GetAwaiter().GetResult();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    public void Dispose()
    {
        ((IDisposable)_app).Dispose();
        DeleteDatabase();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        DeleteDatabase();
    }

    // Pooling=False: no connection holds the file once the app is gone.
    private void DeleteDatabase()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_database + suffix);
        }
    }
}
