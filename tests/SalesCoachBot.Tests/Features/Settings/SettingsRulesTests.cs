using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Features.Settings;
using SalesCoachBot.Localization;

namespace SalesCoachBot.Tests.Features.Settings;

public sealed class SettingsRulesTests
{
    private static readonly BotText Text = new(NullLogger<BotText>.Instance);

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("中文", "zh-CN")]
    [InlineData(" Chinese ", "zh-CN")]
    [InlineData("en-us", "en-US")]
    [InlineData("英文", "en-US")]
    [InlineData("auto", null)]
    [InlineData("自动", null)]
    public void TryParseLanguage_KnownNames_MapToSupportedLocale(string input, string? expected)
    {
        Assert.True(SettingsRules.TryParseLanguage(input, out var locale));
        Assert.Equal(expected, locale);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseLanguage_Unknown_IsRefused(string? input) => Assert.False(SettingsRules.TryParseLanguage(input, out _));

    [Theory]
    [InlineData("Asia/Shanghai", "Asia/Shanghai")]
    [InlineData("UTC", "UTC")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("China Standard Time", "Asia/Shanghai")]
    [InlineData("北京时间", "Asia/Shanghai")]
    [InlineData("中国", "Asia/Shanghai")]
    [InlineData("上海", "Asia/Shanghai")]
    [InlineData("新加坡", "Asia/Singapore")]
    [InlineData("香港", "Asia/Hong_Kong")]
    [InlineData("台北", "Asia/Taipei")]
    [InlineData("东京", "Asia/Tokyo")]
    public void TryParseTimeZone_KnownZone_GivesItsIanaId(string input, string expected)
    {
        Assert.True(SettingsRules.TryParseTimeZone(input, out var zone));
        Assert.Equal(expected, zone!.Id);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("火星")]
    [InlineData("北京时间时间")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Asia/Shang\nhai")]
    [InlineData("Asia")]
    [InlineData("")]
    public void TryParseTimeZone_UnknownOrUnsafe_IsRefused(string input) => Assert.False(SettingsRules.TryParseTimeZone(input, out _));

    [Fact]
    public void TryParseTimeZone_OverlongId_IsRefused() =>
        Assert.False(SettingsRules.TryParseTimeZone("Asia/" + new string('A', 80), out _));

    [Theory]
    [InlineData("America/New_York", "2026-01-15T12:00:00Z", "-05:00")]
    [InlineData("America/New_York", "2026-07-15T12:00:00Z", "-04:00")]
    [InlineData("Asia/Kolkata", "2026-07-15T12:00:00Z", "+05:30")]
    [InlineData("UTC", "2026-07-15T12:00:00Z", "+00:00")]
    public void FormatOffset_AtAnInstant_FollowsDaylightSavingTime(string id, string instant, string expected)
    {
        Assert.True(SettingsRules.TryParseTimeZone(id, out var zone));
        Assert.Equal(expected, SettingsRules.FormatOffset(zone!, DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("21:00", 21, 0)]
    [InlineData("8:05", 8, 5)]
    [InlineData(" 00:00 ", 0, 0)]
    public void TryParseTime_TwentyFourHour_Parses(string input, int hour, int minute)
    {
        Assert.True(SettingsRules.TryParseTime(input, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("8pm")]
    [InlineData("21:00:00")]
    [InlineData("21")]
    public void TryParseTime_Other_IsRefused(string input) => Assert.False(SettingsRules.TryParseTime(input, out _));

    [Theory]
    [InlineData("nudges", "nudges")]
    [InlineData("NUDGES", "nudges")]
    [InlineData("督促", "nudges")]
    [InlineData("Customer follow-up digests", "digests")]
    [InlineData("会议提醒", "reminders")]
    [InlineData("week-ahead", "week-ahead")]
    [InlineData("everything", null)]
    public void FindKind_KeyAliasOrLabel_FindsTheKind(string input, string? expected) => Assert.Equal(expected, SettingsRules.FindKind(Text, input));

    [Fact]
    public void Validate_MissingFields_KeepCurrentValues()
    {
        var current = new MemberSettings("zh-CN", "Asia/Tokyo", new TimeOnly(22, 0), new TimeOnly(6, 0), new HashSet<string> { "agendas" });

        var (settings, errors) = SettingsRules.Validate(Text, "en-US", current,
            SettingsSubmission.Empty with { Receive = new Dictionary<string, string> { ["nudges"] = "false" } });

        Assert.Empty(errors);
        Assert.Equal(("zh-CN", "Asia/Tokyo", new TimeOnly(22, 0), new TimeOnly(6, 0)), (settings!.PreferredLocale, settings.TimeZone, settings.QuietHoursStart, settings.QuietHoursEnd));
        Assert.Equal(["agendas", "nudges"], settings.OptOuts.Order());
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsEachAndReturnsNoSettings()
    {
        var current = new MemberSettings(null, null, null, null, new HashSet<string>());

        var (settings, errors) = SettingsRules.Validate(Text, "en-US", current,
            new SettingsSubmission("xx", "Nowhere", "9", "10:00", new Dictionary<string, string> { ["bogus"] = "true" }));

        Assert.Null(settings);
        Assert.Equal(["language", "timeZone", "quietStart", "receive.bogus"], errors.Select(e => e.Field));
    }
}
