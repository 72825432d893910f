using SalesCoachBot.Features.Meetings;

namespace SalesCoachBot.Tests.Features.Meetings;

public sealed class MeetingSettingsParserTests
{
    [Theory]
    [InlineData("agenda 2h", MeetingAction.AgendaLead, 120)]
    [InlineData("agenda 1d", MeetingAction.AgendaLead, 1440)]
    [InlineData("agenda 24h", MeetingAction.AgendaLead, 1440)]
    [InlineData("agenda lead 90 min", MeetingAction.AgendaLead, 90)]
    [InlineData("agenda 1h30m", MeetingAction.AgendaLead, 90)]
    [InlineData("agenda 1.5 hours before", MeetingAction.AgendaLead, 90)]
    [InlineData("议程 提前 2小时", MeetingAction.AgendaLead, 120)]
    [InlineData("议程提前1天", MeetingAction.AgendaLead, 1440)]
    [InlineData("议程 提前 两个小时", MeetingAction.AgendaLead, 120)]
    [InlineData("议程 提前 1小时30分钟", MeetingAction.AgendaLead, 90)]
    [InlineData("reminder 10m", MeetingAction.ReminderLead, 10)]
    [InlineData("reminder 30", MeetingAction.ReminderLead, 30)]
    [InlineData("remind 5 minutes", MeetingAction.ReminderLead, 5)]
    [InlineData("提醒 提前 10分钟", MeetingAction.ReminderLead, 10)]
    [InlineData("提醒 提前半小时", MeetingAction.ReminderLead, 30)]
    [InlineData("提醒 十五分钟", MeetingAction.ReminderLead, 15)]
    public void Parse_LeadTimes(string words, MeetingAction action, int minutes)
    {
        var request = MeetingScheduleParser.Parse(words);

        Assert.Equal((action, (int?)minutes), (request.Action, request.LeadMinutes));
    }

    [Theory]
    [InlineData("agenda soon", "soon")]
    [InlineData("agenda 2 30", "2 30")]
    [InlineData("agenda 2x", "2x")]
    [InlineData("reminder 0.3m", "0.3m")]
    [InlineData("提醒 提前 很久", "提前 很久")]
    public void Parse_UnreadableLead_IsAnErrorQuotingIt(string words, string rest)
    {
        var request = MeetingScheduleParser.Parse(words);

        Assert.Equal((MeetingAction.Invalid, MeetingScheduleError.BadLead, rest), (request.Action, request.Error, request.Rest));
    }

    [Fact]
    public void Parse_LeadWithoutAmount_IsAnErrorWithoutQuote()
    {
        var request = MeetingScheduleParser.Parse("reminder");

        Assert.Equal((MeetingAction.Invalid, MeetingScheduleError.BadLead, (string?)null), (request.Action, request.Error, request.Rest));
    }

    [Theory]
    [InlineData("review 16:00", 16, 0)]
    [InlineData("review at 4pm", 16, 0)]
    [InlineData("复盘 16:00", 16, 0)]
    [InlineData("月度复盘 下午4点", 16, 0)]
    [InlineData("复盘下午3点半", 15, 30)]
    public void Parse_ReviewTime(string words, int hour, int minute)
    {
        var request = MeetingScheduleParser.Parse(words);

        Assert.Equal((MeetingAction.Review, (TimeOnly?)new TimeOnly(hour, minute)), (request.Action, request.Time));
    }

    [Theory]
    [InlineData("review off")]
    [InlineData("review stop")]
    [InlineData("复盘 关闭")]
    [InlineData("复盘 取消")]
    public void Parse_ReviewOff(string words)
    {
        Assert.Equal(MeetingAction.ReviewOff, MeetingScheduleParser.Parse(words).Action);
    }

    [Theory]
    [InlineData("review", MeetingScheduleError.NoReviewTime)]
    [InlineData("review 25:00", MeetingScheduleError.BadTime)]
    [InlineData("review soon", MeetingScheduleError.BadTime)]
    [InlineData("review 16:00 friday", MeetingScheduleError.Unexpected)]
    public void Parse_ReviewErrors(string words, MeetingScheduleError error)
    {
        var request = MeetingScheduleParser.Parse(words);

        Assert.Equal((MeetingAction.Invalid, error), (request.Action, request.Error));
    }

    [Fact]
    public void Parse_WeeklyWordsUnchanged()
    {
        Assert.Equal(MeetingAction.Set, MeetingScheduleParser.Parse("monday 09:30").Action);
        Assert.Equal(MeetingAction.Off, MeetingScheduleParser.Parse("off").Action);
    }
}
