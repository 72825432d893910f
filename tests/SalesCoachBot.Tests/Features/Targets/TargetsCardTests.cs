using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Tests.Features.Targets;

public sealed partial class TargetsCardTests
{
    private static readonly BotText Text = new(NullLogger<BotText>.Instance);

    private static JsonNode Json(string locale, TargetsView view) => JsonNode.Parse(TargetsCard.Build(Text, locale, view).ToJson())!;

    // What a user reads: texts, fact titles/values, button titles, chart titles and labels.
    private static List<string> ShownTexts(JsonNode node)
    {
        var found = new List<string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (key is "text" or "title" or "value" or "subLabel" or "fallbackText" && value is JsonValue v && v.TryGetValue<string>(out var s))
                        {
                            found.Add(s);
                        }
                        else if (key != "data")
                        {
                            Walk(value);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(node);
        return found;
    }

    private static List<JsonObject> Typed(JsonNode node, string type)
    {
        var found = new List<JsonObject>();
        void Walk(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                if (o["type"] is JsonValue t && t.GetValue<string>() == type)
                {
                    found.Add(o);
                }

                foreach (var (_, value) in o)
                {
                    Walk(value);
                }
            }
            else if (n is JsonArray a)
            {
                foreach (var item in a)
                {
                    Walk(item);
                }
            }
        }

        Walk(node);
        return found;
    }

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    [Fact]
    public void Build_ChineseLocale_HasNoEnglishWordsExceptKpiNames()
    {
        var member = "王芳";
        foreach (var (name, view) in TargetsViews.Representative(member))
        {
            var customNames = view.Rows.Select(r => r.Name).ToList();
            var chineseView = view with { Rows = view.Rows.Select(r => r with { Name = r.Key == "revenue" ? "销售额" : r.Name }).ToList() };

            var texts = ShownTexts(Json(BotText.Chinese, chineseView));

            var english = texts
                .Select(t => customNames.Aggregate(t, (s, n) => s.Replace(n, "", StringComparison.Ordinal)))
                .Where(t => Latin().IsMatch(t))
                .ToList();
            Assert.True(english.Count == 0, $"{name}: English in the Chinese card: {string.Join(" | ", english)}");
        }
    }

    [Fact]
    public void Build_MonthInEachLocale_TitleNamesTheCurrentMonth()
    {
        var view = TargetsViews.View("Alice", TargetsViews.Revenue(210_000, 100_000));

        var english = ShownTexts(Json(BotText.English, view));
        var chinese = ShownTexts(Json(BotText.Chinese, view));

        Assert.Equal("This month · November 2026", english[0]);
        Assert.Equal("本月 · 2026年11月", chinese[0]);
        Assert.Contains("Data as of Nov 16, 2026 09:00", english);
        Assert.Contains("数据截至 2026年11月16日 09:00", chinese);
    }

    [Theory]
    [InlineData(SalesPeriodKind.Week, "This week · Week 47, 2026", "本周 · 2026年第47周")]
    [InlineData(SalesPeriodKind.Quarter, "This quarter · Q4 2026", "本季度 · 2026年第4季度")]
    [InlineData(SalesPeriodKind.Year, "This year · 2026", "今年 · 2026年")]
    public void Build_CurrentPeriodOfEachKind_TitleInBothLanguages(SalesPeriodKind kind, string english, string chinese)
    {
        var view = TargetsViews.View("Alice") with { Period = SalesPeriod.Containing(kind, TargetsViews.Today) };

        Assert.Equal(english, ShownTexts(Json(BotText.English, view))[0]);
        Assert.Equal(chinese, ShownTexts(Json(BotText.Chinese, view))[0]);
    }

    [Fact]
    public void Build_PastPeriod_TitleSaysFinalResult()
    {
        var view = TargetsViews.View("Alice") with { Period = SalesPeriod.Quarter(2026, 3) };

        Assert.Equal("Q3 2026 · final result", ShownTexts(Json(BotText.English, view))[0]);
        Assert.Equal("2026年第3季度 · 最终结果", ShownTexts(Json(BotText.Chinese, view))[0]);
    }

    [Theory]
    [InlineData(BotText.English, 120_000, "¥120,000")]
    [InlineData(BotText.Chinese, 120_000, "¥12万")]
    [InlineData(BotText.Chinese, 125_000, "¥12.5万")]
    [InlineData(BotText.Chinese, 9_999, "¥9,999")]
    [InlineData(BotText.Chinese, 250_000_000, "¥2.5亿")]
    [InlineData(BotText.English, 1_234.5, "¥1,235")]
    [InlineData(BotText.English, 86_956.52, "¥86,957")]
    [InlineData(BotText.Chinese, 86_956.52, "¥8.7万")]
    [InlineData(BotText.English, 999.5, "¥999.50")]
    [InlineData(BotText.Chinese, 999.5, "¥999.50")]
    [InlineData(BotText.Chinese, 123_456, "¥12.35万")]
    [InlineData(BotText.Chinese, 12_000_000, "¥1200万")]
    [InlineData(BotText.Chinese, 120_000_000, "¥1.2亿")]
    [InlineData(BotText.Chinese, 99_999_999, "¥1亿")]
    [InlineData(BotText.Chinese, 1_234_567_890_000, "¥12345.68亿")]
    [InlineData(BotText.English, 12_000_000, "¥12,000,000")]
    public void FormatAmount_Currency_SymbolGroupingAndWan(string locale, decimal amount, string expected) =>
        Assert.Equal(expected, SalesFormat.Amount(locale, KpiUnit.Currency, "CNY", amount));

    [Fact]
    public void FormatAmount_CountAndOtherCurrencies_WholeNumbersAndSymbols()
    {
        Assert.Equal("12,346", SalesFormat.Amount(BotText.English, KpiUnit.Count, null, 12_345.6m));
        Assert.Equal("12,346", SalesFormat.Amount(BotText.Chinese, KpiUnit.Count, null, 12_345.6m));
        Assert.Equal("$120,000", SalesFormat.Amount(BotText.English, KpiUnit.Currency, "USD", 120_000));
        Assert.Equal("CHF 500", SalesFormat.Amount(BotText.English, KpiUnit.Currency, "CHF", 500));
    }

    [Theory]
    [InlineData(100_000, "Accent", "On pace")]
    [InlineData(40_000, "Attention", "Behind")]
    [InlineData(150_000, "Good", "Ahead")]
    public void Build_Status_PercentTextColouredByStatus(decimal actual, string color, string status)
    {
        var view = TargetsViews.View("Alice", TargetsViews.Revenue(210_000, actual));

        var json = Json(BotText.English, view);

        var percent = Typed(json, "TextBlock").Single(t => t["text"]!.GetValue<string>().Contains("% done · ", StringComparison.Ordinal));
        Assert.Equal(color.ToLowerInvariant(), percent["color"]!.GetValue<string>());
        Assert.EndsWith(status, percent["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(TextColor.Good, SalesFormat.ColorOf(PaceStatus.Ahead));
        Assert.Equal(TextColor.Default, SalesFormat.ColorOf(PaceStatus.NoTarget));
    }

    [Theory]
    [InlineData(47.6, 48, 52)]
    [InlineData(0, 0, 100)]
    [InlineData(130, 100, 0)]
    [InlineData(100, 100, 0)]
    public void Bar_Percent_FilledAndEmptyWeights(decimal percent, int filled, int empty)
    {
        var bar = SalesFormat.Bar(percent, PaceStatus.OnPace);

        Assert.Equal(filled, bar.Columns.Where(c => c.Style == ContainerStyle.Accent).Sum(c => c.Width!.Weight ?? 0));
        Assert.Equal(empty, bar.Columns.Where(c => c.Style == ContainerStyle.Emphasis).Sum(c => c.Width!.Weight ?? 0));
        Assert.All(bar.Columns, c => Assert.True(c.Width!.Weight > 0));
    }

    [Fact]
    public void Build_OverAchieved_FullBarRealPercentAndTargetReached()
    {
        var view = TargetsViews.View("Alice", TargetsViews.Revenue(200_000, 260_000));

        var json = Json(BotText.English, view);
        var texts = ShownTexts(json);

        Assert.Contains("130% done · Ahead", texts);
        Assert.Contains("Target reached", texts);
        Assert.Contains("¥260,000 / ¥200,000", texts);
        Assert.DoesNotContain("Needed per working day", texts);
        var bar = Typed(json, "ColumnSet").Single(s => s["columns"]!.AsArray().Any(c => c!["style"]?.GetValue<string>() == "good"));
        Assert.Equal(100, bar["columns"]!.AsArray().Single()!["width"]!.GetValue<int>());
        var gauge = Typed(json, "Chart.Gauge").Single();
        Assert.Equal(100, gauge["value"]!.GetValue<decimal>());
        Assert.Equal("130% done", gauge["subLabel"]!.GetValue<string>());
    }

    [Fact]
    public void Build_Behind_ExpectedForecastAndNeededPerDay()
    {
        // 10 of 21 working days elapsed: expected 100,000; forecast 40,000 / 10 × 21 = 84,000; needed 170,000 / 11.
        var view = TargetsViews.View("Alice", TargetsViews.Revenue(210_000, 40_000));

        var facts = Typed(Json(BotText.Chinese, view), "FactSet").Single()["facts"]!.AsArray()
            .ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());

        Assert.Equal("¥10万", facts["按时间进度应完成"]);
        Assert.Equal("¥8.4万", facts["期末预测"]);
        Assert.Equal("¥1.55万", facts["剩余日均需完成"]);
    }

    [Fact]
    public void Build_CountNeededPerDay_RoundsUpToWholeNumbers()
    {
        // 21 contracts, 2 done, 11 days left: 19 / 11 = 1.73 a day, shown as 2.
        var view = TargetsViews.View("Alice", TargetsViews.Contracts(21, 2));

        var facts = Typed(Json(BotText.English, view), "FactSet").Single()["facts"]!.AsArray();

        Assert.Equal("2", facts.Single(f => f!["title"]!.GetValue<string>() == "Needed per working day")!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Build_NoWorkingDaysLeft_SaysMissedBy()
    {
        var view = TargetsViews.View("Alice", TargetsViews.Revenue(210_000, 150_000, new DateOnly(2026, 11, 30), todayIsOver: true));

        var texts = ShownTexts(Json(BotText.English, view));

        Assert.Contains("No working days left, missed by ¥60,000", texts);
        Assert.Contains("本期已无剩余工作日，差 ¥6万 未完成", ShownTexts(Json(BotText.Chinese, view)));
    }

    [Fact]
    public void Build_ZeroTarget_NoBarNoGaugeDefaultColour()
    {
        var view = TargetsViews.View("Alice", TargetsViews.Revenue(0, 5_000));

        var json = Json(BotText.English, view);

        Assert.Empty(Typed(json, "Chart.Gauge"));
        Assert.DoesNotContain(Typed(json, "Column"), c => c["style"] is not null);
        var status = Typed(json, "TextBlock").Single(t => t["text"]!.GetValue<string>() == "No target set");
        Assert.Equal("default", status["color"]!.GetValue<string>());
        Assert.Contains("¥5,000 / ¥0", ShownTexts(json));
    }

    [Fact]
    public void Build_NoRows_SaysNoTargetsAndKeepsButtons()
    {
        var json = Json(BotText.Chinese, TargetsViews.View("王芳"));

        Assert.Contains("本期还没有设定目标。", ShownTexts(json));
        Assert.Equal(5, json["actions"]!.AsArray().Count);
    }

    [Fact]
    public void Build_Gauge_FirstKpiWithTargetAndPlainFallback()
    {
        var view = TargetsViews.View("Alice", TargetsViews.Revenue(0, 1), TargetsViews.Contracts(20, 5, "Visits"));

        var gauge = Typed(Json(BotText.English, view), "Chart.Gauge").Single();

        Assert.Equal("Visits", gauge["title"]!.GetValue<string>());
        Assert.Equal(25, gauge["value"]!.GetValue<decimal>());
        Assert.Equal("TextBlock", gauge["fallback"]!["type"]!.GetValue<string>());
        Assert.Equal("Visits: 25% done", gauge["fallback"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Build_Buttons_PeriodSwitchAndLogAsExecute()
    {
        var card = TargetsCard.Build(Text, BotText.Chinese, TargetsViews.View("王芳", TargetsViews.Revenue(1, 1)));

        var actions = card.Actions!.Cast<ExecuteAction>().ToList();

        Assert.Equal(["targets.period", "targets.period", "targets.period", "targets.period", "results.log-form"], actions.Select(a => a.Verb));
        Assert.Equal(["week", "month", "quarter", "year", "month"], actions.Select(a => (string)a.Data![ProgressCardActions.PeriodKey]!));
        Assert.Equal(["周", "月", "季度", "年", "记录业绩"], actions.Select(a => a.Title));
        Assert.Equal(ActionStyle.Positive, actions[1].Style);
        Assert.All(actions, a => Assert.True(SalesPeriod.TryParseKind((string)a.Data![ProgressCardActions.PeriodKey]!, out _)));
        Assert.Equal("targets.period", (string)actions[0].SubmitFallback.Data!["verb"]!);
        Assert.Equal("results.log-form", (string)actions[4].SubmitFallback.Data!["verb"]!);
    }

    [Theory]
    [InlineData(SalesPeriodKind.Week, "week")]
    [InlineData(SalesPeriodKind.Quarter, "quarter")]
    public void Build_LogButton_CarriesTheShownPeriod(SalesPeriodKind kind, string word)
    {
        var view = TargetsViews.View("Alice", TargetsViews.Revenue(1, 1)) with { Period = SalesPeriod.Containing(kind, TargetsViews.Today) };

        var log = TargetsCard.Build(Text, BotText.English, view).Actions!.Cast<ExecuteAction>().Single(a => a.Verb == ProgressCardActions.LogResultVerb);

        Assert.Equal("Log a result", log.Title);
        Assert.Equal(word, (string)log.Data![ProgressCardActions.PeriodKey]!);
    }

    [Fact]
    public void Build_WithNotice_ShowsItFirstInGood()
    {
        var view = TargetsViews.View("Alice", TargetsViews.Revenue(1, 1)) with { Notice = "Logged ¥120,000 revenue · Acme." };

        var json = Json(BotText.English, view);

        var first = json["body"]!.AsArray()[0]!;
        Assert.Equal(TargetsCard.NoticeId, first["id"]!.GetValue<string>());
        Assert.Equal("✔ Logged ¥120,000 revenue · Acme.", first["text"]!.GetValue<string>());
        Assert.Equal("good", first["color"]!.GetValue<string>());
        Assert.Equal("This month · November 2026", ShownTexts(json)[1]);
    }

    [Fact]
    public void Build_WithoutNotice_HasNoNoticeLine()
    {
        var json = Json(BotText.English, TargetsViews.View("Alice", TargetsViews.Revenue(1, 1)));

        Assert.DoesNotContain(Typed(json, "TextBlock"), t => t["id"] is not null);
    }

    [Fact]
    public void Build_AwkwardMemberName_StaysInsideItsTextField()
    {
        var name = "Alice \"Ace\"\n<at>王芳</at>";

        var json = Json(BotText.English, TargetsViews.View(name, TargetsViews.Revenue(100, 50)));

        Assert.Contains($"Targets and progress for {name}", ShownTexts(json));
        Assert.Null(json["msteams"]!["entities"]);
    }
}
