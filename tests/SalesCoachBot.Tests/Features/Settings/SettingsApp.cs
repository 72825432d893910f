using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.Settings;

/// <summary>The real app on a fresh store, with the helpers the settings tests share.</summary>
internal static class SettingsApp
{
    public const string Tenant = ActivityBuilder.DefaultTenant;

    // Mid-winter: fixed offsets for zones with daylight saving time (New York is UTC-05:00).
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public static SalesCoachBotApplication Create(DatabaseProvider provider) =>
        new(provider) { Time = new FakeTimeProvider(Now) };

    /// <summary>A complete card form as Teams sends it, with <paramref name="overrides"/> applied.</summary>
    public static Dictionary<string, object?> Form(params (string Field, object? Value)[] overrides)
    {
        var form = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["language"] = "auto",
            ["timeZone"] = "auto",
            ["quietStart"] = "21:00",
            ["quietEnd"] = "08:00",
        };
        foreach (var kind in AutomaticMessageKinds.All)
        {
            form["receive." + kind] = "true";
        }

        foreach (var (field, value) in overrides)
        {
            form[field] = value;
        }

        return form;
    }

    /// <summary>Action.Execute of the Save button (the client merges the inputs into data).</summary>
    public static ActivityBuilder ExecuteSave(Dictionary<string, object?> form) =>
        ActivityBuilder.Of("invoke").WithName("adaptiveCard/action")
            .WithValue(new Dictionary<string, object?> { ["action"] = new Dictionary<string, object?> { ["type"] = "Action.Execute", ["verb"] = "settings.save", ["data"] = form } });

    /// <summary>The Action.Submit fallback of the Save button: a message whose value carries the verb and the inputs.</summary>
    public static ActivityBuilder SubmitSave(Dictionary<string, object?> form, string cardActivityId = "card-1")
    {
        var value = new Dictionary<string, object?>(form, StringComparer.Ordinal) { ["verb"] = "settings.save" };
        return ActivityBuilder.Message(null).WithValue(value).WithReplyToId(cardActivityId);
    }

    /// <summary>The card of an invoke response (asserts it is a 200 card answer).</summary>
    public static async Task<JsonNode> InvokeCardAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"]!;
    }

    /// <summary>The Adaptive Card an activity carries, as wire JSON.</summary>
    public static JsonNode Card(Activity activity)
    {
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        return JsonSerializer.SerializeToNode(attachment.Content, BotJson.Options)!;
    }

    /// <summary>All texts of a card's body (text blocks at any depth, input labels and toggle titles).</summary>
    public static List<string> Texts(JsonNode card) =>
        Walk(card["body"]!).SelectMany(e => new[] { e["text"], e["label"], e["title"] })
            .Where(t => t is not null).Select(t => t!.GetValue<string>()).ToList();

    /// <summary>The body element with an id (inputs), at any depth.</summary>
    public static JsonNode Input(JsonNode card, string id) =>
        Walk(card["body"]!).Single(e => e["id"]?.GetValue<string>() == id);

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        foreach (var element in node.AsArray())
        {
            yield return element!;
            foreach (var child in new[] { element!["items"], element["columns"] }.Where(c => c is not null))
            {
                foreach (var nested in Walk(child!))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>What the store holds for a member of a tenant: a comparable snapshot.</summary>
    public static async Task<string> SnapshotAsync(SalesCoachBotApplication app, string tenant = Tenant, string teamsUserId = "29:alice")
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _ = scope;
        var member = await store.Members.AsNoTracking().SingleAsync(m => m.TeamsUserId == teamsUserId);
        var optOuts = await store.OptOuts.AsNoTracking().Where(o => o.MemberId == member.Id).Select(o => o.Kind).OrderBy(k => k).ToListAsync();
        return $"{member.PreferredLocale}|{member.TimeZone}|{member.QuietHoursStart?.ToString("HH:mm", CultureInfo.InvariantCulture)}|{member.QuietHoursEnd?.ToString("HH:mm", CultureInfo.InvariantCulture)}|{string.Join(',', optOuts)}";
    }
}
