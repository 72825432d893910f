using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace SalesCoachBot.Integrations.Graph;

internal static class GraphServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient the Graph SDK sends through.</summary>
    public const string HttpClientName = "Graph";

    /// <summary>
    /// Key of the <see cref="IAccessTokenProvider"/> the Graph clients sign their requests with: MSAL client credentials
    /// against Entra. Tests register another under this key (after the app's) to talk to a fake Graph without Entra.
    /// </summary>
    public const string TokenProviderKey = "Graph";

    /// <summary>
    /// Directory look-ups and the team calendar through Microsoft Graph when the "Graph" section has credentials;
    /// otherwise <see cref="IDirectoryLookup"/> and <see cref="ITeamCalendar"/> stay the no-ops and both are simply off.
    /// </summary>
    public static IServiceCollection AddGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>()
            .BindConfiguration(GraphOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddKeyedSingleton<IAccessTokenProvider>(TokenProviderKey, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            return new MsalGraphTokenProvider(options, new Uri(options.BaseUrl));
        });
        services.Replace(ServiceDescriptor.Singleton<IDirectoryLookup>(sp =>
            sp.GetRequiredService<IOptions<GraphOptions>>().Value is { IsConfigured: true } options
                ? new GraphDirectoryLookup(NewClient(sp, options), sp.GetRequiredService<ILogger<GraphDirectoryLookup>>())
                : new NoDirectoryLookup()));
        services.Replace(ServiceDescriptor.Singleton<ITeamCalendar>(sp =>
            sp.GetRequiredService<IOptions<GraphOptions>>().Value is { IsConfigured: true } options
                ? new GraphTeamCalendar(NewClient(sp, options), sp.GetRequiredService<ILogger<GraphTeamCalendar>>())
                : new NoTeamCalendar()));
        return services;
    }

    private static GraphServiceClient NewClient(IServiceProvider services, GraphOptions options)
    {
        var authentication = new BaseBearerTokenAuthenticationProvider(services.GetRequiredKeyedService<IAccessTokenProvider>(TokenProviderKey));
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        return new GraphServiceClient(http, authentication, options.BaseUrl);
    }
}
