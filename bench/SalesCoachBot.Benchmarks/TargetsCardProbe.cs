using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// The measured operations on one app: <see cref="CardJsonAsync"/> is the server's work for <c>targets</c> once the
/// turn knows its member (a request scope, <see cref="TargetsViewBuilder.BuildAsync"/>, the card as JSON);
/// <see cref="TurnAsync"/> is the whole turn (POST /api/messages → middleware → command → reply to the connector).
/// </summary>
public sealed class TargetsCardProbe(BenchApp app) : IDisposable
{
    private readonly HttpClient _client = app.CreateClient();

    public async Task<string> CardJsonAsync(long memberId, SalesPeriodKind period, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var views = scope.ServiceProvider.GetRequiredService<TargetsViewBuilder>();
        var turn = new TurnContext(Message(memberId, "targets"), app.Connector, scope.ServiceProvider)
        {
            Locale = BenchWorld.Locale(memberId),
        };
        // What ContactRecorder leaves on the turn for a known member.
        turn.Set(new TurnIdentity(BenchWorld.TenantId, new KnownMember(
            memberId, BenchWorld.TenantId, BenchWorld.TeamsUserId(memberId), BenchWorld.AadObjectId(memberId),
            BenchWorld.MemberName(memberId), BenchWorld.Locale(memberId))));
        // The period of that kind holding today (UTC is close enough for a bench; the card reads the member's own today).
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var card = await views.BuildAsync(turn, SalesPeriod.Containing(period, today), notice: null, cancellationToken)
            ?? throw new InvalidOperationException($"No card for member {memberId}: is the bench store seeded?");
        return card.ToJson();
    }

    /// <summary>
    /// The floor the machine sets: a request scope, the tenant bound and one trivial query (<c>SELECT 1</c>) on the
    /// app's store. Sampled beside the card, it shows how much of the card's time is round trips and scheduling.
    /// </summary>
    public async Task<int> RoundTripAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().ForTenant(BenchWorld.TenantId);
        return await store.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
    }

    /// <summary>Posts <c>targets [period]</c> from the rep's 1:1 chat; returns the card the bot sent.</summary>
    public async Task<Activity> TurnAsync(long memberId, SalesPeriodKind period, CancellationToken cancellationToken = default)
    {
        var text = period == SalesPeriodKind.Month ? "targets" : "targets " + period.ToString().ToLowerInvariant();
        using var content = new StringContent(MessageJson(memberId, text), Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
        response.EnsureSuccessStatusCode();
        var sent = app.Connector.SentActivities;
        app.Connector.Clear();
        return sent.Count == 1 && sent[0].Attachments is { Count: 1 }
            ? sent[0]
            : throw new InvalidOperationException($"Expected one card for member {memberId}, the bot sent {sent.Count} activities.");
    }

    public void Dispose() => _client.Dispose();

    private static Activity Message(long memberId, string text) => From(memberId, text).Build();

    private static string MessageJson(long memberId, string text) => From(memberId, text).ToJson();

    private static ActivityBuilder From(long memberId, string text) =>
        ActivityBuilder.Message(text)
            .InTenant(BenchWorld.TenantId)
            .InPersonalChat(BenchWorld.PersonalConversationId(memberId))
            .From(BenchWorld.TeamsUserId(memberId), BenchWorld.MemberName(memberId), BenchWorld.AadObjectId(memberId))
            .WithLocale(BenchWorld.Locale(memberId));
}
