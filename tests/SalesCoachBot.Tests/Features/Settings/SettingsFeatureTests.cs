using System.Net;
using System.Text.Json.Nodes;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using static SalesCoachBot.Tests.Features.Settings.SettingsApp;

namespace SalesCoachBot.Tests.Features.Settings;

/// <summary>The settings feature through the real app: card, Save by invoke and by submit, shortcuts, scope, tenants.</summary>
public sealed class SettingsFeatureTests
{
    private const string Defaults = "||||";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Settings_InPersonalChat_SendsCardWithCurrentValuesAndSaveButton(DatabaseProvider provider)
    {
        await using var app = Create(provider);

        await app.PostActivityAsync(ActivityBuilder.Message("settings"));

        var card = Card(Assert.Single(app.Connector.SentActivities));
        var texts = Texts(card);
        Assert.Equal("Your settings", texts[0]);
        Assert.Contains("Quiet hours and these switches apply to automatic messages only: praise and feedback someone gives you arrive at once. Every automatic card also says how to turn it off.", texts);
        Assert.Contains("Default: 21:00–08:00.", texts);
        Assert.Equal("auto", Input(card, "language")["value"]!.GetValue<string>());
        Assert.Equal(["auto", "zh-CN", "en-US"], Input(card, "language")["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        var zones = Input(card, "timeZone")["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(13, zones.Count);
        Assert.Equal("Asia/Shanghai (UTC+08:00)", zones[1]);
        Assert.Contains("Asia/Kolkata (UTC+05:30)", zones);
        Assert.Contains("America/New_York (UTC-05:00)", zones);
        Assert.Equal("UTC (UTC+00:00)", zones[^1]);
        Assert.Equal(("21:00", "08:00"), (Input(card, "quietStart")["value"]!.GetValue<string>(), Input(card, "quietEnd")["value"]!.GetValue<string>()));
        foreach (var kind in AutomaticMessageKinds.All)
        {
            Assert.Equal("true", Input(card, "receive." + kind)["value"]!.GetValue<string>());
        }

        Assert.Contains("Pace and follow-up nudges", texts);
        var save = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(("Action.Execute", "settings.save", "Save"), (save["type"]!.GetValue<string>(), save["verb"]!.GetValue<string>(), save["title"]!.GetValue<string>()));
        Assert.Equal(("Action.Submit", "settings.save"), (save["fallback"]!["type"]!.GetValue<string>(), save["fallback"]!["data"]!["verb"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Settings_ChineseWordAndLocale_SendsChineseCard()
    {
        await using var app = Create(DatabaseProvider.Sqlite);

        await app.PostActivityAsync(ActivityBuilder.Message("设置").WithLocale("zh-CN"));

        var texts = Texts(Card(Assert.Single(app.Connector.SentActivities)));
        Assert.Equal("我的设置", texts[0]);
        Assert.Contains("免打扰时段和这些开关只对自动消息生效：别人给你的表扬和反馈会立即送达。每张自动发送的卡片也会说明如何关闭它。", texts);
        Assert.Contains("进度和跟进督促", texts);
        Assert.DoesNotContain("Your settings", texts);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Save_ViaInvoke_SavesAndAnswersWithSavedCardInTheNewLanguage(DatabaseProvider provider)
    {
        await using var app = Create(provider);
        await app.PostActivityAsync(ActivityBuilder.Message("settings"));

        using var response = await app.PostActivityAsync(ExecuteSave(Form(
            ("language", "zh-CN"), ("timeZone", "Asia/Tokyo"), ("quietStart", "22:30"), ("quietEnd", "07:00"),
            ("receive.nudges", "false"), ("receive.digests", "false"))));

        var card = await InvokeCardAsync(response);
        var texts = Texts(card);
        Assert.Equal("我的设置", texts[0]);
        Assert.Contains("✔ 已保存，你的设置已更新。", texts);
        Assert.Equal("Asia/Tokyo", Input(card, "timeZone")["value"]!.GetValue<string>());
        Assert.Equal("false", Input(card, "receive.nudges")["value"]!.GetValue<string>());
        Assert.Equal("zh-CN|Asia/Tokyo|22:30|07:00|digests,nudges", await SnapshotAsync(app));
        // The card is replaced through the invoke response, not by a second message or an update.
        Assert.Single(app.Connector.SentActivities);
        Assert.Empty(app.Connector.Updated);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Save_ViaSubmit_SavesAndUpdatesTheCardInPlace(DatabaseProvider provider)
    {
        await using var app = Create(provider);
        await app.PostActivityAsync(ActivityBuilder.Message("settings"));
        app.Connector.Reset();

        using var response = await app.PostActivityAsync(SubmitSave(Form(("receive.recognition", "false"), ("timeZone", "America/Chicago")), "card-7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(app.Connector.Requests);
        Assert.Equal((FakeConnectorOperation.Update, "card-7"), (call.Operation, call.ActivityId));
        var texts = Texts(Card(call.Activity!));
        Assert.Contains("✔ Saved. Your settings are up to date.", texts);
        Assert.Equal("|America/Chicago|21:00|08:00|recognition", await SnapshotAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Save_LanguageChosen_NextMessagesAnswerInThatLanguage(DatabaseProvider provider)
    {
        await using var app = Create(provider);
        await app.PostActivityAsync(ActivityBuilder.Message("help"));
        Assert.Equal("What I can do in our chat", Texts(Card(app.Connector.SentActivities[0]))[0]);

        using (var saved = await app.PostActivityAsync(ExecuteSave(Form(("language", "zh-CN")))))
        {
            await InvokeCardAsync(saved);
        }

        Assert.Equal("zh-CN||21:00|08:00|", await SnapshotAsync(app));
        app.Connector.Reset();
        // The Teams client still says en-US: the chosen language wins.
        await app.PostActivityAsync(ActivityBuilder.Message("help").WithLocale("en-US"));

        var help = Assert.Single(app.Connector.SentActivities);
        Assert.Equal("我在私聊中能做什么", Texts(Card(help))[0]);

        // And back to automatic: the Teams language applies again.
        await app.PostActivityAsync(ActivityBuilder.Message("settings language auto").WithLocale("en-US"));
        await app.PostActivityAsync(ActivityBuilder.Message("help").WithLocale("en-US"));
        Assert.Equal("What I can do in our chat", Texts(Card(app.Connector.SentActivities[^1]))[0]);
    }

    public static TheoryData<string, object?, string, string> InvalidFields() => new()
    {
        { "language", "fr-FR", "language", "Choose Automatic, 中文 or English." },
        { "timeZone", "Mars/Olympus_Mons", "timeZone", "\"Mars/Olympus_Mons\" is not a time zone I know. Use a name such as Asia/Shanghai." },
        { "timeZone", "../../etc/passwd", "timeZone", "\"../../etc/passwd\" is not a time zone I know. Use a name such as Asia/Shanghai." },
        { "quietStart", "25:00", "quietStart", "Use a 24-hour time such as 21:00." },
        { "quietEnd", "8pm", "quietEnd", "Use a 24-hour time such as 21:00." },
        { "quietEnd", "23:00", "quietEnd", "Quiet hours must start and end at different times." },
        { "receive.nudges", "maybe", "receive.nudges", "Turn this on or off." },
        { "receive.horoscopes", "false", "receive.horoscopes", "\"horoscopes\" is not a kind of automatic message. Kinds: reminders, agendas, week-ahead, nudges, scorecards, recognition, digests, public-recognition." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Save_InvalidField_ShowsErrorUnderTheFieldAndSavesNothing(string field, object? value, string errorField, string error)
    {
        await using var app = Create(DatabaseProvider.Sqlite);
        await app.PostActivityAsync(ExecuteSave(Form(("timeZone", "Asia/Tokyo"), ("receive.agendas", "false"))));
        var before = await SnapshotAsync(app);
        Assert.Equal("|Asia/Tokyo|21:00|08:00|agendas", before);

        // Every other field changes too: none of it may be saved.
        using var response = await app.PostActivityAsync(ExecuteSave(Form(
            ("language", "zh-CN"), ("timeZone", "Asia/Singapore"), ("quietStart", "23:00"), ("receive.scorecards", "false"), (field, value))));

        var card = await InvokeCardAsync(response);
        Assert.Equal(before, await SnapshotAsync(app));
        var body = card["body"]!.AsArray().Select(e => e!).ToList();
        Assert.Equal("Nothing was saved: please correct the fields marked below.", body[1]["text"]!.GetValue<string>());
        var errorIndex = body.FindIndex(e => e["text"]?.GetValue<string>() == error);
        Assert.True(errorIndex > 0, $"no error '{error}' in {card.ToJsonString()}");
        Assert.Equal("attention", body[errorIndex]["color"]!.GetValue<string>());
        // Next to its field: right under the input (quiet hours: under the pair and its default line).
        var above = body[errorIndex - 1];
        var (property, expectedAbove) = errorField switch
        {
            "quietStart" or "quietEnd" => ("text", "Default: 21:00–08:00."),
            "receive.horoscopes" => ("id", "receive.public-recognition"),
            _ => ("id", errorField),
        };
        Assert.Equal(expectedAbove, above[property]?.GetValue<string>());
        // What the member entered comes back, so nothing typed is lost.
        Assert.Equal(field == "quietStart" ? value : "23:00", Input(card, "quietStart")["value"]!.GetValue<string>());
        Assert.Equal("false", Input(card, "receive.scorecards")["value"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Save_InvalidTimeZoneOnPostgres_SavesNothing()
    {
        await using var app = Create(DatabaseProvider.Postgres);
        await app.PostActivityAsync(ActivityBuilder.Message("hi"));

        using var response = await app.PostActivityAsync(SubmitSave(Form(("timeZone", "Asia/Atlantis"), ("language", "zh-CN"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Defaults, await SnapshotAsync(app));
        var update = Assert.Single(app.Connector.Updated);
        Assert.Contains("\"Asia/Atlantis\" is not a time zone I know. Use a name such as Asia/Shanghai.", Texts(Card(update.Activity!)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Shortcuts_EachSetting_SaveAndConfirm(DatabaseProvider provider)
    {
        await using var app = Create(provider);
        var chat = app.Chat();
        var confirmations = new List<string?>();

        foreach (var command in new[]
        {
            "settings timezone Asia/Kolkata", "SETTINGS quiet 22:30-07:00", "settings off nudges", "settings off Scorecards",
            "settings on scorecards", "设置 语言 中文", "设置 关闭 摘要", "设置 免打扰 23:00～06:30",
        })
        {
            // Typed one after another, as a person would: eight replies within a second would exceed Teams' per-chat limit.
            app.Time!.Advance(TimeSpan.FromSeconds(1));
            confirmations.Add(Assert.Single(await chat.SendAsync(command)).Text);
        }

        Assert.Equal(
        [
            "Done: your time zone is Asia/Kolkata (UTC+05:30).",
            "Done: quiet hours are 22:30–07:00.",
            "Done, turned off: Pace and follow-up nudges.",
            "Done, turned off: Scorecards.",
            "Done, turned on: Scorecards.",
            "好的：以后我用中文给你发消息。",
            "好的，已关闭：客户跟进摘要。",
            "好的：免打扰时段为 23:00–06:30。",
        ], confirmations);
        Assert.Equal("zh-CN|Asia/Kolkata|23:00|06:30|digests,nudges", await SnapshotAsync(app));
    }

    [Theory]
    [InlineData("settings timezone Nowhere/City", "\"Nowhere/City\" is not a time zone I know.")]
    [InlineData("settings quiet 22:00", "Use a 24-hour time such as 21:00.")]
    [InlineData("settings quiet 22:00-22:00", "Quiet hours must start and end at different times.")]
    [InlineData("settings language klingon", "Choose Automatic, 中文 or English.")]
    [InlineData("settings off everything", "\"everything\" is not a kind of automatic message.")]
    [InlineData("settings volume 11", "I don't know the setting \"volume 11\".")]
    [InlineData("settings language", "I don't know the setting \"language\".")]
    public async Task Shortcuts_BadInput_AnswerErrorAndUsageAndSaveNothing(string input, string error)
    {
        await using var app = Create(DatabaseProvider.Sqlite);

        await app.PostActivityAsync(ActivityBuilder.Message(input));

        var reply = Assert.Single(app.Connector.SentActivities);
        Assert.StartsWith(error, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Usage: settings · settings language zh-CN|en-US|auto", reply.Text, StringComparison.Ordinal);
        Assert.Equal("plain", reply.TextFormat);
        Assert.Equal(Defaults, await SnapshotAsync(app));
    }

    [Fact]
    public async Task Shortcuts_BadInputInChinese_AnswersChineseUsage()
    {
        await using var app = Create(DatabaseProvider.Sqlite);

        await app.PostActivityAsync(ActivityBuilder.Message("设置 时区 火星").WithLocale("zh-CN"));

        var text = Assert.Single(app.Connector.SentTexts);
        Assert.StartsWith("“火星”不是我认识的时区", text, StringComparison.Ordinal);
        Assert.Contains("用法：“设置” · “设置 语言 中文|英文|自动”", text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "channel")]
    [InlineData(DatabaseProvider.Sqlite, "groupChat")]
    [InlineData(DatabaseProvider.Postgres, "channel")]
    public async Task Settings_OutsideThePersonalChat_SaysWhereItWorks(DatabaseProvider provider, string scope)
    {
        await using var app = Create(provider);
        var message = ActivityBuilder.Message("settings language zh-CN");
        message = scope == "channel" ? message.InChannel().MentioningBot() : message.InGroupChat().MentioningBot();

        await app.PostActivityAsync(message);

        Assert.Equal(["\"settings\" works only in our 1:1 chat."], app.Connector.SentTexts);
        Assert.Equal(Defaults, await SnapshotAsync(app));
    }

    [Fact]
    public async Task Save_InvokeFromAChannel_AnswersWhereItWorksAndSavesNothing()
    {
        await using var app = Create(DatabaseProvider.Sqlite);

        using var response = await app.PostActivityAsync(ExecuteSave(Form(("language", "zh-CN"))).InChannel().WithLocale("zh-CN"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("application/vnd.microsoft.activity.message", "“设置”只能在私聊中使用。"), (body["type"]!.GetValue<string>(), body["value"]!.GetValue<string>()));
        Assert.Equal(Defaults, await SnapshotAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Save_SameTeamsIdInAnotherTenant_ChangesOnlyThatTenantsMember(DatabaseProvider provider)
    {
        await using var app = Create(provider);
        await app.PostActivityAsync(ActivityBuilder.Message("settings").InTenant("tenant-a"));

        using var response = await app.PostActivityAsync(ExecuteSave(Form(("language", "zh-CN"), ("receive.nudges", "false"))).InTenant("tenant-b"));
        await app.PostActivityAsync(ActivityBuilder.Message("settings timezone Europe/Berlin").InTenant("tenant-b"));

        await InvokeCardAsync(response);
        Assert.Equal("zh-CN|Europe/Berlin|21:00|08:00|nudges", await SnapshotAsync(app, "tenant-b"));
        Assert.Equal(Defaults, await SnapshotAsync(app, "tenant-a"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Save_DoubleClickedConcurrently_SavesOnceWithoutError(DatabaseProvider provider)
    {
        await using var app = Create(provider);
        await app.PostActivityAsync(ActivityBuilder.Message("settings"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.PostActivityAsync(ExecuteSave(Form(("receive.nudges", "false"), ("receive.agendas", "false"))))));

        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Contains("✔ Saved. Your settings are up to date.", Texts(await InvokeCardAsync(response)));
            }
        }

        Assert.Equal("||21:00|08:00|agendas,nudges", await SnapshotAsync(app));
    }


    [Theory]
    [InlineData("设置免打扰 ２１：３０－０７：００", "好的：免打扰时段为 21:30–07:00。")]
    [InlineData("设置：免打扰 21:30~07:00。", "好的：免打扰时段为 21:30–07:00。")]
    [InlineData("settings quiet 21:30-07:00.", "好的：免打扰时段为 21:30–07:00。")]
    public async Task Shortcuts_FullWidthOrNoSpace_SaveLikeTheTypedForm(string command, string confirmation)
    {
        await using var app = Create(DatabaseProvider.Sqlite);

        var replies = await app.Chat().SendAsync(ActivityBuilder.Message(command).InPersonalChat().WithLocale("zh-CN"));

        Assert.Equal(confirmation, Assert.Single(replies).Text);
    }
}
