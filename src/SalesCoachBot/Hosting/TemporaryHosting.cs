namespace SalesCoachBot.Hosting;

internal static class TemporaryHosting
{
    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder) { Teams.Hosting.TeamsBotServiceCollectionExtensions.AddTeamsBot(builder.Services); return builder; }
}
