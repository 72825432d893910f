using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Messaging;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Messaging;

/// <summary>The outbox inside the real app: AddMessaging registers it, the hosted dispatcher delivers on a wake-up.</summary>
public sealed class MessagingAppTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, false)]
    [InlineData(DatabaseProvider.Sqlite, true)]
    [InlineData(DatabaseProvider.Postgres, false)]
    [InlineData(DatabaseProvider.Postgres, true)]
    public async Task HostedDispatcher_MessageEnqueuedByAFeature_DeliveredToTheMembersChat(DatabaseProvider provider, bool inTransaction)
    {
        await using var app = new SalesCoachBotApplication(provider);
        // Long poll: only the enqueue's wake-up can make delivery prompt.
        app.Settings["Messaging:PollInterval"] = "01:00:00";
        using var hello = await app.PostActivityAsync(ActivityBuilder.Message("hello"));
        Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
        var repliedToHello = app.Connector.SentCount;

        var (scope, store) = app.NewStore(ActivityBuilder.DefaultTenant);
        await using (scope)
        {
            var member = await store.Members.SingleAsync(m => m.TeamsUserId == "29:alice");
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            await using var transaction = inTransaction ? await store.Database.BeginTransactionAsync() : null;
            Assert.Equal(EnqueueResult.Enqueued, await outbox.EnqueueForMemberAsync(
                member.Id, "reminder:1", AutomaticMessageKinds.Reminders, new Activity { Type = "message", Text = "proactive" }, automatic: false));
            if (transaction is not null)
            {
                // The wake-up comes with the commit (before it the row is invisible to the dispatcher).
                await transaction.CommitAsync();
            }
        }

        var call = (await app.Connector.WaitForSentAsync(repliedToHello + 1))[^1];

        Assert.Equal("proactive", call.Activity!.Text);
        // To the service URL the chat was last seen on: the fake connector's, as the hello named it.
        Assert.Equal((FakeConnectorOperation.Send, "a:personal-alice"), (call.Operation, call.ConversationId));
        Assert.Equal(repliedToHello + 1, app.Connector.SentCount);
    }

    [Fact]
    public void Sample_ListsEveryMessagingOption()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRequirements.RepositoryRoot(), "appsettings.sample.json")));
        var documented = sample.RootElement.GetProperty(MessagingOptions.SectionName).EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Equal([], typeof(MessagingOptions).GetProperties().Where(p => p.CanWrite && !documented.Contains(p.Name)).Select(p => p.Name));
    }

    [Fact]
    public async Task Options_InvalidMessagingSettings_StartFailsWithTheSettingNamed()
    {
        await using var app = new SalesCoachBotApplication();
        app.Settings["Messaging:BatchSize"] = "0";

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<MessagingOptions>>().Value);
        Assert.Contains("BatchSize", error.Message, StringComparison.Ordinal);
    }
}
