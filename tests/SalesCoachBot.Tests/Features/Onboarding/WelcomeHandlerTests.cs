using System.Text.Json;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.Onboarding;

public sealed class WelcomeHandlerTests
{
    [Fact]
    public async Task Install_PersonalRepeatedAsPlaygroundDoes_WelcomesOnce()
    {
        await using var app = new SalesCoachBotApplication();

        // One install = installationUpdate + conversationUpdate; a page reload sends both again.
        for (var load = 0; load < 2; load++)
        {
            await app.PostActivityAsync(ActivityBuilder.Of("installationUpdate").WithAction("add"));
            await app.PostActivityAsync(ActivityBuilder.Of("conversationUpdate").WithMembersAdded(ActivityBuilder.BotId, "29:alice"));
        }

        var welcome = Assert.Single(app.Connector.SentActivities);
        Assert.Equal("a:personal-alice", welcome.Conversation?.Id);
        Assert.Equal(Attachment.AdaptiveCardContentType, welcome.Attachments!.Single().ContentType);
        Assert.Contains("Hi Alice Wang, I'm your sales coach", CardText.Of(welcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_InTeamChannel_PostsTeamWelcomeInChannelOnce()
    {
        await using var app = new SalesCoachBotApplication();

        for (var load = 0; load < 3; load++)
        {
            await app.PostActivityAsync(ActivityBuilder.Of("conversationUpdate").InChannel(teamName: "East Sales")
                .WithEventType("teamMemberAdded").WithMembersAdded(ActivityBuilder.BotId));
        }

        var welcome = Assert.Single(app.Connector.SentActivities);
        Assert.StartsWith("19:team-general@thread.tacv2", welcome.Conversation?.Id, StringComparison.Ordinal);
        Assert.Contains("Hello, East Sales!", CardText.Of(welcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_ChineseLocale_WelcomesInChinese()
    {
        await using var app = new SalesCoachBotApplication();

        await app.PostActivityAsync(ActivityBuilder.Of("installationUpdate").WithAction("add").WithLocale("zh-CN"));

        var welcome = Assert.Single(app.Connector.SentActivities);
        Assert.Contains("我是你的销售教练", CardText.Of(welcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationUpdate_OtherMemberJoins_SendsNoWelcome()
    {
        await using var app = new SalesCoachBotApplication();

        await app.PostActivityAsync(ActivityBuilder.Of("conversationUpdate").InChannel().WithMembersAdded("29:bob"));
        await app.PostActivityAsync(ActivityBuilder.Of("installationUpdate").WithAction("remove"));

        Assert.Empty(app.Connector.SentActivities);
    }

    [SkippableFact]
    public async Task Install_OnPostgres_WelcomesOnce()
    {
        await using var app = new SalesCoachBotApplication(SalesCoachBot.Data.DatabaseProvider.Postgres);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.PostActivityAsync(ActivityBuilder.Of("installationUpdate").WithAction("add"))));

        Assert.Single(app.Connector.SentActivities);
    }
}
