using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Authentication;

/// <summary>Fails start on authentication settings that would leave the bot open or unable to verify tokens.</summary>
internal sealed class TeamsBotOptionsAuthenticationValidator : IValidateOptions<TeamsBotOptions>
{
    internal static readonly TimeSpan MinSigningKeyRefreshInterval = TimeSpan.FromMinutes(5);
    internal static readonly TimeSpan MaxSigningKeyRefreshInterval = TimeSpan.FromHours(24);
    internal static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, TeamsBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!options.IsLocalDevelopment && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Bot:ClientSecret is required when Bot:AppId is set.");
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
