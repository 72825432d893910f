using System.ComponentModel.DataAnnotations;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Imports;

/// <summary>"Imports" section: where uploaded files may be downloaded from, how big they may be and how long they are kept.</summary>
internal sealed class ImportOptions
{
    public const string SectionName = "Imports";

    /// <summary>Teams file storage: SharePoint / OneDrive for Business, worldwide, China (21Vianet) and Microsoft's own test ring.</summary>
    public static IReadOnlyList<string> DefaultDownloadHosts { get; } = ["*.sharepoint.com", "*.sharepoint.cn", "*.sharepoint-df.com"];

    /// <summary>
    /// Hosts the bot downloads uploaded files from (https only). Teams hands over a pre-authenticated SharePoint/OneDrive
    /// link, so anything else is not a Teams upload. <c>*.example.com</c> matches sub-domains only. Empty = the defaults
    /// (set after binding, because the configuration binder appends to an array rather than replacing it).
    /// </summary>
    public string[] DownloadHosts { get; set; } = [];

    /// <summary>Also accept plain http to 127.0.0.1 / localhost: for tests and local development only.</summary>
    public bool AllowHttpLoopback { get; set; }

    /// <summary>Largest file read, in bytes; counted while streaming, whatever Content-Length says.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Most data rows read from one file.</summary>
    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 20_000;

    /// <summary>Most columns a file may span, first to last used column (the importers need a handful).</summary>
    [Range(1, 1_000)]
    public int MaxColumns { get; set; } = UploadLimits.DefaultMaxColumns;

    /// <summary>Most bytes an XLSX may unpack to (its zip entries added up); also checked: entry count and packing ratio.</summary>
    [Range(1024 * 1024, 1024L * 1024 * 1024)]
    public long MaxUnpackedBytes { get; set; } = UploadLimits.DefaultMaxUnpackedBytes;

    /// <summary>The reader's limits from these settings.</summary>
    public UploadLimits Limits => new(MaxRows, MaxColumns, MaxUnpackedBytes);

    /// <summary>
    /// Most uploads downloaded and read at once on one instance, outside the requests; further uploads wait their turn.
    /// Reading holds the whole file in memory, so this bounds the memory uploads can take.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrentReads { get; set; } = 2;

    /// <summary>How long the download may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a preview can still be confirmed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PreviewLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long imported or cancelled uploads are kept (from upload) before the daily cleanup deletes them.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan FinishedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Rows the daily cleanup deletes per statement, so one run never holds a long lock.</summary>
    [Range(1, 100_000)]
    public int CleanupBatchSize { get; set; } = 500;
}
