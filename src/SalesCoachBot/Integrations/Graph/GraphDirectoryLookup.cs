using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace SalesCoachBot.Integrations.Graph;

/// <summary>
/// <see cref="IDirectoryLookup"/> over Microsoft Graph: one request per person,
/// <c>GET /users/{id}?$select=id,jobTitle&amp;$expand=manager($select=id)</c>. A person Graph does not know, or any
/// Graph failure, gives null: role suggestions are a convenience and never block onboarding.
/// </summary>
internal sealed partial class GraphDirectoryLookup(GraphServiceClient client, ILogger<GraphDirectoryLookup> logger) : IDirectoryLookup
{
    public bool IsEnabled => true;

    public async Task<DirectoryProfile?> FindAsync(string aadObjectId, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(aadObjectId, out var id))
        {
            return null;
        }

        try
        {
            var user = await client.Users[id.ToString()].GetAsync(
                request =>
                {
                    request.QueryParameters.Select = ["id", "jobTitle"];
                    request.QueryParameters.Expand = ["manager($select=id)"];
                },
                cancellationToken).ConfigureAwait(false);
            return user is null ? null : new DirectoryProfile(user.JobTitle, user.Manager?.Id);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
        catch (ApiException error)
        {
            // Status only: Graph error bodies can echo user data.
            LogLookupFailed(logger, error.ResponseStatusCode);
            return null;
        }
        catch (HttpRequestException)
        {
            LogLookupFailed(logger, 0);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph user look-up failed with status {Status}; no role suggestion for this person")]
    private static partial void LogLookupFailed(ILogger logger, int status);
}
