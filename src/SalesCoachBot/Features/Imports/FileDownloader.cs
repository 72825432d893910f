using System.Net;
using Microsoft.Extensions.Options;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Imports;

/// <summary>Why a file could not be fetched; each has its own short message to the user.</summary>
internal enum DownloadFailure
{
    None,
    HostNotAllowed,
    TooLarge,
    Unavailable,
}

/// <summary>
/// Fetches a file Teams says the member uploaded. The link is pre-authenticated, so no token is sent; only https to the
/// allowed hosts, no redirects (a redirect could leave the allow-list), a size cap enforced while reading and a timeout.
/// </summary>
internal sealed partial class FileDownloader(IHttpClientFactory clients, IOptions<ImportOptions> options, ILogger<FileDownloader> logger)
{
    public const string ClientName = "imports";

    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = options.Value;
        if (settings.AllowHttpLoopback && url.IsLoopback && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return true;
        }

        if (url.Scheme != Uri.UriSchemeHttps || !url.IsDefaultPort && url.Port != 443)
        {
            return false;
        }

        var host = url.IdnHost.TrimEnd('.');
        foreach (var pattern in settings.DownloadHosts)
        {
            var allowed = pattern.Trim().TrimEnd('.');
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length - 1
                : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The file's bytes, or why not.</summary>
    public async Task<(byte[]? Content, DownloadFailure Failure)> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsAllowed(url))
        {
            LogHostRefused(logger, url.Host);
            return (null, DownloadFailure.HostNotAllowed);
        }

        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.DownloadTimeout);
        try
        {
            var client = clients.CreateClient(ClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                LogDownloadStatus(logger, (int)response.StatusCode);
                return (null, DownloadFailure.Unavailable);
            }

            using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var content = await UploadedTable.ReadLimitedAsync(body, response.Content.Headers.ContentLength, settings.MaxFileBytes, timeout.Token)
                .ConfigureAwait(false);
            return content is null ? (null, DownloadFailure.TooLarge) : (content, DownloadFailure.None);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDownloadTimedOut(logger, settings.DownloadTimeout);
            return (null, DownloadFailure.Unavailable);
        }
        catch (HttpRequestException exception)
        {
            LogDownloadFailed(logger, exception);
            return (null, DownloadFailure.Unavailable);
        }
    }

    // Only the host: the path and query of a pre-authenticated link are a credential.
    [LoggerMessage(Level = LogLevel.Warning, Message = "An uploaded file's link points to {Host}, which is not an allowed download host")]
    private static partial void LogHostRefused(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Downloading an uploaded file answered {Status}")]
    private static partial void LogDownloadStatus(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Downloading an uploaded file took longer than {Timeout}")]
    private static partial void LogDownloadTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Downloading an uploaded file failed")]
    private static partial void LogDownloadFailed(ILogger logger, Exception exception);
}
