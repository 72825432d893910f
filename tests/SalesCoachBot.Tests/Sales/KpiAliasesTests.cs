using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Tests.Sales;

public sealed class KpiAliasesTests
{
    [Theory]
    [InlineData("revenue", KpiDefaults.Revenue)]
    [InlineData("REV", KpiDefaults.Revenue)]
    [InlineData(" Sales ", KpiDefaults.Revenue)]
    [InlineData("销售额", KpiDefaults.Revenue)]
    [InlineData("营收", KpiDefaults.Revenue)]
    [InlineData("收入", KpiDefaults.Revenue)]
    [InlineData("contract", KpiDefaults.Contracts)]
    [InlineData("Contracts", KpiDefaults.Contracts)]
    [InlineData("合同", KpiDefaults.Contracts)]
    [InlineData("签约", KpiDefaults.Contracts)]
    [InlineData("new", KpiDefaults.NewCustomers)]
    [InlineData("new-customers", KpiDefaults.NewCustomers)]
    [InlineData("customer", KpiDefaults.NewCustomers)]
    [InlineData("新客户", KpiDefaults.NewCustomers)]
    [InlineData("新客", KpiDefaults.NewCustomers)]
    [InlineData("visit", KpiDefaults.Visits)]
    [InlineData("VISITS", KpiDefaults.Visits)]
    [InlineData("拜访", KpiDefaults.Visits)]
    [InlineData("ｖｉｓｉｔ", KpiDefaults.Visits)]
    public void Find_KnownWord_SingleKpi(string word, string key)
    {
        var alias = KpiAliases.Find(word);

        Assert.NotNull(alias);
        var effect = Assert.Single(alias.Effects);
        Assert.Equal(key, effect.KpiKey);
        Assert.Null(effect.FixedAmount);
        Assert.Equal(key == KpiDefaults.Revenue, alias.RequiresAmount);
    }

    [Theory]
    [InlineData("deal")]
    [InlineData("Deal")]
    [InlineData("成交")]
    [InlineData("单")]
    public void Find_Deal_RevenueAndOneContract(string word)
    {
        var alias = KpiAliases.Find(word)!;

        Assert.Equal([new KpiEffect(KpiDefaults.Revenue), new KpiEffect(KpiDefaults.Contracts, 1m)], alias.Effects);
        Assert.True(alias.RequiresAmount);
    }

    [Theory]
    [InlineData("revnue", "revenue")]
    [InlineData("vist", "visit")]
    [InlineData("dael", "deal")]
    [InlineData("contrcts", "contracts")]
    [InlineData("拜仿", "拜访")]
    [InlineData("banana", null)]
    [InlineData("xyz", null)]
    public void TryFind_UnknownWord_ClosestSuggestion(string word, string? suggestion)
    {
        var found = KpiAliases.TryFind(word, out var alias, out var hint);

        Assert.False(found);
        Assert.Null(alias);
        Assert.Equal(suggestion, hint);
    }
}
