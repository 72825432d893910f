using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Features.SalesResults;

public sealed class LogCommandParserTests
{
    // amounts written as "key=value;key=value"
    [Theory]
    [InlineData("deal 120000 Acme", "revenue=120000;contracts=1", "Acme", null, null)]
    [InlineData("成交 12万 阿里巴巴 首单", "revenue=120000;contracts=1", "阿里巴巴", "首单", null)]
    [InlineData("deal 5万 \"Acme Corp\" renewal", "revenue=50000;contracts=1", "Acme Corp", "renewal", null)]
    [InlineData("成交 5万 “华为 技术” 续约 三年", "revenue=50000;contracts=1", "华为 技术", "续约 三年", null)]
    [InlineData("成交 5万 「腾讯 科技」", "revenue=50000;contracts=1", "腾讯 科技", null, null)]
    [InlineData("deal ¥120,000 Acme", "revenue=120000;contracts=1", "Acme", null, "CNY")]
    [InlineData("deal RMB 120000 Acme", "revenue=120000;contracts=1", "Acme", null, "CNY")]
    [InlineData("deal 120000 元 Acme", "revenue=120000;contracts=1", "Acme", null, "CNY")]
    [InlineData("revenue 1.2m", "revenue=1200000", null, null, null)]
    [InlineData("revenue 99.95 Acme", "revenue=99.95", "Acme", null, null)]
    [InlineData("visits 3", "visits=3", null, null, null)]
    [InlineData("visit Acme", "visits=1", "Acme", null, null)]
    [InlineData("拜访 阿里巴巴 聊了续约", "visits=1", "阿里巴巴", "聊了续约", null)]
    [InlineData("拜访 三 阿里巴巴", "visits=3", "阿里巴巴", null, null)]
    [InlineData("new Acme", "new-customers=1", "Acme", null, null)]
    [InlineData("contracts 2", "contracts=2", null, null, null)]
    [InlineData("12万 成交 阿里巴巴", "revenue=120000;contracts=1", "阿里巴巴", null, null)]
    [InlineData("<at>SalesCoach</at> deal 120000 <at>Ray</at> Acme", "revenue=120000;contracts=1", "Acme", null, null)]
    [InlineData("拜访 \"三一\" 年度回访", "visits=1", "三一", "年度回访", null)]
    [InlineData("deal 12万 RMB 阿里巴巴", "revenue=120000;contracts=1", "阿里巴巴", null, "CNY")]
    [InlineData("  DEAL   120000   Acme  ", "revenue=120000;contracts=1", "Acme", null, null)]
    [InlineData("deal 12 万 Acme", "revenue=120000;contracts=1", "Acme", null, null)]
    [InlineData("成交 12 万元 华为", "revenue=120000;contracts=1", "华为", null, "CNY")]
    [InlineData("成交 12万元人民币 华为", "revenue=120000;contracts=1", "华为", null, "CNY")]
    [InlineData("成交 约12万 华为", "revenue=120000;contracts=1", "华为", null, null)]
    [InlineData("成交 约 12万 华为", "revenue=120000;contracts=1", "华为", null, null)]
    [InlineData("成交 12万，华为", "revenue=120000;contracts=1", "华为", null, null)]
    [InlineData("成交，12万、华为；首单", "revenue=120000;contracts=1", "华为", "首单", null)]
    [InlineData("成交 12万,华为", "revenue=120000;contracts=1", "华为", null, null)]
    [InlineData("deal 120,000 Acme", "revenue=120000;contracts=1", "Acme", null, null)]
    [InlineData("成交 1.2万 华为", "revenue=12000;contracts=1", "华为", null, null)]
    [InlineData("成交 十二万五 华为", "revenue=125000;contracts=1", "华为", null, null)]
    [InlineData("成交 RMB 12万 华为", "revenue=120000;contracts=1", "华为", null, "CNY")]
    [InlineData("成交 １２万 华为", "revenue=120000;contracts=1", "华为", null, null)]
    [InlineData("成交12万", "revenue=120000;contracts=1", null, null, null)]
    [InlineData("成交12万华为", "revenue=120000;contracts=1", "华为", null, null)]
    [InlineData("成交12万 华为 首单", "revenue=120000;contracts=1", "华为", "首单", null)]
    [InlineData("12万成交", "revenue=120000;contracts=1", null, null, null)]
    [InlineData("成交 12万华为", "revenue=120000;contracts=1", "华为", null, null)]
    [InlineData("成交 12万三一重工", "revenue=120000;contracts=1", "三一重工", null, null)]
    [InlineData("签约额50万 华为", "revenue=500000;contracts=1", "华为", null, null)]
    [InlineData("合同额 50万", "revenue=500000;contracts=1", null, null, null)]
    [InlineData("成交额 50万", "revenue=500000;contracts=1", null, null, null)]
    [InlineData("业绩 50万", "revenue=500000;contracts=1", null, null, null)]
    [InlineData("开单 5万", "revenue=50000;contracts=1", null, null, null)]
    [InlineData("出单 5万", "revenue=50000;contracts=1", null, null, null)]
    [InlineData("赢单 5万", "revenue=50000;contracts=1", null, null, null)]
    [InlineData("中标 500万 国网", "revenue=5000000;contracts=1", "国网", null, null)]
    [InlineData("客户拜访 华为", "visits=1", "华为", null, null)]
    [InlineData("面访 2", "visits=2", null, null, null)]
    [InlineData("签约 2 华为", "contracts=2", "华为", null, null)]
    [InlineData("拜访 十", "visits=10", null, null, null)]
    public void Parse_ValidCommand_Request(string arguments, string amounts, string? customer, string? note, string? currency)
    {
        var result = LogCommandParser.Parse(arguments);

        Assert.True(result.IsSuccess, $"{result.Error} {result.Token}");
        var request = result.Request!;
        var expected = amounts.Split(';').Select(pair => pair.Split('='))
            .Select(p => new KpiAmount(p[0], decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, request.Amounts);
        Assert.Equal(customer, request.Customer);
        Assert.Equal(note, request.Note);
        Assert.Equal(currency, request.Currency);
    }

    [Theory]
    [InlineData("", LogError.MissingKpi, null, -1)]
    [InlineData("<at>SalesCoach</at>", LogError.MissingKpi, null, -1)]
    [InlineData("banana 5", LogError.UnknownKpi, "banana", 0)]
    [InlineData("deal Acme", LogError.MissingAmount, "Acme", 1)]
    [InlineData("revenue", LogError.MissingAmount, null, 1)]
    [InlineData("deal 12abc Acme", LogError.InvalidAmount, "12abc", 1)]
    [InlineData("deal 1,20 Acme", LogError.InvalidAmount, "1,20", 1)]
    [InlineData("deal -5 Acme", LogError.InvalidAmount, "-5", 1)]
    [InlineData("deal 0 Acme", LogError.ZeroAmount, "0", 1)]
    [InlineData("visits 1.5", LogError.TooPrecise, "1.5", 1)]
    [InlineData("revenue 1.005", LogError.TooPrecise, "1.005", 1)]
    [InlineData("deal 5万 \"Acme Corp", LogError.UnclosedQuote, "\"Acme Corp", 2)]
    [InlineData("deal 12万万 Acme", LogError.InvalidAmount, "12万万", 1)]
    [InlineData("签约 50万 华为", LogError.CountWithMoney, "50万", 1)]
    [InlineData("签约50万华为", LogError.CountWithMoney, "50万", 1)]
    [InlineData("合同 ¥3", LogError.CountWithMoney, "¥3", 1)]
    [InlineData("contracts 50k", LogError.CountWithMoney, "50k", 1)]
    [InlineData("visits 3 元", LogError.CountWithMoney, "3元", 1)]
    [InlineData("new 2万", LogError.CountWithMoney, "2万", 1)]
    [InlineData("拜访 12 万", LogError.CountWithMoney, "12万", 1)]
    public void Parse_BadCommand_ErrorWithToken(string arguments, LogError error, string? token, int position)
    {
        var result = LogCommandParser.Parse(arguments);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Request);
        Assert.Equal(error, result.Error);
        Assert.Equal(token, result.Token);
        Assert.Equal(position, result.Position);
    }

    [Fact]
    public void Parse_UnknownKpi_SuggestsClosestWord()
    {
        var result = LogCommandParser.Parse("dael 120000 Acme");

        Assert.Equal(LogError.UnknownKpi, result.Error);
        Assert.Equal("deal", result.Suggestion);
    }

    [Fact]
    public void Parse_AmountRefused_CarriesTheAmountError()
    {
        var result = LogCommandParser.Parse("成交 1,20 阿里巴巴");

        Assert.Equal(LogError.InvalidAmount, result.Error);
        Assert.Equal(AmountError.AmbiguousGrouping, result.AmountError);
    }

    [Fact]
    public void Parse_CountWithMoney_KeepsWhatTheDealCommandNeeds()
    {
        var result = LogCommandParser.Parse("签约 50万 \"华为 技术\" 首单");

        Assert.Equal(LogError.CountWithMoney, result.Error);
        Assert.Equal("签约", result.KpiWord);
        Assert.Equal(500_000m, result.Amount);
        Assert.Equal("\"华为 技术\" 首单", result.Rest);
    }

    [Theory]
    [InlineData("成交12万", "成交|12万")]
    [InlineData("成交12万华为", "成交|12万|华为")]
    [InlineData("12万成交", "12万|成交")]
    [InlineData("签约额50万", "签约额|50万")]
    [InlineData("deal120000", "deal|120000")]
    public void SplitGlued_KpiAndAmount_Pieces(string word, string expected) =>
        Assert.Equal(expected.Split('|'), LogCommandParser.SplitGlued(word));

    [Theory]
    [InlineData("华为")]
    [InlineData("成交")]
    [InlineData("deals")]
    [InlineData("成交华为")]
    public void SplitGlued_NoAmount_Null(string word) => Assert.Null(LogCommandParser.SplitGlued(word));
}
