using Microsoft.Extensions.DependencyInjection.Extensions;

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
            sp.GetRequiredService<Data.SalesCoachDbContext>(), sp.GetRequiredService<ContactCache>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped<ContactRecorder>();
        return services;
    }
}
