namespace SalesCoachBot.Hosting;

internal static class TemporaryHosting
{
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder) { builder.Services.AddHealthChecks(); return builder; }
    public static Task MigrateDatabaseAsync(this IServiceProvider services) => Task.CompletedTask;
}
