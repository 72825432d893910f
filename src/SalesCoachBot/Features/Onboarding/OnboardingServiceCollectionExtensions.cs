using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoachBot.Features.Teams;

namespace SalesCoachBot.Features.Onboarding;

public static class OnboardingServiceCollectionExtensions
{
    /// <summary>
    /// Services behind <see cref="ContactRecorder"/> (needs the store). The route table still has to run it:
    /// <c>routes.Use&lt;ContactRecorder&gt;()</c>, first, so every handler finds the member on the turn.
    /// </summary>
    public static IServiceCollection AddContactRecording(this IServiceCollection services)
    {
        services.AddOptions<ContactOptions>()
            .BindConfiguration(ContactOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ContactCache>();
        services.TryAddScoped(sp => new ContactDirectory(
            sp.GetRequiredService<Data.SalesCoachDbContext>(), sp.GetRequiredService<ContactCache>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Teams.TeamsOptions>>()));
        services.TryAddScoped<ContactRecorder>();
        services.AddSalesTeams();
        return services;
    }

    /// <summary>
    /// Team setup on install, roster events, the welcome and the manager command (route them with
    /// <see cref="ConversationEventsHandler"/> and <see cref="ManagerCommand"/>), plus the team services they use.
    /// </summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.AddSalesTeams();
        services.TryAddScoped<TeamOnboarding>();
        services.TryAddScoped<WelcomeHandler>();
        services.TryAddScoped<ConversationEventsHandler>();
        services.TryAddScoped<ManagerCommand>();
        return services;
    }
}
