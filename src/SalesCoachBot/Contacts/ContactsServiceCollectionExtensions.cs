using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoachBot.Integrations.Graph;

namespace SalesCoachBot.Contacts;

internal static class ContactsServiceCollectionExtensions
{
    /// <summary>
    /// Who is who: contact recording (<see cref="ContactRecorder"/>, which the route table runs first so every handler
    /// finds the turn's <see cref="TurnIdentity"/>), sales teams and rosters (<see cref="SalesTeamDirectory"/>) and the
    /// manager guard (<see cref="TeamAccess"/>) and the finder of a person typed in a command (<see cref="PersonFinder"/>). Needs the store and the sales kernel. Without <c>AddGraph</c> the
    /// directory lookup is a no-op.
    /// </summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddOptions<ContactOptions>()
            .BindConfiguration(ContactOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ContactCache>();
        services.TryAddScoped<ContactDirectory>();
        services.TryAddScoped<ContactRecorder>();
        services.TryAddScoped<SalesTeamDirectory>();
        services.TryAddScoped<TeamAccess>();
        services.TryAddScoped<PersonFinder>();
        services.TryAddSingleton<IDirectoryLookup, NoDirectoryLookup>();
        return services;
    }
}
