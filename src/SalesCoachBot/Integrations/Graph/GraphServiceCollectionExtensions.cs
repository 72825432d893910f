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
    /// Directory look-ups through Microsoft Graph when the "Graph" section has credentials; otherwise
    /// <see cref="IDirectoryLookup"/> stays the no-op and role suggestions are simply off.
    /// </summary>
    public static IServiceCollection AddGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>()
            .BindConfiguration(GraphOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.Replace(ServiceDescriptor.Singleton<IDirectoryLookup>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            if (!options.IsConfigured)
            {
                return new NoDirectoryLookup();
            }

            var baseUrl = new Uri(options.BaseUrl);
            var authentication = new BaseBearerTokenAuthenticationProvider(new MsalGraphTokenProvider(options, baseUrl));
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new GraphDirectoryLookup(
                new GraphServiceClient(http, authentication, options.BaseUrl),
                sp.GetRequiredService<ILogger<GraphDirectoryLookup>>());
        }));
        return services;
    }
}
