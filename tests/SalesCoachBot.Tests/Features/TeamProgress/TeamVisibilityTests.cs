using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.TeamProgress;

/// <summary><c>team visibility managers|everyone</c>: who sees the team card and the leaderboard in the team's channel.</summary>
public sealed class TeamVisibilityTests
{
    private const string RepRefusal = "East Sales's progress and leaderboard are for its managers only. Ask your manager how the team is doing.";
    private const string ManagerPointer = "East Sales's progress is for managers only, so I don't show it in this channel. Type team or leaderboard in our 1:1 chat.";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Visibility_ManagerLimitsToManagers_RepInChannelIsRefused_ManagerSeesItIn1on1_EveryoneRestores(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var chat = app.Chat();

        var before = Assert.Single(await chat.SendAsync(TeamWorld.Channel("team visibility", TeamWorld.Manager, TeamWorld.ManagerName)));
        var set = Assert.Single(await chat.SendAsync(TeamWorld.Channel("team visibility managers", TeamWorld.Manager, TeamWorld.ManagerName)));
        var stored = await world.VisibilityAsync();
        var repTeam = Assert.Single(await chat.SendAsync(TeamWorld.Channel("team", "29:bob", "Bob Li")));
        var repBoard = Assert.Single(await chat.SendAsync(TeamWorld.Channel("leaderboard", "29:bob", "Bob Li")));
        var managerInChannel = Assert.Single(await chat.SendAsync(TeamWorld.Channel("team", TeamWorld.Manager, TeamWorld.ManagerName)));
        var managerInPersonal = Assert.Single(await chat.SendAsync(TeamWorld.Personal("team")));

        Assert.Equal("Everyone in East Sales's channel can see its team card and leaderboard. To show them to managers only: team visibility managers.", before.Text);
        Assert.Equal("Done: East Sales's team card and leaderboard are now for managers only, in our 1:1 chat; others in this channel are asked to check with their manager.", set.Text);
        Assert.Equal(ProgressVisibility.ManagersOnly, stored);
        Assert.Equal((RepRefusal, RepRefusal), (repTeam.Text, repBoard.Text));
        Assert.Empty((repTeam.Attachments ?? []).Concat(repBoard.Attachments ?? []).Concat(managerInChannel.Attachments ?? []));
        Assert.Equal(ManagerPointer, managerInChannel.Text);
        Assert.Contains("Alice Wang", managerInPersonal.CardText(), StringComparison.Ordinal);

        // Past Teams' per-conversation limit window (7 messages a second), which the fake connector enforces on this clock.
        app.Time!.Advance(TimeSpan.FromSeconds(2));
        var status = Assert.Single(await chat.SendAsync(TeamWorld.Channel("team visibility", TeamWorld.Manager, TeamWorld.ManagerName)));
        var restored = Assert.Single(await chat.SendAsync(TeamWorld.Channel("team visibility everyone", TeamWorld.Manager, TeamWorld.ManagerName)));
        var repAgain = Assert.Single(await chat.SendAsync(TeamWorld.Channel("team", "29:bob", "Bob Li")));

        Assert.Equal("East Sales's team card and leaderboard are for managers only (in our 1:1 chat). To show them to everyone in this channel: team visibility everyone.", status.Text);
        Assert.Equal("Done: everyone in this channel can now see East Sales's team card and leaderboard.", restored.Text);
        Assert.Equal(ProgressVisibility.Channel, await world.VisibilityAsync());
        Assert.Contains("Alice Wang", repAgain.CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Visibility_Chinese_ManagerSetsIt_RepIsRefusedInChinese(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var chat = app.Chat();

        var set = Assert.Single(await chat.SendAsync(TeamWorld.Channel("团队 可见 经理", TeamWorld.Manager, TeamWorld.ManagerName).WithLocale("zh-CN")));
        var rep = Assert.Single(await chat.SendAsync(TeamWorld.Channel("团队", "29:bob", "Bob Li").WithLocale("zh-CN")));
        var unknown = Assert.Single(await chat.SendAsync(TeamWorld.Channel("团队 可见 老板", TeamWorld.Manager, TeamWorld.ManagerName).WithLocale("zh-CN")));
        var restored = Assert.Single(await chat.SendAsync(TeamWorld.Channel("团队 可见 所有人", TeamWorld.Manager, TeamWorld.ManagerName).WithLocale("zh-CN")));

        Assert.Equal("好了：East Sales的团队卡片和排行榜现在仅对经理开放（在私聊中查看）；频道里的其他人会被提示去问他们的经理。", set.Text);
        Assert.Equal("East Sales的团队进度和排行榜仅对经理开放。想了解团队情况，请问问你的经理。", rep.Text);
        Assert.Empty(rep.Attachments ?? []);
        Assert.Equal("我不认识设置 老板。请输入“团队 可见 经理”或“团队 可见 所有人”。", unknown.Text);
        Assert.Equal("好了：现在这个频道里的所有人都能看到East Sales的团队卡片和排行榜。", restored.Text);
        Assert.Equal(ProgressVisibility.Channel, await world.VisibilityAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Visibility_RepOrGuestOrPersonalChat_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.AddGuestAsync("29:gus", "Gus Guest");
        var chat = app.Chat();

        var rep = Assert.Single(await chat.SendAsync(TeamWorld.Channel("team visibility managers", "29:bob", "Bob Li")));
        var repChinese = Assert.Single(await chat.SendAsync(TeamWorld.Channel("团队 可见 经理", "29:bob", "Bob Li").WithLocale("zh-CN")));
        var guest = Assert.Single(await chat.SendAsync(TeamWorld.Channel("team visibility managers", "29:gus", "Gus Guest")));
        var personal = Assert.Single(await chat.SendAsync(TeamWorld.Personal("team visibility managers")));
        var unknownWord = Assert.Single(await chat.SendAsync(TeamWorld.Channel("team visibility bosses", TeamWorld.Manager, TeamWorld.ManagerName)));

        Assert.Equal("Only a manager of East Sales can change who sees its progress.", rep.Text);
        Assert.Equal("只有East Sales的经理可以更改谁能看到团队进度。", repChinese.Text);
        Assert.Equal("Guests can't see the team's progress or the leaderboard: they show other members' numbers.", guest.Text);
        Assert.Equal("Who sees a team's progress is set in the team's channel: mention me there with team visibility managers or team visibility everyone.", personal.Text);
        Assert.Equal("I don't know the setting bosses. Use team visibility managers or team visibility everyone.", unknownWord.Text);
        Assert.Equal(ProgressVisibility.Channel, await world.VisibilityAsync());
        // Nobody changed it: a rep in the channel still sees the card.
        Assert.Contains("Alice Wang", Assert.Single(await chat.SendAsync(TeamWorld.Channel("team", "29:bob", "Bob Li"))).CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Visibility_ManagersOnly_ChannelCardButtonsAreRefused_PersonalChatButtonsStillWork(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        var chat = app.Chat();
        var teamId = world.TeamId.ToString(CultureInfo.InvariantCulture);
        ActivityBuilder InChannel(ActivityBuilder activity) => activity.InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId);
        // A card posted in the channel while everyone could see it: its buttons work until the setting changes.
        var earlier = await chat.SendAsync(InChannel(TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId, period = "quarter" }, "29:bob", "Bob Li")));
        Assert.Contains("This quarter · Q4 2026", earlier.InvokeCardText(), StringComparison.Ordinal);
        await chat.SendAsync(TeamWorld.Channel("team visibility managers", TeamWorld.Manager, TeamWorld.ManagerName));

        var repPeriod = await chat.SendAsync(InChannel(TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId, period = "quarter" }, "29:bob", "Bob Li")));
        var repView = await chat.SendAsync(InChannel(TeamWorld.Invoke(LeaderboardCard.ViewVerb, new { teamId, period = "month", view = "improved" }, "29:bob", "Bob Li")));
        var managerPeriod = await chat.SendAsync(InChannel(TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId, period = "week" })));
        var managerPersonal = await chat.SendAsync(TeamWorld.Invoke(LeaderboardCard.ViewVerb, new { teamId, period = "month", view = "ranking" }));

        Assert.Equal((RepRefusal, RepRefusal, ManagerPointer), (repPeriod.InvokeMessage(), repView.InvokeMessage(), managerPeriod.InvokeMessage()));
        Assert.Empty(repPeriod.Updated.Concat(repView.Updated).Concat(managerPeriod.Updated));
        Assert.Contains("Alice Wang", managerPersonal.InvokeCardText(), StringComparison.Ordinal);
    }
}
