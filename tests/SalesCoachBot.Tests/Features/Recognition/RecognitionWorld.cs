using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Recognition;

/// <summary>
/// The team of <see cref="TeamWorld"/> (manager Mia, reps Alice, Bob and Carol in East Sales; Wednesday 18 November
/// 2026, 10:00 in Shanghai) with its channel known to the bot, and the messages of a praise as Teams sends them.
/// </summary>
internal static class RecognitionWorld
{
    public const string ChannelConversation = TeamWorld.TeamsTeamId;

    /// <summary>The team, its channel recorded (someone wrote there), the connector's log empty.</summary>
    public static async Task<TeamWorld> CreateAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var world = await TeamWorld.CreateAsync(app, tenant);
        await app.PostActivityAsync(TeamWorld.Channel("help", TeamWorld.Manager, TeamWorld.ManagerName, tenant));
        app.Connector.Reset();
        return world;
    }

    /// <summary>A message in the team channel that mentions the bot first, then <paramref name="text"/> whose &lt;at&gt; names match <paramref name="people"/>.</summary>
    public static ActivityBuilder InChannel(string text, string from, string name, params (string Id, string Name)[] people) =>
        WithMentions(ActivityBuilder.Message("x").InTenant(TeamWorld.TenantA).InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId).From(from, name), people)
            .MentioningBot().WithText("<at>SalesCoach</at> " + text);

    /// <summary>The same in the sender's 1:1 chat (no bot mention there).</summary>
    public static ActivityBuilder InPersonalChat(string text, string from, string name, params (string Id, string Name)[] people) =>
        WithMentions(ActivityBuilder.Message("x").InTenant(TeamWorld.TenantA).InPersonalChat("a:personal-" + from).From(from, name), people).WithText(text);

    public static readonly (string, string) Alice = ("29:alice", "Alice Wang");
    public static readonly (string, string) Bob = ("29:bob", "Bob Li");
    public static readonly (string, string) Mia = (TeamWorld.Manager, TeamWorld.ManagerName);

    public static async Task SetValuesAsync(SalesCoachBotApplication app, long teamId, int? quota, params (string Name, int Points)[] values)
    {
        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using var _scope = scope;
        await scope.ServiceProvider.GetRequiredService<RecognitionStore>().ReplaceAsync(TeamWorld.TenantA, teamId, values, quota, CancellationToken.None);
    }

    /// <summary>Every stored praise of the tenant with its receivers' ids.</summary>
    public static async Task<List<Praise>> PraisesAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _scope = scope;
        return await store.Praises.AsNoTracking().Include(p => p.Receivers).OrderBy(p => p.Id).ToListAsync();
    }

    /// <summary>Every outbox row of the tenant.</summary>
    public static async Task<List<OutboxMessage>> OutboxAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _scope = scope;
        return await store.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }

    private static ActivityBuilder WithMentions(ActivityBuilder builder, (string Id, string Name)[] people)
    {
        foreach (var (id, name) in people)
        {
            builder.Mentioning(id, name, prepend: false);
        }

        return builder;
    }
}
