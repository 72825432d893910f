using System.Net;
using System.Security.Claims;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Teams.Authentication;

/// <summary>Decides whether an inbound request to the messaging endpoint comes from the channel.</summary>
public interface IBotRequestAuthenticator
{
    /// <summary>
    /// Checks the Authorization header of a request carrying <paramref name="activity"/>: the token, and whether its
    /// caller may send this activity (its channel, serviceUrl and tenant). <paramref name="remoteAddress"/> matters only in
    /// local-development mode (no app id), which accepts loopback callers alone; an unknown (null) address is not loopback.
    /// </summary>
    Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, IPAddress? remoteAddress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the signing keys inbound tokens are checked against are loaded (fetched now if never fetched or stale;
    /// a failed fetch is retried only after a back-off, so frequent probes do not hammer the issuer). Always true in
    /// local-development mode, which checks no tokens.
    /// </summary>
    Task<bool> HasSigningKeysAsync(CancellationToken cancellationToken = default);
}

/// <summary>The outcome of authenticating a request.</summary>
public sealed record BotAuthenticationResult(BotAuthenticationStatus Status, ClaimsIdentity? Identity, string? Reason)
{
    /// <summary>Accepted.</summary>
    public static BotAuthenticationResult Allowed(ClaimsIdentity? identity) => new(BotAuthenticationStatus.Allowed, identity, null);
    /// <summary>No or invalid token: 401.</summary>
    public static BotAuthenticationResult Unauthorized(string reason) => new(BotAuthenticationStatus.Unauthorized, null, reason);
    /// <summary>Valid token that may not call for this request: 403.</summary>
    public static BotAuthenticationResult Forbidden(string reason) => new(BotAuthenticationStatus.Forbidden, null, reason);
}

/// <summary>401, 403 or go.</summary>
public enum BotAuthenticationStatus
{
    /// <summary>Go on.</summary>
    Allowed,
    /// <summary>401.</summary>
    Unauthorized,
    /// <summary>403.</summary>
    Forbidden,
}

/// <summary>Gives the bearer token for outbound connector calls; null in local-development mode.</summary>
public interface IBotTokenProvider
{
    /// <summary>A valid access token (cached until shortly before expiry), or null when no app id is configured.</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}
