using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoachBot.Integrations.Graph;

namespace SalesCoachBot.Features.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Sales teams, rosters and the role guard (<see cref="TeamAccess"/>) for features that check "is this member a
    /// manager of this team". Needs the store. Without <c>AddGraph</c> the directory lookup is a no-op.
    /// </summary>
    public static IServiceCollection AddSalesTeams(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SalesTeamDirectory)))
        {
            return services;
        }

        services.AddOptions<TeamsOptions>()
            .BindConfiguration(TeamsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.DefaultTimeZone, out _), "Teams:DefaultTimeZone is not a known IANA time zone.")
            .ValidateOnStart();
        services.TryAddScoped<SalesTeamDirectory>();
        services.TryAddScoped<TeamAccess>();
        services.TryAddSingleton<IDirectoryLookup, NoDirectoryLookup>();
        return services;
    }
}
