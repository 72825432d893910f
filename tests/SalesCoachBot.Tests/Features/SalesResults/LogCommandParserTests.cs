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
}
