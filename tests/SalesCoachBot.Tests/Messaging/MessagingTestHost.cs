using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Messaging;

/// <summary>
/// One app instance's messaging services on a <see cref="TestDatabase"/> (its fake clock): the real store, the outbox
/// and a dispatcher, sending through the real connector client (AddBotConnector) to the service URL of each chat, which
/// tests seed with a <see cref="FakeConnectorServer"/>'s (<see cref="OutboxSeed.ConnectorAsync"/>). Two hosts on one
/// database are two instances. <paramref name="observe"/> wraps the client, e.g. in an <see cref="ObservedConnector"/>.
/// </summary>
internal sealed class MessagingTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public MessagingTestHost(
        TestDatabase database, IDictionary<string, string?>? settings = null, Func<IConnectorClient, IConnectorClient>? observe = null,
        Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>(database.ConfigurationValues(), StringComparer.Ordinal)
        {
            // Real HTTP tests: no client-side pacing or internal retries, so the outbox's own retry is what is tested.
            ["Bot:Connector:RateLimitingEnabled"] = "false",
            ["Bot:Connector:MaxAttempts"] = "1",
            ["Bot:Connector:AttemptTimeout"] = "-00:00:00.001",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(database.Time);
        services.AddSalesCoachStore(Path.GetTempPath());
        services.AddSalesKernel().AddContacts();
        // As the app binds them: Bot:AllowedServiceUrlHosts decides where the connector may send.
        services.AddOptions<TeamsBotOptions>().BindConfiguration(TeamsBotOptions.SectionName);
        services.AddBotConnector();
        if (observe is not null)
        {
            var real = services.Single(d => d.ServiceType == typeof(IConnectorClient));
            services.Remove(real);
            services.AddSingleton(sp => observe((IConnectorClient)real.ImplementationFactory!(sp)));
        }

        services.AddOutboxMessaging();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public OutboxDispatcher Dispatcher => _services.GetRequiredService<OutboxDispatcher>();

    public IServiceProvider Services => _services;

    /// <summary>Dispatches until nothing is due now (messages backing off stay for later).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int claimed;
        while ((claimed = await Dispatcher.DispatchDueAsync(cancellationToken)) > 0)
        {
            total += claimed;
        }

        return total;
    }

    /// <summary>Runs <paramref name="write"/> with an outbox on a store bound to <paramref name="tenantId"/>, in a new scope.</summary>
    public async Task<T> WithOutboxAsync<T>(string tenantId, Func<Outbox, SalesCoachDbContext, Task<T>> write)
    {
        await using var scope = _services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().ForTenant(tenantId);
        return await write(scope.ServiceProvider.GetRequiredService<Outbox>(), store);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Seeds tenants, members and their 1:1 conversations, and reads the outbox back.</summary>
internal static class OutboxSeed
{
    public const string Tenant = "tenant-contoso";

    public static string UserId(int i) => $"29:rep-{i}";

    public static string PersonalConversationId(int i) => $"a:rep-{i}";

    /// <summary>A fake Teams connector for the hosts to send to; it does not enforce rate limits (the fake clock stands still).</summary>
    public static Task<FakeConnectorServer> ConnectorAsync() => FakeConnectorServer.StartAsync(new FakeConnectorOptions { EnforceRateLimits = false });

    /// <summary>Adds <paramref name="count"/> members (with a 1:1 conversation unless told otherwise); returns their ids in order.</summary>
    public static async Task<List<long>> MembersAsync(TestDatabase database, int count, string serviceUrl, bool withConversation = true, string tenantId = Tenant)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        var now = database.Time.GetUtcNow();
        if (!await store.Tenants.AnyAsync())
        {
            store.Tenants.Add(new Tenant { TenantId = tenantId, FirstSeenAt = now });
        }

        var members = Enumerable.Range(0, count)
            .Select(i => new Member { TenantId = tenantId, TeamsUserId = UserId(i), Name = $"Rep {i}", CreatedAt = now, UpdatedAt = now })
            .ToList();
        store.Members.AddRange(members);
        await store.SaveChangesAsync();
        if (withConversation)
        {
            store.Conversations.AddRange(members.Select((m, i) => new Conversation
            {
                TenantId = tenantId,
                ConversationId = PersonalConversationId(i),
                ServiceUrl = serviceUrl,
                ConversationType = "personal",
                MemberId = m.Id,
                BotId = "28:bot-app-id",
                CreatedAt = now,
                LastSeenAt = now,
            }));
            await store.SaveChangesAsync();
        }

        return members.Select(m => m.Id).ToList();
    }

    public static Activity Message(string text) => new() { Type = "message", Text = text };

    public static async Task<List<OutboxMessage>> RowsAsync(TestDatabase database, string tenantId = Tenant)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        return await store.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<Member> MemberAsync(TestDatabase database, long memberId, string tenantId = Tenant)
    {
        var (scope, store) = database.NewStore(tenantId);
        await using var _ = scope;
        return await store.Members.AsNoTracking().SingleAsync(m => m.Id == memberId);
    }
}
