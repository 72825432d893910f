using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.Imports;

/// <summary>The tenant's people and KPIs the upload tests use.</summary>
internal sealed record UploadPeople(long Alice, long Bob, long Carol, long Dave, long Revenue, long Contracts, long Visits);

/// <summary>
/// Shared steps of the upload tests: an app on a fresh database with loopback downloads allowed, a tenant where Alice
/// manages East (rep Bob) and Dave manages West (rep Carol), upload activities as Teams sends them, and the buttons.
/// </summary>
internal static class UploadTestKit
{
    public const string TenantA = ActivityBuilder.DefaultTenant;
    public const string TenantB = "tenant-fabrikam";

    // Wednesday 18 November 2026, 10:00 in Shanghai.
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    public static SalesCoachBotApplication NewApp(DatabaseProvider provider, bool allowLoopback = true)
    {
        var app = new SalesCoachBotApplication(provider) { Time = new FakeTimeProvider(Now) };
        app.Settings["Imports:AllowHttpLoopback"] = allowLoopback ? "true" : "false";
        return app;
    }

    public static async Task<UploadPeople> SeedAsync(SalesCoachBotApplication app)
    {
        // The first message makes Alice, the tenant and its default KPIs known.
        await app.PostActivityAsync(ActivityBuilder.Message("help").InPersonalChat());
        var (scope, store) = app.NewStore(TenantA);
        await using var _ = scope;
        var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
        var east = await directory.EnsureTeamAsync(TenantA, "19:east@thread.tacv2", "East", null);
        var eastIds = await directory.AddMembersAsync(TenantA, east.Id,
            [new RosterEntry("29:alice", "aad-alice", "Alice Wang", "alice@contoso.com"), new RosterEntry("29:bob", "aad-bob", "Bob Li", "Bob.Li@contoso.com")]);
        Assert.True(await directory.SetRoleAsync(TenantA, east.Id, eastIds[0], TeamRole.Manager));
        var west = await directory.EnsureTeamAsync(TenantA, "19:west@thread.tacv2", "West", null);
        var westIds = await directory.AddMembersAsync(TenantA, west.Id,
            [new RosterEntry("29:carol", "aad-carol", "Carol Zhang", "carol@contoso.com"), new RosterEntry("29:dave", "aad-dave", "Dave Chen", "dave@contoso.com")]);
        Assert.True(await directory.SetRoleAsync(TenantA, west.Id, westIds[1], TeamRole.Manager));
        var kpis = await store.Kpis.ToDictionaryAsync(k => k.Key, k => k.Id);
        app.Connector.Reset();
        return new UploadPeople(eastIds[0], eastIds[1], westIds[0], westIds[1], kpis[KpiDefaults.Revenue], kpis[KpiDefaults.Contracts], kpis[KpiDefaults.Visits]);
    }

    /// <summary>A 1:1 message carrying a file, as Teams delivers it to a bot with supportsFiles.</summary>
    public static ActivityBuilder Upload(string fileName, string downloadUrl, string? fileType = null, ActivityBuilder? from = null) =>
        (from ?? ActivityBuilder.Message(null).InPersonalChat()).Set("attachments", new object[]
        {
            new Dictionary<string, object?>
            {
                ["contentType"] = FileUploadReceiver.FileDownloadInfoType,
                ["contentUrl"] = downloadUrl,
                ["name"] = fileName,
                ["content"] = new Dictionary<string, object?>
                {
                    ["downloadUrl"] = downloadUrl,
                    ["uniqueId"] = Guid.NewGuid().ToString(),
                    ["fileType"] = fileType ?? Path.GetExtension(fileName).TrimStart('.'),
                },
            },
        });

    /// <summary>
    /// Posts an upload, checks the turn answered at once with "Reading your file…" (in the upload's language), waits for
    /// the background read (no timing: <see cref="UploadReadQueue.WhenIdleAsync"/>) and returns what replaced that message
    /// in place: the preview card, or the reason the file was refused.
    /// </summary>
    public static async Task<Activity> UploadAsync(SalesCoachBotApplication app, ActivityBuilder upload)
    {
        var before = app.Connector.Requests.Count;
        var replies = await app.Chat().SendAsync(upload);
        var placeholder = replies[0];
        var reading = app.Services.GetRequiredService<BotText>().Get(upload.Build().Locale, ImportsTextKeys.Reading, "\u0000").Split('\u0000')[0];
        Assert.StartsWith(reading, placeholder.Text, StringComparison.Ordinal);
        await app.Services.GetRequiredService<UploadReadQueue>().WhenIdleAsync();
        var placeholderId = app.Connector.Requests.Skip(before)
            .Single(r => r.Operation == FakeConnectorOperation.Send && r.Activity?.Text == placeholder.Text).AssignedId;
        var update = Assert.Single(app.Connector.Requests.Skip(before),
            r => r.Operation == FakeConnectorOperation.Update && r.StatusCode is >= 200 and < 300 && r.ActivityId == placeholderId);
        return update.Activity!;
    }

    public static ActivityBuilder AsBob(string? text = null) =>
        ActivityBuilder.Message(text).From("29:bob", "Bob Li", "aad-bob").InPersonalChat("a:personal-bob");

    /// <summary>Presses a preview button (Action.Execute invoke) and returns the invoke response body.</summary>
    public static async Task<string> PressAsync(SalesCoachBotApplication app, string verb, long importId, ActivityBuilder? from = null)
    {
        var activity = (from ?? ActivityBuilder.Of("invoke").InPersonalChat()).WithType("invoke").WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb, data = new { importId = importId.ToString(System.Globalization.CultureInfo.InvariantCulture) } } });
        var response = await app.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"invoke answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public static JsonElement CardOf(Activity activity) =>
        JsonSerializer.SerializeToElement(Assert.Single(activity.Attachments!).Content, BotJson.Options);

    /// <summary>The facts (title → value) of the preview card.</summary>
    public static Dictionary<string, string> FactsOf(Activity activity)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in CardOf(activity).GetProperty("body").EnumerateArray())
        {
            if (element.GetProperty("type").GetString() == "FactSet")
            {
                foreach (var fact in element.GetProperty("facts").EnumerateArray())
                {
                    facts[fact.GetProperty("title").GetString()!] = fact.GetProperty("value").GetString()!;
                }
            }
        }

        return facts;
    }

    /// <summary>The import id the preview's Import button carries.</summary>
    public static long ImportIdOf(Activity activity)
    {
        var action = CardOf(activity).GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("verb").GetString() == ImportCard.ConfirmVerb);
        return long.Parse(action.GetProperty("data").GetProperty(ImportCard.ImportIdKey).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<(int Pending, int Results, int Targets)> CountsAsync(SalesCoachBotApplication app, string tenantId = TenantA)
    {
        var (scope, store) = app.NewStore(tenantId);
        await using var _ = scope;
        return (await store.PendingImports.CountAsync(), await store.SalesResults.CountAsync(), await store.SalesTargets.CountAsync());
    }
}
