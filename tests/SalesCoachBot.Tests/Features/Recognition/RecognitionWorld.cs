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

    /// <summary>A card button pressed on a card in the team channel (Action.Execute).</summary>
    public static ActivityBuilder ChannelInvoke(string verb, object data, string from, string name, string tenant = TeamWorld.TenantA) =>
        ActivityBuilder.Of("invoke").InTenant(tenant).InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId).From(from, name).WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb, data } });

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

    /// <summary>
    /// What every connector call so far carried into a channel (a conversation 19:…, or a new conversation naming a
    /// channel), as JSON; 1:1 chats (and opening one) are left out.
    /// </summary>
    public static List<string> IntoChannels(SalesCoachBotApplication app) =>
        [.. app.Connector.Requests
            .Select(r => (r, Json: r.Body?.GetRawText() ?? (r.Activity is null ? string.Empty : System.Text.Json.JsonSerializer.Serialize(r.Activity, SalesCoachBot.Teams.Activities.BotJson.Options))))
            .Where(c => c.r.ConversationId?.StartsWith("19:", StringComparison.Ordinal) == true || c.Json.Contains("\"channel\"", StringComparison.Ordinal))
            .Select(c => c.Json)];

    /// <summary>Every Action.Execute on a card (at any depth): its verb and data.</summary>
    public static List<(string Verb, System.Text.Json.Nodes.JsonObject? Data)> Buttons(System.Text.Json.Nodes.JsonNode card)
    {
        List<(string, System.Text.Json.Nodes.JsonObject?)> found = [];
        void Walk(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject o:
                    if (o["type"]?.GetValue<string>() == "Action.Execute")
                    {
                        found.Add((o["verb"]!.GetValue<string>(), o["data"] as System.Text.Json.Nodes.JsonObject));
                    }

                    foreach (var (key, child) in o)
                    {
                        if (key != "fallback")
                        {
                            Walk(child);
                        }
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child);
                    }

                    break;
            }
        }

        Walk(card);
        return found;
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
