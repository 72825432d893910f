using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SalesCoachBot.Features.Crm;

/// <summary>Why a request's signature was refused (None = valid).</summary>
public enum SignatureFailure
{
    None,
    MissingHeaders,
    MalformedTimestamp,
    MalformedSignature,
    Mismatch,
    OutsideWindow,
}

/// <summary>
/// The webhook signature: <c>X-SalesCoach-Signature: sha256=&lt;hex&gt;</c> where hex is HMAC-SHA256(secret,
/// "{X-SalesCoach-Timestamp}.{raw body}"). The timestamp is signed too, so a captured request cannot be replayed
/// with a fresh timestamp once it falls out of the window.
/// </summary>
internal static class CrmSignature
{
    public const string TimestampHeader = "X-SalesCoach-Timestamp";
    public const string SignatureHeader = "X-SalesCoach-Signature";
    public const string Scheme = "sha256=";

    /// <summary>The header value for a body (what a sender computes; tests and tools use it too).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    public static SignatureFailure Verify(
        string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureFailure.MissingHeaders;
        }

        // Digits only: no sign, spaces or exponent, so the signed text has one spelling.
        if (timestamp.Length > 12 || !timestamp.All(char.IsAsciiDigit)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureFailure.MalformedTimestamp;
        }

        if (!signature.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            || signature.Length != Scheme.Length + (HMACSHA256.HashSizeInBytes * 2)
            || !TryFromHex(signature.AsSpan(Scheme.Length), out var presented))
        {
            return SignatureFailure.MalformedSignature;
        }

        if (!CryptographicOperations.FixedTimeEquals(presented, Mac(secret, timestamp, body)))
        {
            return SignatureFailure.Mismatch;
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        return (now - sent).Duration() > tolerance ? SignatureFailure.OutsideWindow : SignatureFailure.None;
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    private static bool TryFromHex(ReadOnlySpan<char> hex, out byte[] bytes)
    {
        bytes = new byte[hex.Length / 2];
        return Convert.FromHexString(hex, bytes, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == bytes.Length;
    }
}
