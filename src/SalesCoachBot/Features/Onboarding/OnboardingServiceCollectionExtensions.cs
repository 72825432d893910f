using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesCoachBot.Features.Onboarding;

internal static class OnboardingServiceCollectionExtensions
{
    /// <summary>
    /// The bot arriving: team setup on install and roster events, and the one-time welcome (routed through
    /// <see cref="ConversationEventsHandler"/>).
    /// </summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.TryAddScoped<TeamOnboarding>();
        services.TryAddScoped<WelcomeHandler>();
        services.TryAddScoped<ConversationEventsHandler>();
        return services;
    }
}
