using SalesCoachBot.Features.Meetings;

namespace SalesCoachBot.Tests.Features.Meetings;

public sealed class MeetingScheduleParserTests
{
    [Theory]
    [InlineData("monday 09:30", DayOfWeek.Monday, 9, 30)]
    [InlineData("mon 9:30", DayOfWeek.Monday, 9, 30)]
    [InlineData("Tuesday 15:00", DayOfWeek.Tuesday, 15, 0)]
    [InlineData("fri 3:30pm", DayOfWeek.Friday, 15, 30)]
    [InlineData("thu 9am", DayOfWeek.Thursday, 9, 0)]
    [InlineData("周一 09:30", DayOfWeek.Monday, 9, 30)]
    [InlineData("周一09:30", DayOfWeek.Monday, 9, 30)]
    [InlineData("星期一 9点半", DayOfWeek.Monday, 9, 30)]
    [InlineData("礼拜一 上午9点半", DayOfWeek.Monday, 9, 30)]
    [InlineData("周五 下午3点", DayOfWeek.Friday, 15, 0)]
    [InlineData("星期天 晚上7点15分", DayOfWeek.Sunday, 19, 15)]
    [InlineData("每周三 十点", DayOfWeek.Wednesday, 10, 0)]
    [InlineData("周一 ９：３０", DayOfWeek.Monday, 9, 30)]
    public void Parse_WeekdayAndTime_SetsTheSeries(string typed, DayOfWeek day, int hour, int minute)
    {
        var request = MeetingScheduleParser.Parse(typed);

        Assert.Equal(new MeetingRequest(MeetingAction.Set, day, new TimeOnly(hour, minute)), request);
    }

    [Theory]
    [InlineData("mon 09:30 America/New_York", "America/New_York")]
    [InlineData("周一 09:30 Asia/Shanghai", "Asia/Shanghai")]
    [InlineData("America/Los_Angeles monday 8am", "America/Los_Angeles")]
    public void Parse_WithZone_KeepsTheIanaId(string typed, string zone)
    {
        var request = MeetingScheduleParser.Parse(typed);

        Assert.Equal(MeetingAction.Set, request.Action);
        Assert.Equal(zone, request.ZoneId);
    }

    [Theory]
    [InlineData("", MeetingAction.Show)]
    [InlineData("skip", MeetingAction.Skip)]
    [InlineData("跳过", MeetingAction.Skip)]
    [InlineData("off", MeetingAction.Off)]
    [InlineData("Stop", MeetingAction.Off)]
    [InlineData("关闭", MeetingAction.Off)]
    public void Parse_Words_NameTheAction(string typed, MeetingAction action) =>
        Assert.Equal(new MeetingRequest(action), MeetingScheduleParser.Parse(typed));

    [Theory]
    [InlineData("time tue 10:00", DayOfWeek.Tuesday, 10)]
    [InlineData("time 11:00", null, 11)]
    [InlineData("改时间周二10点", DayOfWeek.Tuesday, 10)]
    [InlineData("改时间 下午4点", null, 16)]
    public void Parse_Time_MovesKeepingTheWeekdayWhenNoneGiven(string typed, DayOfWeek? day, int hour)
    {
        var request = MeetingScheduleParser.Parse(typed);

        Assert.Equal(new MeetingRequest(MeetingAction.Move, day, new TimeOnly(hour, 0)), request);
    }

    [Theory]
    [InlineData("09:30", MeetingScheduleError.NoWeekday)]
    [InlineData("monday", MeetingScheduleError.NoTime)]
    [InlineData("周一", MeetingScheduleError.NoTime)]
    [InlineData("monday 25:00", MeetingScheduleError.BadTime)]
    [InlineData("monday 9:75", MeetingScheduleError.BadTime)]
    [InlineData("周一 下午15点", MeetingScheduleError.BadTime)]
    [InlineData("monday 09:30 Mars/Olympus", MeetingScheduleError.UnknownZone)]
    [InlineData("monday 09:30 please", MeetingScheduleError.Unexpected)]
    [InlineData("skip next week", MeetingScheduleError.Unexpected)]
    [InlineData("someday soon", MeetingScheduleError.Unexpected)]
    public void Parse_BadWords_AreAnErrorThatSaysWhy(string typed, MeetingScheduleError error)
    {
        var request = MeetingScheduleParser.Parse(typed);

        Assert.Equal(MeetingAction.Invalid, request.Action);
        Assert.Equal(error, request.Error);
    }

    [Theory]
    [InlineData("add Q4 pipeline", true, "Q4 pipeline")]
    [InlineData("添加 四季度商机复盘", true, "四季度商机复盘")]
    [InlineData("添加四季度商机复盘", true, "四季度商机复盘")]
    [InlineData("East Sales add pricing", true, "East Sales pricing")]
    [InlineData("East Sales", false, "East Sales")]
    [InlineData("address book", false, "address book")]
    public void AgendaRead_AddOrShow(string typed, bool add, string rest) =>
        Assert.Equal((add, rest), AgendaCommand.Read(typed));
}
