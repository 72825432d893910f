using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Teams.Hosting;

/// <summary>Settings of the bot's channel registration ("Bot" section).</summary>
public sealed class TeamsBotOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot";

    /// <summary>Entra app (client) id of the bot. Empty = local-development mode: no tokens, loopback only.</summary>
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

    /// <summary>Channel id whose key endorsement is required (Teams).</summary>
    [Required]
    public string ChannelId { get; set; } = "msteams";

    /// <summary>Only tests set this to false (a local issuer over http). Production keeps https metadata.</summary>
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
}
