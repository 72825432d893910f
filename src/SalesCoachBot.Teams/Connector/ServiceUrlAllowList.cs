using System.Globalization;
using Microsoft.Extensions.Options;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Connector;

/// <summary>
/// The hosts the bot's own bearer token may be sent to (<c>Bot:AllowedServiceUrlHosts</c>). An activity names the
/// serviceUrl the bot answers to, and every answer carries a token that can message and read rosters as the bot; so
/// an activity naming another host is refused, a stored reference naming one is never used, and the connector client
/// itself refuses to call one.
/// </summary>
public sealed class ServiceUrlAllowList
{
    /// <summary>
    /// Microsoft's Teams connector: the public cloud and the US government clouds. Source: "Proactive messages",
    /// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
    /// (GCC https://smba.infra.gcc.teams.microsoft.com/teams, GCC High https://smba.infra.gov.teams.microsoft.us/teams,
    /// DoD https://smba.infra.dod.teams.microsoft.us/teams), and the Agents SDK's TeamsProactiveServiceEndpoints,
    /// https://learn.microsoft.com/en-us/dotnet/api/microsoft.agents.extensions.msteams.teamsproactiveserviceendpoints
    /// (public global https://smba.trafficmanager.net/teams/; activities name regional paths of the same host, e.g.
    /// /emea/, /amer/).
    /// </summary>
    public static readonly IReadOnlyList<string> MicrosoftTeamsHosts =
    [
        "https://smba.trafficmanager.net",
        "https://smba.infra.gcc.teams.microsoft.com",
        "https://smba.infra.gov.teams.microsoft.us",
        "https://smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>Added to the default in local-development mode only (no app id): the Agents Playground and test fakes.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts =
    [
        "http://127.0.0.1:*",
        "http://localhost:*",
        "http://[::1]:*",
    ];

    private readonly HostPattern[] _patterns;

    /// <summary>Reads the list from the bot's options (the default when none is configured).</summary>
    public ServiceUrlAllowList(IOptions<TeamsBotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _patterns = Effective(options.Value).Select(p => HostPattern.TryParse(p, out var pattern)
                ? pattern
                : throw new InvalidOperationException($"Bot:AllowedServiceUrlHosts has an invalid entry: {p}"))
            .ToArray();
    }

    /// <summary>The configured patterns, or the default: Microsoft's Teams hosts, plus loopback http in local-development mode.</summary>
    public static IReadOnlyList<string> Effective(TeamsBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.AllowedServiceUrlHosts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (configured.Count > 0)
        {
            return configured;
        }

        return options.IsLocalDevelopment ? [.. MicrosoftTeamsHosts, .. LoopbackHosts] : MicrosoftTeamsHosts;
    }

    /// <summary>True when <paramref name="pattern"/> is a valid <c>scheme://host[:port]</c> pattern.</summary>
    public static bool IsValidPattern(string? pattern) => HostPattern.TryParse(pattern, out _);

    /// <summary>True when the bot may send its token to <paramref name="serviceUrl"/>.</summary>
    public bool IsAllowed(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && IsAllowed(uri);

    /// <summary>True when the bot may send its token to <paramref name="uri"/>.</summary>
    public bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);

        // user:password@host could make a reader see one host while the request goes to another.
        if (!uri.IsAbsoluteUri || !string.IsNullOrEmpty(uri.UserInfo)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        var host = NormalizeHost(uri.IdnHost);
        return _patterns.Any(p => p.Matches(uri.Scheme, host, uri.Port));
    }

    private static string NormalizeHost(string host) => host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    /// <summary>scheme://host[:port]; "*" as the leftmost host label (exactly one label) and as the port.</summary>
    private sealed record HostPattern(string Scheme, string Host, bool AnyLabel, int? Port)
    {
        public bool Matches(string scheme, string host, int port)
        {
            if (!string.Equals(scheme, Scheme, StringComparison.OrdinalIgnoreCase) || (Port is { } only && only != port))
            {
                return false;
            }

            if (!AnyLabel)
            {
                return string.Equals(host, Host, StringComparison.Ordinal);
            }

            // "*.botframework.com" matches "europe.botframework.com", not "botframework.com" nor "a.b.botframework.com".
            return host.Length > Host.Length + 1
                && host.EndsWith("." + Host, StringComparison.Ordinal)
                && !host[..^(Host.Length + 1)].Contains('.', StringComparison.Ordinal);
        }

        public static bool TryParse(string? text, out HostPattern pattern)
        {
            pattern = null!;
            var value = text?.Trim().TrimEnd('/');
            var separator = value?.IndexOf("://", StringComparison.Ordinal) ?? -1;
            if (value is null || separator <= 0)
            {
                return false;
            }

            var scheme = value[..separator].ToLowerInvariant();
            if (scheme != Uri.UriSchemeHttps && scheme != Uri.UriSchemeHttp)
            {
                return false;
            }

            var authority = value[(separator + 3)..];
            if (authority.Length == 0 || authority.IndexOfAny(['/', '?', '#', '@', '\\']) >= 0)
            {
                return false;
            }

            // [::1]:port, or host:port with a single colon.
            string host;
            string? portText = null;
            if (authority.StartsWith('['))
            {
                var close = authority.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    return false;
                }

                host = authority[1..close];
                var rest = authority[(close + 1)..];
                if (rest.Length > 0)
                {
                    if (!rest.StartsWith(':'))
                    {
                        return false;
                    }

                    portText = rest[1..];
                }
            }
            else
            {
                var colon = authority.LastIndexOf(':');
                host = colon < 0 ? authority : authority[..colon];
                portText = colon < 0 ? null : authority[(colon + 1)..];
                if (host.Contains(':', StringComparison.Ordinal))
                {
                    return false;
                }
            }

            int? port = scheme == Uri.UriSchemeHttps ? 443 : 80;
            if (portText is not null)
            {
                if (portText == "*")
                {
                    port = null;
                }
                else if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535)
                {
                    port = number;
                }
                else
                {
                    return false;
                }
            }

            var anyLabel = host.StartsWith("*.", StringComparison.Ordinal);
            var fixedPart = anyLabel ? host[2..] : host;
            if (fixedPart.Length == 0 || fixedPart.Contains('*', StringComparison.Ordinal)
                || Uri.CheckHostName(fixedPart) == UriHostNameType.Unknown)
            {
                return false;
            }

            pattern = new HostPattern(scheme, NormalizeHost(fixedPart), anyLabel, port);
            return true;
        }
    }
}
