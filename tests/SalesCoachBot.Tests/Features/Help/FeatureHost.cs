using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SalesCoachBot.Contacts;
using SalesCoachBot.Hosting;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Tests.Features.Help;

/// <summary>The app's feature registrations (AddFeatures) without the web server, to route turns directly.</summary>
internal static class FeatureHost
{
    public static WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        // Every turn passes the contact recorder, which needs a migrated store: a throwaway SQLite file.
        var database = Path.Combine(Path.GetTempPath(), $"salescoach-features-{Guid.NewGuid():N}.db");
        builder.Configuration["ConnectionStrings:SalesCoach"] = $"Data Source={database};Pooling=False";
        builder.AddPersistence();
        builder.AddFeatures();
        var app = builder.Build();
        app.Services.MigrateDatabaseAsync().GetAwaiter().GetResult();
        return app;
    }
}

/// <summary>A connector that records what the bot sends (Moq underneath, so unexpected calls stay visible).</summary>
internal sealed class RecordingConnector
{
    public Mock<IConnectorClient> Mock { get; } = new(MockBehavior.Strict);

    public List<Activity> Sent { get; } = [];

    public List<(string ActivityId, Activity Activity)> Updated { get; } = [];

    public RecordingConnector()
    {
        Mock.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, Activity, CancellationToken>((_, _, activity, _) => Sent.Add(activity))
            .ReturnsAsync(() => new ResourceResponse("sent-" + Sent.Count));
        Mock.Setup(c => c.UpdateActivityAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, string, Activity, CancellationToken>((_, _, id, activity, _) => Updated.Add((id, activity)))
            .ReturnsAsync(() => new ResourceResponse("updated"));
    }

    public TurnContext Turn(Activity activity, IServiceProvider services) => new(activity, Mock.Object, services);
}
