using SalesCoachBot.Hosting;
using SalesCoachBot.Teams.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPersistence();
builder.AddScheduling();
builder.AddAdminApi();
builder.AddFeatures();
builder.AddMessaging();
builder.AddCrm();

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();
app.MapTeamsBot("/api/messages");
app.MapHealthChecks("/healthz");
app.MapScheduling();
app.MapAdminApi();
app.MapCrmWebhooks();

await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
