using Microsoft.Extensions.Options;
using SalesCoachBot.Exports;

namespace SalesCoachBot.Features.Exports;

/// <summary>
/// Download links <c>{base}/exports/{token}</c>: the base is Exports:PublicBaseUrl, else the address of the request being
/// answered (local development). The token names ids only, never names or amounts.
/// </summary>
internal sealed class ExportLinks(ExportSigner signer, IOptions<ExportOptions> options, IHttpContextAccessor http)
{
    public const string Path = "/exports";

    /// <summary>Minutes a link lives, as the messages tell it.</summary>
    public int LifetimeMinutes => (int)Math.Round(options.Value.LinkLifetime.TotalMinutes);

    public string For(ExportTicket ticket)
    {
        var configured = options.Value.PublicBaseUrl;
        var baseUrl = configured.Length > 0
            ? configured.TrimEnd('/')
            : http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "http://localhost";
        return $"{baseUrl}{Path}/{signer.Sign(ticket)}";
    }
}
