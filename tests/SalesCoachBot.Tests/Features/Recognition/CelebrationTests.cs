using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Recognition.CelebrationWorld;

namespace SalesCoachBot.Tests.Features.Recognition;

public sealed class CelebrationTests
{
    private static readonly SalesPeriod November = SalesPeriod.Month(2026, 11);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task BigDeal_LoggedInChat_PostedOnceInTheChannel_WithMentionCustomerAndPraiseButton(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await RecognitionWorld.CreateAsync(app);
        await SetAsync(app, world.TeamId, CelebrationSettings.Default with { BigDealThreshold = 500_000m });

        var replies = await app.Chat().SendAsync(TeamWorld.Personal("log deal 600000 Acme", "29:alice", "Alice Wang"));

        Assert.Contains("Logged", Assert.Single(replies).CardText(), StringComparison.Ordinal);
        var post = (await app.Connector.WaitForSentAsync(2)).Single(r => r.ConversationId == TeamWorld.TeamsTeamId).Activity!;
        Assert.Equal("🎉 Big deal!", post.CardTitle());
        TeamWorld.AssertInOrder(post.CardText(), "<at>Alice Wang</at> closed a big deal: ¥600,000 (Revenue).", "Customer: Acme",
            "a manager types “celebrations” to change them");
        Assert.Equal([("29:alice", "<at>Alice Wang</at>")], post.Entities!.Select(e => (e.Mentioned!.Id!, e.Text!)));
        var card = post.Card();
        Assert.Equal("29:alice", card["msteams"]!["entities"]![0]!["mentioned"]!["id"]!.GetValue<string>());
        var button = card["actions"]![0]!;
        Assert.Equal(("Add your praise", PraiseFormActions.OpenVerb), (button["title"]!.GetValue<string>(), button["verb"]!.GetValue<string>()));
        Assert.Equal(world.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture), button["data"]![PraiseFormActions.TeamIdKey]!.GetValue<string>());
        Assert.Equal(world.Members["29:alice"].ToString(System.Globalization.CultureInfo.InvariantCulture), button["data"]![PraiseFormActions.MemberIdKey]!.GetValue<string>());
        Assert.Equal("Big deal with Acme: ¥600,000 (Revenue)", button["data"]![PraiseFormActions.ReasonKey]!.GetValue<string>());

        // The same deal logged again (a new chat action, so new result rows), and a deal below the threshold: nothing more.
        await app.Chat().SendAsync(TeamWorld.Personal("log deal 600000 acme", "29:alice", "Alice Wang"));
        await app.Chat().SendAsync(TeamWorld.Personal("log deal 400000 Beta", "29:alice", "Alice Wang"));

        var celebration = Assert.Single(await CelebrationsAsync(app));
        Assert.Equal((CelebrationKind.BigDeal, world.TeamId, world.Members["29:alice"], world.Kpis[KpiDefaults.Revenue], "2026-11-18", 600_000m),
            (celebration.Kind, celebration.SalesTeamId, celebration.MemberId, celebration.KpiId, celebration.PeriodKey, celebration.Amount));
        var message = Assert.Single(await CelebrationMessagesAsync(app));
        Assert.Equal(celebration.EventKey, message.IdempotencyKey);
        Assert.NotNull(message.ConversationId);
        Assert.Equal(6, await ResultCountAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, false)]
    [InlineData(DatabaseProvider.Sqlite, true)]
    [InlineData(DatabaseProvider.Postgres, false)]
    [InlineData(DatabaseProvider.Postgres, true)]
    public async Task BigDeal_SameDealFromChatAndCrm_CelebratedOnce(DatabaseProvider provider, bool crmFirst)
    {
        await using var app = TeamWorld.NewApp(provider);
        AddCrm(app);
        var world = await RecognitionWorld.CreateAsync(app);
        await SetAsync(app, world.TeamId, CelebrationSettings.Default with { BigDealThreshold = 500_000m });

        async Task FromChat() => await app.Chat().SendAsync(TeamWorld.Personal("记录 成交 60万 ACME", "29:alice", "Alice Wang").WithLocale("zh-CN"));
        async Task FromCrm()
        {
            using var response = await SendCrmDealAsync(app, "evt-1", 600_000m, "2026-11-18", "Acme");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        if (crmFirst)
        {
            await FromCrm();
            await FromChat();
        }
        else
        {
            await FromChat();
            await FromCrm();
        }

        // Two results each (revenue and a contract), from two sources: one deal, one celebration, one post.
        Assert.Equal(4, await ResultCountAsync(app));
        Assert.Single(await CelebrationsAsync(app));
        Assert.Single(await CelebrationMessagesAsync(app));
        // A deal of the same amount with another customer on the same day is another deal.
        using (var other = await SendCrmDealAsync(app, "evt-2", 600_000m, "2026-11-18", "Huawei"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Equal(2, (await CelebrationsAsync(app)).Count);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_RepAndTeamReachingNovember_CelebratedOnceEach(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await RecognitionWorld.CreateAsync(app);
        await world.OverrideAsync("29:alice", KpiDefaults.Revenue, November, 100_000m);
        await world.OverrideAsync("29:bob", KpiDefaults.Revenue, November, 100_000m);
        var day = new DateOnly(2026, 11, 16);

        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 60_000m, day);
        Assert.Empty(await CelebrationsAsync(app));
        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 50_000m, day);
        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 10_000m, day);
        // The team's target is the sum of its reps' (200,000): Bob's 95,000 takes the team to 215,000, not him to his.
        await world.RecordCelebratingAsync("29:bob", KpiDefaults.Revenue, 95_000m, day);
        await world.RecordCelebratingAsync("29:bob", KpiDefaults.Revenue, 10_000m, day);
        await world.RecordCelebratingAsync("29:bob", KpiDefaults.Revenue, 10_000m, day);

        var celebrations = await CelebrationsAsync(app);
        var revenue = world.Kpis[KpiDefaults.Revenue];
        Assert.Equal(
        [
            (CelebrationKind.RepTarget, (long?)world.Members["29:alice"], "2026-11", 110_000m, $"celebration:rep-target:{world.TeamId}:{world.Members["29:alice"]}:{revenue}:2026-11"),
            (CelebrationKind.TeamTarget, null, "2026-11", 215_000m, $"celebration:team-target:{world.TeamId}:{revenue}:2026-11"),
            (CelebrationKind.RepTarget, world.Members["29:bob"], "2026-11", 105_000m, $"celebration:rep-target:{world.TeamId}:{world.Members["29:bob"]}:{revenue}:2026-11"),
        ], celebrations.Select(c => (c.Kind, c.MemberId, c.PeriodKey, c.Amount, c.EventKey)));
        Assert.Equal(celebrations.Select(c => c.EventKey), (await CelebrationMessagesAsync(app)).Select(m => m.IdempotencyKey));

        var posts = (await app.Connector.WaitForSentAsync(3)).Select(r => r.Activity!).ToList();
        Assert.All(posts, p => Assert.Equal(TeamWorld.TeamsTeamId, app.Connector.Sent.Single(s => s.Activity == p).ConversationId));
        Assert.Contains(posts, p => p.CardText().Contains("<at>Alice Wang</at> reached 100% of the Revenue target for November 2026: ¥110,000 of ¥100,000.", StringComparison.Ordinal));
        var team = Assert.Single(posts, p => p.CardTitle() == "🏆 Team target reached!");
        Assert.Contains("East Sales reached its Revenue target for November 2026: ¥215,000 of ¥200,000.", team.CardText(), StringComparison.Ordinal);
        // A team's card has no one to mention and no praise button.
        Assert.Null(team.Entities);
        Assert.Null(team.Card()["actions"]);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Celebrations_SwitchedOffOrBelowThreshold_CelebrateNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await RecognitionWorld.CreateAsync(app);
        await world.OverrideAsync("29:alice", KpiDefaults.Revenue, November, 100_000m);
        await SetAsync(app, world.TeamId, new CelebrationSettings(BigDeals: true, RepTargets: false, TeamTargets: false, BigDealThreshold: 1_000_000m));

        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 600_000m, new DateOnly(2026, 11, 16));
        await SetAsync(app, world.TeamId, new CelebrationSettings(BigDeals: false, RepTargets: false, TeamTargets: false, BigDealThreshold: 100m));
        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 600_000m, new DateOnly(2026, 11, 17));
        // No threshold set (the default): no big deal, however big.
        await SetAsync(app, world.TeamId, CelebrationSettings.Default with { RepTargets = false, TeamTargets = false });
        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 9_000_000m, new DateOnly(2026, 11, 17));

        Assert.Empty(await CelebrationsAsync(app));
        Assert.Empty(await RecognitionWorld.OutboxAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Targets_ResultOfAnOldMonth_CelebratesNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await RecognitionWorld.CreateAsync(app);
        await world.OverrideAsync("29:alice", KpiDefaults.Revenue, SalesPeriod.Month(2026, 9), 100_000m);
        await world.OverrideAsync("29:alice", KpiDefaults.Revenue, SalesPeriod.Month(2026, 10), 100_000m);

        // An upload of September is history; October (last month) is still news.
        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 150_000m, new DateOnly(2026, 9, 10));
        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 150_000m, new DateOnly(2026, 10, 30));

        Assert.Equal(["2026-10"], (await CelebrationsAsync(app)).Where(c => c.MemberId != null).Select(c => c.PeriodKey));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OptedOutRep_GetsTheCelebrationInTheirPersonalChat_NotInTheChannel(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await RecognitionWorld.CreateAsync(app);
        await SetAsync(app, world.TeamId, CelebrationSettings.Default with { BigDealThreshold = 500_000m });
        var optedOut = await app.Chat().SendAsync(TeamWorld.Personal("设置 关闭 频道庆祝", "29:alice", "Alice Wang").WithLocale("zh-CN"));
        Assert.Contains("在团队频道庆祝我的业绩", Assert.Single(optedOut).Text, StringComparison.Ordinal);
        app.Connector.Reset();

        await app.Chat().SendAsync(TeamWorld.Personal("记录 成交 60万 华为", "29:alice", "Alice Wang").WithLocale("zh-CN"));

        var message = Assert.Single(await CelebrationMessagesAsync(app));
        Assert.Equal((world.Members["29:alice"], (long?)null), (message.MemberId!.Value, message.ConversationId));
        var note = (await app.Connector.WaitForSentAsync(2)).Single(r => r.Activity!.Attachments is { Count: > 0 } && r.Activity.CardTitle() == "🎉 大单喜报！");
        Assert.Equal("a:personal-29:alice", note.ConversationId);
        TeamWorld.AssertInOrder(note.Activity!.CardText(), "你拿下大单：销售额 ¥60万。", "客户：华为", "只有你能看到");
        Assert.Null(note.Activity!.Entities);
        Assert.Null(note.Activity.Card()["actions"]);
        Assert.DoesNotContain(app.Connector.Sent, r => r.ConversationId == TeamWorld.TeamsTeamId);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OptedOutRep_InQuietHours_TheNoteWaitsForTheirMorning(DatabaseProvider provider)
    {
        // Wednesday 18 November 2026, 22:30 in Shanghai: Alice's default quiet hours (21:00–08:00).
        await using var app = new SalesCoachBotApplication(provider) { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 14, 30, 0, TimeSpan.Zero)) };
        var world = await RecognitionWorld.CreateAsync(app);
        await SetAsync(app, world.TeamId, CelebrationSettings.Default with { BigDealThreshold = 500_000m });
        await app.Chat().SendAsync(TeamWorld.Personal("settings off public-recognition", "29:alice", "Alice Wang"));

        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 600_000m, new DateOnly(2026, 11, 18));

        var message = Assert.Single(await CelebrationMessagesAsync(app));
        Assert.Equal(world.Members["29:alice"], message.MemberId);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.Zero), message.DueAt);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OptedOutOfRecognitionToo_TheCelebrationIsStoredAndSentNowhere(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await RecognitionWorld.CreateAsync(app);
        await SetAsync(app, world.TeamId, CelebrationSettings.Default with { BigDealThreshold = 500_000m });
        await app.Chat().SendAsync(TeamWorld.Personal("settings off public-recognition", "29:alice", "Alice Wang"));
        await app.Chat().SendAsync(TeamWorld.Personal("settings off recognition", "29:alice", "Alice Wang"));

        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 600_000m, new DateOnly(2026, 11, 18));

        Assert.Single(await CelebrationsAsync(app));
        Assert.Empty(await CelebrationMessagesAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task NoChannelKnown_RepGetsTheirsInPersonalChat_TeamsIsStoredNotPosted(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        // Nobody has written in the team's channel: the bot has no conversation to post into.
        var world = await TeamWorld.CreateAsync(app);
        await app.PostActivityAsync(TeamWorld.Personal("help", "29:alice", "Alice Wang"));
        app.Connector.Reset();
        await world.OverrideAsync("29:alice", KpiDefaults.Revenue, November, 100_000m);

        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 120_000m, new DateOnly(2026, 11, 16));

        Assert.Equal([CelebrationKind.RepTarget, CelebrationKind.TeamTarget], (await CelebrationsAsync(app)).Select(c => c.Kind));
        var message = Assert.Single(await CelebrationMessagesAsync(app));
        Assert.Equal((world.Members["29:alice"], (long?)null), (message.MemberId!.Value, message.ConversationId));
        Assert.StartsWith("celebration:rep-target:", message.IdempotencyKey, StringComparison.Ordinal);
        var note = (await app.Connector.WaitForSentAsync(1)).Single();
        TeamWorld.AssertInOrder(note.Activity!.CardText(), "You reached 100% of your Revenue target for November 2026: ¥120,000 of ¥100,000.",
            "I can't post in the channel of East Sales yet");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Celebrations_PerTenant_AnotherTenantsTeamAndResultsNeverMix(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var a = await RecognitionWorld.CreateAsync(app);
        var b = await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        await SetAsync(app, a.TeamId, CelebrationSettings.Default with { BigDealThreshold = 500_000m });
        await b.OverrideAsync("29:alice", KpiDefaults.Revenue, November, 100_000m, TeamWorld.TenantB);

        await a.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 600_000m, new DateOnly(2026, 11, 18));
        // Tenant B's team has no threshold of its own: A's does not apply to it.
        await b.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 600_000m, new DateOnly(2026, 11, 18), TeamWorld.TenantB);

        Assert.Equal([CelebrationKind.BigDeal], (await CelebrationsAsync(app)).Select(c => c.Kind));
        var inB = await CelebrationsAsync(app, TeamWorld.TenantB);
        Assert.Equal([CelebrationKind.RepTarget, CelebrationKind.TeamTarget], inB.Select(c => c.Kind));
        Assert.All(inB, c => Assert.Equal(b.TeamId, c.SalesTeamId));
        Assert.Equal(CelebrationSettings.Default, await SettingsAsync(app, b.TeamId, TeamWorld.TenantB));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecognitionHistory_ShowsTheRepsCelebrationsWithoutAGiver(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await RecognitionWorld.CreateAsync(app);
        await world.OverrideAsync("29:alice", KpiDefaults.Revenue, November, 100_000m);
        await app.Chat().SendAsync(RecognitionWorld.InChannel("praise <at>Alice Wang</at> great demo", TeamWorld.Manager, TeamWorld.ManagerName, RecognitionWorld.Alice));
        app.Time!.Advance(TimeSpan.FromMinutes(5));

        await world.RecordCelebratingAsync("29:alice", KpiDefaults.Revenue, 120_000m, new DateOnly(2026, 11, 16));

        var (scope, _) = app.NewStore(TeamWorld.TenantA);
        await using var _scope = scope;
        var history = await scope.ServiceProvider.GetRequiredService<IRecognitionHistory>().ReceivedAsync(world.Members["29:alice"], null, 10, CancellationToken.None);
        Assert.Equal([("100% of the Revenue target for November 2026", (string?)null, 0), ("great demo", "Mia Manager", 1)],
            history.Select(e => (e.Reason, e.GiverName, e.Points)));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IRecognitionHistory>().ReceivedAsync(world.Members["29:bob"], null, 10, CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ObserverFailure_NeverFailsTheRecording_AndOtherCelebrationsStay(DatabaseProvider provider)
    {
        await using var app = new FailingObserverApplication(provider) { Time = new FakeTimeProvider(TeamWorld.Now) };
        var world = await RecognitionWorld.CreateAsync(app);
        await SetAsync(app, world.TeamId, CelebrationSettings.Default with { BigDealThreshold = 500_000m });

        var replies = await app.Chat().SendAsync(TeamWorld.Personal("log deal 600000 Acme", "29:alice", "Alice Wang"));

        Assert.Contains("Logged", Assert.Single(replies).CardText(), StringComparison.Ordinal);
        Assert.Equal(2, await ResultCountAsync(app));
        Assert.Single(await CelebrationsAsync(app));
        Assert.Single(await CelebrationMessagesAsync(app));
    }

    /// <summary>The app with one more observer of new results after the celebrations, one that breaks the statement and throws.</summary>
    private sealed class FailingObserverApplication(DatabaseProvider provider) : SalesCoachBotApplication(provider)
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddScoped<IResultsRecordedObserver, BrokenObserver>();
    }

    private sealed class BrokenObserver(SalesCoachDbContext db) : IResultsRecordedObserver
    {
        public async Task ResultsRecordedAsync(IResultLedger ledger, IReadOnlyList<StoredResult> results, CancellationToken cancellationToken)
        {
            // On PostgreSQL a failed statement spoils the transaction unless the ledger's savepoint undoes it.
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "SELECT * FROM no_such_table", cancellationToken);
        }
    }
}
