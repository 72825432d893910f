using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Exports;

/// <summary>"Exports" section: the key that signs download links and file consent cards, their lifetime and the public address.</summary>
internal sealed class ExportOptions
{
    public const string SectionName = "Exports";

    public const int MinimumKeyLength = 32;

    /// <summary>
    /// The HMAC-SHA256 key of export links (at least 32 characters), the same on every instance (a link made by one is
    /// downloaded from another). Required outside Development; empty in Development = a random key per process (links then
    /// die with the process).
    /// </summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>How long a download link (and a file consent card) stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The app's public base address for download links, e.g. https://salescoach.example.com (the address Teams reaches the
    /// bot on). Empty: the address of the request being answered (fine in local development).
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>The largest file built for an export, in bytes (a team's results of a year stay far below it).</summary>
    [Range(1024, 200 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 20 * 1024 * 1024;
}
