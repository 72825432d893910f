using System.Net.Http.Headers;

namespace SalesCoachBot.Teams.Files;

/// <summary>
/// Uploads a file to the upload session Teams gives on an accepted file consent card (<see cref="FileUploadInfo.UploadUrl"/>,
/// a OneDrive upload session): PUT requests with <c>Content-Range: bytes {first}-{last}/{total}</c>, one for a small file,
/// else chunks of <see cref="ChunkBytes"/> (a multiple of 320 KiB, as OneDrive requires). The URL is pre-authenticated, so
/// no bot token is ever sent; it is accepted only over https (plain http to loopback only when the caller allows it, for
/// local development and tests). Register it as a typed HttpClient.
/// </summary>
public sealed class FileUploadClient(HttpClient http)
{
    /// <summary>OneDrive takes chunks in multiples of this size (320 KiB).</summary>
    public const int ChunkUnit = 320 * 1024;

    /// <summary>The size of each PUT but the last: 10 × 320 KiB.</summary>
    public const int ChunkBytes = 10 * ChunkUnit;

    /// <summary>True when files may be PUT to <paramref name="url"/>: https, or http(s) to loopback when <paramref name="allowLoopback"/>.</summary>
    public static bool IsAllowed(Uri? url, bool allowLoopback) =>
        url is { IsAbsoluteUri: true }
        && (url.Scheme == Uri.UriSchemeHttps || allowLoopback && url.IsLoopback && url.Scheme == Uri.UriSchemeHttp)
        && (!url.IsLoopback || allowLoopback);

    /// <summary>PUTs <paramref name="content"/> to the upload session; throws <see cref="FileUploadException"/> on a refused URL or a non-2xx answer.</summary>
    public async Task UploadAsync(Uri uploadUrl, ReadOnlyMemory<byte> content, bool allowLoopback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploadUrl);
        if (!IsAllowed(uploadUrl, allowLoopback))
        {
            throw new FileUploadException("The upload URL is not https.");
        }

        var total = content.Length;
        var first = 0;
        do
        {
            var length = Math.Min(ChunkBytes, total - first);
            using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl);
            request.Content = new ReadOnlyMemoryContent(content.Slice(first, length));
            request.Content.Headers.ContentLength = length;
            request.Content.Headers.ContentRange = total == 0 ? new ContentRangeHeaderValue(0) : new ContentRangeHeaderValue(first, first + length - 1, total);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new FileUploadException($"The upload session answered {(int)response.StatusCode}.");
            }

            first += length;
        }
        while (first < total);
    }
}

/// <summary>A file could not be uploaded to a file consent upload session.</summary>
public sealed class FileUploadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FileUploadException()
    {
    }

    /// <summary>Creates the exception with a message (no URL: it is a credential).</summary>
    public FileUploadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public FileUploadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
