using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Feedback;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Feedback;

/// <summary>
/// The app for feedback tests: TeamWorld's clock (Wednesday 18 November 2026, 10:00 in Shanghai) and, when asked, a
/// small recognition history standing in for the recognition feature (which registers the real one).
/// </summary>
internal sealed class FeedbackApp(DatabaseProvider provider, IReadOnlyList<RecognitionEntry>? recognition = null) : SalesCoachBotApplication(provider)
{
    public FakeTimeProvider Clock => Time!;

    public static FeedbackApp Create(DatabaseProvider provider, IReadOnlyList<RecognitionEntry>? recognition = null) =>
        new(provider, recognition) { Time = new FakeTimeProvider(TeamWorld.Now) };

    protected override void ConfigureServices(IServiceCollection services)
    {
        if (recognition is not null)
        {
            services.AddScoped<IRecognitionHistory>(_ => new FakeRecognition(recognition));
        }
    }

    /// <summary>Every feedback note of the tenant, oldest first.</summary>
    public async Task<List<FeedbackNote>> NotesAsync(string tenant = TeamWorld.TenantA)
    {
        var (scope, store) = NewStore(tenant);
        await using var _scope = scope;
        return await store.FeedbackNotes.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
    }

    /// <summary>A message in a member's 1:1 chat; with <paramref name="mention"/>, "feedback &lt;at&gt;name&lt;/at&gt; text" as Teams sends it.</summary>
    public static ActivityBuilder Personal(string text, string from = TeamWorld.Manager, string name = TeamWorld.ManagerName, (string Id, string Name)? mention = null)
    {
        var activity = TeamWorld.Personal(text, from, name);
        return mention is { } m ? WithMention(activity, text, m) : activity;
    }

    /// <summary>"feedback &lt;at&gt;name&lt;/at&gt; rest": the mention entity and the text, the word first.</summary>
    public static ActivityBuilder WithMention(ActivityBuilder activity, string text, (string Id, string Name) mention)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var (word, rest) = space < 0 ? (text, string.Empty) : (text[..space], text[(space + 1)..]);
        activity.Mentioning(mention.Id, mention.Name, prepend: false);
        return activity.WithText($"{word} <at>{mention.Name}</at> {rest}".TrimEnd());
    }

    /// <summary>
    /// The one activity the turn sent into <paramref name="conversationId"/>: the outbox may deliver to someone else while
    /// the turn runs, so a turn's replies are told apart by conversation.
    /// </summary>
    public static Activity In(Replies replies, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return Assert.Single(replies.Requests, r => r.Operation == FakeConnectorOperation.Send && r.ConversationId == conversationId && r.StatusCode is >= 200 and < 300).Activity!;
    }

    /// <summary>Every connector call so far with what it carried as JSON, and whether it went into a 1:1 chat.</summary>
    public IEnumerable<(RecordedRequest Request, string Json, bool Personal)> Calls() =>
        Connector.Requests.Select(r => (r, r.Body?.GetRawText() ?? (r.Activity is null ? string.Empty : JsonSerializer.Serialize(r.Activity, BotJson.Options)),
            r.ConversationId is { } id && id.StartsWith("a:", StringComparison.Ordinal)));

    /// <summary>Fails when any connector call outside a 1:1 chat (a channel, a group chat, a new thread) carries <paramref name="secret"/>.</summary>
    public void AssertNeverOutsidePrivateChats(string secret)
    {
        var calls = Calls().ToList();
        Assert.NotEmpty(calls);
        foreach (var (request, json, personal) in calls)
        {
            Assert.True(personal || !json.Contains(secret, StringComparison.Ordinal),
                $"'{secret}' went to {request.Operation} {request.ConversationId ?? request.Path}");
        }
    }

    private sealed class FakeRecognition(IReadOnlyList<RecognitionEntry> entries) : IRecognitionHistory
    {
        public Task<IReadOnlyList<RecognitionEntry>> ReceivedAsync(long memberId, DateTimeOffset? before, int take, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RecognitionEntry>>([.. entries.Where(e => before is null || e.At < before).OrderByDescending(e => e.At).Take(take)]);
    }
}
