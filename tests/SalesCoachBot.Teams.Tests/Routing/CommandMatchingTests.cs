using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Teams.Hosting;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Teams.Tests.Routing;

/// <summary>
/// How the router finds a command word: normalised text, longest registered word first, no space needed after a CJK
/// word, a word boundary after a Latin one (see the remarks on <see cref="BotRoutes"/>).
/// </summary>
public class CommandMatchingTests
{
    // Words that start other words, in both scripts: the app's set / settings / 设置 / 设置目标 family.
    private static BotRoutes Routes() => new ServiceCollection().AddTeamsBot()
        .OnCommand<WordCommand>("set", "设置目标", "设定目标", "targets", "目标", "log", "记录")
        .OnCommand<OtherWordCommand>("settings", "设置");

    [Theory]
    [InlineData("设置目标 张伟 营收 3月 15万", "设置目标", "张伟 营收 3月 15万")]
    [InlineData("设置目标张伟 营收 3月 15万", "设置目标", "张伟 营收 3月 15万")]
    [InlineData("设置 语言 中文", "设置", "语言 中文")]
    [InlineData("设置语言 中文", "设置", "语言 中文")]
    [InlineData("设置", "设置", "")]
    [InlineData("settings", "settings", "")]
    [InlineData("Settings language zh-CN", "settings", "language zh-CN")]
    [InlineData("set target Alice revenue year 1.2m", "set", "target Alice revenue year 1.2m")]
    [InlineData("targets.", "targets", "")]
    [InlineData("targets?", "targets", "")]
    [InlineData("目标。", "目标", "")]
    [InlineData("目标本月", "目标", "本月")]
    [InlineData("记录成交12万", "记录", "成交12万")]
    [InlineData("记录：成交 12万", "记录", "成交 12万")]
    [InlineData("记录:成交 12万", "记录", "成交 12万")]
    [InlineData("记录，成交 1.2万，华为。", "记录", "成交 1.2万 华为")]
    [InlineData("ＬＯＧ　ｄｅａｌ　１２０，０００", "log", "deal 120,000")]
    [InlineData("log成交 5", "log", "成交 5")]
    [InlineData("设定目标 x 营收 ３月 15万", "设定目标", "x 营收 3月 15万")]
    public void MatchCommand_TypedAsPeopleDo_FindsTheLongestWordAndNormalisedArguments(string text, string word, string arguments)
    {
        Assert.Equal((word, arguments), Routes().MatchCommand(text));
    }

    [Theory]
    [InlineData("settingsX")]
    [InlineData("targetsX")]
    [InlineData("settarget Alice")]
    [InlineData("logdeal 5")]
    [InlineData("log2")]
    [InlineData("目")]
    [InlineData("")]
    [InlineData("   ")]
    public void MatchCommand_NoWordEndsThere_MatchesNothing(string text)
    {
        Assert.Null(Routes().MatchCommand(text).Word);
    }

    [Fact]
    public void MatchCommand_Null_MatchesNothing() => Assert.Equal((null, string.Empty), Routes().MatchCommand(null));

    [Fact]
    public void MatchCommand_WordAddedAfterAMatch_IsFoundToo()
    {
        var routes = new ServiceCollection().AddTeamsBot().OnCommand<WordCommand>("设置");
        Assert.Equal("设置", routes.MatchCommand("设置目标 x").Word);

        routes.OnCommand<OtherWordCommand>("设置目标");

        Assert.Equal("设置目标", routes.MatchCommand("设置目标 x").Word);
    }

    [Theory]
    [InlineData("设置目标张伟 营收 3月 15万", "设置目标:张伟 营收 3月 15万")]
    [InlineData("设置免打扰 21：00-08：00", "other 设置:免打扰 21:00-08:00")]
    [InlineData("settings quiet 21:00-08:00", "other settings:quiet 21:00-08:00")]
    [InlineData("set target x", "set:target x")]
    public async Task RouteAsync_WordsThatStartOtherWords_ReachTheirOwnHandlerWithTheWordTyped(string text, string expected)
    {
        var host = new RouterTestHost(routes => routes
            .OnCommand<WordCommand>("set", "设置目标")
            .OnCommand<OtherWordCommand>("settings", "设置")
            .OnFallback<Fallback>());

        var turn = await host.RouteAsync(ActivityBuilder.Message(text).ToJson());

        Assert.Equal([expected], host.Calls.Log);
        Assert.Equal(expected.Split(':')[0].Replace("other ", string.Empty, StringComparison.Ordinal), turn.CommandWord);
    }

    [Fact]
    public async Task RouteAsync_NoCommand_LeavesCommandWordNullAndTheTextAsTyped()
    {
        var host = new RouterTestHost(routes => routes.OnCommand<WordCommand>("settings").OnFallback<Fallback>());

        var turn = await host.RouteAsync(ActivityBuilder.Message("settingsX，１").ToJson());

        Assert.Null(turn.CommandWord);
        Assert.Equal(["fallback:settingsX，１"], host.Calls.Log);
    }
}
