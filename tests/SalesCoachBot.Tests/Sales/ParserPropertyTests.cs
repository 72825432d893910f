using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Crm;
using SalesCoachBot.Features.Feedback;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Features.Recognition;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Settings;
using SalesCoachBot.Features.Targets;
using SalesCoachBot.Features.TeamProgress;
using SalesCoachBot.Hosting;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Tests.Sales;

/// <summary>
/// No parser may throw on what a person types: every parser of typed text gets random input — any UTF-16 (lone
/// surrogates included), full-width forms, CJK, emoji and ZWJ sequences, other scripts' digits, the grammar's own words
/// and punctuation glued together, and texts of 10,000+ characters — and must answer with a value, never an exception.
/// Parsers whose contract is to refuse with one exception type (a file header, a CRM payload) may throw that one only.
/// CsCheck prints the seed of a failing input, and shrinks it.
/// </summary>
public sealed partial class ParserPropertyTests
{
    private const int Iterations = 2_000;

    // Wednesday 18 November 2026, the tests' usual "today".
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static readonly BotText Text = new(NullLogger<BotText>.Instance);

    private static readonly string[] GrammarWords =
    [
        "记录", "log", "目标", "targets", "设置", "settings", "设置目标", "设定目标", "set", "target", "撤销", "取消", "团队", "team",
        "排行榜", "排名", "leaderboard", "经理", "manager", "帮助", "help", "成交", "deal", "revenue", "营收", "签约", "visit", "拜访",
        "visibility", "可见", "所有人", "improved", "进步", "周", "月", "季度", "年", "本月", "今年", "Q1", "q4", "W53", "2026-W10",
        "第10周", "2026年3月", "3月", "３月", "2026-13", "2026-Q5", "1.2m", "12万", "１２万", "十二万五", "两万五", "1亿2千万", "120,000",
        "1,20", "-5", "¥", "￥", "RMB", "元", "$", "€", "k", "w", "mn", "9999999999999999999999", "0.000000001", "1e9", "NaN", "∞",
        "21:00", "08:00", "21：00-08：00", "Asia/Shanghai", "China Standard Time", "../../etc/passwd", "zh-CN", "自动", "督促",
        "<at>Bob Li</at>", "<at>", "</at>", "<AT id=\"1\">", "alice@contoso.com", "@", "\"", "“", "”", "「", "」", "『", "＂",
        "，", "。", "：", "、", "；", "！", "？", ",", ".", ":", ";", "!", "?", "-", "/", "~", "～", "至", " ", "　", "\t", "\n",
        "\u00A0", "\u200B", "\u200D", "\uFEFF", "\u2212", "٣", "३", "①", "²", "ﬁ", "e\u0301", "\uD800", "\uDC00",
        "😀", "👨‍👩‍👧", "🇨🇳", "👍🏽", "🏳️‍🌈", "𠀀", "Привет", "مرحبا", "שלום", "Ωμέγα", "ﷺ",
    ];

    // Digits of every kind a parser may meet: ASCII, full-width (NFKC makes them ASCII), Arabic-Indic and Devanagari
    // (which .NET's \d matches but int.Parse refuses), circled.
    private static readonly Gen<string> Digits = Gen.Char["0123456789０１２３４５６７８９٠١٢٣٤٥٦٧٨٩०१२३४५६७८९①"].Array[1, 5].Select(c => new string(c));

    private static readonly string[] PeriodWords =
        ["年", "年度", "月", "月份", "季度", "季", "第", "周", "Q", "q", "W", "w", "H", "-", "/", "一", "二", "三", "四", "十", "本月", "今年", "上", "下", "个", "半年",
         "year", "month", "last", "next", "this", "dec", "December", "２０２６", "2027", " "];

    private static readonly string[] AmountWords =
        ["万", "千", "亿", "百", "十", "一", "两", "五", "零", "〇", ".", ",", "，", "。", "¥", "￥", "$", "€", "RMB", "CNY", "元", "块", "人民币", "美元", "k", "m", "mn", "w", "-", "+", "\u2212", " "];

    private static readonly string[] SettingsWords =
        [":", "：", "-", "~", "～", "至", "Asia/", "Shanghai", "UTC", "+", "GMT", "Etc/GMT+", "..", "zh-CN", "auto", "自动", "语言", "时区", "免打扰", "关闭", "开启", "督促", "nudges", " "];

    private static readonly string[] TeamWords =
        ["visibility", "可见", "可见性", "经理", "managers", "所有人", "everyone", "improved", "进步", "排名", "ranking", "周", "月", "季度", "年", "week", " ", "East", "东区"];

    private static readonly string[] ImportWords = ["-", "/", ".", "Q", "W", ";", ",", "|", "年", "月", "日", "２０２６", " ", "T", ":"];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.OneOf(GrammarWords)),
        (2, Gen.Char['\uFF01', '\uFF5E'].Array[1, 4].Select(c => new string(c))),
        (2, Gen.Char['\u4E00', '\u9FA5'].Array[1, 4].Select(c => new string(c))),
        (2, Gen.Char['0', '9'].Array[1, 6].Select(c => new string(c))),
        (1, Gen.Char.Array[1, 6].Select(c => new string(c))));

    private static readonly Gen<string> Short = Piece.Array[0, 14].Select(string.Concat);

    // 10,000+ characters: a short soup repeated, or pure noise of any UTF-16 unit.
    private static readonly Gen<string> Long = Gen.Frequency(
        (1, Short.Select(s => Repeat(s + " 记录", 10_000))),
        (1, Gen.Char.Array[10_000, 11_000].Select(c => new string(c))));

    private static readonly Gen<string> Typed = Gen.Frequency((12, Short), (1, Long));

    // Short texts made mostly of one parser's own words and digits, so anchored patterns (^3月$, ^2026-W10$) are hit
    // often; mixed with the general input.
    private static Gen<string> TypedFor(params string[] vocabulary) => Gen.Frequency(
        (8, Gen.Frequency((3, Digits), (5, Gen.OneOf(vocabulary)), (1, Piece)).Array[1, 5].Select(string.Concat)),
        (4, Short),
        (1, Long));

    // The app's real route table, without a host: RouteTable fills it into a plain service collection.
    private static readonly BotRoutes Routes = AppRoutes();

    private static BotRoutes AppRoutes()
    {
        var services = new ServiceCollection();
        RouteTable.Map(services);
        return (BotRoutes)services.Single(d => d.ServiceType == typeof(BotRoutes)).ImplementationInstance!;
    }

    private static string Repeat(string piece, int atLeast)
    {
        var builder = new System.Text.StringBuilder(atLeast + piece.Length);
        while (builder.Length < atLeast)
        {
            builder.Append(piece);
        }

        return builder.ToString();
    }

    [Fact]
    public void Normalize_AnyText_IsIdempotentWithoutLoneSurrogatesAndKeepsMentions()
    {
        Typed.Sample(typed =>
        {
            var once = TypedText.Normalize(typed);
            Assert.Equal(once, TypedText.Normalize(once));
            // Mentions pass untouched (they must equal the mention entities); everything else is valid text.
            Assert.False(HasLoneSurrogate(MentionPattern().Replace(once, string.Empty)), "a lone surrogate survived");

            var withMention = typed + " <at>Ｂｏｂ，李</at>，" + typed;
            Assert.Contains("<at>Ｂｏｂ，李</at>", TypedText.Normalize(withMention), StringComparison.Ordinal);
        }, iter: Iterations);
    }

    [Fact]
    public void MatchCommand_AnyText_FindsOnlyRegisteredWordsAndNeverThrows()
    {
        var words = Routes.CommandWords.ToHashSet(StringComparer.Ordinal);
        TypedFor([.. words, .. GrammarWords]).Sample(typed =>
        {
            var (word, arguments) = Routes.MatchCommand(typed);
            Assert.True(word is null || words.Contains(word), $"matched an unregistered word {word}");
            Assert.Equal(arguments.Trim(), arguments);
            _ = BotRouter.SplitCommand(typed);
        }, iter: Iterations);
    }

    [Fact]
    public void MatchCommand_RegisteredWordThenAnyText_FindsThatWordOrALongerOne()
    {
        Gen.Select(Gen.OneOf([.. Routes.CommandWords]), Typed).Sample((word, rest) =>
        {
            var (matched, _) = Routes.MatchCommand(word + " " + rest);
            Assert.NotNull(matched);
            Assert.True(matched.Length >= word.Length, $"'{word}' lost to the shorter '{matched}'");
        }, iter: Iterations);
    }

    [Fact]
    public void LogParsers_AnyText_AnswerWithoutThrowing()
    {
        TypedFor([.. KpiAliases.Words, .. AmountWords, "\"", "“", "”", "「", "<at>", "</at>"]).Sample(typed =>
        {
            var parsed = LogCommandParser.Parse(typed);
            Assert.True(parsed.IsSuccess ^ (parsed.Error != LogError.None), "a result must be a request or an error");

            _ = KpiAliases.Find(typed);
            _ = KpiAliases.TryFind(typed, out _, out _);
        }, iter: Iterations);
    }

    [Fact]
    public void AmountParser_AnyText_AnswersWithoutThrowing()
    {
        TypedFor(AmountWords).Sample(typed =>
        {
            if (AmountParser.TryParse(typed, out ParsedAmount? amount, out var error))
            {
                Assert.Equal(AmountError.None, error);
                Assert.InRange(amount!.Value, 0m, AmountParser.MaxAmount);
            }
            else
            {
                Assert.NotEqual(AmountError.None, error);
            }

            _ = AmountParser.TryParse(typed, out decimal _, out _);
            _ = AmountParser.LooksLikeAmount(typed);
            _ = AmountParser.CurrencyOf(typed);
        }, iter: Iterations);
    }

    [Fact]
    public void TargetParsers_AnyText_AnswerWithoutThrowing()
    {
        TypedFor([.. PeriodWords, "target", "营收", "team", "团队", " "]).Sample(typed =>
        {
            static bool IsKpi(string word) => word is "营收" or "revenue";
            static bool IsPeriod(string word) => SalesCoachBot.Sales.PeriodWords.TryRead(word, Today, YearlessPeriod.Ahead, out _);
            _ = SetTargetParser.Parse(typed, afterSet: true, IsKpi, IsPeriod);
            var request = SetTargetParser.Parse(typed, afterSet: false, IsKpi, IsPeriod);
            foreach (var yearless in new[] { YearlessPeriod.Ahead, YearlessPeriod.Back, YearlessPeriod.SameYear })
            {
                if (SalesCoachBot.Sales.PeriodWords.TryRead(typed, Today, yearless, out var period))
                {
                    Assert.InRange(period.TargetYear, 1999, 2101);
                    Assert.True(SalesCoachBot.Sales.PeriodWords.TryRead(SalesCoachBot.Sales.PeriodWords.Key(period), Today, yearless, out var again) && again == period);
                }
            }

            if (request is not null)
            {
                _ = SalesCoachBot.Sales.PeriodWords.TryRead(request.Period, Today, YearlessPeriod.Ahead, out _);
            }

            _ = SalesCoachBot.Sales.PeriodWords.TryReadInYear(typed, 2026, out _);
            _ = SalesCoachBot.Sales.PeriodWords.TryReadInYear(typed, null, out _);
            _ = SalesPeriod.TryParseKind(typed, out _);
        }, iter: Iterations);
    }

    [Fact]
    public void TeamProgressParsers_AnyText_AnswerWithoutThrowing()
    {
        TypedFor([.. TeamWords, .. PeriodWords]).Sample(typed =>
        {
            _ = TeamProgressCommands.Read(typed, readView: true, Today);
            var (_, period, _) = TeamProgressCommands.Read(typed, readView: false, Today);
            // The period words taken out of the arguments always read as a period.
            Assert.True(period.Length == 0 || SalesCoachBot.Sales.PeriodWords.TryRead(period, Today, YearlessPeriod.Back, out _));
            if (TeamVisibility.TryRead(typed, out var value))
            {
                _ = TeamVisibility.Parse(value);
            }

            _ = TeamVisibility.Parse(typed);
            _ = Leaderboard.TryParseView(typed, out _);
        }, iter: Iterations);
    }

    [Fact]
    public void SettingsParsers_AnyText_AnswerWithoutThrowing()
    {
        var current = new MemberSettings(null, null, null, null, new HashSet<string>(StringComparer.Ordinal));
        TypedFor(SettingsWords).Sample(typed =>
        {
            _ = SettingsRules.TryParseLanguage(typed, out _);
            _ = SettingsRules.TryParseTimeZone(typed, out _);
            _ = SettingsRules.TryParseTime(typed, out _);
            _ = SettingsRules.FindKind(Text, typed);
            var submission = new SettingsSubmission(typed, typed, typed, typed,
                new Dictionary<string, string>(StringComparer.Ordinal) { [typed] = typed, [AutomaticMessageKinds.Nudges] = typed });
            var (updated, errors) = SettingsRules.Validate(Text, BotText.Chinese, current, submission);
            Assert.True(updated is null ^ errors.Count == 0);
        }, iter: Iterations);
    }

    [Fact]
    public void RecognitionParsers_AnyText_AnswerWithoutThrowing()
    {
        TypedFor([.. RecognitionWords, .. GrammarWords]).Sample(typed =>
        {
            var praise = PraiseParser.Read(typed);
            Assert.True(praise.MentionCount >= 0);
            Assert.Equal(praise.Reason.Trim(), praise.Reason);
            var values = ValuesCommand.Read(typed);
            Assert.True(values.Name is null || values.Name.Length is > 0 and <= CompanyValue.MaxNameLength);
            Assert.True(values.Points is null or >= RecognitionStore.MinPoints and <= RecognitionStore.MaxPoints);
            // The praise form's ids and entry ids come back from the client: anything reads as an id or as none.
            Assert.True(PraiseForm.ReadId(typed) is null or > 0);
            Assert.True(!PraiseForm.IsEntryId(typed) || typed.Length == PraiseFormEntry.EntryIdLength);
        }, iter: Iterations);
    }

    private static readonly string[] RecognitionWords =
        ["praise", "表扬", "私下表扬", "点赞", "夸", "private", "私下", "#", "#客户第一", "#customer-first", "<at>Alice Wang</at>", "<at>张伟</at>",
         "<at id=\"0\">Bob</at>", "and", "和", "、", "values", "价值观", "add", "添加", "remove", "移除", "100", "101", "0", " "];

    [Fact]
    public void ImportCellParsers_AnyText_AnswerWithoutThrowing()
    {
        TypedFor([.. ImportWords, .. PeriodWords]).Sample(typed =>
        {
            _ = ImportColumns.Canonical(typed);
            _ = UploadChecker.TryParseDate(typed, out _);
            _ = UploadChecker.TryParsePeriod(typed, out _);
            _ = UploadChecker.ParseWeights(typed);
            var cells = new Dictionary<string, string>(StringComparer.Ordinal) { ["日期"] = typed, ["指标"] = typed, ["金额"] = typed, ["备注"] = typed };
            var rows = ImportColumns.Normalize(new SheetContent(["日期", "指标", "金额", "备注"], [new SheetRow(2, cells, 4)])).Rows;
            // Cells are read normalised, the free-text note as written.
            Assert.Equal(typed, rows.Single().Cells[ImportColumns.Note]);
            Assert.Equal(TypedText.Normalize(typed), rows.Single().Cells[ImportColumns.Amount]);
        }, iter: Iterations);
    }

    [Fact]
    public void ImportHeader_AnyText_IsReadOrRefusedWithTheUploadsOwnError()
    {
        Gen.Select(Typed, Typed).Sample((first, second) =>
        {
            try
            {
                _ = ImportColumns.Normalize(new SheetContent([first, second], []));
            }
            catch (UploadRefusedException)
            {
                // The documented refusal: the member gets its text.
            }
        }, iter: Iterations);
    }

    [Fact]
    public void CrmPayloads_AnyTextInTheFields_ParseOrRefuseWithThePayloadError()
    {
        Gen.Select(Typed, Typed, Gen.Int[0, 2]).Sample((value, other, format) =>
        {
            var payload = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
            {
                ["events"] = new object[]
                {
                    new Dictionary<string, object?>
                    {
                        ["eventId"] = value, ["occurredAt"] = other,
                        ["deal"] = new Dictionary<string, object?> { ["id"] = value, ["stage"] = "won", ["amount"] = other, ["currency"] = value, ["closedOn"] = other, ["customer"] = value },
                        ["owner"] = new Dictionary<string, object?> { ["email"] = value },
                    },
                },
                ["data"] = new object[]
                {
                    new Dictionary<string, object?>
                    {
                        ["id"] = value, ["Modified_Time"] = other, ["Stage"] = "Closed Won", ["Amount"] = other, ["Closing_Date"] = value,
                        ["_id"] = value, ["last_modified_time"] = other, ["sales_stage"] = "赢单", ["amount"] = value, ["close_date"] = other,
                        ["owner_email"] = value, ["Owner_Email"] = other,
                    },
                },
            });
            try
            {
                _ = CrmPayloads.Parse(payload, (CrmFormat)format, [], maxEvents: 10);
            }
            catch (CrmPayloadException)
            {
                // The documented refusal: the webhook answers 400 with it.
            }
        }, iter: Iterations);
    }

    [Fact]
    public void FeedbackParsers_AnyText_AnswerWithoutThrowing()
    {
        TypedFor("反馈", "feedback", "form", "表单", "cadence", "周期", "21", "21天", "<at>张伟</at>", "<at>Bob Li</at>", "<at>", "</at>", "bob@contoso.com", "@", " ").Sample(typed =>
        {
            var request = FeedbackParser.Parse(typed);
            Assert.True(Enum.IsDefined(request.Ask));
            Assert.True(request.Ask != FeedbackAsk.History || request.Words.Count == 0);
            // Every split puts every word back: the name and the feedback, nothing lost.
            foreach (var (who, feedback) in FeedbackParser.Split(request.Words))
            {
                Assert.Equal(string.Join(' ', request.Words), (who + " " + feedback).Trim());
            }

            _ = FeedbackCards.ReadId(typed);
            _ = FeedbackCards.ReadBefore(typed);
            _ = FeedbackForm.KindOf(typed);
            _ = FeedbackForm.IsEntryId(typed);
            Assert.True(FeedbackParser.ReadCadence(typed) is null or (>= FeedbackOptions.MinCadenceDays and <= FeedbackOptions.MaxCadenceDays));
            Assert.True(FeedbackNudgeCard.ReadWeeks(typed) is null or 1 or 2 or 4);
        }, iter: Iterations);
    }

    [Fact]
    public void CelebrationParsers_AnyText_AnswerWithoutThrowing()
    {
        TypedFor([.. AmountWords, "{", "}", "\"bigDeals\":", "true", "false", "null", "\"bigDealThreshold\":", "[", "]"]).Sample(typed =>
        {
            if (SalesCoachBot.Features.Recognition.CelebrationSettingsCard.TryReadThreshold(typed, out var threshold) && threshold is { } amount)
            {
                Assert.InRange(amount, 0.01m, AmountParser.MaxAmount);
            }

            var (settings, errors) = SalesCoachBot.Features.Recognition.CelebrationAdminEndpoints.Read(
                System.Text.Encoding.UTF8.GetBytes(typed), SalesCoachBot.Features.Recognition.CelebrationSettings.Default);
            Assert.True(settings is null ^ errors.Count == 0, "the body is read or refused with reasons");
        }, iter: Iterations);
    }

    [Fact]
    public void MeetingParsers_AnyText_AnswerWithoutThrowing()
    {
        TypedFor(["monday", "mon", "周一", "星期天", "礼拜三", "每周五", "9:30", "09:30", "25:00", "9点半", "上午", "下午3点", "十二点", "3pm", "9am",
            "America/New_York", "Asia/Shanghai", "Mars/Olympus", "UTC", "skip", "off", "time", "跳过", "关闭", "改时间", "add", "添加", ":"]).Sample(typed =>
        {
            var request = SalesCoachBot.Features.Meetings.MeetingScheduleParser.Parse(typed);
            if (request.Action is SalesCoachBot.Features.Meetings.MeetingAction.Set or SalesCoachBot.Features.Meetings.MeetingAction.Move)
            {
                Assert.NotNull(request.Time);
                Assert.True(request.ZoneId is null || TimeZoneInfo.TryFindSystemTimeZoneById(request.ZoneId, out _));
            }

            Assert.Equal(request.Action == SalesCoachBot.Features.Meetings.MeetingAction.Invalid, request.Error != SalesCoachBot.Features.Meetings.MeetingScheduleError.None);
            _ = SalesCoachBot.Features.Meetings.AgendaCommand.Read(typed);
        }, iter: Iterations);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex("<at[ >].*?</at>", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex MentionPattern();

}
