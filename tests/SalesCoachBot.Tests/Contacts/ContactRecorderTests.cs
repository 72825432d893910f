using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Contacts;

public sealed class ContactRecorderTests
{
    private const string Tenant = ActivityBuilder.DefaultTenant;

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OnTurnAsync_FirstMessage_CreatesTenantMemberAndConversationAndSetsTurn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var (turn, nextCalled) = await RunAsync(database, ActivityBuilder.Message("help").WithLocale("zh-CN"));

        Assert.True(nextCalled);
        var member = turn.Identity()?.Member;
        Assert.NotNull(member);
        Assert.Equal((Tenant, "29:alice", "aad-alice", "Alice Wang", "zh-CN"), (member.TenantId, member.TeamsUserId, member.AadObjectId, member.Name, member.Locale));
        Assert.Equal(Tenant, turn.Identity()?.TenantId);
        Assert.Equal("zh-CN", turn.Locale);

        var (scope, store) = database.NewStore(Tenant);
        await using var _ = scope;
        Assert.Equal(database.Time.GetUtcNow(), (await store.Tenants.SingleAsync()).FirstSeenAt);
        Assert.Equal(member.Id, (await store.Members.SingleAsync()).Id);
        var conversation = await store.Conversations.SingleAsync();
        Assert.Equal(("a:personal-alice", "personal", member.Id, (DateTimeOffset?)null),
            (conversation.ConversationId, conversation.ConversationType, conversation.MemberId, conversation.WelcomedAt));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OnTurnAsync_NameLocaleAndServiceUrlChanged_UpdatesSameRows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (first, _) = await RunAsync(database, ActivityBuilder.Message("help"));
        var created = database.Time.GetUtcNow();
        database.Time.Advance(TimeSpan.FromMinutes(1));

        var (second, _) = await RunAsync(database, ActivityBuilder.Message("help")
            .From("29:alice", "Alice Wang-Li", "aad-alice").WithLocale("zh-CN").WithServiceUrl("https://smba.trafficmanager.net/apac/"));

        Assert.Equal(first.Identity()?.Member!.Id, second.Identity()?.Member!.Id);
        Assert.Equal(("Alice Wang-Li", "zh-CN"), (second.Identity()?.Member!.Name, second.Identity()?.Member!.Locale));
        var (scope, store) = database.NewStore(Tenant);
        await using var __ = scope;
        var member = await store.Members.SingleAsync();
        Assert.Equal(("Alice Wang-Li", "zh-CN", created, database.Time.GetUtcNow()), (member.Name, member.Locale, member.CreatedAt, member.UpdatedAt));
        var conversation = await store.Conversations.SingleAsync();
        Assert.Equal(("https://smba.trafficmanager.net/apac/", created, database.Time.GetUtcNow()), (conversation.ServiceUrl, conversation.CreatedAt, conversation.LastSeenAt));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OnTurnAsync_UnchangedContact_SkipsTheDatabaseUntilTheRefreshInterval(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RunAsync(database, ActivityBuilder.Message("help"));

        // Remove the rows behind the recorder's back: a turn that writes would bring them back.
        var (scope, store) = database.NewStore(Tenant);
        await using (scope)
        {
            await store.Conversations.ExecuteDeleteAsync();
        }

        var (cached, _) = await RunAsync(database, ActivityBuilder.Message("targets"));
        Assert.NotNull(cached.Identity()?.Member);
        Assert.Equal(0, await CountConversationsAsync(database));

        database.Time.Advance(new ContactOptions().LastSeenRefreshInterval);
        await RunAsync(database, ActivityBuilder.Message("targets"));
        Assert.Equal(1, await CountConversationsAsync(database));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OnTurnAsync_ChannelThreadMessage_StoresTheChannelWithTeamAndNoMember(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await RunAsync(database, ActivityBuilder.Message("praise").MentioningBot().InChannel(teamId: "19:team@thread.tacv2", channelId: "19:sales@thread.tacv2"));

        var (scope, store) = database.NewStore(Tenant);
        await using var _ = scope;
        var conversation = await store.Conversations.SingleAsync();
        Assert.Equal(("19:sales@thread.tacv2", "channel", "19:team@thread.tacv2", "19:sales@thread.tacv2", (long?)null),
            (conversation.ConversationId, conversation.ConversationType, conversation.TeamId, conversation.ChannelId, conversation.MemberId));
        Assert.Equal(1, await store.Members.CountAsync()); // the sender is still a member
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecordAsync_EightConcurrentFirstContacts_OneMemberOneConversation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var members = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => StoreTests.RecordAsync(database, ActivityBuilder.Message("hi")))));

        Assert.Single(members.Select(m => m!.Id).Distinct());
        var (scope, store) = database.NewStore(Tenant);
        await using var __ = scope;
        Assert.Equal((1, 1, 1), (await store.Tenants.CountAsync(), await store.Members.CountAsync(), await store.Conversations.CountAsync()));
    }

    [Fact]
    public async Task OnTurnAsync_ActivityWithoutLocale_UsesTheMembersLastLocale()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await RunAsync(database, ActivityBuilder.Message("help").WithLocale("zh-CN"));

        var (turn, _) = await RunAsync(database, ActivityBuilder.Of("invoke").Set("locale", null));

        Assert.Equal("zh-CN", turn.Locale);
    }

    [Fact]
    public async Task OnTurnAsync_NoTenantInLocalDevelopment_UsesTheLocalDevelopmentTenant()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (turn, _) = await RunAsync(database, ActivityBuilder.Message("help").Set("channelData", new { }).Set("conversation", new { id = "a:playground" }));

        Assert.Equal("local-development", turn.Identity()?.TenantId);
        Assert.Equal("local-development", turn.Identity()?.Member?.TenantId);
    }

    [Fact]
    public async Task OnTurnAsync_NoTenantWithAppId_RunsTheTurnWithoutMemberAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (turn, nextCalled) = await RunAsync(database, ActivityBuilder.Message("help").Set("channelData", new { }).Set("conversation", new { id = "a:x" }),
            new TeamsBotOptions { AppId = "00000000-0000-0000-0000-000000000001" });

        Assert.True(nextCalled);
        Assert.Null(turn.Identity()?.Member);
        Assert.Null(turn.Identity()?.TenantId);
        Assert.Equal("en-US", turn.Locale);
        var (scope, store) = database.NewStore();
        await using var _ = scope;
        Assert.Equal(0, await store.Members.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task OnTurnAsync_OversizeSenderId_RecordsTheConversationWithoutMember()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (turn, nextCalled) = await RunAsync(database, ActivityBuilder.Message("help").From("29:" + new string('x', 5000), new string('n', 5000)));

        Assert.True(nextCalled);
        Assert.Null(turn.Identity()?.Member);
        Assert.Equal(1, await CountConversationsAsync(database));
    }

    [Fact]
    public async Task RouteAsync_RecorderRegisteredFirst_HandlerSeesTheMember()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var services = new ServiceCollection();
        services.AddSingleton(database.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(database.Time);
        services.AddSalesCoachStore(Path.GetTempPath());
        services.AddSalesKernel().AddContacts();
        // No app id: the bot accepts that only in the Development environment.
        services.AddSingleton(Mock.Of<IHostEnvironment>(e => e.EnvironmentName == Environments.Development));
        services.AddTeamsBot().Use<ContactRecorder>().OnFallback<MemberEcho>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await using var connector = await FakeConnectorServer.StartAsync();
        var turn = new TurnContext(ActivityBuilder.Message("hello").WithServiceUrl(connector.ServiceUrl).Build(),
            provider.GetRequiredService<IConnectorClient>(), scope.ServiceProvider);

        await provider.GetRequiredService<BotRouter>().RouteAsync(turn, CancellationToken.None);

        Assert.Equal(["member Alice Wang in tenant-contoso"], connector.SentTexts);
    }

    private static async Task<(TurnContext Turn, bool NextCalled)> RunAsync(TestDatabase database, ActivityBuilder activity, TeamsBotOptions? bot = null)
    {
        await using var scope = database.NewScope();
        var recorder = new ContactRecorder(
            scope.ServiceProvider.GetRequiredService<ContactDirectory>(),
            Options.Create(bot ?? new TeamsBotOptions()),
            scope.ServiceProvider.GetRequiredService<IOptions<ContactOptions>>(),
            NullLogger<ContactRecorder>.Instance);
        // These turns need no connector: a strict mock fails any call (a member look-up would be one).
        var turn = new TurnContext(activity.Build(), new Mock<IConnectorClient>(MockBehavior.Strict).Object, scope.ServiceProvider);
        var nextCalled = false;
        await recorder.OnTurnAsync(turn, () => { nextCalled = true; return Task.CompletedTask; }, CancellationToken.None);
        return (turn, nextCalled);
    }

    private static async Task<int> CountConversationsAsync(TestDatabase database)
    {
        var (scope, store) = database.NewStore(Tenant);
        await using var _ = scope;
        return await store.Conversations.CountAsync();
    }

    private sealed class MemberEcho : ITurnHandler
    {
        public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken) =>
            turn.SendTextAsync($"member {turn.Identity()?.Member?.Name} in {turn.Identity()?.TenantId}", cancellationToken);
    }
}
