using SalesCoachBot.Hosting;
using SalesCoachBot.Teams.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPersistence();
builder.AddHealth();
builder.AddKeyAttemptThrottle();
builder.AddScheduling();
builder.AddMessaging();
builder.AddFeatures();

var app = builder.Build();

try
{
    app.ValidateSettings();
    await app.Services.MigrateDatabaseAsync().ConfigureAwait(false);
}
catch (Exception error) when (app.ExplainSettingsError(error, Console.Error))
{
    return 1;
}

app.MapTeamsBot("/api/messages");
app.MapHealth();
app.MapScheduling();
app.MapFeatureEndpoints();

await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
