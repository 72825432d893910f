using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Integrations.Graph;

/// <summary>
/// "Graph" section: an Entra app registration allowed to read users (application permission User.Read.All). All three
/// of TenantId, ClientId and ClientSecret set = directory look-ups on; any missing = off (not an error).
/// </summary>
internal sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>Entra tenant (directory) id of the organisation whose users are read.</summary>
    public string? TenantId { get; set; }

    /// <summary>Application (client) id of the app registration.</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret of the app registration. A secret: keep it in user secrets or the environment; never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Graph endpoint including the version (national clouds use their own host).</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>True when every credential is set.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
