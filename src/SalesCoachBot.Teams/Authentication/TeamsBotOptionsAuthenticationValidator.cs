using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Connector;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Authentication;

/// <summary>
/// Fails start on authentication settings that would leave the bot open or unable to verify tokens. Running without an
/// app id (no authentication) and fetching signing keys over http are for a developer's machine: outside the
/// Development environment they stop the start with a line saying what to set. Without a host environment (the bot
/// composed outside a host) nothing is Development: it fails closed.
/// </summary>
internal sealed class TeamsBotOptionsAuthenticationValidator(IHostEnvironment? environment = null) : IValidateOptions<TeamsBotOptions>
{
    private bool IsDevelopment => environment?.IsDevelopment() == true;

    private string EnvironmentName => environment?.EnvironmentName ?? "no host environment";

    internal static readonly TimeSpan MinSigningKeyRefreshInterval = TimeSpan.FromMinutes(5);
    internal static readonly TimeSpan MaxSigningKeyRefreshInterval = TimeSpan.FromHours(24);
    internal static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, TeamsBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.IsLocalDevelopment && !IsDevelopment)
        {
            failures.Add($"Bot:AppId is not set, and running without authentication is allowed only in the Development environment (this is {EnvironmentName}): set Bot:AppId, Bot:ClientSecret and Bot:TenantId, or ASPNETCORE_ENVIRONMENT=Development on a developer's machine.");
        }

        if (!options.RequireHttpsMetadata && !IsDevelopment)
        {
            failures.Add($"Bot:RequireHttpsMetadata=false is allowed only in the Development environment (this is {EnvironmentName}): remove it, so signing keys are fetched over https.");
        }

        foreach (var pattern in options.AllowedServiceUrlHosts.Where(p => !ServiceUrlAllowList.IsValidPattern(p)))
        {
            failures.Add($"Bot:AllowedServiceUrlHosts has an invalid entry \"{pattern}\": use scheme://host[:port], with * only as the leftmost host label or as the port.");
        }

        if (!options.IsLocalDevelopment && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Bot:ClientSecret is required when Bot:AppId is set: give the app registration's client secret, e.g. the environment variable Bot__ClientSecret, never a file in the repository.");
        }

        if (options.SigningKeyRefreshInterval < MinSigningKeyRefreshInterval || options.SigningKeyRefreshInterval > MaxSigningKeyRefreshInterval)
        {
            failures.Add($"Bot:SigningKeyRefreshInterval must be between {MinSigningKeyRefreshInterval} and {MaxSigningKeyRefreshInterval}.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > MaxClockSkew)
        {
            failures.Add($"Bot:ClockSkew must be between 0 and {MaxClockSkew}.");
        }

        if (!IsHttpUrl(options.BotConnectorOpenIdMetadataUrl))
        {
            failures.Add("Bot:BotConnectorOpenIdMetadataUrl must be an absolute http(s) URL.");
        }

        if (!options.EntraOpenIdMetadataUrlTemplate.Contains("{tenantId}", StringComparison.Ordinal)
            || !IsHttpUrl(options.EntraOpenIdMetadataUrlTemplate.Replace("{tenantId}", "tenant", StringComparison.Ordinal)))
        {
            failures.Add("Bot:EntraOpenIdMetadataUrlTemplate must be an absolute http(s) URL containing {tenantId}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
