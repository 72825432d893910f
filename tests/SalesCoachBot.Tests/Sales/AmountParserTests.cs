using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Sales;

public sealed class AmountParserTests
{
    [Theory]
    [InlineData("120000", "120000", null)]
    [InlineData("120,000", "120000", null)]
    [InlineData("1,234,567.5", "1234567.5", null)]
    [InlineData("1.5", "1.5", null)]
    [InlineData(".5", "0.5", null)]
    [InlineData("0", "0", null)]
    [InlineData("１２０，０００", "120000", null)]
    [InlineData("１．５", "1.5", null)]
    [InlineData("¥120,000", "120000", "CNY")]
    [InlineData("￥120,000", "120000", "CNY")]
    [InlineData("RMB 120000", "120000", "CNY")]
    [InlineData("rmb120000", "120000", "CNY")]
    [InlineData("120000 CNY", "120000", "CNY")]
    [InlineData("120000元", "120000", "CNY")]
    [InlineData("12万元", "120000", "CNY")]
    [InlineData("12万块", "120000", "CNY")]
    [InlineData("$1.2m", "1200000", "USD")]
    [InlineData("USD 5k", "5000", "USD")]
    [InlineData("5000美元", "5000", "USD")]
    [InlineData("€250", "250", "EUR")]
    [InlineData("120k", "120000", null)]
    [InlineData("120K", "120000", null)]
    [InlineData("1.2m", "1200000", null)]
    [InlineData("1.2M", "1200000", null)]
    [InlineData("3mn", "3000000", null)]
    [InlineData("12w", "120000", null)]
    [InlineData("12.5W", "125000", null)]
    [InlineData("12万", "120000", null)]
    [InlineData("1.2万", "12000", null)]
    [InlineData("３千", "3000", null)]
    [InlineData("1.5百万", "1500000", null)]
    [InlineData("2亿", "200000000", null)]
    [InlineData("12万5千", "125000", null)]
    [InlineData("1亿2千万", "120000000", null)]
    [InlineData("十二万", "120000", null)]
    [InlineData("一百二十万", "1200000", null)]
    [InlineData("三千", "3000", null)]
    [InlineData("一亿", "100000000", null)]
    [InlineData("两万五", "25000", null)]
    [InlineData("三千五", "3500", null)]
    [InlineData("一万零五百", "10500", null)]
    [InlineData("十", "10", null)]
    [InlineData("五", "5", null)]
    [InlineData("百万", "1000000", null)]
    [InlineData("1000000000000", "1000000000000", null)]
    [InlineData("12万元人民币", "120000", "CNY")]
    [InlineData("约12万", "120000", null)]
    [InlineData("大约12万", "120000", null)]
    [InlineData("大概 12万元", "120000", "CNY")]
    [InlineData("~12万", "120000", null)]
    [InlineData("～12万", "120000", null)]
    [InlineData("≈1.2万", "12000", null)]
    [InlineData("十二万五", "125000", null)]
    [InlineData("RMB 12万", "120000", "CNY")]
    [InlineData("１２万", "120000", null)]
    public void TryParse_WrittenForms_ValueAndCurrency(string text, string expected, string? currency)
    {
        var ok = AmountParser.TryParse(text, out ParsedAmount? amount, out var error);

        Assert.True(ok, $"{text}: {error}");
        Assert.Equal(AmountError.None, error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount!.Value);
        Assert.Equal(currency, amount.Currency);
    }

    [Theory]
    [InlineData("", AmountError.Empty)]
    [InlineData("   ", AmountError.Empty)]
    [InlineData("12abc", AmountError.NotANumber)]
    [InlineData("abc", AmountError.NotANumber)]
    [InlineData("1.2.3", AmountError.NotANumber)]
    [InlineData("¥", AmountError.NotANumber)]
    [InlineData("万万", AmountError.NotANumber)]
    [InlineData("一二", AmountError.NotANumber)]
    [InlineData("1,20", AmountError.AmbiguousGrouping)]
    [InlineData("1,5", AmountError.AmbiguousGrouping)]
    [InlineData("12,3456", AmountError.AmbiguousGrouping)]
    [InlineData("1.000,5", AmountError.AmbiguousGrouping)]
    [InlineData("-5", AmountError.Negative)]
    [InlineData("−5", AmountError.Negative)]
    [InlineData("¥-120", AmountError.Negative)]
    [InlineData("-¥120", AmountError.Negative)]
    [InlineData("1000000000001", AmountError.TooLarge)]
    [InlineData("99999999999999999999999999999999", AmountError.TooLarge)]
    [InlineData("2万亿", AmountError.NotANumber)]
    [InlineData("$120元", AmountError.ConflictingCurrency)]
    [InlineData("120 000", AmountError.NotANumber)]
    [InlineData("12万元美元", AmountError.ConflictingCurrency)]
    [InlineData("约", AmountError.NotANumber)]
    [InlineData("约约12万", AmountError.NotANumber)]
    public void TryParse_Refusals_ReportTheReason(string text, AmountError expected)
    {
        var ok = AmountParser.TryParse(text, out decimal amount, out var error);

        Assert.False(ok);
        Assert.Equal(expected, error);
        Assert.Equal(0m, amount);
    }

    [Theory]
    [InlineData("120000", 0)]
    [InlineData("1.50", 1)]
    [InlineData("1.005", 3)]
    [InlineData("1.2345万", 0)]
    [InlineData("1.23456万", 1)]
    public void TryParse_Decimals_ReportedForTheCaller(string text, int decimals)
    {
        Assert.True(AmountParser.TryParse(text, out ParsedAmount? amount, out _));
        Assert.Equal(decimals, amount!.Decimals);
    }

    [Theory]
    [InlineData("12万", true)]
    [InlineData("12abc", true)]
    [InlineData("¥5", true)]
    [InlineData("RMB5", true)]
    [InlineData("三千", true)]
    [InlineData("Acme", false)]
    [InlineData("三星", false)]
    [InlineData("阿里巴巴", false)]
    public void LooksLikeAmount_Words_TellsAmountsFromCustomers(string word, bool expected) =>
        Assert.Equal(expected, AmountParser.LooksLikeAmount(word));

    [Theory]
    [InlineData("50万", true)]
    [InlineData("五千", true)]
    [InlineData("1亿", true)]
    [InlineData("50k", true)]
    [InlineData("¥3", true)]
    [InlineData("3元", true)]
    [InlineData("RMB 3", true)]
    [InlineData("3", false)]
    [InlineData("十二", false)]
    [InlineData("一百", false)]
    [InlineData("1,200", false)]
    public void TryParse_MoneyForms_LooksLikeMoney(string text, bool expected)
    {
        Assert.True(AmountParser.TryParse(text, out ParsedAmount? amount, out _));
        Assert.Equal(expected, amount!.LooksLikeMoney);
    }

    [Theory]
    [InlineData("万", true)]
    [InlineData("万元", true)]
    [InlineData("千万", true)]
    [InlineData("亿", true)]
    [InlineData("元", false)]
    [InlineData("万科", false)]
    [InlineData("12", false)]
    public void IsUnitWord_Words_OnlyBareUnits(string word, bool expected) =>
        Assert.Equal(expected, AmountParser.IsUnitWord(word));
}
