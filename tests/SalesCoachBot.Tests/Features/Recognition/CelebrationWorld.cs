using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Crm;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Recognition;

/// <summary>Celebration settings, rows and CRM deliveries for the celebration tests, over <see cref="RecognitionWorld"/>.</summary>
internal static class CelebrationWorld
{
    public const string CrmSource = "contoso-crm";
    public const string CrmSecret = "generic-secret-of-contoso-0001";
    public const string AdminKeyA = "admin-key-of-contoso-0123456";
    public const string AdminKeyB = "admin-key-of-fabrikam-012345";

    public static async Task SetAsync(SalesCoachBotApplication app, long teamId, CelebrationSettings settings, string tenant = TeamWorld.TenantA)
    {
        var (scope, _) = app.NewStore(tenant);
        await using var _scope = scope;
        await scope.ServiceProvider.GetRequiredService<CelebrationStore>().SaveSettingsAsync(tenant, teamId, settings, CancellationToken.None);
    }

    public static async Task<CelebrationSettings> SettingsAsync(SalesCoachBotApplication app, long teamId, string tenant = TeamWorld.TenantA)
    {
        var (scope, _) = app.NewStore(tenant);
        await using var _scope = scope;
        return await scope.ServiceProvider.GetRequiredService<CelebrationStore>().SettingsAsync(teamId, CancellationToken.None);
    }

    /// <summary>Every celebration of the tenant, oldest first.</summary>
    public static async Task<List<Celebration>> CelebrationsAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _scope = scope;
        return await store.Celebrations.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>The outbox rows of celebrations (their keys start with "celebration:").</summary>
    public static async Task<List<OutboxMessage>> CelebrationMessagesAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA) =>
        [.. (await RecognitionWorld.OutboxAsync(app, tenant)).Where(o => o.IdempotencyKey.StartsWith("celebration:", StringComparison.Ordinal))];

    /// <summary>Records a result as the app does (the ledger from the app's services, which tells the celebrations).</summary>
    public static async Task RecordCelebratingAsync(this TeamWorld world, string who, string kpi, decimal amount, DateOnly on, string tenant = TeamWorld.TenantA)
    {
        var (scope, _) = world.App.NewStore(tenant);
        await using var _scope = scope;
        await scope.ServiceProvider.GetRequiredService<IResultLedger>().RecordAsync(
            new ResultEntry(world.Members[who], world.Kpis[kpi], amount, on, ResultSources.Chat));
    }

    public static async Task<int> ResultCountAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _scope = scope;
        return await store.SalesResults.CountAsync();
    }

    /// <summary>The CRM source of tenant A (generic JSON), so a won deal can arrive as CRM sends it.</summary>
    public static void AddCrm(SalesCoachBotApplication app)
    {
        app.Settings[$"Crm:Sources:{CrmSource}:Tenant"] = TeamWorld.TenantA;
        app.Settings[$"Crm:Sources:{CrmSource}:Secret"] = CrmSecret;
        app.Settings[$"Crm:Sources:{CrmSource}:Format"] = "Generic";
    }

    /// <summary>A won deal of Alice's, signed at the app's clock.</summary>
    public static async Task<HttpResponseMessage> SendCrmDealAsync(
        SalesCoachBotApplication app, string eventId, decimal amount, string closedOn, string customer, string owner = "alice@contoso.com")
    {
        var body = $$$"""
            {"eventId":"{{{eventId}}}","occurredAt":"2026-11-18T01:58:00Z","owner":{"email":"{{{owner}}}"},
             "deal":{"id":"D-{{{eventId}}}","name":"Renewal","amount":{{{amount.ToString(CultureInfo.InvariantCulture)}}},"currency":"CNY",
                     "closedOn":"{{{closedOn}}}","customer":"{{{customer}}}","stage":"won"}}
            """;
        using var client = app.CreateClient();
        var timestamp = app.Time!.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/crm/{CrmSource}/events", UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(CrmSignature.TimestampHeader, timestamp);
        request.Headers.Add(CrmSignature.SignatureHeader, CrmSignature.Sign(CrmSecret, timestamp, bytes));
        return await client.SendAsync(request);
    }
}
