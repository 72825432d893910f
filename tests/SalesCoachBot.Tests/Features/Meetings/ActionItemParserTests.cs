using SalesCoachBot.Features.Meetings;

namespace SalesCoachBot.Tests.Features.Meetings;

public sealed class ActionItemParserTests
{
    // Wednesday 18 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 18);

    [Theory]
    [InlineData("call Huawei back friday", "call Huawei back", "2026-11-20")]
    [InlineData("call Huawei back fri", "call Huawei back", "2026-11-20")]
    [InlineData("call Huawei back by Friday", "call Huawei back", "2026-11-20")]
    [InlineData("send the quote wednesday", "send the quote", "2026-11-18")]
    [InlineData("send the quote today", "send the quote", "2026-11-18")]
    [InlineData("send the quote tomorrow", "send the quote", "2026-11-19")]
    [InlineData("send the quote 12/18", "send the quote", "2026-12-18")]
    [InlineData("send the quote 1/5", "send the quote", "2027-01-05")]
    [InlineData("send the quote 2026-12-18", "send the quote", "2026-12-18")]
    [InlineData("send the quote due 2026/12/18", "send the quote", "2026-12-18")]
    [InlineData("send the quote next monday", "send the quote", "2026-11-23")]
    [InlineData("send the quote next friday", "send the quote", "2026-11-27")]
    [InlineData("send the quote this friday", "send the quote", "2026-11-20")]
    [InlineData("回访华为 周五", "回访华为", "2026-11-20")]
    [InlineData("回访华为周五前", "回访华为", "2026-11-20")]
    [InlineData("回访华为 星期五", "回访华为", "2026-11-20")]
    [InlineData("回访华为 明天", "回访华为", "2026-11-19")]
    [InlineData("回访华为 后天", "回访华为", "2026-11-20")]
    [InlineData("回访华为 12月18日", "回访华为", "2026-12-18")]
    [InlineData("回访华为 截止12月18号", "回访华为", "2026-12-18")]
    [InlineData("回访华为 2027年1月5日", "回访华为", "2027-01-05")]
    [InlineData("回访华为 下周一", "回访华为", "2026-11-23")]
    [InlineData("回访华为 本周五", "回访华为", "2026-11-20")]
    [InlineData("回访华为 这周日", "回访华为", "2026-11-22")]
    public void SplitDue_ReadableDate_SplitOffTheText(string typed, string text, string due)
    {
        var split = ActionItemParser.SplitDue(typed, Today);

        Assert.Equal((text, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DueDateError.None), (split.Text, split.Due, split.Error));
    }

    [Theory]
    [InlineData("call Huawei back")]
    [InlineData("prepare the Friday review deck")]
    [InlineData("整理客户名单")]
    public void SplitDue_NoDate_AllText(string typed)
    {
        Assert.Equal(new DueDateSplit(typed, null), ActionItemParser.SplitDue(typed, Today));
    }

    [Theory]
    [InlineData("send the quote 2026-11-01", "2026-11-01")]
    [InlineData("send the quote yesterday", "yesterday")]
    [InlineData("send the quote this monday", "monday")]
    [InlineData("回访华为 本周一", "本周一")]
    [InlineData("回访华为 昨天", "昨天")]
    public void SplitDue_PastDate_Refused(string typed, string date)
    {
        var split = ActionItemParser.SplitDue(typed, Today);

        Assert.Equal(DueDateError.Past, split.Error);
        Assert.True(split.Due < Today);
        Assert.EndsWith(date, split.Typed!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("send the quote 13/45", "13/45")]
    [InlineData("send the quote 2026-02-30", "2026-02-30")]
    [InlineData("回访华为 13月40日", "13月40日")]
    [InlineData("回访华为 截止下下周", "下下周")]
    public void SplitDue_UnreadableDate_Refused(string typed, string quoted)
    {
        var split = ActionItemParser.SplitDue(typed, Today);

        Assert.Equal((DueDateError.Unreadable, quoted), (split.Error, split.Typed));
    }

    [Fact]
    public void ReadOwner_MentionOrWords()
    {
        Assert.Equal("<at>Bob Li</at>", ActionItemParser.ReadOwner("<at>Bob Li</at> call Huawei back friday").Mention);
        Assert.Equal(["call", "Huawei", "back", "friday"], ActionItemParser.ReadOwner("<at>Bob Li</at> call Huawei back friday").Words);
        Assert.Null(ActionItemParser.ReadOwner("Bob Li call back").Mention);
        Assert.Equal(["Bob", "Li", "call", "back"], ActionItemParser.ReadOwner("@Bob Li call back").Words);
        Assert.Equal([("Bob Li call", "back"), ("Bob Li", "call back"), ("Bob", "Li call back")], ActionItemParser.Split(["Bob", "Li", "call", "back"]));
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("#3", 3)]
    [InlineData("第3项", 3)]
    [InlineData("", null)]
    [InlineData("three", null)]
    [InlineData("0", null)]
    public void ReadNumber(string typed, int? number)
    {
        Assert.Equal(number, DoneCommand.ReadNumber(typed));
    }
}
