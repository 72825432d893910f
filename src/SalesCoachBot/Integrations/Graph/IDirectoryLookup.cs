namespace SalesCoachBot.Integrations.Graph;

/// <summary>What Entra ID says about a person: job title and line manager (by Entra object id).</summary>
internal sealed record DirectoryProfile(string? JobTitle, string? ManagerAadObjectId);

/// <summary>
/// Reads people from the organisation's directory (Microsoft Graph) to suggest roles. Thin on purpose: onboarding
/// depends on this, tests mock it. Without Graph configuration <see cref="IsEnabled"/> is false and lookups return null.
/// </summary>
internal interface IDirectoryLookup
{
    /// <summary>False when Graph is not configured: callers skip lookups entirely.</summary>
    bool IsEnabled { get; }

    /// <summary>The person's profile, or null when unknown, not configured or the directory could not be read.</summary>
    Task<DirectoryProfile?> FindAsync(string aadObjectId, CancellationToken cancellationToken = default);
}

/// <summary>The lookup when Graph is not configured: the feature is off, not broken.</summary>
internal sealed class NoDirectoryLookup : IDirectoryLookup
{
    public bool IsEnabled => false;

    public Task<DirectoryProfile?> FindAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult<DirectoryProfile?>(null);
}
