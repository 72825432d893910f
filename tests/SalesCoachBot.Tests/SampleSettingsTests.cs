using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCoachBot.Contacts;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests;

/// <summary>appsettings.sample.json is the documented list of settings: the app must boot on it and bind every key.</summary>
public sealed class SampleSettingsTests
{
    private static string SamplePath => Path.Combine(TestRequirements.RepositoryRoot(), "appsettings.sample.json");

    [Fact]
    public async Task Boot_OnSampleSettings_AnswersHelp()
    {
        await using var app = new SampleApplication();

        using var response = await app.PostActivityAsync(ActivityBuilder.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(app.Connector.SentActivities);
        var bot = app.Services.GetRequiredService<IOptions<TeamsBotOptions>>().Value;
        Assert.Equal("https://api.botframework.com/.default", bot.OAuthScope);
        Assert.Equal(50, app.Services.GetRequiredService<IOptions<ConnectorOptions>>().Value.AppRequestsPerSecond);
        Assert.Equal("local-development", app.Services.GetRequiredService<IOptions<ContactOptions>>().Value.LocalDevelopmentTenantId);
        var keyAttempts = app.Services.GetRequiredService<IOptions<SalesCoachBot.Security.KeyAttemptOptions>>().Value;
        Assert.Equal((5, TimeSpan.FromMinutes(1), 10_000), (keyAttempts.MaxFailures, keyAttempts.Window, keyAttempts.MaxTrackedAddresses));
    }

    [Fact]
    public void Sample_ListsEveryBotOption()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(SamplePath));
        var bot = sample.RootElement.GetProperty("Bot");
        var documented = bot.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal([], Undocumented(typeof(TeamsBotOptions), documented));

        var connector = bot.GetProperty("Connector").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal([], Undocumented(typeof(ConnectorOptions), connector));

        var contacts = sample.RootElement.GetProperty("Contacts").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal([], Undocumented(typeof(ContactOptions), contacts));

        var crm = sample.RootElement.GetProperty("Crm").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal([], Undocumented(typeof(SalesCoachBot.Features.Crm.CrmOptions), crm));

        var keyAttempts = sample.RootElement.GetProperty("KeyAttempts").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal([], Undocumented(typeof(SalesCoachBot.Security.KeyAttemptOptions), keyAttempts));

        var exports = sample.RootElement.GetProperty("Exports").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal([], Undocumented(typeof(SalesCoachBot.Exports.ExportOptions), exports));
    }

    private static List<string> Undocumented(Type options, HashSet<string> documented) =>
        options.GetProperties().Where(p => p.CanWrite && !documented.Contains(p.Name)).Select(p => p.Name).ToList();

    /// <summary>The app on the sample file (its empty connection string = the default SQLite file, redirected to a temp one).</summary>
    private sealed class SampleApplication : SalesCoachBotApplication
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddJsonFile(SamplePath, optional: false));
            base.ConfigureWebHost(builder);
        }
    }
}
