using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Features.TeamProgress;

/// <summary>Teams guests never see the team's numbers: not in the channel, not in 1:1 (even as a manager), not through a card.</summary>
public sealed class TeamSelectionTests
{
    private const string Guest = "29:gus";
    private const string GuestName = "Gus Guest";
    private const string GuestRefusal = "Guests can't see the team's progress or the leaderboard: they show other members' numbers.";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ForCommand_Guest_IsRefusedInChannelAndPersonalChat_WithoutNumbers(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        // A guest who even holds the Manager role: the role does not open the numbers to a guest.
        await world.AddGuestAsync(Guest, GuestName, asManager: true);
        var chat = app.Chat();

        foreach (var activity in new[]
        {
            TeamWorld.Channel("team", Guest, GuestName),
            TeamWorld.Channel("leaderboard improved", Guest, GuestName),
            TeamWorld.Personal("team", Guest, GuestName),
            TeamWorld.Personal("leaderboard", Guest, GuestName),
        })
        {
            var reply = Assert.Single(await chat.SendAsync(activity));
            Assert.Empty(reply.Attachments ?? []);
            Assert.Equal(GuestRefusal, reply.Text);
        }

        var chinese = Assert.Single(await chat.SendAsync(TeamWorld.Channel("排行榜", Guest, GuestName).WithLocale("zh-CN")));
        Assert.Equal("访客无法查看团队进度和排行榜，因为其中包含其他成员的数据。", chinese.Text);
        // Members who are not guests still see the team as before.
        Assert.Contains("Alice Wang", Assert.Single(await chat.SendAsync(TeamWorld.Channel("team", "29:bob", "Bob Li"))).CardText(), StringComparison.Ordinal);
        Assert.Contains("Alice Wang", Assert.Single(await chat.SendAsync(TeamWorld.Personal("leaderboard"))).CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ForAction_Guest_PeriodAndViewButtonsAreRefused_InChannelAndPersonalChat(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        await world.SeedNovemberAsync();
        await world.AddGuestAsync(Guest, GuestName, asManager: true);
        var teamId = world.TeamId.ToString(CultureInfo.InvariantCulture);
        var chat = app.Chat();

        foreach (var activity in new[]
        {
            TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId, period = "quarter" }, Guest, GuestName),
            TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId, period = "quarter" }, Guest, GuestName).InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId),
            TeamWorld.Invoke(LeaderboardCard.ViewVerb, new { teamId, period = "month", view = "improved" }, Guest, GuestName),
            TeamWorld.Invoke(LeaderboardCard.ViewVerb, new { teamId, period = "month", view = "ranking" }, Guest, GuestName).InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId),
        })
        {
            var replies = await chat.SendAsync(activity);
            Assert.Equal(GuestRefusal, replies.InvokeMessage());
            Assert.Empty(replies);
            Assert.Empty(replies.Updated);
        }

        var chinese = await chat.SendAsync(TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId, period = "week" }, Guest, GuestName).WithLocale("zh-CN"));
        Assert.Equal("访客无法查看团队进度和排行榜，因为其中包含其他成员的数据。", chinese.InvokeMessage());
        // The same button from a rep in the channel still answers with the card.
        var rep = await chat.SendAsync(TeamWorld.Invoke(TeamCard.PeriodVerb, new { teamId, period = "quarter" }, "29:bob", "Bob Li").InChannel(TeamWorld.TeamsTeamId, TeamWorld.TeamsTeamId));
        Assert.Contains("This quarter · Q4 2026", rep.InvokeCardText(), StringComparison.Ordinal);
    }
}
