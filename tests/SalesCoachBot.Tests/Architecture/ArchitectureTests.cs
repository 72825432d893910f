using SalesCoachBot.Data;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Tests.Architecture;

/// <summary>
/// The structure docs/architecture.md describes, checked on the compiled app: the protocol library knows nothing of the
/// app, features never use each other (they meet in the sales kernel's contracts), infrastructure and the kernel never
/// use a feature, and each feature's own tables are touched only by that feature.
/// </summary>
public sealed class ArchitectureTests
{
    private const string App = "SalesCoachBot";
    private const string FeaturesRoot = "SalesCoachBot.Features";

    private static readonly System.Reflection.Assembly AppAssembly = typeof(SalesCoachDbContext).Assembly;

    // Everything of the app that is not a feature: a feature may use these, they may not use a feature.
    private static readonly string[] Foundation =
    [
        "SalesCoachBot.Sales", "SalesCoachBot.Contacts", "SalesCoachBot.Data", "SalesCoachBot.Messaging", "SalesCoachBot.Scheduling",
        "SalesCoachBot.Localization", "SalesCoachBot.Uploads", "SalesCoachBot.Integrations", "SalesCoachBot.Security",
        "SalesCoachBot.Exports",
    ];

    public static TheoryData<string> Features => [.. ArchitectureRules.FeaturesOf(AppAssembly, FeaturesRoot)];

    [Fact]
    public void FeaturesOf_App_FindsEveryFeatureFolder()
    {
        var folders = Directory.GetDirectories(Path.Combine(SourceRoot(), "src", App, "Features"))
            .Where(f => Directory.EnumerateFiles(f, "*.cs", SearchOption.AllDirectories).Any())
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(folders, ArchitectureRules.FeaturesOf(AppAssembly, FeaturesRoot));
    }

    [Fact]
    public void ProtocolLibrary_ReferencesNothingOfTheApp()
    {
        var library = typeof(BotRouter).Assembly;

        Assert.DoesNotContain(library.GetReferencedAssemblies(), a => a.Name == App);
        Assert.Empty(ArchitectureRules.NamespaceDependingOn(library, "SalesCoachBot.Teams", [FeaturesRoot, .. Foundation, "SalesCoachBot.Hosting"]));
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Feature_UsesNoOtherFeature(string feature) =>
        Assert.Empty(ArchitectureRules.FeatureReachingIntoOthers(AppAssembly, FeaturesRoot, feature));

    [Theory]
    [MemberData(nameof(FoundationNamespaces))]
    public void Foundation_UsesNoFeatureAndNoComposition(string area) =>
        Assert.Empty(ArchitectureRules.NamespaceDependingOn(AppAssembly, area, FeaturesRoot, "SalesCoachBot.Hosting"));

    public static TheoryData<string> FoundationNamespaces => [.. Foundation];

    [Theory]
    [MemberData(nameof(TableOwners))]
    public void OwnedTable_IsUsedOnlyByItsOwners(string entity, string[] owners)
    {
        var type = AppAssembly.GetType($"SalesCoachBot.Data.{entity}", throwOnError: true)!;

        // The store itself (DbContext, configurations, migrations) maps every table.
        Assert.Empty(ArchitectureRules.EntityUsedOutside(AppAssembly, type, ["SalesCoachBot.Data", .. owners]));
    }

    public static TheoryData<string, string[]> TableOwners => new()
    {
        { nameof(SalesResult), [$"{FeaturesRoot}.SalesResults"] },
        { nameof(SalesTarget), [$"{FeaturesRoot}.Targets"] },
        { nameof(PendingImport), [$"{FeaturesRoot}.Imports"] },
        { nameof(CrmEvent), [$"{FeaturesRoot}.Crm"] },
        { nameof(OutboxMessage), ["SalesCoachBot.Messaging", "SalesCoachBot.Scheduling"] },
        { nameof(Conversation), ["SalesCoachBot.Contacts", "SalesCoachBot.Messaging"] },
        { nameof(TenantCalendarYear), ["SalesCoachBot.Sales"] },
        { nameof(Praise), [$"{FeaturesRoot}.Recognition"] },
        { nameof(PraiseReceiver), [$"{FeaturesRoot}.Recognition"] },
        { nameof(CompanyValue), [$"{FeaturesRoot}.Recognition"] },
        { nameof(RecognitionSettings), [$"{FeaturesRoot}.Recognition"] },
        { nameof(PraiseFormEntry), [$"{FeaturesRoot}.Recognition"] },
        { nameof(Celebration), [$"{FeaturesRoot}.Recognition"] },
        { nameof(FeedbackNote), [$"{FeaturesRoot}.Feedback"] },
        { nameof(FeedbackSettings), [$"{FeaturesRoot}.Feedback"] },
        { nameof(FeedbackNudge), [$"{FeaturesRoot}.Feedback"] },
        { nameof(MeetingSeries), [$"{FeaturesRoot}.Meetings"] },
        { nameof(MeetingAgendaItem), [$"{FeaturesRoot}.Meetings"] },
        { nameof(MeetingActionItem), [$"{FeaturesRoot}.Meetings"] },

        // Scorecards (issue 13 point 2).
        { nameof(ScorecardWeight), [$"{FeaturesRoot}.Scorecards"] },
        { nameof(ScorecardSettings), [$"{FeaturesRoot}.Scorecards"] },
        // Commission (issue 13, point 4).
        { nameof(CommissionPlan), [$"{FeaturesRoot}.Commission"] },
        { nameof(CommissionTier), [$"{FeaturesRoot}.Commission"] },
        // The kernel's catalog reads a tenant's KPI words; only KPI management writes them.
        { nameof(KpiAliasWord), ["SalesCoachBot.Sales", $"{FeaturesRoot}.Kpis"] },
    };

    private static string SourceRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SalesCoachBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("SalesCoachBot.sln not found above the test output folder.");
    }
}
