using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;
using static SalesCoachBot.Tests.Features.Recognition.RecognitionWorld;

namespace SalesCoachBot.Tests.Features.Recognition;

public sealed class RecognitionBoardTests
{
    private const string SecretReason = "Secret coaching note";

    /// <summary>
    /// Praise around the month and quarter boundaries of Shanghai (UTC+8), with "now" Wednesday 18 November 2026, 10:00
    /// there: 30 Sep 23:30 (last quarter), 1 Oct 00:30 (this quarter, though still September in UTC), 31 Oct 23:30 (this
    /// quarter, last month), 1 Nov 00:30 (this month, though still October in UTC), and a private praise this morning.
    /// </summary>
    private static async Task<(SalesCoachBotApplication App, TeamWorld World)> SeededAsync(DatabaseProvider provider)
    {
        // The clock only goes forward: from before the first praise.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var app = new SalesCoachBotApplication(provider) { Time = time };
        var world = await CreateAsync(app);
        var mia = world.Members[TeamWorld.Manager];
        var (alice, bob, carol) = (world.Members["29:alice"], world.Members["29:bob"], world.Members["29:carol"]);
        async Task PraiseAsync(DateTimeOffset at, long giver, long[] receivers, string reason, int points, bool isPrivate = false)
        {
            time.SetUtcNow(at);
            var (scope, _) = app.NewStore(TeamWorld.TenantA);
            await using var _scope = scope;
            await scope.ServiceProvider.GetRequiredService<RecognitionStore>().AddPraiseAsync(TeamWorld.TenantA,
                new NewPraise(world.TeamId, giver, receivers, reason, null, points, isPrivate, null), CancellationToken.None);
        }

        await PraiseAsync(new DateTimeOffset(2026, 9, 30, 15, 30, 0, TimeSpan.Zero), mia, [alice], "Last quarter", 5);
        await PraiseAsync(new DateTimeOffset(2026, 9, 30, 16, 30, 0, TimeSpan.Zero), mia, [alice, bob], "First day of Q4", 3);
        await PraiseAsync(new DateTimeOffset(2026, 10, 31, 15, 30, 0, TimeSpan.Zero), bob, [alice], "Last evening of October", 1);
        await PraiseAsync(new DateTimeOffset(2026, 10, 31, 16, 30, 0, TimeSpan.Zero), alice, [bob], "Helped with the Huawei bid", 2);
        await PraiseAsync(new DateTimeOffset(2026, 11, 18, 1, 0, 0, TimeSpan.Zero), carol, [alice], SecretReason, 4, isPrivate: true);
        time.SetUtcNow(TeamWorld.Now);
        return (app, world);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Board_InTheChannel_CountsThisMonthAndQuarterInTheTeamsZone_PrivatePointsCountButTheirReasonsNeverShow(DatabaseProvider provider)
    {
        var (app, _) = await SeededAsync(provider);
        await using var _app = app;

        var replies = await app.Chat().SendAsync(TeamWorld.Channel("recognition", "29:bob", "Bob Li"));

        var card = Assert.Single(replies);
        Assert.Equal("Recognition board · East Sales", card.CardTitle());
        // Month: 1 Nov 00:30 (2) and this morning's private praise (4). Quarter: also 1 Oct 00:30 (3 × 2 people) and 31 Oct (1).
        TeamWorld.AssertInOrder(card.CardText(),
            "This month", "2 praise(s) · 6 point(s)", "Most recognised", "Alice Wang", "4 points · 1×", "Bob Li", "2 points · 1×",
            "Gave most praise", "Carol Chen", "4 points · 1×", "Alice Wang", "2 points · 1×",
            "This quarter", "4 praise(s) · 13 point(s)", "Most recognised", "Alice Wang", "8 points · 3×", "Bob Li", "5 points · 2×",
            "Gave most praise", "Mia Manager", "6 points · 1×", "Carol Chen", "4 points · 1×", "Alice Wang", "2 points · 1×", "Bob Li", "1 points · 1×",
            "Latest praise", "Alice Wang praised Bob Li: “Helped with the Huawei bid”", "Bob Li praised Alice Wang: “Last evening of October”",
            "Mia Manager praised Alice Wang, Bob Li: “First day of Q4”");
        Assert.DoesNotContain("Last quarter", card.CardText(), StringComparison.Ordinal);
        // Who has not been recognised is never in a channel.
        Assert.DoesNotContain("Not recognised", card.CardText(), StringComparison.Ordinal);
        Assert.All(app.Connector.Requests, r => Assert.DoesNotContain(SecretReason, r.Body?.GetRawText() ?? string.Empty, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Board_NotRecognisedLately_OnlyForAManagerInPrivate_NeverInAChannelOrForARep(DatabaseProvider provider)
    {
        var (app, _) = await SeededAsync(provider);
        await using var _app = app;

        // Since 19 October, Alice and Bob got praise; Carol did not (she gave some). Mia is a manager, not a rep.
        var manager = await app.Chat().SendAsync(TeamWorld.Personal("表扬榜").WithLocale("zh-CN"));
        TeamWorld.AssertInOrder(Assert.Single(manager).CardText(), "表扬榜 · East Sales", "本月", "2次表扬 · 6积分", "近30天未获表扬", "Carol Chen", "只有经理在私聊中能看到这部分。");
        Assert.DoesNotContain("Alice Wang、Carol Chen", manager.Single().CardText(), StringComparison.Ordinal);

        var rep = await app.Chat().SendAsync(TeamWorld.Personal("recognition", "29:bob", "Bob Li"));
        Assert.Equal("Recognition board · East Sales", Assert.Single(rep).CardTitle());
        Assert.DoesNotContain("Not recognised", rep.Single().CardText(), StringComparison.Ordinal);

        var inChannel = await app.Chat().SendAsync(TeamWorld.Channel("表扬排行榜", TeamWorld.Manager, TeamWorld.ManagerName).WithLocale("zh-CN"));
        Assert.Equal("表扬榜 · East Sales", Assert.Single(inChannel).CardTitle());

        // Over every connector call into a channel: the list was never there, whoever asked.
        var channelCalls = IntoChannels(app);
        Assert.NotEmpty(channelCalls);
        Assert.All(channelCalls, json => Assert.DoesNotContain("未获表扬", json, StringComparison.Ordinal));
        Assert.All(channelCalls, json => Assert.DoesNotContain("Not recognised", json, StringComparison.Ordinal));
        Assert.All(app.Connector.Requests, r => Assert.DoesNotContain(SecretReason, r.Body?.GetRawText() ?? string.Empty, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Board_ForAGuestInAGroupChatOrInAnotherTenant_IsRefused(DatabaseProvider provider)
    {
        var (app, world) = await SeededAsync(provider);
        await using var _app = app;
        await world.AddGuestAsync("29:gus", "Gus Guest");

        var guest = await app.Chat().SendAsync(TeamWorld.Channel("recognition", "29:gus", "Gus Guest"));
        var group = await app.Chat().SendAsync(ActivityBuilder.Message("recognition").InGroupChat().From(TeamWorld.Manager, TeamWorld.ManagerName));
        var otherTenant = await app.Chat().SendAsync(TeamWorld.Channel("recognition", TeamWorld.Manager, TeamWorld.ManagerName, TeamWorld.TenantB));

        Assert.Equal("Guests can't give praise, change the team's values or see its recognition board.", Assert.Single(guest).Text);
        Assert.Contains("works only in", Assert.Single(group).Text, StringComparison.Ordinal);
        Assert.Contains("I don't know this team yet", Assert.Single(otherTenant).Text, StringComparison.Ordinal);
        Assert.All(app.Connector.Sent, r => Assert.Empty(r.Activity!.Attachments ?? []));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Board_WithoutPraise_SaysSo_AndEveryRepIsNotRecognisedForTheManager(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        await CreateAsync(app);

        var replies = await app.Chat().SendAsync(TeamWorld.Personal("recognition"));

        TeamWorld.AssertInOrder(Assert.Single(replies).CardText(), "This month", "No praise yet.", "This quarter", "No praise yet.",
            "Not recognised in the last 30 days", "Alice Wang, Bob Li, Carol Chen");
    }
}
