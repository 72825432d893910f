using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SalesCoachBot.Teams.Authentication;

/// <summary>
/// The signing keys of one OpenID issuer, fetched from its metadata and refreshed on a schedule.
/// </summary>
/// <remarks>
/// Not ConfigurationManager: since IdentityModel 8 its RequestRefresh refreshes in the background, so a token signed with a
/// freshly rotated key could not be retried against the new keys deterministically. Here a refresh for an unknown key id is
/// awaited, and allowed at most once per <see cref="UnknownKeyRefreshInterval"/> so a flood of forged key ids cannot make the
/// bot hammer the issuer.
/// </remarks>
internal sealed partial class SigningKeyCache : IDisposable
{
    /// <summary>Least time between two refetches caused by unknown key ids.</summary>
    internal static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>After a failed fetch, scheduled fetches wait this long, so an outage of the issuer is not hammered either.</summary>
    internal static readonly TimeSpan FailedFetchBackoff = TimeSpan.FromSeconds(30);

    private readonly string _metadataUrl;
    private readonly Func<CancellationToken, Task<OpenIdConnectConfiguration>> _fetch;
    private readonly TimeSpan _automaticRefreshInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _fetchLock = new(1, 1);

    private volatile SigningKeySet? _current;
    private DateTimeOffset _lastFailedFetch = DateTimeOffset.MinValue;
    // Ticks (UTC), read without the lock on the hot path of a flood; a long read with Volatile is never torn.
    private long _lastUnknownKeyRefreshTicks = DateTimeOffset.MinValue.UtcTicks;

    public SigningKeyCache(string metadataUrl, Func<CancellationToken, Task<OpenIdConnectConfiguration>> fetch,
        TimeSpan automaticRefreshInterval, TimeProvider time, ILogger logger)
    {
        _metadataUrl = metadataUrl;
        _fetch = fetch;
        _automaticRefreshInterval = automaticRefreshInterval;
        _time = time;
        _logger = logger;
    }

    /// <summary>The current keys, fetched first if missing or older than the automatic refresh interval; null if never fetched.</summary>
    public async Task<SigningKeySet?> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && _time.GetUtcNow() - current.FetchedAt < _automaticRefreshInterval)
        {
            return current;
        }

        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            current = _current;
            var stale = current is null || now - current.FetchedAt >= _automaticRefreshInterval;
            if (stale && now - _lastFailedFetch >= FailedFetchBackoff)
            {
                await FetchLockedAsync(now).ConfigureAwait(false);
            }

            // Stale keys beat no keys while the issuer is unreachable.
            return _current;
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    /// <summary>
    /// Refetches because a token named a key id the cache lacks, unless that was done less than
    /// <see cref="UnknownKeyRefreshInterval"/> ago; returns the keys as they are afterwards.
    /// </summary>
    public async Task<SigningKeySet?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        if (!UnknownKeyRefreshDue(_time.GetUtcNow()))
        {
            return _current;
        }

        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Callers that queued behind a refresh see its result instead of fetching again.
            var now = _time.GetUtcNow();
            if (UnknownKeyRefreshDue(now))
            {
                Volatile.Write(ref _lastUnknownKeyRefreshTicks, now.UtcTicks);
                await FetchLockedAsync(now).ConfigureAwait(false);
            }

            return _current;
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    public void Dispose() => _fetchLock.Dispose();

    private bool UnknownKeyRefreshDue(DateTimeOffset now) =>
        now.UtcTicks - Volatile.Read(ref _lastUnknownKeyRefreshTicks) >= UnknownKeyRefreshInterval.Ticks;

    private async Task FetchLockedAsync(DateTimeOffset now)
    {
        try
        {
            // Not the caller's token: a shared fetch must not fail because one request was aborted.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var configuration = await _fetch(timeout.Token).ConfigureAwait(false);
            _current = SigningKeySet.From(configuration, now);
            LogKeysFetched(_logger, _metadataUrl, _current.Count);
        }
#pragma warning disable CA1031 // Any failure to fetch keeps the old keys; the request then fails as 401, never as 500.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _lastFailedFetch = now;
            LogFetchFailed(_logger, ex, _metadataUrl);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} signing keys from {MetadataUrl}")]
    private static partial void LogKeysFetched(ILogger logger, string metadataUrl, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not fetch signing keys from {MetadataUrl}")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, string metadataUrl);
}

/// <summary>RSA signing keys by key id, as fetched at one moment.</summary>
internal sealed class SigningKeySet
{
    private readonly Dictionary<string, JsonWebKey> _keys;

    private SigningKeySet(Dictionary<string, JsonWebKey> keys, DateTimeOffset fetchedAt)
    {
        _keys = keys;
        FetchedAt = fetchedAt;
    }

    public DateTimeOffset FetchedAt { get; }

    public int Count => _keys.Count;

    public bool TryGetKey(string keyId, out JsonWebKey key) => _keys.TryGetValue(keyId, out key!);

    public static SigningKeySet From(OpenIdConnectConfiguration configuration, DateTimeOffset fetchedAt)
    {
        var keys = new Dictionary<string, JsonWebKey>(StringComparer.Ordinal);
        foreach (var key in configuration.JsonWebKeySet?.Keys ?? [])
        {
            // Only RSA signing keys with an id: tokens are RS256 and always name their key.
            if (string.IsNullOrEmpty(key.Kid)
                || !string.Equals(key.Kty, JsonWebAlgorithmsKeyTypes.RSA, StringComparison.Ordinal)
                || (!string.IsNullOrEmpty(key.Use) && !string.Equals(key.Use, JsonWebKeyUseNames.Sig, StringComparison.Ordinal)))
            {
                continue;
            }

            keys.TryAdd(key.Kid, key);
        }

        return new SigningKeySet(keys, fetchedAt);
    }

    /// <summary>
    /// The channels a Bot Connector key is endorsed for (its "endorsements" member), or an empty list when it has none.
    /// IdentityModel keeps unknown members in AdditionalData, as a JsonElement array.
    /// </summary>
    public static IReadOnlyList<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToList(),
            IEnumerable<string> strings => strings.ToList(),
            IEnumerable<object> objects => objects.OfType<string>().ToList(),
            _ => [],
        };
    }
}
