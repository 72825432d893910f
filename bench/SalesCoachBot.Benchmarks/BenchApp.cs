using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// The real app (Program's composition, in-process TestServer) on a given database: local-development bot mode,
/// no job server or outbox dispatcher (nothing in the background competes with the measurement), time frozen at
/// <see cref="BenchWorld.Now"/>, and a recording connector so a turn's reply costs no network.
/// Booting it applies the app's migrations, which is how the bench databases get their schema and indexes.
/// </summary>
public sealed class BenchApp(DatabaseProvider provider, string connectionString, IInterceptor? commandInterceptor = null)
    : WebApplicationFactory<Program>
{
    private const string ContentRootVariable = "ASPNETCORE_TEST_CONTENTROOT_SALESCOACHBOT";
    private const string AppManifest = "MvcTestingAppManifest.json";

    static BenchApp()
    {
        // WebApplicationFactory looks for its manifest in the current directory, which is the output folder under a
        // test runner but the repository under `dotnet run`: point it at the app's folder the manifest names.
        var manifest = Path.Combine(AppContext.BaseDirectory, AppManifest);
        if (Environment.GetEnvironmentVariable(ContentRootVariable) is null && !File.Exists(AppManifest) && File.Exists(manifest))
        {
            var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest)) ?? [];
            var app = roots.FirstOrDefault(r => r.Key.StartsWith(typeof(Program).Assembly.GetName().Name + ",", StringComparison.Ordinal));
            if (app.Value is { Length: > 0 } root)
            {
                Environment.SetEnvironmentVariable(ContentRootVariable, root);
            }
        }
    }

    public DatabaseProvider Provider { get; } = provider;

    public RecordingConnectorClient Connector { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The bench runs the bot without an app id (no tokens to mint per turn), which only Development allows.
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:SalesCoach"] = connectionString,
            ["Bot:AppId"] = "",
            ["Scheduling:Enabled"] = "false",
            ["Messaging:DispatcherEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        }));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(BenchWorld.Now));
            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);
            services.AddSingleton<IStartupFilter, LoopbackCaller>();
            if (commandInterceptor is not null)
            {
                services.ConfigureDbContext<SqliteSalesCoachDbContext>(options => options.AddInterceptors(commandInterceptor));
                services.ConfigureDbContext<PostgresSalesCoachDbContext>(options => options.AddInterceptors(commandInterceptor));
            }
        });
    }

    // TestServer leaves the caller's address empty; local-development mode answers loopback callers only.
    private sealed class LoopbackCaller : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
