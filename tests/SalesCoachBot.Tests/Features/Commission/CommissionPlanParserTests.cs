using SalesCoachBot.Data;
using SalesCoachBot.Features.Commission;

namespace SalesCoachBot.Tests.Features.Commission;

public sealed class CommissionPlanParserTests
{
    [Fact]
    public void Parse_English_ReadsKpiTiersModeCapAndPeriod()
    {
        var request = CommissionPlanParser.Parse("revenue 0:2 80:3 100:5 marginal cap 50000 quarter");

        Assert.Equal(PlanRequestKind.Set, request.Kind);
        Assert.Equal(CommissionPlanError.None, request.Error);
        Assert.Equal("revenue", request.KpiWord);
        Assert.Equal([new(0, 2), new(80, 3), new(100, 5)], request.Tiers!);
        Assert.Equal((CommissionMode.Marginal, 50_000m, CommissionPeriod.Quarter), (request.Mode, request.Cap, request.Period));
    }

    [Theory]
    [InlineData("回款 0:2 80:3 100:5 分段 封顶 5万", CommissionMode.Marginal, 50_000)]
    [InlineData("回款 0：2 80%：3% 100:5 全额 封顶5万", CommissionMode.WholeAmount, 50_000)]
    [InlineData("回款 0:2 80:3 100:5 全额 封顶 12 万", CommissionMode.WholeAmount, 120_000)]
    [InlineData("回款 0:2.5 80:3 100:5 分段 上限 ¥5万元 月", CommissionMode.Marginal, 50_000)]
    public void Parse_Chinese_ReadsTheSamePlanWith万(string typed, CommissionMode mode, decimal cap)
    {
        var request = CommissionPlanParser.Parse(typed);

        Assert.Equal(CommissionPlanError.None, request.Error);
        Assert.Equal("回款", request.KpiWord);
        Assert.Equal(3, request.Tiers!.Count);
        Assert.Equal((mode, cap, CommissionPeriod.Month), (request.Mode, request.Cap!.Value, request.Period));
    }

    [Fact]
    public void Parse_NoCap_IsNull() => Assert.Null(CommissionPlanParser.Parse("revenue 0:2 whole").Cap);

    [Theory]
    [InlineData("", nameof(PlanRequestKind.Show))]
    [InlineData("off", nameof(PlanRequestKind.Remove))]
    [InlineData("关闭", nameof(PlanRequestKind.Remove))]
    public void Parse_ShowAndRemove(string typed, string kind) => Assert.Equal(Enum.Parse<PlanRequestKind>(kind), CommissionPlanParser.Parse(typed).Kind);

    [Theory]
    [InlineData("0:2 80:3 marginal", nameof(CommissionPlanError.NoKpi))]
    [InlineData("revenue marginal", nameof(CommissionPlanError.NoTiers))]
    [InlineData("revenue 0:2 80:3", nameof(CommissionPlanError.NoMode))]
    [InlineData("revenue 10:2 80:3 marginal", nameof(CommissionPlanError.FirstTierNotZero))]
    [InlineData("revenue 0:2 80:3 80:5 marginal", nameof(CommissionPlanError.TiersNotAscending))]
    [InlineData("revenue 0:2 100:3 80:5 marginal", nameof(CommissionPlanError.TiersNotAscending))]
    [InlineData("revenue 0:2 80:101 marginal", nameof(CommissionPlanError.RateOutOfRange))]
    [InlineData("revenue 0:5 80:3 marginal", nameof(CommissionPlanError.RatesGoDown))]
    [InlineData("revenue 0:2 2000:3 marginal", nameof(CommissionPlanError.FromOutOfRange))]
    [InlineData("revenue 0:2.555 marginal", nameof(CommissionPlanError.TooPrecise))]
    [InlineData("revenue 0:2 80:x marginal", nameof(CommissionPlanError.BadTier))]
    [InlineData("revenue 0:-2 marginal", nameof(CommissionPlanError.BadTier))]
    [InlineData("revenue 0:2 marginal cap", nameof(CommissionPlanError.BadCap))]
    [InlineData("revenue 0:2 marginal cap abc", nameof(CommissionPlanError.BadCap))]
    [InlineData("revenue 0:2 marginal cap 0", nameof(CommissionPlanError.BadCap))]
    [InlineData("revenue 0:2 marginal banana", nameof(CommissionPlanError.UnknownWord))]
    [InlineData("回款 0:2 10:3 20:4 30:5 40:6 50:7 60:8 70:9 80:10 90:11 100:12 分段", nameof(CommissionPlanError.TooManyTiers))]
    public void Parse_BadPlan_SaysWhy(string typed, string error) =>
        Assert.Equal(Enum.Parse<CommissionPlanError>(error), CommissionPlanParser.Parse(typed).Error);

    [Fact]
    public void Parse_TwoDecimalRates_AreAccepted() =>
        Assert.Equal(CommissionPlanError.None, CommissionPlanParser.Parse("revenue 0:2.50 80:3.25 marginal").Error);
}
