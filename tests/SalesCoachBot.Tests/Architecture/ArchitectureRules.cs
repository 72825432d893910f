using System.Reflection;
using NetArchTest.Rules;

namespace SalesCoachBot.Tests.Architecture;

/// <summary>
/// The layering rules, written once and applied both to the app and to small fixtures that break them on purpose, so
/// a rule that could never fail would be noticed. Each returns the names of the offending types: empty when it holds.
/// </summary>
internal static class ArchitectureRules
{
    /// <summary>The feature folders of an assembly: the namespace segment right after <paramref name="featuresRoot"/>.</summary>
    public static IReadOnlyList<string> FeaturesOf(Assembly assembly, string featuresRoot)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(featuresRoot + ".", StringComparison.Ordinal))
            .Select(n => n[(featuresRoot.Length + 1)..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Types of one feature that use a type of another feature (shared code belongs in the kernel or infrastructure).</summary>
    public static IReadOnlyList<string> FeatureReachingIntoOthers(Assembly assembly, string featuresRoot, string feature)
    {
        var others = FeaturesOf(assembly, featuresRoot).Where(f => f != feature).Select(f => $"{featuresRoot}.{f}").ToArray();
        return others.Length == 0 ? [] : Failing(Types.InAssembly(assembly)
            .That().ResideInNamespace($"{featuresRoot}.{feature}")
            .ShouldNot().HaveDependencyOnAny(others)
            .GetResult());
    }

    /// <summary>Types outside the owner namespaces that use <paramref name="entity"/> (its table belongs to the owners).</summary>
    public static IReadOnlyList<string> EntityUsedOutside(Assembly assembly, Type entity, params string[] owners)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(owners);
        var types = Types.InAssembly(assembly).That().DoNotResideInNamespace(owners[0]);
        foreach (var owner in owners.Skip(1))
        {
            types = types.And().DoNotResideInNamespace(owner);
        }

        return Failing(types.ShouldNot().HaveDependencyOn(entity.FullName!).GetResult());
    }

    /// <summary>Types in <paramref name="inNamespace"/> that depend on any of <paramref name="forbidden"/>.</summary>
    public static IReadOnlyList<string> NamespaceDependingOn(Assembly assembly, string inNamespace, params string[] forbidden) =>
        Failing(Types.InAssembly(assembly)
            .That().ResideInNamespace(inNamespace)
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult());

    private static IReadOnlyList<string> Failing(TestResult result) =>
        result.IsSuccessful ? [] : [.. result.FailingTypeNames ?? []];
}
