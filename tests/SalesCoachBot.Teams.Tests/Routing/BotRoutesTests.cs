using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Tests.Routing;

public class BotRoutesTests
{
    private static Teams.Routing.BotRoutes NewRoutes() => new ServiceCollection().AddTeamsBot();

    [Fact]
    public void OnCommand_SameWordTwice_Throws()
    {
        var routes = NewRoutes().OnCommand<LogCommand>("log");
        var ex = Assert.Throws<InvalidOperationException>(() => routes.OnCommand<HelpCommand>("LOG"));
        Assert.Contains("log", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OnCommand_ChineseAliasTwice_Throws()
    {
        var routes = NewRoutes().OnCommand<LogCommand>("记录");
        Assert.Throws<InvalidOperationException>(() => routes.OnCommand<HelpCommand>("记录"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("set target")]
    public void OnCommand_NotOneWord_Throws(string word) =>
        Assert.Throws<ArgumentException>(() => NewRoutes().OnCommand<LogCommand>(word));

    [Fact]
    public void OnCardAction_SameVerbTwice_Throws()
    {
        var routes = NewRoutes().OnCardAction<CounterAction>("refresh");
        Assert.Throws<InvalidOperationException>(() => routes.OnCardAction<CounterAction>("refresh"));
    }

    [Fact]
    public void OnInvoke_SameNameTwiceOrTheCardActionName_Throws()
    {
        var routes = NewRoutes().OnInvoke<PingInvoke>("ping/test");
        Assert.Throws<InvalidOperationException>(() => routes.OnInvoke<PingInvoke>("ping/test"));
        Assert.Throws<InvalidOperationException>(() => routes.OnInvoke<PingInvoke>("adaptiveCard/action"));
    }

    [Fact]
    public void OnActivity_TwiceOrMessage_Throws()
    {
        var routes = NewRoutes().OnActivity<InstallHandler>("installationUpdate");
        Assert.Throws<InvalidOperationException>(() => routes.OnActivity<InstallHandler>("installationUpdate"));
        Assert.Throws<InvalidOperationException>(() => routes.OnActivity<InstallHandler>("message"));
    }

    [Fact]
    public void OnFallback_Twice_Throws()
    {
        var routes = NewRoutes().OnFallback<Fallback>();
        Assert.Throws<InvalidOperationException>(() => routes.OnFallback<Fallback>());
    }

    [Fact]
    public void AddTeamsBot_Twice_Throws()
    {
        var services = new ServiceCollection();
        services.AddTeamsBot();
        Assert.Throws<InvalidOperationException>(() => services.AddTeamsBot());
    }
}
