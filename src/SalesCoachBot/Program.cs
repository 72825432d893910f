using SalesCoachBot.Hosting;
using SalesCoachBot.Teams.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPersistence();
builder.AddKeyAttemptThrottle();
builder.AddScheduling();
builder.AddMessaging();
builder.AddFeatures();

var app = builder.Build();

await app.Services.MigrateDatabaseAsync().ConfigureAwait(false);
app.MapTeamsBot("/api/messages");
app.MapHealthChecks("/healthz");
app.MapScheduling();
app.MapFeatureEndpoints();

await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
