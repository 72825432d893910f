using SalesCoachBot.Tests.Architecture.Fixtures.Features.Alpha;

namespace SalesCoachBot.Tests.Architecture;

/// <summary>
/// The rules themselves, on fixtures in this test assembly that break them: two "features" in a cycle and a type
/// that uses another feature's table. If a rule stopped seeing these, the app's own checks would pass for nothing.
/// </summary>
public sealed class ArchitectureRulesTests
{
    private const string FixtureFeatures = "SalesCoachBot.Tests.Architecture.Fixtures.Features";

    private static readonly System.Reflection.Assembly TestAssembly = typeof(ArchitectureRulesTests).Assembly;

    [Fact]
    public void FeaturesOf_Fixtures_FindsBothFeatures() =>
        Assert.Equal(["Alpha", "Beta"], ArchitectureRules.FeaturesOf(TestAssembly, FixtureFeatures));

    [Theory]
    [InlineData("Alpha", "AlphaCommand")]
    [InlineData("Beta", "BetaCard")]
    public void FeatureReachingIntoOthers_Cycle_NamesTheOffendingType(string feature, string offender)
    {
        var failing = ArchitectureRules.FeatureReachingIntoOthers(TestAssembly, FixtureFeatures, feature);

        Assert.Contains(failing, n => n.EndsWith("." + offender, StringComparison.Ordinal));
    }

    [Fact]
    public void EntityUsedOutside_AnotherFeatureReadsTheTable_NamesTheReader()
    {
        var failing = ArchitectureRules.EntityUsedOutside(TestAssembly, typeof(SalesCoachBot.Data.SalesTarget), "SalesCoachBot.Data", $"{FixtureFeatures}.Beta");

        Assert.Contains(failing, n => n.EndsWith("." + nameof(AlphaTargetPeek), StringComparison.Ordinal));
    }
}
