using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Targets;

internal static class TargetsServiceCollectionExtensions
{
    /// <summary>
    /// The targets store (<see cref="TargetPlan"/>, also as <see cref="ITargetPlan"/> for imports and team readers), the
    /// progress card (also as <see cref="IProgressCard"/> for the features that answer with it), <c>targets</c> and
    /// <c>set target</c> with their help lines.
    /// </summary>
    public static IServiceCollection AddTargets(this IServiceCollection services)
    {
        services.AddScoped<TargetPlan>();
        services.AddScoped<ITargetPlan>(sp => sp.GetRequiredService<TargetPlan>());
        services.AddScoped<TargetsViewBuilder>();
        services.AddScoped<IProgressCard>(sp => sp.GetRequiredService<TargetsViewBuilder>());
        services.AddHelpTopic(TargetsCommand.Topic);
        services.AddHelpTopic(SetTargetCommand.Topic);
        return services;
    }
}
