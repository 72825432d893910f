using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Teams.Hosting;

/// <summary>Settings of the bot's channel registration ("Bot" section).</summary>
public sealed class TeamsBotOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot";

    /// <summary>
    /// Entra app (client) id of the bot. Empty = local-development mode: no tokens, loopback only, and only in the
    /// Development environment (elsewhere the bot refuses to start).
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>Client secret of the app; from configuration or environment only, never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Tenant of a single-tenant bot; empty for a legacy multi-tenant registration (authority botframework.com).</summary>
    public string? TenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Connector service.</summary>
    [Required]
    public string BotConnectorOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuer of Bot Connector tokens.</summary>
    [Required]
    public string BotConnectorIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>OpenID metadata of Entra ID; {tenantId} is replaced by the configured tenant.</summary>
    [Required]
    public string EntraOpenIdMetadataUrlTemplate { get; set; } = "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>The only channel the bot answers (Teams): every activity must name it, and Bot Connector signing keys must be endorsed for it.</summary>
    [Required]
    public string ChannelId { get; set; } = "msteams";

    /// <summary>
    /// Apps whose Entra ID tokens may call the bot (the token's <c>azp</c>, or <c>appid</c> for v1 tokens). Empty = the
    /// bot's own app id only. Any app of the tenant can get a token for the bot's audience; this says which may use it.
    /// </summary>
    public IList<string> AllowedCallerAppIds { get; set; } = [];

    /// <summary>
    /// Where the bot may send its token: <c>scheme://host[:port]</c> patterns, <c>*</c> allowed as the leftmost host label
    /// and as the port (<c>https://smba.trafficmanager.net</c>, <c>https://*.botframework.com</c>, <c>http://127.0.0.1:*</c>).
    /// Empty = Microsoft's Teams connector hosts (<see cref="Connector.ServiceUrlAllowList.MicrosoftTeamsHosts"/>), plus
    /// loopback http in local-development mode. An activity naming another host is refused with 403.
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>False only in the Development environment (a local issuer over http); elsewhere the bot refuses to start.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Allowed clock skew for token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often signing keys are refetched at most (and at least once this often).</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Authority for outbound tokens; default derives from <see cref="TenantId"/>.</summary>
    public string? OAuthAuthority { get; set; }

    /// <summary>Scope of outbound tokens.</summary>
    [Required]
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Largest accepted request body.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>True when no app id is configured.</summary>
    public bool IsLocalDevelopment => string.IsNullOrWhiteSpace(AppId);

    /// <summary>The apps whose Entra ID tokens are accepted: <see cref="AllowedCallerAppIds"/>, else the bot's own app id.</summary>
    public IReadOnlyList<string> EffectiveAllowedCallerAppIds
    {
        get
        {
            var configured = AllowedCallerAppIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).ToList();
            return configured.Count > 0 ? configured : string.IsNullOrWhiteSpace(AppId) ? [] : [AppId.Trim()];
        }
    }
}
