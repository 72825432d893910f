using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Meetings;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.Recognition;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Meetings;

/// <summary>
/// The team of <see cref="TeamWorld"/> (manager Mia, reps Alice, Bob and Carol in East Sales, zone Asia/Shanghai;
/// Wednesday 18 November 2026, 10:00 in Shanghai) with its channel known, and helpers to run the meeting jobs and read
/// what they left. The next Monday meeting is on 23 November; its agenda job fires on Sunday 22 November, 09:30.
/// </summary>
internal static class MeetingWorld
{
    public const string AdminKeyA = "admin-key-of-contoso-0123456";
    public const string AdminKeyB = "admin-key-of-fabrikam-012345";

    public static readonly DateOnly NextMonday = new(2026, 11, 23);

    /// <summary>Sunday 22 November 2026, 09:30 in Shanghai: when the agenda job of a Monday 09:30 meeting fires.</summary>
    public static readonly DateTimeOffset AgendaInstant = new(2026, 11, 22, 1, 30, 0, TimeSpan.Zero);

    public static Task<TeamWorld> CreateAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA) => RecognitionWorld.CreateAsync(app, tenant);

    public static ActivityBuilder Channel(string text, string from = TeamWorld.Manager, string name = TeamWorld.ManagerName, string tenant = TeamWorld.TenantA) =>
        TeamWorld.Channel(text, from, name, tenant);

    /// <summary>Mia sets the meeting in the channel and the answer is checked to be no refusal.</summary>
    public static async Task ScheduleAsync(SalesCoachBotApplication app, string words = "meeting monday 09:30")
    {
        var reply = Assert.Single(await app.Chat().SendAsync(Channel(words)));
        Assert.Contains("set", reply.Text, StringComparison.OrdinalIgnoreCase);
        app.Connector.Reset();
    }

    public static async Task RunAgendaJobAsync(SalesCoachBotApplication app, long teamId, string tenant = TeamWorld.TenantA)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MeetingAgendaJob>().RunAsync(tenant, teamId, CancellationToken.None);
    }

    public static async Task RunReminderJobAsync(SalesCoachBotApplication app, long teamId, string tenant = TeamWorld.TenantA)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MeetingReminderJob>().RunAsync(tenant, teamId, CancellationToken.None);
    }

    public static async Task<MeetingSeries?> SeriesAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _scope = scope;
        return await store.MeetingSeries.AsNoTracking().SingleOrDefaultAsync();
    }

    public static async Task<List<MeetingAgendaItem>> ItemsAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _scope = scope;
        return await store.MeetingAgendaItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
    }

    /// <summary>The recurring jobs of the meetings as Hangfire stores them.</summary>
    public static List<RecurringJobDto> MeetingJobs(SalesCoachBotApplication app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetRecurringJobs().Where(j => j.Id.StartsWith("meeting-", StringComparison.Ordinal)).OrderBy(j => j.Id, StringComparer.Ordinal)];
    }

    /// <summary>Every outbox row of the tenant whose key starts with <paramref name="prefix"/>.</summary>
    public static async Task<List<OutboxMessage>> OutboxAsync(SalesCoachBotApplication app, string prefix, string tenant = TeamWorld.TenantA) =>
        [.. (await RecognitionWorld.OutboxAsync(app, tenant)).Where(o => o.IdempotencyKey.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>Every member of the tenant speaks <paramref name="locale"/> (the agenda's language is the team's).</summary>
    public static async Task SetLocaleAsync(SalesCoachBotApplication app, string locale, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _scope = scope;
        await store.Members.ExecuteUpdateAsync(s => s.SetProperty(m => m.Locale, locale));
    }

    /// <summary>
    /// Results of the week 16–22 November (before the Monday meeting) over <see cref="TeamWorld.SeedNovemberAsync"/>:
    /// Alice 30,000 with Acme, Bob 8,000 (Carol's 5,000 of 17 November is seeded already). Bob stays behind the month's pace.
    /// </summary>
    public static async Task SeedWeekAsync(TeamWorld world)
    {
        await world.SeedNovemberAsync();
        var (scope, store) = world.App.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            var ledger = new SalesCoachBot.Features.SalesResults.ResultLedger(store, scope.ServiceProvider.GetRequiredService<TimeProvider>());
            await ledger.RecordAsync(new ResultEntry(world.Members["29:alice"], world.Kpis[KpiDefaults.Revenue], 30_000m, new DateOnly(2026, 11, 16), ResultSources.Chat, Customer: "Acme"));
            await ledger.RecordAsync(new ResultEntry(world.Members["29:bob"], world.Kpis[KpiDefaults.Revenue], 8_000m, new DateOnly(2026, 11, 18), ResultSources.Chat));
        }
    }

    public static HttpClient AdminClient(SalesCoachBotApplication app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(SalesCoachBot.Features.Admin.AdminApiKeyFilter.KeyHeader, key);
        return client;
    }

    public static void AddAdminKeys(SalesCoachBotApplication app)
    {
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantA] = AdminKeyA;
        app.Settings["Admin:ApiKeys:" + TeamWorld.TenantB] = AdminKeyB;
    }

    public static string AgendaPath(string tenant = TeamWorld.TenantA, string teamsTeamId = TeamWorld.TeamsTeamId) =>
        $"/api/admin/tenants/{tenant}/teams/{Uri.EscapeDataString(teamsTeamId)}/agenda/post";

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement.Clone();
}
