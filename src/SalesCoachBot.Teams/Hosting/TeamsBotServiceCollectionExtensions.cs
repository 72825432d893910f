using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Teams.Hosting;

/// <summary>Registers and maps the bot.</summary>
public static class TeamsBotServiceCollectionExtensions
{
    /// <summary>
    /// Adds inbound authentication, the connector client and the router, bound to the "Bot" configuration section.
    /// Returns the route table to register handlers on.
    /// </summary>
    public static BotRoutes AddTeamsBot(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(BotRoutes)))
        {
            throw new InvalidOperationException("AddTeamsBot was called twice.");
        }

        services.AddOptions<TeamsBotOptions>()
            .BindConfiguration(TeamsBotOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddBotAuthentication();
        services.AddBotConnector();

        var routes = new BotRoutes(services);
        services.AddSingleton(routes);
        services.TryAddSingleton<BotRouter>();
        services.TryAddSingleton<BotMessageEndpoint>();
        return routes;
    }

    /// <summary>Maps the messaging endpoint (POST, and HEAD which the Agents Playground sends to probe).</summary>
    public static IEndpointConventionBuilder MapTeamsBot(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(pattern, [HttpMethods.Head], () => Results.Ok()).ExcludeFromDescription();
        return endpoints.MapPost(pattern, (HttpContext http, BotMessageEndpoint endpoint) => endpoint.HandleAsync(http));
    }
}
