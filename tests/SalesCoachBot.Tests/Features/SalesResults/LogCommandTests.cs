using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.SalesResults;

public sealed class LogCommandTests
{
    private const string TenantA = ActivityBuilder.DefaultTenant;
    private const string TenantB = "tenant-fabrikam";

    // Wednesday 18 November 2026, 10:00 in Shanghai (the default zone).
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private static SalesCoachBotApplication NewApp(DatabaseProvider provider) => new(provider) { Time = new FakeTimeProvider(Now) };

    /// <summary>Alice's 1:1 chat with the bot, after a first message that makes her and the tenant's default KPIs known.</summary>
    private static async Task<Chat> StartAsync(SalesCoachBotApplication app)
    {
        var chat = app.Chat();
        await chat.SendAsync("help");
        return chat;
    }

    /// <summary>The tenant's results that count, with their KPI keys.</summary>
    internal static async Task<List<(string Kpi, SalesResult Result)>> CountingResultsAsync(SalesCoachBotApplication app, string tenant = TenantA)
    {
        var (scope, store) = app.NewStore(tenant);
        await using var _ = scope;
        var rows = await store.SalesResults.AsNoTracking().Where(r => r.UndoneAt == null)
            .Join(store.Kpis, r => r.KpiId, k => k.Id, (r, k) => new { k.Key, Result = r })
            .ToListAsync();
        return rows.OrderBy(r => r.Result.Id).Select(r => (r.Key, r.Result)).ToList();
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Log_DealInEnglish_RecordsRevenueAndOneContractAndSendsCardWithNotice(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message("log deal 120000 Acme first order").InPersonalChat());

        var rows = await CountingResultsAsync(app);
        Assert.Equal([(KpiDefaults.Revenue, 120_000m), (KpiDefaults.Contracts, 1m)], rows.Select(r => (r.Kpi, r.Result.Amount)));
        Assert.All(rows, r =>
        {
            Assert.Equal(ResultSources.Chat, r.Result.Source);
            Assert.Equal("Acme", r.Result.Customer);
            Assert.Equal("first order", r.Result.Note);
            Assert.Equal(new DateOnly(2026, 11, 18), r.Result.OccurredOn);
            Assert.Equal(r.Result.MemberId, r.Result.RecordedByMemberId);
        });
        var reply = Assert.Single(replies);
        var card = reply.CardText();
        Assert.Contains("Logged ¥120,000 revenue and 1 contract · Acme. Type undo within 10 minutes to take it back.", card, StringComparison.Ordinal);
        Assert.Contains("This month · November 2026", card, StringComparison.Ordinal);
        Assert.Contains("¥120,000 / ¥0", card, StringComparison.Ordinal);
        Assert.Contains("1 / 0", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Log_ChineseWordsAndAmount_RecordsAndRepliesInChinese(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message("记录 成交 12万 华为 首单").InPersonalChat().WithLocale("zh-CN"));

        var rows = await CountingResultsAsync(app);
        Assert.Equal([(KpiDefaults.Revenue, 120_000m), (KpiDefaults.Contracts, 1m)], rows.Select(r => (r.Kpi, r.Result.Amount)));
        Assert.All(rows, r => Assert.Equal(("华为", "首单"), (r.Result.Customer, r.Result.Note)));
        var card = Assert.Single(replies).CardText();
        Assert.Contains("已记录：销售额 ¥12万和签约 1 份 · 华为。10 分钟内输入“撤回”可以撤回。", card, StringComparison.Ordinal);
        Assert.Contains("本月 · 2026年11月", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "log visits 3", KpiDefaults.Visits, 3, "Logged 3 visits.")]
    [InlineData(DatabaseProvider.Postgres, "log visits 3", KpiDefaults.Visits, 3, "Logged 3 visits.")]
    [InlineData(DatabaseProvider.Sqlite, "log visit Acme", KpiDefaults.Visits, 1, "Logged 1 visit · Acme.")]
    [InlineData(DatabaseProvider.Sqlite, "log revenue 1.2万", KpiDefaults.Revenue, 12_000, "Logged ¥12,000 revenue.")]
    [InlineData(DatabaseProvider.Sqlite, "log revenue ¥45,500.50", KpiDefaults.Revenue, 45_500.5, "Logged ¥45,501 revenue.")]
    [InlineData(DatabaseProvider.Sqlite, "LOG new 两 \"Big Co\"", KpiDefaults.NewCustomers, 2, "Logged 2 new customers · Big Co.")]
    public async Task Log_OneKpi_RecordsOneRowAndSaysWhat(DatabaseProvider provider, string command, string kpi, decimal amount, string notice)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message(command).InPersonalChat());

        var row = Assert.Single(await CountingResultsAsync(app));
        Assert.Equal((kpi, amount), (row.Kpi, row.Result.Amount));
        Assert.Contains(notice, Assert.Single(replies).CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Log_UnknownKpi_NamesTheWordSuggestsOneAndRecordsNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message("log dael 120000 <b>Acme</b>").InPersonalChat());

        Assert.Empty(await CountingResultsAsync(app));
        var reply = Assert.Single(replies);
        Assert.Empty(reply.Attachments ?? []);
        Assert.Equal("plain", reply.TextFormat);
        Assert.Contains("I don't know the KPI \"dael\". Did you mean \"deal\"?", reply.Text, StringComparison.Ordinal);
        Assert.Contains("log deal 120000 Acme", reply.Text, StringComparison.Ordinal);
        Assert.Contains("You can log: deal, revenue, contract, new-customer, visit, collections.", reply.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "log deal 1,20 Acme", "\"1,20\" is unclear")]
    [InlineData(DatabaseProvider.Postgres, "log deal 12abc Acme", "\"12abc\" is not an amount I can read.")]
    [InlineData(DatabaseProvider.Sqlite, "log deal -5 Acme", "\"-5\" is negative. To take back a result, type undo.")]
    [InlineData(DatabaseProvider.Sqlite, "log deal Acme", "Write the amount after the KPI.")]
    [InlineData(DatabaseProvider.Sqlite, "log visits 1.5", "\"1.5\" has too many decimals")]
    [InlineData(DatabaseProvider.Sqlite, "log <at>Bob</at>", "Tell me what to log.")]
    public async Task Log_BadAmount_ExplainsAndRecordsNothing(DatabaseProvider provider, string command, string expected)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message(command).InPersonalChat());

        Assert.Empty(await CountingResultsAsync(app));
        var reply = Assert.Single(replies);
        Assert.Equal("plain", reply.TextFormat);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Contains("for example: log deal 120000 Acme", reply.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Log_ChineseBadAmount_ExplainsInChinese(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message("记录 成交 12万万 华为").InPersonalChat().WithLocale("zh-CN"));

        Assert.Empty(await CountingResultsAsync(app));
        var reply = Assert.Single(replies);
        Assert.Contains("“12万万”不是我能识别的金额。", reply.Text, StringComparison.Ordinal);
        Assert.Contains("可记录的指标：成交、销售额、合同、新客户、拜访、回款。", reply.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "记录 签约 50万 华为", "zh-CN", "“签约”是数量，“50万”是金额的写法，不能当作数量记录。是不是想记录成交金额？请输入：记录 成交 50万 华为")]
    [InlineData(DatabaseProvider.Postgres, "记录 合同 ¥3万", "zh-CN", "是不是想记录成交金额？请输入：记录 成交 ¥3万")]
    [InlineData(DatabaseProvider.Sqlite, "log contracts 500k Huawei", "en-US", "Did you mean to log the deal amount? Type: log deal 500000 Huawei")]
    [InlineData(DatabaseProvider.Sqlite, "log new 2万 Acme first", "en-US", "Did you mean to log the deal amount? Type: log deal 20000 Acme first")]
    [InlineData(DatabaseProvider.Sqlite, "记录 拜访 3 元", "zh-CN", "请输入：记录 成交 3元")]
    public async Task Log_CountWrittenAsMoney_AsksAboutTheDealAndRecordsNothing(DatabaseProvider provider, string command, string locale, string expected)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message(command).InPersonalChat().WithLocale(locale));

        Assert.Empty(await CountingResultsAsync(app));
        Assert.Contains(expected, Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "记录 成交12万华为", 120_000, "华为")]
    [InlineData(DatabaseProvider.Postgres, "记录 12万成交", 120_000, null)]
    [InlineData(DatabaseProvider.Sqlite, "log deal 12 万 Acme", 120_000, "Acme")]
    [InlineData(DatabaseProvider.Sqlite, "记录 成交 约12万元人民币，华为", 120_000, "华为")]
    [InlineData(DatabaseProvider.Sqlite, "记录 签约额 十二万五 华为", 125_000, "华为")]
    [InlineData(DatabaseProvider.Sqlite, "记录 中标 RMB 1.2万 国网", 12_000, "国网")]
    public async Task Log_AmountAsPeopleWriteIt_RecordsTheDeal(DatabaseProvider provider, string command, int revenue, string? customer)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message(command).InPersonalChat().WithLocale("zh-CN"));

        var rows = await CountingResultsAsync(app);
        Assert.Equal([(KpiDefaults.Revenue, (decimal)revenue), (KpiDefaults.Contracts, 1m)], rows.Select(r => (r.Kpi, r.Result.Amount)));
        Assert.All(rows, r => Assert.Equal(customer, r.Result.Customer));
        Assert.Contains("已记录：", Assert.Single(replies).CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "log deal $120000 Acme", "Revenue is counted in CNY, but you wrote USD.")]
    [InlineData(DatabaseProvider.Postgres, "log deal 120000 USD Acme", "Revenue is counted in CNY, but you wrote USD.")]
    [InlineData(DatabaseProvider.Sqlite, "log visits ¥3", "Did you mean to log the deal amount? Type: log deal 3")]
    public async Task Log_CurrencyNotTheKpis_ExplainsAndRecordsNothing(DatabaseProvider provider, string command, string expected)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message(command).InPersonalChat());

        Assert.Empty(await CountingResultsAsync(app));
        Assert.Contains(expected, Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Log_CurrencyNotTheKpisInChinese_NamesBothCurrenciesInChinese()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message("记录 成交 12万美元 华为").InPersonalChat().WithLocale("zh-CN"));

        Assert.Empty(await CountingResultsAsync(app));
        Assert.Contains("销售额以人民币计算，但你写的是美元。", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Log_CurrencyOfTheKpi_Records(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message("log deal RMB 120000 Acme").InPersonalChat());

        Assert.Equal(2, (await CountingResultsAsync(app)).Count);
        Assert.Contains("Logged ¥120,000 revenue and 1 contract · Acme.", Assert.Single(replies).CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Log_InactiveKpi_ListsTheWordsThatWorkAndRecordsNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            var contracts = await store.Kpis.SingleAsync(k => k.Key == KpiDefaults.Contracts);
            contracts.IsActive = false;
            await store.SaveChangesAsync();
        }

        var replies = await chat.SendAsync(ActivityBuilder.Message("log deal 5000 Acme").InPersonalChat());

        Assert.Empty(await CountingResultsAsync(app));
        var reply = Assert.Single(replies);
        Assert.Contains("Your organization doesn't track \"deal\". You can log: revenue, new-customer, visit, collections.", reply.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Log_InChannel_SaysItWorksOnlyInPersonalChatAndRecordsNothing(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message("log deal 120000 Acme").InChannel().MentioningBot());

        Assert.Empty(await CountingResultsAsync(app));
        var reply = Assert.Single(replies);
        Assert.Contains("\"log\" works only in our 1:1 chat.", reply.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Log_SameMessageDeliveredTwice_RecordsOnce(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);
        var message = ActivityBuilder.Message("log deal 120000 Acme").InPersonalChat();

        await chat.SendAsync(message);
        var replies = await chat.SendAsync(message);

        Assert.Equal(2, (await CountingResultsAsync(app)).Count);
        Assert.Contains("Already logged, so not counted twice: ¥120,000 revenue and 1 contract · Acme.",
            Assert.Single(replies).CardText(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Log_InTenantB_StaysInTenantB(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);
        await chat.SendAsync(ActivityBuilder.Message("log deal 120000 Acme").InPersonalChat());

        var replies = await chat.SendAsync(ActivityBuilder.Message("log deal 7000 Fabrikam").InPersonalChat().InTenant(TenantB));

        Assert.Equal([120_000m, 1m], (await CountingResultsAsync(app, TenantA)).Select(r => r.Result.Amount));
        Assert.Equal([7_000m, 1m], (await CountingResultsAsync(app, TenantB)).Select(r => r.Result.Amount));
        var card = Assert.Single(replies).CardText();
        Assert.Contains("¥7,000 / ¥0", card, StringComparison.Ordinal);
        Assert.DoesNotContain("120,000", card, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "help", "en-US", "log · 记录 <kpi> <amount> [customer] [note]", "Take back the result you logged in the last 10 minutes.")]
    [InlineData(DatabaseProvider.Sqlite, "帮助", "zh-CN", "记录 · log <指标> <金额> [客户] [备注]", "撤回你在 10 分钟内记录的业绩。")]
    public async Task Help_PersonalChat_ListsLogAndUndo(DatabaseProvider provider, string command, string locale, string logLine, string undoLine)
    {
        await using var app = NewApp(provider);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message(command).InPersonalChat().WithLocale(locale));

        var card = Assert.Single(replies).CardText();
        Assert.Contains(logLine, card, StringComparison.Ordinal);
        Assert.Contains(undoLine, card, StringComparison.Ordinal);
    }


    [Theory]
    [InlineData("log", "en-US", "Log a result")]
    [InlineData("记录", "zh-CN", "记录业绩")]
    [InlineData("记录。", "zh-CN", "记录业绩")]
    public async Task Log_Alone_SendsTheLogFormAndRecordsNothing(string command, string locale, string title)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message(command).InPersonalChat().WithLocale(locale));

        var form = Assert.Single(replies);
        Assert.Equal(title, form.CardTitle());
        Assert.Contains(SalesCoachBot.Features.SalesResults.LogResultForm.SubmitVerb, form.Card().ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await CountingResultsAsync(app));
    }

    [Theory]
    [InlineData("记录成交12万", null)]
    [InlineData("记录成交１２万 华为", "华为")]
    [InlineData("记录：成交 12万，华为。", "华为")]
    [InlineData("记录，成交，１２万，华为！", "华为")]
    [InlineData("log deal 120,000, Acme.", "Acme")]
    public async Task Log_TypedWithoutSpacesOrWithPunctuation_RecordsTheDeal(string command, string? customer)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        var chat = await StartAsync(app);

        var replies = await chat.SendAsync(ActivityBuilder.Message(command).InPersonalChat().WithLocale("zh-CN"));

        var rows = await CountingResultsAsync(app);
        Assert.Equal([(KpiDefaults.Revenue, 120_000m), (KpiDefaults.Contracts, 1m)], rows.Select(r => (r.Kpi, r.Result.Amount)));
        Assert.All(rows, r => Assert.Equal(customer, r.Result.Customer));
        Assert.Single(replies);
    }
}
