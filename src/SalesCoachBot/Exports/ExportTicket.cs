using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Exports;

/// <summary>
/// What a download link or a file consent card stands for: who asked (tenant and member row id), which export (kind,
/// sales team row id, period key such as 2026-11, format, language) and until when. No names and no numbers: the file is
/// built again, for a requester who still manages the team, when the link is used.
/// </summary>
internal sealed record ExportTicket(
    string TenantId, long MemberId, string Kind, long TeamId, string PeriodKey, ExportFormat Format, string Language, DateTimeOffset ExpiresAt);

/// <summary>What reading a token found.</summary>
internal enum TicketCheck
{
    Valid = 0,

    /// <summary>Not a token this app signed (or altered since).</summary>
    Forged = 1,

    /// <summary>Signed here, but past its expiry.</summary>
    Expired = 2,
}

/// <summary>
/// Signs and reads export tickets: base64url(JSON) "." base64url(HMAC-SHA256 over that JSON) with Exports:SigningKey,
/// compared in constant time. URL-safe, so it is the link's last path segment and the file consent card's context.
/// </summary>
internal sealed partial class ExportSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly IOptions<ExportOptions> _options;

    public ExportSigner(IOptions<ExportOptions> options, TimeProvider time, ILogger<ExportSigner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        var configured = options.Value.SigningKey;
        if (string.IsNullOrEmpty(configured))
        {
            // Only reachable in Development (the options refuse to start elsewhere without a key).
            _key = RandomNumberGenerator.GetBytes(32);
            LogRandomKey(logger);
        }
        else
        {
            _key = Encoding.UTF8.GetBytes(configured);
        }
    }

    /// <summary>A ticket for this request, valid for Exports:LinkLifetime from now.</summary>
    public ExportTicket Issue(string tenantId, long memberId, string kind, long teamId, string periodKey, ExportFormat format, string language) =>
        new(tenantId, memberId, kind, teamId, periodKey, format, language, _time.GetUtcNow() + _options.Value.LinkLifetime);

    /// <summary>The same ticket with a new lifetime from now (a declined card's link).</summary>
    public ExportTicket Renew(ExportTicket ticket) => ticket with { ExpiresAt = _time.GetUtcNow() + _options.Value.LinkLifetime };

    public string Sign(ExportTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(
            ticket.TenantId, ticket.MemberId, ticket.Kind, ticket.TeamId, ticket.PeriodKey, ticket.Format == ExportFormat.Csv ? "csv" : "xlsx",
            ticket.Language, ticket.ExpiresAt.ToUnixTimeSeconds()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    public TicketCheck TryRead(string? token, out ExportTicket? ticket)
    {
        ticket = null;
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || token.Split('.') is not [var body, var signature])
        {
            return TicketCheck.Forged;
        }

        byte[] payload;
        byte[] mac;
        try
        {
            payload = Base64Url.DecodeFromChars(body);
            mac = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            return TicketCheck.Forged;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            return TicketCheck.Forged;
        }

        Payload? read;
        try
        {
            read = JsonSerializer.Deserialize<Payload>(payload);
        }
        catch (JsonException)
        {
            return TicketCheck.Forged;
        }

        if (read is null || read.TenantId is null || read.Kind is null || read.PeriodKey is null || read.Language is null
            || read.Format is not ("csv" or "xlsx"))
        {
            return TicketCheck.Forged;
        }

        ticket = new ExportTicket(
            read.TenantId, read.MemberId, read.Kind, read.TeamId, read.PeriodKey, read.Format == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx,
            read.Language, DateTimeOffset.FromUnixTimeSeconds(read.ExpiresAt));
        return ticket.ExpiresAt <= _time.GetUtcNow() ? TicketCheck.Expired : TicketCheck.Valid;
    }

    /// <summary>The format word as links, files and the admin API write it.</summary>
    public static string FormatWord(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    /// <summary>Reads csv or xlsx (any case).</summary>
    public static bool TryReadFormat(string? word, out ExportFormat format)
    {
        format = ExportFormat.Xlsx;
        switch (word?.Trim().ToLowerInvariant())
        {
            case "xlsx":
                return true;
            case "csv":
                format = ExportFormat.Csv;
                return true;
            default:
                return false;
        }
    }

    private sealed record Payload(
        [property: JsonPropertyName("t")] string? TenantId,
        [property: JsonPropertyName("m")] long MemberId,
        [property: JsonPropertyName("k")] string? Kind,
        [property: JsonPropertyName("s")] long TeamId,
        [property: JsonPropertyName("p")] string? PeriodKey,
        [property: JsonPropertyName("f")] string? Format,
        [property: JsonPropertyName("l")] string? Language,
        [property: JsonPropertyName("e")] long ExpiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exports:SigningKey is not set: export links are signed with a random key of this process (Development only); links stop working on restart and on other instances.")]
    private static partial void LogRandomKey(ILogger logger);
}
